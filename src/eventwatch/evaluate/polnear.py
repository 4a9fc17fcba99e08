"""PolNeAR: who says what — source, cue and content spans of attributions.

The layout is ``{dev,train}/text/NAME.txt`` beside
``{dev,train}/attributions/NAME_ANNOTATOR.ann`` (brat standoff: ``T`` lines with
a label ``Source``/``Cue``/``Content`` and character offsets, fragments of a
discontinuous span separated by ``;``).  PATH may be the compartment folder
(``dev``) or the corpus root, which means its ``dev`` compartment.  An article
annotated by several annotators is scored against the first annotator's file (by
name).  ``metadata.tsv`` at the root, when present, gives each article's
publisher and publication date.

Each article is one document; predictions come from ``ProcessedDocument.
attributions`` (``source``/``cue``/``content`` spans with offsets into the
text).  For every role: exact-match and overlap (any shared character)
precision, recall and F1, over all articles (micro-averaged).  A discontinuous
gold span is scored as its extent, from its first to its last character.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwatch.errors import InputError
from eventwatch.evaluate.items import Item, Prediction, RunNotes, WorstMisses, shorten
from eventwatch.evaluate.metrics import SpanTally
from eventwatch.evaluate.report import EvalReport
from eventwatch.model import Document

__all__ = ["ROLES", "PolnearScorer", "parse_ann", "read_items"]

ROLES: tuple[str, ...] = ("source", "cue", "content")
_LABELS = {"Source": "source", "Cue": "cue", "Content": "content"}

Span = tuple[int, int]
# A text-bound annotation line: "T12<TAB>Source 89 106<TAB>The New York Post".
_TEXT_BOUND = re.compile(r"T\d+\t")


@dataclass(slots=True)
class PolnearGold:
    """The gold spans of one article, by role."""

    name: str
    spans: dict[str, list[Span]] = field(default_factory=dict)


def parse_ann(text: str, *, text_length: int | None = None) -> tuple[dict[str, list[Span]], int]:
    """The role spans of a brat ``.ann`` file.

    Args:
        text: The file's content.
        text_length: The article's length; spans beyond it are dropped.

    Returns:
        ``(spans by role, number of malformed or out-of-range lines)``.
    """
    spans: dict[str, list[Span]] = {role: [] for role in ROLES}
    bad = 0
    # Split on line feeds only: a span's text may hold other line separators, and the
    # continuation of a multi-line span's text is not an annotation line.
    for line in text.split("\n"):
        if not _TEXT_BOUND.match(line):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            bad += 1
            continue
        label, _, offsets = parts[1].partition(" ")
        role = _LABELS.get(label)
        if role is None:
            continue
        try:
            fragments = [
                (int(a), int(b))
                for a, b in (piece.split() for piece in offsets.split(";") if piece.strip())
            ]
        except ValueError:
            bad += 1
            continue
        if not fragments:
            bad += 1
            continue
        start, end = min(a for a, _ in fragments), max(b for _, b in fragments)
        if start < 0 or end <= start or (text_length is not None and end > text_length):
            bad += 1
            continue
        spans[role].append((start, end))
    return spans, bad


def _compartment(path: Path) -> Path:
    """The folder holding ``text`` and ``attributions``."""
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        return path
    if (path / "dev" / "text").is_dir():
        return path / "dev"
    raise InputError(
        str(path), "not a PolNeAR folder: expected text/ and attributions/ in it or in dev/"
    )


def _metadata(root: Path, notes: RunNotes) -> dict[str, dict[str, str]]:
    """``metadata.tsv`` rows by article file name (without ``.txt``)."""
    table = root / "metadata.tsv"
    if not table.is_file():
        notes.add("no metadata.tsv: articles run without publisher or publication date")
        return {}
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    rows: dict[str, dict[str, str]] = {}
    with open(table, encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = (row.get("filename") or "").strip()
            if name:
                rows[name] = row
    return rows


def read_items(path: Path, notes: RunNotes) -> Iterator[Item]:
    """PolNeAR articles as documents with their gold attribution spans.

    Args:
        path: The ``dev`` (or ``train``) folder, or the corpus root (→ ``dev``).
        notes: Where skips are recorded.

    Yields:
        One item per article that has an annotation file.
    """
    compartment = _compartment(path)
    metadata = _metadata(compartment.parent, notes)
    annotations: dict[str, list[Path]] = {}
    for ann in sorted((compartment / "attributions").glob("*.ann")):
        stem, _, _annotator = ann.stem.rpartition("_")
        annotations.setdefault(stem or ann.stem, []).append(ann)
    several = sum(1 for files in annotations.values() if len(files) > 1)
    if several:
        notes.add(f"{several} article(s) have several annotators; the first file by name is used")
    bad_lines = 0
    try:
        for text_file in sorted((compartment / "text").glob("*.txt")):
            name = text_file.stem
            files = annotations.get(name)
            if not files:
                notes.skip("article without an annotation file")
                continue
            try:
                with open(text_file, encoding="utf-8", newline="") as handle:
                    text = handle.read()  # offsets count every character, "\r" included
                ann_text = files[0].read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                notes.skip("unreadable article or annotation file")
                continue
            if not text.strip():
                notes.skip("empty article")
                continue
            spans, bad = parse_ann(ann_text, text_length=len(text))
            bad_lines += bad
            meta = metadata.get(name, {})
            document = Document(
                id=f"polnear-{name}",
                text=text,
                outlet=(meta.get("publisher") or None),
                title=(meta.get("title") or None),
                published=(meta.get("publication_date") or None),
                source_path=str(text_file),
            )
            yield Item(document, PolnearGold(name, spans))
    finally:
        if bad_lines:
            notes.add(f"{bad_lines} malformed or out-of-range annotation line(s) ignored")


def _span(value: Any, text_length: int) -> Span | None:
    """A predicted ``{"start", "end"}`` dict as a span, if it is one."""
    if not isinstance(value, dict):
        return None
    start, end = value.get("start"), value.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    if start < 0 or end <= start or end > text_length:
        return None
    return start, end


class PolnearScorer:
    """Accumulates span scores per role over all articles."""

    def __init__(self) -> None:
        self.n = 0
        self.tallies = {role: SpanTally() for role in ROLES}
        self.n_predicted_attributions = 0
        self.worst = WorstMisses()

    def add(self, item: Item, prediction: Prediction) -> None:
        """Score one article's attributions."""
        gold: PolnearGold = item.gold
        length = len(item.document.text)
        predicted: dict[str, list[Span]] = {role: [] for role in ROLES}
        for attribution in prediction.attributions:
            self.n_predicted_attributions += 1
            for role in ROLES:
                span = _span(attribution.get(role), length)
                if span is not None:
                    predicted[role].append(span)
        self.n += 1
        article = SpanTally()
        for role in ROLES:
            self.tallies[role].add(gold.spans.get(role, []), predicted[role])
        article.add(gold.spans.get("source", []), predicted["source"])
        if article.n_gold or article.n_predicted:
            text = item.document.text
            self.worst.add(
                1.0 - article.overlap_scores()["f1"],
                {
                    "id": gold.name,
                    "text": shorten(text, 300),
                    "gold": {
                        "sources": [text[a:b] for a, b in gold.spans.get("source", [])][:12],
                        "n_sources": len(gold.spans.get("source", [])),
                    },
                    "predicted": {
                        "sources": [text[a:b] for a, b in predicted["source"]][:12],
                        "n_sources": len(predicted["source"]),
                    },
                },
            )

    def report(self, notes: RunNotes) -> EvalReport:
        """The PolNeAR report."""
        scores: dict[str, float] = {}
        per_class: dict[str, dict[str, float]] = {}
        for role in ROLES:
            tally = self.tallies[role]
            for kind, values in (
                ("exact", tally.exact_scores()),
                ("overlap", tally.overlap_scores()),
            ):
                per_class[f"{role} ({kind})"] = values
                for measure in ("precision", "recall", "f1"):
                    scores[f"{role}.{kind}_{measure}"] = values[measure]
        notes.add(
            f"{self.n_predicted_attributions} predicted attribution(s); gold spans: "
            + ", ".join(f"{role} {self.tallies[role].n_gold}" for role in ROLES)
        )
        notes.add("worst misses are the articles with the lowest source-span overlap F1")
        return EvalReport(
            dataset="polnear",
            n_items=self.n,
            scores=scores,
            per_class={"attribution": per_class},
            confusion={},
            worst=self.worst.result(),
            notes=notes.render(),
        )
