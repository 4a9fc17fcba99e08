"""Story clustering and entity linking against a gold corpus of multi-outlet reports.

PATH is a folder holding ``documents.jsonl``, ``stories.jsonl`` and
``entities.jsonl``, or a folder of such folders (every subfolder with the three
files is read; the team's corpus is ``tests/gold/stories/``; its README gives the
format).  All documents go through one pipeline run, so entities are joined
across them, and their events are linked with :func:`eventwatch.link.link_events`.

A gold *report* is a phrase (``anchor``) of a document that reports a story's
event; the predicted event of that report is the event whose evidence (or one of
its merged mentions) holds the anchor — the one whose event word lies in the
anchor if several do, then one of the story's type, else of a related type — and only when none does, the document's event of the story's
type nearest the anchor.  Scores:

- ``stories.bcubed_precision`` / ``_recall`` / ``_f1``: B-cubed over gold reports,
  the predicted cluster of a report being its event's story (a report with no
  event is a cluster of its own).
- ``stories.reports_found``: share of gold reports with a predicted event.
- ``entities.accuracy``: share of gold entity mentions linked right: the mention
  has a predicted entity, it is the entity most of the gold entity's mentions
  get, and no other gold entity claims that predicted entity with more mentions.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwatch.errors import InputError
from eventwatch.evaluate.items import Item, Prediction, RunNotes, WorstMisses, shorten
from eventwatch.evaluate.report import EvalReport
from eventwatch.ingest import iter_documents
from eventwatch.link import link_events
from eventwatch.link.compare import related
from eventwatch.model import Document

__all__ = ["StoriesScorer", "bcubed", "read_items"]

FILES = ("documents.jsonl", "stories.jsonl", "entities.jsonl")


@dataclass(slots=True)
class StoryGold:
    """What the gold says of one document: its reports and its entity mentions."""

    reports: list[dict[str, Any]] = field(default_factory=list)  # {"story", "event_type", "anchor"}
    mentions: list[dict[str, Any]] = field(default_factory=list)  # {"entity", "text"}


def _corpus_folders(path: Path) -> list[Path]:
    folders = [
        p
        for p in [path, *sorted(path.iterdir())]
        if p.is_dir() and all((p / f).is_file() for f in FILES)
    ]
    if not folders:
        raise InputError(str(path), f"holds no folder with {', '.join(FILES)}")
    return folders


def _json_lines(path: Path, notes: RunNotes) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            notes.skip(f"malformed line in {path.name}")
            continue
        if isinstance(row, dict):
            yield row
        else:
            notes.skip(f"{path.name} line {number} is not an object")


def read_items(path: Path, notes: RunNotes) -> Iterator[Item]:
    """The corpus documents, each with its gold reports and entity mentions."""
    if not path.is_dir():
        raise InputError(str(path), "is not a folder; pass the story corpus folder")
    for folder in _corpus_folders(path):
        gold: dict[str, StoryGold] = defaultdict(StoryGold)
        for story in _json_lines(folder / "stories.jsonl", notes):
            for report in story.get("reports") or []:
                gold[str(report.get("doc_id"))].reports.append(
                    {
                        "story": story["story"],
                        "event_type": story.get("event_type"),
                        "anchor": report.get("anchor") or "",
                    }
                )
        for entity in _json_lines(folder / "entities.jsonl", notes):
            for mention in entity.get("mentions") or []:
                gold[str(mention.get("doc_id"))].mentions.append(
                    {"entity": entity["entity"], "text": mention.get("text") or ""}
                )
        notes.add(f"corpus: {folder}")
        for result in iter_documents([str(folder / "documents.jsonl")]):
            if not isinstance(result, Document):
                notes.skip(f"unreadable document ({result.reason[:60]})")
                continue
            yield Item(result, gold.get(result.id, StoryGold()))


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of items (item → cluster id)."""
    by_predicted: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, cluster in predicted.items():
        by_predicted[cluster].add(item)
    for item, cluster in gold.items():
        by_gold[cluster].add(item)
    precision = recall = 0.0
    for item in gold:
        mine, theirs = by_predicted[predicted[item]], by_gold[gold[item]]
        shared = len(mine & theirs)
        precision += shared / len(mine)
        recall += shared / len(theirs)
    n = len(gold) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _anchor_event(
    text: str, anchor: str, event_type: str | None, events: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The predicted event that reports the gold event the anchor phrase tells.

    First an event whose evidence (or one of its merged mentions) holds the anchor:
    that is what the system made of the phrase, whatever kind it gave it — the one
    whose event word lies inside the phrase, then one of the story's kind, else one
    of a kind often told for it (a coup told as the president's detention), else
    the first.  Only when no event holds the phrase,
    the document's event of the story's kind nearest it: an event elsewhere in
    the document is a report of the gold event only if none reads the phrase itself.
    """
    at = text.find(anchor) if anchor else -1
    if at < 0:
        return None

    def distance(event: dict[str, Any]) -> int:
        spans = [event["evidence"], *(event.get("mentions") or [])]
        return min(
            0 if s["start"] <= at < s["end"] else min(abs(s["start"] - at), abs(s["end"] - at))
            for s in spans
        )

    def names_it(event: dict[str, Any]) -> bool:
        trigger = event.get("trigger")
        return bool(trigger) and at <= trigger["start"] < at + len(anchor)

    holding = [e for e in events if distance(e) == 0]
    if holding:
        return min(
            holding,
            key=lambda e: (
                not names_it(e),
                e["event_type"] != event_type,
                not (event_type and related(e["event_type"], event_type)),
            ),
        )
    typed = sorted((e for e in events if e["event_type"] == event_type), key=distance)
    return typed[0] if typed else None


class StoriesScorer:
    """Collects every document's events and entity mentions, then scores the whole corpus."""

    def __init__(self) -> None:
        self.items: list[tuple[Item, Prediction]] = []
        self.worst = WorstMisses()

    def add(self, item: Item, prediction: Prediction) -> None:
        self.items.append((item, prediction))

    def report(self, notes: RunNotes) -> EvalReport:
        events = [e for _, p in self.items for e in p.events]
        story_of = {e["id"]: s.id for s in link_events(events) for e in s.events}
        predicted: dict[str, str] = {}
        gold: dict[str, str] = {}
        found = 0
        members: dict[str, list[str]] = defaultdict(list)
        for item, prediction in self.items:
            for index, report in enumerate(item.gold.reports):
                key = f"{item.document.id}#{index}"
                gold[key] = report["story"]
                event = _anchor_event(
                    item.document.text, report["anchor"], report["event_type"], prediction.events
                )
                if event is None:
                    predicted[key] = f"missing:{key}"
                    self.worst.add(
                        1.0,
                        {
                            "text": shorten(report["anchor"]),
                            "gold": report["story"],
                            "predicted": "no event at the anchor",
                            "doc_id": item.document.id,
                        },
                    )
                    continue
                found += 1
                predicted[key] = story_of.get(event["id"], f"unlinked:{event['id']}")
                members[report["story"]].append(predicted[key])
        precision, recall, f1 = bcubed(predicted, gold)
        for story, clusters in members.items():
            if len(set(clusters)) > 1:
                self.worst.add(
                    0.5,
                    {
                        "text": f"gold story {story} split into {len(set(clusters))} predicted stories",
                        "gold": story,
                        "predicted": sorted(set(clusters)),
                    },
                )
        accuracy, n_mentions = self._entity_accuracy()
        scores = {
            "stories.bcubed_precision": precision,
            "stories.bcubed_recall": recall,
            "stories.bcubed_f1": f1,
            "stories.reports_found": found / len(gold) if gold else 0.0,
            "entities.accuracy": accuracy,
        }
        notes.add(
            f"{len(gold)} gold reports of {len(set(gold.values()))} stories; {n_mentions} gold entity mentions"
        )
        return EvalReport(
            dataset="stories",
            n_items=len(self.items),
            scores=scores,
            worst=self.worst.result(),
            notes=notes.render(),
        )

    def _entity_accuracy(self) -> tuple[float, int]:
        guesses: list[tuple[str, str | None, str]] = []  # gold entity, predicted entity, text
        for item, prediction in self.items:
            for mention in item.gold.mentions:
                at = item.document.text.find(mention["text"]) if mention["text"] else -1
                end = at + len(mention["text"])
                hit = None
                if at >= 0:
                    overlapping = [
                        m for m in prediction.entities if m["start"] < end and at < m["end"]
                    ]
                    overlapping.sort(key=lambda m: abs(m["start"] - at) + abs(m["end"] - end))
                    hit = overlapping[0]["entity_id"] if overlapping else None
                guesses.append((mention["entity"], hit, mention["text"]))
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for gold_entity, hit, _ in guesses:
            if hit is not None:
                votes[gold_entity][hit] += 1
        owner: dict[str, tuple[int, str]] = {}
        for gold_entity, counter in votes.items():
            top, count = counter.most_common(1)[0]
            if top not in owner or owner[top][0] < count:
                owner[top] = (count, gold_entity)
        right = 0
        for gold_entity, hit, text in guesses:
            ok = hit is not None and owner.get(hit, (0, ""))[1] == gold_entity
            right += ok
            if not ok:
                self.worst.add(
                    0.8, {"text": text, "gold": gold_entity, "predicted": hit or "no entity"}
                )
        return (right / len(guesses) if guesses else 0.0), len(guesses)
