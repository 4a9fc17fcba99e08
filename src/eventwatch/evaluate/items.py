"""What every dataset reader and scorer shares.

A reader turns a labelled file into :class:`Item` objects (a ``Document`` for the
extractor plus the gold it is scored against); a :class:`Scorer` receives each
item with the extractor's output and finally builds the :class:`EvalReport`.
:class:`RunNotes` collects what was skipped and why; :class:`WorstMisses` keeps
the items that went most wrong.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from eventwatch.errors import InputError
from eventwatch.evaluate.metrics import token_f1
from eventwatch.evaluate.report import EvalReport
from eventwatch.model import Document

__all__ = [
    "Item",
    "Prediction",
    "RunNotes",
    "Scorer",
    "WorstMisses",
    "entity_f1",
    "find_file",
    "primary_event",
    "shorten",
]

WORST_LIMIT = 20
_TEXT_LIMIT = 600


@dataclass(slots=True)
class Item:
    """One unit of a dataset: the document to run and the gold to score it with."""

    document: Document
    gold: Any


@dataclass(slots=True)
class Prediction:
    """The extractor's output for one item, as plain dicts.

    ``events`` are ``EventRecord.to_dict()`` results; ``attributions`` and
    ``sentence_views`` are the pipeline's dicts (empty when the pipeline does not
    produce them).  ``failed`` is true when extraction raised for this document.
    """

    events: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    sentence_views: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)  # linked named mentions
    failed: bool = False


class Scorer(Protocol):
    """Accumulates scores item by item; one per dataset and run."""

    def add(self, item: Item, prediction: Prediction) -> None:
        """Score one item."""

    def report(self, notes: RunNotes) -> EvalReport:
        """The finished report, with ``notes`` appended."""


class RunNotes:
    """Notes for the report: free sentences plus counted skips by reason."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.skipped: Counter[str] = Counter()

    def add(self, line: str) -> None:
        """Add one sentence (kept once, in order)."""
        if line not in self.lines:
            self.lines.append(line)

    def skip(self, reason: str) -> None:
        """Count one malformed or unusable input item."""
        self.skipped[reason] += 1

    def render(self) -> list[str]:
        """All notes, with one line per skip reason."""
        out = list(self.lines)
        for reason, n in sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"skipped {n} item(s): {reason}")
        return out


class WorstMisses:
    """The items with the highest loss (ties: the earlier item wins)."""

    def __init__(self, limit: int = WORST_LIMIT) -> None:
        self.limit = limit
        self._heap: list[tuple[float, int, dict[str, Any]]] = []
        self._order = 0

    def add(self, loss: float, miss: dict[str, Any]) -> None:
        """Offer one scored item; only items with ``loss > 0`` are kept."""
        if loss <= 0:
            return
        self._order += 1
        entry = (loss, -self._order, miss)
        if len(self._heap) < self.limit:
            heapq.heappush(self._heap, entry)
        elif entry[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, entry)

    def result(self) -> list[dict[str, Any]]:
        """The kept misses, worst first, each with its ``loss``."""
        ranked = sorted(self._heap, key=lambda e: (-e[0], -e[1]))
        return [{**miss, "loss": round(loss, 3)} for loss, _, miss in ranked]


def shorten(text: str | None, limit: int = _TEXT_LIMIT) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    if not text:
        return ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def primary_event(
    events: list[dict[str, Any]], *, eligible: Callable[[dict[str, Any]], bool]
) -> dict[str, Any] | None:
    """The event that stands for a whole item.

    Args:
        events: Event dicts in document order.
        eligible: Which events can be scored (e.g. those with an ACLED mapping).

    Returns:
        The highest-confidence eligible event (the first on ties), else the first
        event, else ``None``.
    """
    best: dict[str, Any] | None = None
    for event in events:
        if eligible(event) and (best is None or event["confidence"] > best["confidence"]):
            best = event
    if best is not None:
        return best
    return events[0] if events else None


def entity_f1(gold: str | None, entity: dict[str, Any] | None) -> float:
    """Token-overlap F1 of a gold actor string against a predicted entity.

    The better of the entity's text as written and its canonical name counts.
    """
    if not entity:
        return 0.0
    return max(token_f1(gold, entity.get("text")), token_f1(gold, entity.get("name")))


def find_file(path: Path, candidates: Iterable[str], *, what: str) -> Path:
    """``path`` itself if it is a file, else the first candidate name inside it.

    Raises:
        InputError: nothing usable is there.
    """
    if path.is_file():
        return path
    if path.is_dir():
        for name in candidates:
            if (path / name).is_file():
                return path / name
        raise InputError(str(path), f"no {what} found in this folder; pass the file itself")
    raise InputError(str(path), f"does not exist; pass the {what} or its folder")
