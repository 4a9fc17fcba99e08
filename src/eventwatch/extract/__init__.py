"""Stage 3: event mentions per sentence, with raw arguments, counts and factuality.

:func:`extract_document` is the stage function: an annotated document in, an
:class:`ExtractedDocument` out (mentions plus what resolution needs from the parse).
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwatch.annotate import AnnotatedDocument
from eventwatch.extract.events import extract_mentions
from eventwatch.extract.mention import Argument, EventMention, RawAttribution
from eventwatch.model import Document

__all__ = ["Argument", "EventMention", "ExtractedDocument", "RawAttribution", "extract_document"]

_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


@dataclass(slots=True)
class ExtractedDocument:
    """A document's event mentions and the parse facts that resolution uses."""

    document: Document
    mentions: list[EventMention]
    entities: list[tuple[str, str]]  # (text, label) in text order
    sentences: list[tuple[int, int]]  # character offsets of every sentence


def extract_document(adoc: AnnotatedDocument) -> ExtractedDocument:
    """Find every event mention of an annotated document.

    Args:
        adoc: the document with its spaCy parse.

    Returns:
        The mentions, the named entities and the sentence offsets.
    """
    entities = [
        (ent.text.strip(), ent.label_)
        for chunk in adoc.chunks
        for ent in chunk.doc.ents
        if ent.label_ in _ENTITY_LABELS and ent.text.strip()
    ]
    return ExtractedDocument(
        document=adoc.document,
        mentions=extract_mentions(adoc),
        entities=entities,
        sentences=adoc.sentence_spans(),
    )
