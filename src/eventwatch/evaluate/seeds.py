"""The seed articles against the team's gold coding of them.

PATH is the folder of seed articles (``../shared/seeds``: ``.txt`` files with
``.meta.json`` sidecars), read with the project's own ingest stage.  The gold is
``seeds_gold.jsonl``, looked up in PATH, then in the project's ``tests/gold/``,
then in ``./tests/gold/``.  A gold row gives some of these fields, and an event
matches the row when every given field agrees (the rules of
``tests/gold/seeds_README.md``): ``doc_id``, ``event_type``, ``mode``,
``date_start``, ``date_end``, ``country``, ``location`` (substring of the place
name), ``actor``/``recipient``/``source`` (substring of the name or the text),
``via`` (every carrier listed), ``counts`` (every count equal), ``factuality``,
``anonymous``, ``acled_sub_event_type``.

Scores: ``events.recall`` (gold rows matched by some event), ``events.precision``
(predicted events that match some gold row), ``type.recall`` (gold rows with an
event of their type in their document) and ``field.<name>`` — for each field, the
share of gold rows giving it whose best candidate (the event of the same
document and type that agrees on most fields) agrees on it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwatch.errors import InputError
from eventwatch.evaluate.items import Item, Prediction, RunNotes, WorstMisses, shorten
from eventwatch.evaluate.metrics import Average, prf
from eventwatch.evaluate.report import EvalReport
from eventwatch.ingest import iter_documents
from eventwatch.model import Document

__all__ = ["FIELD_CHECKS", "SeedsScorer", "field_agrees", "find_gold", "read_items"]

GOLD_NAME = "seeds_gold.jsonl"
_PROJECT_GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / GOLD_NAME


def _name_in(wanted: str, entity: dict[str, Any] | None) -> bool:
    """Whether ``wanted`` is a substring of the entity's name or text."""
    if not entity:
        return False
    needle = wanted.lower()
    return (
        needle in (entity.get("name") or "").lower() or needle in (entity.get("text") or "").lower()
    )


FIELD_CHECKS: dict[str, Callable[[Any, dict[str, Any]], bool]] = {
    "doc_id": lambda v, e: e["doc_id"] == v,
    "event_type": lambda v, e: e["event_type"] == v,
    "mode": lambda v, e: e["mode"] == v,
    "date_start": lambda v, e: (e.get("date") or {}).get("start") == v,
    "date_end": lambda v, e: (e.get("date") or {}).get("end") == v,
    "country": lambda v, e: (e.get("location") or {}).get("country") == v,
    "location": lambda v, e: (
        str(v).lower() in ((e.get("location") or {}).get("name") or "").lower()
    ),
    "actor": lambda v, e: _name_in(v, e.get("actor")),
    "recipient": lambda v, e: _name_in(v, e.get("recipient")),
    "source": lambda v, e: _name_in(v, (e.get("attribution") or {}).get("source")),
    "via": lambda v, e: all(x in ((e.get("attribution") or {}).get("via") or []) for x in v),
    "counts": lambda v, e: all((e.get("counts") or {}).get(k) == n for k, n in v.items()),
    "factuality": lambda v, e: e.get("factuality") == v,
    "anonymous": lambda v, e: (e.get("attribution") or {}).get("anonymous") == v,
    "acled_sub_event_type": lambda v, e: (e.get("acled") or {}).get("sub_event_type") == v,
}
_IDENTITY = ("doc_id", "event_type")


def field_agrees(name: str, value: Any, event: dict[str, Any]) -> bool:
    """Whether one gold field agrees with a predicted event dict (unknown fields never do)."""
    check = FIELD_CHECKS.get(name)
    return bool(check and check(value, event))


def find_gold(path: Path) -> Path:
    """The gold JSON Lines file for the seeds in ``path``.

    Raises:
        InputError: no ``seeds_gold.jsonl`` in any of the places looked at.
    """
    for candidate in (path / GOLD_NAME, _PROJECT_GOLD, Path.cwd() / "tests" / "gold" / GOLD_NAME):
        if candidate.is_file():
            return candidate
    raise InputError(str(path), f"no {GOLD_NAME} here or in the project's tests/gold/")


@dataclass(slots=True)
class SeedsGold:
    """The gold rows of one seed document."""

    doc_id: str
    rows: list[dict[str, Any]]


def _gold_rows(gold_path: Path, notes: RunNotes) -> dict[str, list[dict[str, Any]]]:
    """Gold rows grouped by document id; malformed lines are counted."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            notes.skip("malformed gold line")
            continue
        if not isinstance(row, dict) or not row.get("doc_id") or not row.get("event_type"):
            notes.skip("gold row without doc_id or event_type")
            continue
        unknown = set(row) - set(FIELD_CHECKS)
        if unknown:
            notes.add(f"gold fields not scored: {', '.join(sorted(unknown))}")
        grouped.setdefault(str(row["doc_id"]), []).append(row)
    return grouped


def read_items(path: Path, notes: RunNotes) -> Iterator[Item]:
    """The seed articles with their gold rows.

    Args:
        path: The seeds folder (or one seed file).
        notes: Where skips and the gold file's location are recorded.

    Yields:
        One item per article (articles without gold rows too: their events
        count against precision).
    """
    gold_path = find_gold(path if path.is_dir() else path.parent)
    notes.add(f"gold: {gold_path}")
    grouped = _gold_rows(gold_path, notes)
    seen: set[str] = set()
    try:
        for result in iter_documents([str(path)]):
            if not isinstance(result, Document):
                notes.skip(f"unreadable seed input ({result.reason[:60]})")
                continue
            seen.add(result.id)
            yield Item(result, SeedsGold(result.id, grouped.get(result.id, [])))
    finally:
        missing = sorted(set(grouped) - seen)
        if missing:
            notes.add(f"gold rows for documents not read (limit or absent): {', '.join(missing)}")


def _agreement(row: dict[str, Any], event: dict[str, Any]) -> dict[str, bool]:
    """Field name → whether the event agrees with the gold row on it."""
    return {name: field_agrees(name, value, event) for name, value in row.items()}


class SeedsScorer:
    """Accumulates gold-event recall and per-field accuracy."""

    def __init__(self) -> None:
        self.n_documents = 0
        self.n_gold = 0
        self.recall = Average()
        self.type_recall = Average()
        self.precision = Average()
        self.fields: dict[str, Average] = {}
        self.gold_by_type: Counter[str] = Counter()
        self.found_by_type: Counter[str] = Counter()
        self.predicted_by_type: Counter[str] = Counter()
        self.matching_by_type: Counter[str] = Counter()
        self.worst = WorstMisses()

    def add(self, item: Item, prediction: Prediction) -> None:
        """Match one document's events with its gold rows."""
        gold: SeedsGold = item.gold
        events = prediction.events
        self.n_documents += 1
        for event in events:
            matches = any(all(_agreement(row, event).values()) for row in gold.rows)
            self.precision.add(float(matches))
            self.predicted_by_type[event["event_type"]] += 1
            self.matching_by_type[event["event_type"]] += int(matches)
        for row in gold.rows:
            self.n_gold += 1
            candidates = [e for e in events if all(field_agrees(k, row[k], e) for k in _IDENTITY)]
            agreements = [_agreement(row, e) for e in candidates]
            best = max(agreements, key=lambda a: sum(a.values()), default=None)
            found = best is not None and all(best.values())
            self.recall.add(float(found))
            self.type_recall.add(float(bool(candidates)))
            self.gold_by_type[row["event_type"]] += 1
            self.found_by_type[row["event_type"]] += int(found)
            for name in row:
                if name in _IDENTITY:
                    continue
                self.fields.setdefault(name, Average()).add(float(bool(best and best[name])))
            if not found:
                best_event = candidates[agreements.index(best)] if best is not None else None
                wrong = [k for k, ok in (best or {}).items() if not ok] or ["no event of the type"]
                self.worst.add(
                    len(wrong) / len(row) if best is not None else 1.0,
                    {
                        "id": f"{gold.doc_id}:{row['event_type']}/{row.get('mode')}",
                        "text": shorten((best_event or {}).get("evidence", {}).get("text"))
                        or shorten(item.document.text, 200),
                        "gold": row,
                        "predicted": _summary(best_event, wrong),
                    },
                )

    def report(self, notes: RunNotes) -> EvalReport:
        """The seeds report."""
        scores = {
            "events.recall": self.recall.value,
            "events.precision": self.precision.value,
            "type.recall": self.type_recall.value,
        }
        scores.update({f"field.{name}": avg.value for name, avg in sorted(self.fields.items())})
        notes.add(
            f"{self.n_documents} document(s), {self.n_gold} gold event(s), "
            f"{self.precision.n} predicted event(s)"
        )
        notes.add(
            "per-class table by event type: recall = gold rows matched in every field, "
            "precision = predicted events matching some gold row"
        )
        per_type: dict[str, dict[str, float]] = {}
        for event_type in sorted(set(self.gold_by_type) | set(self.predicted_by_type)):
            precision = prf(
                self.matching_by_type[event_type], self.predicted_by_type[event_type], 1
            )[0]
            recall = prf(self.found_by_type[event_type], 1, self.gold_by_type[event_type])[1]
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            per_type[event_type] = {
                "precision": precision,
                "recall": recall,
                "f1": f1,
                "support": float(self.gold_by_type[event_type]),
            }
        return EvalReport(
            dataset="seeds",
            n_items=self.n_gold,
            scores=scores,
            per_class={"event_type": per_type},
            confusion={},
            worst=self.worst.result(),
            notes=notes.render(),
        )


def _summary(event: dict[str, Any] | None, wrong: list[str]) -> dict[str, Any] | None:
    """The closest candidate's main fields and the fields it got wrong."""
    if event is None:
        return None
    return {
        "event_type": event["event_type"],
        "mode": event["mode"],
        "date": [(event.get("date") or {}).get("start"), (event.get("date") or {}).get("end")],
        "location": (event.get("location") or {}).get("name"),
        "actor": (event.get("actor") or {}).get("text"),
        "recipient": (event.get("recipient") or {}).get("text"),
        "factuality": event.get("factuality"),
        "wrong": wrong,
    }
