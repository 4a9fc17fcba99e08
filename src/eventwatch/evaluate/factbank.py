"""Hedging: the FactBank part of the Szeged Uncertainty Corpus.

The XML has ``<Document>`` elements holding ``<DocID>`` and ``<Sentence id=…>``
elements (in ``<DocumentPart>``s); uncertainty cues are marked inline as
``<ccue type="speculation_modal_probable_">may</ccue>`` (BioScope-style
``<cue>`` inside ``<xcope>`` is read too).  Sentence ids restart in every
document, so sentences are keyed by document and id.  The file is read as a
stream, one ``<Document>`` at a time.

Each document becomes one eventwatch document: its sentences joined by line
breaks (the pipeline always ends a sentence at a line break, so its sentences
never straddle two gold ones), and every gold sentence and cue keeps its
character offsets in that text.

Predictions come from ``ProcessedDocument.sentence_views`` (``start``/``end``,
``hedged``, ``cues`` with offsets).  A gold sentence counts as predicted hedged
when a hedged view overlaps it.  Scores: sentence-level precision, recall and F1
of the "hedged" class and accuracy; cue-level exact and overlap precision,
recall and F1; overlap recall per gold cue type.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwatch.evaluate.items import Item, Prediction, RunNotes, WorstMisses, find_file, shorten
from eventwatch.evaluate.metrics import Confusion, SpanTally
from eventwatch.evaluate.report import EvalReport
from eventwatch.model import Document

__all__ = ["FactbankScorer", "GoldSentence", "read_items", "sentence_text"]

HEDGED = "hedged"
CERTAIN = "certain"
_CUE_TAGS = frozenset({"ccue", "cue"})


@dataclass(slots=True)
class GoldSentence:
    """One gold sentence: its span in the document text and its cues."""

    sentence_id: str
    start: int
    end: int
    cues: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def hedged(self) -> bool:
        return bool(self.cues)


@dataclass(slots=True)
class FactbankGold:
    """The gold sentences of one document."""

    doc_name: str
    sentences: list[GoldSentence]


def _local(tag: Any) -> str:
    """An element's tag, lower-cased, without a namespace."""
    return str(tag).rsplit("}", 1)[-1].lower()


def _cue_type(raw: str | None) -> str:
    """``"speculation_modal_probable_"`` → ``"speculation_modal_probable"``."""
    return (raw or "unknown").strip().strip("_").strip() or "unknown"


def sentence_text(element: ET.Element) -> tuple[str, list[tuple[int, int, str]]]:
    """The text of a sentence element and its cues' offsets in that text.

    Args:
        element: A ``<Sentence>`` element.

    Returns:
        ``(text, [(start, end, cue type), ...])``; line breaks become spaces.
    """
    pieces: list[str] = []
    cues: list[tuple[int, int, str]] = []
    length = 0

    def emit(text: str | None) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            length += len(text)

    def walk(node: ET.Element) -> None:
        emit(node.text)
        for child in node:
            if _local(child.tag) in _CUE_TAGS:
                start = length
                emit("".join(child.itertext()))
                if length > start:
                    cues.append((start, length, _cue_type(child.get("type"))))
            else:
                walk(child)
            emit(child.tail)

    walk(element)
    text = "".join(pieces).replace("\r", " ").replace("\n", " ")
    return text, cues


def _document_item(element: ET.Element, number: int, notes: RunNotes) -> Item | None:
    """One ``<Document>`` element as an item, or ``None`` when it has no sentences."""
    doc_name = ""
    for child in element.iter():
        if _local(child.tag) == "docid":
            doc_name = (child.text or "").strip()
            break
    doc_name = doc_name or f"document-{number}"
    parts: list[str] = []
    sentences: list[GoldSentence] = []
    offset = 0
    for node in element.iter():
        if _local(node.tag) != "sentence":
            continue
        text, cues = sentence_text(node)
        if not text.strip():
            notes.skip("empty sentence")
            continue
        if parts:
            offset += 1  # the joining line break
        sentences.append(
            GoldSentence(
                sentence_id=node.get("id") or str(len(sentences) + 1),
                start=offset,
                end=offset + len(text),
                cues=[(offset + a, offset + b, kind) for a, b, kind in cues],
            )
        )
        parts.append(text)
        offset += len(text)
    if not sentences:
        notes.skip("document without sentences")
        return None
    document = Document(id=f"factbank-{number}-{doc_name}", text="\n".join(parts))
    return Item(document, FactbankGold(doc_name, sentences))


def read_items(path: Path, notes: RunNotes) -> Iterator[Item]:
    """Szeged-uncertainty documents with their gold sentences and cues.

    Args:
        path: ``factbank_dev.xml`` (or another file in the same XML format, e.g.
            the Wikipedia part) or its folder.
        notes: Where skips and XML errors are recorded.

    Yields:
        One item per document.
    """
    source = find_file(path, ["factbank_dev.xml", "factbank.xml"], what="Szeged uncertainty XML")
    number = 0
    try:
        for _event, element in ET.iterparse(source, events=("end",)):
            if _local(element.tag) != "document":
                continue
            number += 1
            item = _document_item(element, number, notes)
            element.clear()
            if item is not None:
                yield item
    except ET.ParseError as exc:
        notes.add(f"{source.name} is not well-formed XML ({exc}); documents after it were not read")


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open spans share a character."""
    return a_start < b_end and b_start < a_end


def _int_span(value: dict[str, Any]) -> tuple[int, int] | None:
    """``(start, end)`` of a dict with integer offsets, else ``None``."""
    start, end = value.get("start"), value.get("end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        return start, end
    return None


class FactbankScorer:
    """Accumulates sentence- and cue-level hedging scores."""

    def __init__(self) -> None:
        self.n_documents = 0
        self.sentences = Confusion()
        self.cues = SpanTally()
        self.cue_types: Counter[str] = Counter()
        self.cue_types_found: Counter[str] = Counter()
        self.worst = WorstMisses()

    def add(self, item: Item, prediction: Prediction) -> None:
        """Score one document's sentences and cues."""
        gold: FactbankGold = item.gold
        text = item.document.text
        hedged_views: list[tuple[int, int]] = []
        predicted_cues: list[tuple[int, int]] = []
        for view in prediction.sentence_views:
            span = _int_span(view)
            if span is not None and view.get("hedged"):
                hedged_views.append(span)
            for cue in view.get("cues") or []:
                cue_span = _int_span(cue) if isinstance(cue, dict) else None
                if cue_span is not None:
                    predicted_cues.append(cue_span)
        gold_cues = [(a, b) for s in gold.sentences for a, b, _ in s.cues]
        self.cues.add(gold_cues, predicted_cues)
        self.n_documents += 1
        for sentence in gold.sentences:
            for start, end, kind in sentence.cues:
                self.cue_types[kind] += 1
                if any(_overlaps(start, end, a, b) for a, b in predicted_cues):
                    self.cue_types_found[kind] += 1
            predicted_hedged = any(
                _overlaps(sentence.start, sentence.end, a, b) for a, b in hedged_views
            )
            gold_label = HEDGED if sentence.hedged else CERTAIN
            predicted_label = HEDGED if predicted_hedged else CERTAIN
            self.sentences.add(gold_label, predicted_label)
            if gold_label != predicted_label:
                self.worst.add(
                    1.0 if sentence.hedged else 0.9,  # missed hedges first
                    {
                        "id": f"{gold.doc_name}#{sentence.sentence_id}",
                        "text": shorten(text[sentence.start : sentence.end]),
                        "gold": {
                            "label": gold_label,
                            "cues": [text[a:b] for a, b, _ in sentence.cues],
                        },
                        "predicted": {
                            "label": predicted_label,
                            "cues": [
                                text[a:b]
                                for a, b in predicted_cues
                                if _overlaps(sentence.start, sentence.end, a, b)
                            ],
                        },
                    },
                )

    def report(self, notes: RunNotes) -> EvalReport:
        """The hedging report."""
        hedged = self.sentences.class_scores(HEDGED)
        exact, overlap = self.cues.exact_scores(), self.cues.overlap_scores()
        scores = {
            "sentence.hedged_precision": hedged["precision"],
            "sentence.hedged_recall": hedged["recall"],
            "sentence.hedged_f1": hedged["f1"],
            "sentence.accuracy": self.sentences.accuracy(),
            "sentence.macro_f1": self.sentences.macro_f1([HEDGED, CERTAIN]),
            "cue.exact_precision": exact["precision"],
            "cue.exact_recall": exact["recall"],
            "cue.exact_f1": exact["f1"],
            "cue.overlap_precision": overlap["precision"],
            "cue.overlap_recall": overlap["recall"],
            "cue.overlap_f1": overlap["f1"],
        }
        for kind in sorted(self.cue_types):
            scores[f"cue.overlap_recall.{kind}"] = self.cue_types_found[kind] / self.cue_types[kind]
        notes.add(
            f"{self.n_documents} document(s), {self.sentences.n} sentence(s), "
            f"{self.cues.n_gold} gold cue(s), {self.cues.n_predicted} predicted cue(s)"
        )
        return EvalReport(
            dataset="factbank",
            n_items=self.sentences.n,
            scores=scores,
            per_class={
                "sentence": self.sentences.per_class([HEDGED, CERTAIN]),
                "cue": {"exact": exact, "overlap": overlap},
            },
            confusion={"sentence": self.sentences.matrix()},
            worst=self.worst.result(),
            notes=notes.render(),
        )
