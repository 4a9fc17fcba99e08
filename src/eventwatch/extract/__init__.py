"""Stage 3: event mentions per sentence, with raw arguments, counts and factuality.

:func:`extract_document` is the stage function: an annotated document in, an
:class:`ExtractedDocument` out (mentions plus what resolution needs from the parse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwatch.annotate import AnnotatedDocument
from eventwatch.extract.events import extract_mentions
from eventwatch.extract.mention import Argument, EventMention, RawAttribution
from eventwatch.extract.named import NamedSpan, named_spans
from eventwatch.model import Document

__all__ = ["Argument", "EventMention", "ExtractedDocument", "RawAttribution", "extract_document"]

_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_NAME = r"[A-Z][\w'’.-]*(?:[ -](?:de|del|la|el|al|of|[A-Z][\w'’.-]*))*"
_PLACE_PHRASE = re.compile(
    rf"\b(?:in|near|at|outside|around|from|to)\s+(?:the\s+)?({_NAME}(?:,\s*{_NAME})?)"
)
_PLACE_ASIDE = re.compile(rf"\(({_NAME}(?:,\s*{_NAME}){{0,2}})\)")


@dataclass(slots=True)
class ExtractedDocument:
    """A document's event mentions and the parse facts that resolution uses."""

    document: Document
    mentions: list[EventMention]
    entities: list[tuple[str, str]]  # (text, label) in text order
    places: list[tuple[int, str]]  # (document offset, text) of every place name, in text order
    sentences: list[tuple[int, int]]  # character offsets of every sentence
    named: list[NamedSpan] = field(default_factory=list)  # every named mention, with offsets


def _qualified_place(ent) -> str:  # type: ignore[no-untyped-def]
    """ "Tepeaca, Puebla": a place with the region or country that follows it after a comma."""
    doc = ent.doc
    if (
        ent.end + 1 < len(doc)
        and doc[ent.end].text == ","
        and doc[ent.end + 1].ent_type_ in {"GPE", "LOC"}
    ):
        nxt = next((e for e in doc.ents if e.start == ent.end + 1), None)
        if nxt is not None:
            return f"{ent.text}, {nxt.text}"
    return ent.text


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
    places = [
        (chunk.offset + ent.start_char, _qualified_place(ent))
        for chunk in adoc.chunks
        for ent in chunk.doc.ents
        if ent.label_ in {"GPE", "LOC", "FAC"} and ent.text.strip()
    ]
    # The parser misses or mislabels many small places ("in La Libertad, Arequipa" as an
    # organisation): capitalised names after a place preposition, and "(Town, Region)"
    # asides, are candidates too; resolution keeps those the gazetteer knows.
    text = adoc.document.text
    places.extend((m.start(1), m.group(1).rstrip(".")) for m in _PLACE_PHRASE.finditer(text))
    places.extend((m.start(1), m.group(1).rstrip(".")) for m in _PLACE_ASIDE.finditer(text))
    places.sort()
    return ExtractedDocument(
        document=adoc.document,
        mentions=extract_mentions(adoc),
        entities=entities,
        places=places,
        sentences=adoc.sentence_spans(),
        named=named_spans(adoc.chunks),
    )
