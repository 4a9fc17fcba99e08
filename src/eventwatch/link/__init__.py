"""Stage 5: the same real-world event reported by several documents becomes one story.

Two reports are of one event when they are of the same kind (type and, where
it tells events apart, a compatible mode), in the same country (for events that
happen somewhere: attacks, protests, arrests, coups), at compatible times (their date ranges,
widened by ``window_days``, overlap; a report with no date of its own is taken to
describe something on or in the days before its publication), at compatible
places (within 100 km when both name one) and with compatible participants (no
two different named actors or recipients).  A report joins a story only if it is
compatible with every report already in it, so look-alike events (two plots
months apart, two arrests of different people on one day) stay apart.

Some reports reach further, and need evidence to link (:mod:`eventwatch.link.compare`):
reports of related kinds (a coup told as the president's detention, a sentence
told as a jailing, a protest told through the police firing at it) and reports
dated only to a month or a year ("in January it detained seven people").  They
link when they share a named participant or enough rare words (names, numbers,
places) with a report of the story.  Evidence also orders the links: the pairs
that share most are joined first, so the outcome does not depend on input order.

Cost grows near-linearly: events are indexed by kind and, within that, by date, so
each event is compared only with the reports of its kind (and related kinds) whose
dates fall within reach — never with the whole collection.
:class:`StoryLinker` links incrementally (the store feeds it each ingest batch
with the stored events in reach); :func:`link_events` links a list at once.

A :class:`~eventwatch.link.story.Story` counts its independent outlets and keeps
conflicting figures side by side (:mod:`eventwatch.link.story`).
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwatch.link.compare import (
    AGREE,
    DISAGREE,
    MAX_SPAN_DAYS,
    RELATED_TYPES,
    RELATED_WINDOW_DAYS,
    STRONG_EVIDENCE,
    UNDATED_LOOKBACK_DAYS,
    Report,
    TermStats,
    compatible,
    evidence,
    interval,
    may_found_link,
)
from eventwatch.link.story import Story, vaguely_dated
from eventwatch.model import stable_id

__all__ = [
    "MAX_SPAN_DAYS",
    "UNDATED_LOOKBACK_DAYS",
    "UNLINKED_FACTUALITY",
    "Story",
    "StoryLinker",
    "link_events",
    "link_order",
    "linkable",
]

#: Events of these factuality values describe nothing that happened; they are not linked.
UNLINKED_FACTUALITY = frozenset({"hypothetical", "negated", "planned"})


def linkable(event: dict[str, Any]) -> bool:
    """Whether an event can join a story: it happened (or was plotted) and has a usable date."""
    return event.get("factuality") not in UNLINKED_FACTUALITY and interval(event) is not None


def link_order(event: dict[str, Any]) -> tuple[bool, bool, str, str]:
    """Events with a day of their own first, then by date; events dated only by publication
    next, and those dated only to a month or a year last: the first found the stories
    that the others join."""
    return (
        vaguely_dated(event),
        event["date"].get("basis") != "text",
        event["date"].get("start") or "9999",
        event["id"],
    )


def _story_type(events: list[dict[str, Any]]) -> str:
    """The kind most reports give; on a tie, the kind of the first report in link order."""
    counts = Counter(e["event_type"] for e in events)
    first = min(events, key=link_order)["event_type"]
    return max(counts, key=lambda t: (counts[t], t == first, t))


@dataclass(slots=True)
class _Block:
    """The reports of one kind, ordered by the first day they may have happened.

    Reports added in bulk are appended and sorted once, when the block is next read;
    reports added one at a time are inserted in place.
    """

    starts: list[tuple[int, str]] = field(default_factory=list)
    widest: int = 0
    unsorted: bool = False

    def add(self, report: Report, *, bulk: bool) -> None:
        entry = (report.days[0], report.event["id"])
        if bulk:
            self.starts.append(entry)
            self.unsorted = True
        else:
            self.ordered().insert(bisect.bisect_left(self.starts, entry), entry)
        self.widest = max(self.widest, report.days[1] - report.days[0])

    def ordered(self) -> list[tuple[int, str]]:
        if self.unsorted:
            self.starts.sort()
            self.unsorted = False
        return self.starts


_RELATED_BLOCKS: dict[str, tuple[str, ...]] = defaultdict(tuple)
for _pair in RELATED_TYPES:
    for _kind in _pair:
        _RELATED_BLOCKS[_kind] = tuple(sorted({*_RELATED_BLOCKS[_kind], *(_pair - {_kind})}))


class StoryLinker:
    """Links events into stories, comparing each with the events in reach.

    Events are indexed by kind and date: reports dated to a day (or by publication)
    in one index, reports dated only to a month or a year in another, so that the
    vague few do not widen every lookup.

    Args:
        window_days: how far apart two reports' dates may be and still be one event.
    """

    def __init__(self, *, window_days: int = 3) -> None:
        self.window = window_days
        self.stories: dict[str, Story] = {}
        self.story_of: dict[str, str] = {}
        self.touched: set[str] = set()
        self.terms = TermStats()
        self._reports: dict[str, Report] = {}
        self._blocks: dict[tuple[str, bool], _Block] = defaultdict(_Block)
        self._pairs: dict[tuple[str, str], tuple[int, float]] = {}

    # ------------------------------------------------------------------ index

    def _report(self, event: dict[str, Any]) -> Report:
        report = self._reports.get(event["id"])
        if report is None:
            report = self._reports[event["id"]] = Report.of(event)
            self.terms.add(event["doc_id"], report.terms)
        return report

    def _index(self, report: Report, *, bulk: bool = False) -> None:
        self._blocks[(report.type, report.vague)].add(report, bulk=bulk)

    def _in_reach(self, report: Report) -> list[Report]:
        """The indexed reports that may found a link with ``report``: of its kind with
        dates within the window, of related kinds with dates within
        :data:`RELATED_WINDOW_DAYS` (a related pair further apart never founds one)."""
        start, end = report.days
        found = []
        for kind in (report.type, *_RELATED_BLOCKS[report.type]):
            reach = self.window if kind == report.type else min(self.window, RELATED_WINDOW_DAYS)
            for vague in (False, True):
                if kind != report.type and (vague or report.vague):
                    continue  # a vague date reaches only its own kind
                block = self._blocks.get((kind, vague))
                if block is None:
                    continue
                starts = block.ordered()
                lo = bisect.bisect_left(starts, (start - reach - block.widest, ""))
                hi = bisect.bisect_right(starts, (end + reach, "\uffff"))
                for _, event_id in starts[lo:hi]:
                    other = self._reports[event_id]
                    if other.days[1] + reach >= start and other.days[0] - reach <= end:
                        found.append(other)
        return found

    # ------------------------------------------------------------------ pairs

    def _pair(self, a: Report, b: Report, *, keep: bool = True) -> tuple[int, float]:
        """``(agreement, evidence)`` of two reports (:func:`compatible`), computed once
        (``keep=False``: not remembered unless it was already)."""
        key = _pair_key(a, b)
        known = self._pairs.get(key)
        if known is None:
            level = compatible(a, b, window=self.window)
            known = (level, evidence(a, b, self.terms) if level else 0.0)
            if keep:
                self._pairs[key] = known
        return known

    def _link_score(self, a: Report, b: Report) -> float | None:
        """The evidence of a pair that may join two stories on its own, None if it may not.

        Only such pairs are remembered: most pairs in reach never found a link, and
        complete linkage asks again only for the few between reports of two stories.
        """
        level, score = self._pair(a, b, keep=False)
        if not may_found_link(a, b, level, score):
            return None
        self._pairs[_pair_key(a, b)] = (level, score)
        return score

    def _fit(self, mine: Iterable[Report], theirs: Iterable[Report], score: float) -> bool:
        """Complete linkage: every report of one group agrees with every report of the
        other (where a country was only inferred, strong evidence for the link will do)."""
        theirs = list(theirs)
        for a in mine:
            for b in theirs:
                level, own = self._pair(a, b)
                if level == DISAGREE or level < AGREE and max(own, score) < STRONG_EVIDENCE:
                    return False
        return True

    # ------------------------------------------------------------------ linking

    def seed(self, event: dict[str, Any], story_id: str) -> None:
        """Add an event already linked (e.g. stored) to its story, without re-linking it."""
        if event["id"] in self.story_of or not linkable(event):
            return
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = Story(id=story_id, event_type=event["event_type"])
        story.events.append(event)
        story.event_type = _story_type(story.events)
        self.story_of[event["id"]] = story_id
        self._index(self._report(event))

    def add(self, event: dict[str, Any]) -> str | None:
        """Link one event; returns its story's id (None if the event cannot be linked).

        The event joins the story it shares most evidence with among those it is
        compatible with throughout; otherwise it founds a story.
        """
        if event["id"] in self.story_of:
            return self.story_of[event["id"]]
        if not linkable(event):
            return None
        report = self._report(event)
        best: Story | None = None
        best_score = -1.0
        scores: dict[str, float] = {}
        for other in self._in_reach(report):
            score = self._link_score(report, other)
            if score is not None:
                story_id = self.story_of[other.event["id"]]
                scores[story_id] = max(scores.get(story_id, -1.0), score)
        for story_id, score in sorted(scores.items()):
            story = self.stories[story_id]
            members = (self._reports[e["id"]] for e in story.events)
            if score > best_score and self._fit([report], members, score):
                best, best_score = story, score
        if best is None:
            best = Story(id=stable_id("story", event["id"]), event_type=event["event_type"])
            self.stories[best.id] = best
        best.events.append(event)
        best.event_type = _story_type(best.events)
        self.story_of[event["id"]] = best.id
        self.touched.add(best.id)
        self._index(report)
        return best.id

    def add_all(self, events: Iterable[dict[str, Any]]) -> None:
        """Link many events at once, joining first the stories that share most evidence.

        Every pair of events in reach of each other that may found a link is scored
        (:data:`LINK_BASE` plus its evidence).  Stories start as single events; the
        two stories with the greatest total score between them are joined, if every
        report of one is compatible with every report of the other (complete
        linkage), and so on until no pair is left.  Unlike :meth:`add`, the outcome
        does not depend on the order of ``events``; stories already linked (seeded)
        may grow but are not merged with each other.
        """
        new = sorted(
            (e for e in events if e["id"] not in self.story_of and linkable(e)), key=link_order
        )
        reports = [self._report(e) for e in new]  # all terms counted before any pair is scored
        for report in reports:
            self._index(report, bulk=True)
        members: dict[str, list[Report]] = {r.event["id"]: [r] for r in reports}
        cluster: dict[str, str] = {r.event["id"]: r.event["id"] for r in reports}
        for story_id, story in self.stories.items():
            members[story_id] = [self._reports[e["id"]] for e in story.events]
            for event in story.events:
                cluster[event["id"]] = story_id
        fresh_ids = set(cluster) - set(self.story_of)
        links: dict[str, dict[str, _Link]] = defaultdict(dict)
        for report in reports:
            mine = report.event["id"]
            for other in self._in_reach(report):
                theirs = other.event["id"]
                if theirs in fresh_ids and theirs <= mine:
                    continue  # each pair of new events once
                score = self._link_score(report, other)
                if score is not None:
                    x, y = cluster[mine], cluster[theirs]
                    link = links[x].get(y) or _Link()
                    link.add(score, _gap_days(report, other))
                    links[x][y] = links[y][x] = link
        heap = [(link.key(), x, y) for x in links for y, link in links[x].items() if x < y]
        heapq.heapify(heap)
        while heap:
            key, x, y = heapq.heappop(heap)
            link = links.get(x, {}).get(y)
            if link is None or link.key() != key:
                continue  # stale: one side was merged since
            del links[x][y], links[y][x]
            if x in self.stories and y in self.stories:
                continue  # stories already linked are not merged here
            if not self._fit(members[x], members[y], link.best):
                continue  # clusters only grow, so they will never fit
            keep, gone = (y, x) if y in self.stories or x not in self.stories and y < x else (x, y)
            for report in members[gone]:
                cluster[report.event["id"]] = keep
            members[keep].extend(members.pop(gone))
            for neighbour, other_link in links.pop(gone).items():
                del links[neighbour][gone]
                merged = links[keep].get(neighbour)
                if merged is None:
                    merged = links[keep][neighbour] = links[neighbour][keep] = _Link()
                merged.absorb(other_link)
            for neighbour, merged in links[keep].items():
                heapq.heappush(heap, (merged.key(), *sorted((keep, neighbour))))
        for key, group in members.items():
            fresh = [r.event for r in group if r.event["id"] not in self.story_of]
            if not fresh:
                continue
            story = self.stories.get(key)
            if story is None:
                founder = min((r.event for r in group), key=link_order)
                story = Story(id=stable_id("story", founder["id"]), event_type="")
                self.stories[story.id] = story
            story.events.extend(sorted(fresh, key=link_order))
            story.event_type = _story_type(story.events)
            for event in fresh:
                self.story_of[event["id"]] = story.id
            self.touched.add(story.id)


#: What every pair that may found a link adds to its stories' total, beyond its evidence:
#: of two stories sharing no rare word, the one more reports agree with comes first.
LINK_BASE = 0.25
#: What each day between a pair's dates takes off: reports that agree on the day first.
GAP_COST = 0.25


@dataclass(slots=True)
class _Link:
    """The links between two stories: their total score, best pair and closest dates."""

    total: float = 0.0
    best: float = 0.0
    gap: int = 1 << 30

    def add(self, score: float, gap: int) -> None:
        self.total += LINK_BASE + score - GAP_COST * gap
        self.best = max(self.best, score)
        self.gap = min(self.gap, gap)

    def absorb(self, other: _Link) -> None:
        self.total += other.total
        self.best = max(self.best, other.best)
        self.gap = min(self.gap, other.gap)

    def key(self) -> tuple[float, int]:
        return (-round(self.total, 6), self.gap)


def _pair_key(a: Report, b: Report) -> tuple[str, str]:
    first, second = a.event["id"], b.event["id"]
    return (first, second) if first < second else (second, first)


def _gap_days(a: Report, b: Report) -> int:
    return max(0, max(a.days[0], b.days[0]) - min(a.days[1], b.days[1]))


def link_events(events: Iterable[dict[str, Any]], *, window_days: int = 3) -> list[Story]:
    """Group event records (``EventRecord.to_dict()`` shape) from many documents into stories.

    Events are linked at once through :meth:`StoryLinker.add_all` (the stories that
    share most evidence are joined first, whatever the input order), comparing each
    event only with the reports in reach of it, so the cost grows with the number of
    reports within reach of each event, not with the square of the collection.  Events that cannot be linked (hypothetical, negated or planned,
    or with no usable date) are left out.

    Args:
        events: event records.
        window_days: how far apart two reports' dates may be and still be one event.

    Returns:
        Stories, each with at least one event, in order of their earliest date.
    """
    linker = StoryLinker(window_days=window_days)
    linker.add_all(events)
    stories = list(linker.stories.values())
    stories.sort(key=lambda s: (s.earliest() or "9999", s.id))
    return stories
