"""Stage 5: the same real-world event reported by several documents becomes one story.

A first version: events are blocked by type and country, then joined when their
dates overlap (within ``window_days``), their modes agree and their participants do
not conflict.  Corroboration counts independent outlets: documents whose events
carry word-for-word the same evidence (syndicated copies) count once.  Conflicting
figures (dates, tolls, numbers detained) are kept side by side, never averaged.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from eventwatch.model import stable_id

__all__ = ["Story", "link_events"]

_COMPATIBLE_MODES = {frozenset({"conspiracy", "attempt"})}
_WORD = re.compile(r"\w+")
_DATELINE = re.compile(r"^[^—–]{0,80}(?:—|–|--)\s*")


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass(slots=True)
class Story:
    """One real-world event and the reports of it."""

    id: str
    event_type: str
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def doc_ids(self) -> list[str]:
        return sorted({e["doc_id"] for e in self.events})

    def independent_sources(
        self, documents: Mapping[str, dict[str, Any]] | None = None
    ) -> list[str]:
        """One name per independent source.

        Reports of one outlet count once, and so do syndicated copies: a report whose
        evidence shares most of its words with an earlier outlet's is that outlet's copy.
        """
        sources: list[tuple[str, set[str]]] = []
        for event in sorted(self.events, key=lambda e: (e["date"]["start"] or "", e["doc_id"])):
            doc = event["doc_id"]
            outlet = ((documents or {}).get(doc) or {}).get("outlet") or event.get("outlet") or doc
            words = set(_WORD.findall(_DATELINE.sub("", event["evidence"]["text"]).lower()))
            copied = next((name for name, seen in sources if _jaccard(words, seen) >= 0.7), None)
            sources.append((copied or outlet, words))
        return sorted({name for name, _ in sources})

    def conflicts(self) -> dict[str, list[dict[str, Any]]]:
        """Fields on which the reports disagree, each value with the events and outlets that give it."""
        found: dict[str, list[dict[str, Any]]] = {}
        fields = {
            "date": lambda e: e["date"]["start"] if e["date"]["basis"] == "text" else None,
            **{
                key: (lambda e, k=key: e["counts"].get(k))
                for key in ("killed", "injured", "arrested")
            },
        }
        for name, read in fields.items():
            values: dict[Any, list[str]] = defaultdict(list)
            for event in self.events:
                value = read(event)
                if value is not None:
                    values[value].append(event["id"])
            if len(values) > 1:
                found[name] = [
                    {"value": v, "event_ids": ids} for v, ids in sorted(values.items(), key=str)
                ]
        return found

    def earliest(self) -> str | None:
        starts = [e["date"]["start"] for e in self.events if e["date"]["start"]]
        return min(starts) if starts else None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _overlap(a: dict[str, Any], b: dict[str, Any], window: timedelta) -> bool:
    a0, a1 = _day(a["date"]["start"]), _day(a["date"]["end"])
    b0, b1 = _day(b["date"]["start"]), _day(b["date"]["end"])
    if None in (a0, a1, b0, b1):
        return False
    return a0 - window <= b1 and b0 - window <= a1  # type: ignore[operator]


_FUNCTION_WORDS = frozenset("of for the and de al".split())


def _proper(name: str) -> bool:
    """ "Mohamed Bazoum", "State Committee for National Security": a name, not a description."""
    words = [w for w in name.split() if w.lower() not in _FUNCTION_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words) and not words[0][:1].isdigit()


def _participants_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    for role in ("actor", "recipient"):
        x, y = a.get(role), b.get(role)
        if not (x and y and _proper(x["name"]) and _proper(y["name"])):
            continue
        first, second = x["name"].lower(), y["name"].lower()
        if x.get("id") != y.get("id") and first not in second and second not in first:
            return False
    return True


def _modes_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    x, y = a.get("mode"), b.get("mode")
    return x is None or y is None or x == y or frozenset({x, y}) in _COMPATIBLE_MODES


def _places_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Places stated with both events must be the same area (within 100 km); inferred ones never disagree."""
    x, y = a.get("location") or {}, b.get("location") or {}
    if not (x.get("text") and y.get("text")):
        return True
    if x.get("country") != y.get("country"):
        return False
    if None in (x.get("lat"), x.get("lon"), y.get("lat"), y.get("lon")):
        return True
    return _km(x["lat"], x["lon"], y["lat"], y["lon"]) <= 100


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def link_events(events: Iterable[dict[str, Any]], *, window_days: int = 3) -> list[Story]:
    """Group event records (``EventRecord.to_dict()`` shape) from many documents into stories.

    Events are compared only within their block (type and country), so the cost grows
    with the size of the blocks, not with the square of the whole collection.
    Two events of one document are never joined here: extraction already merged
    those that are the same.

    Args:
        events: event records.
        window_days: how far apart two reports' dates may be and still be one event.

    Returns:
        Stories, each with at least one event, in order of their earliest date.
    """
    window = timedelta(days=window_days)
    blocks: dict[tuple[str, str | None], list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        if event["factuality"] in {"hypothetical", "negated", "planned"}:
            continue
        country = (event.get("location") or {}).get("country")
        blocks[(event["event_type"], country)].append(event)
    stories: list[Story] = []
    for (event_type, _country), members in blocks.items():
        members.sort(key=lambda e: (e["date"]["start"] or "9999", e["id"]))
        open_stories: list[Story] = []
        for event in members:
            home = None
            for story in open_stories:
                if event["doc_id"] in story.doc_ids:
                    continue
                if all(
                    _overlap(event, other, window)
                    and _modes_agree(event, other)
                    and _participants_agree(event, other)
                    and _places_agree(event, other)
                    for other in story.events
                ):
                    home = story
                    break
            if home is None:
                home = Story(id="", event_type=event_type)
                open_stories.append(home)
            home.events.append(event)
        stories.extend(open_stories)
    for story in stories:
        story.id = stable_id("story", *sorted(e["id"] for e in story.events))
    stories.sort(key=lambda s: (s.earliest() or "9999", s.id))
    return stories
