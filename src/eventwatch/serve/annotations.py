"""A document with every annotation on it, by character offset: what the reader highlights.

Offsets index the stored (cleaned) text, as everywhere in eventwatch.  Event
records carry the offsets of their evidence sentence, trigger and other
mentions; they do not carry offsets for participants, so the actor,
recipient, attribution source and cue are located here by searching for their
text as written inside the evidence sentence (exact first, then ignoring
case).  A participant that cannot be found there gets ``start`` and ``end`` null.
"""

from __future__ import annotations

import re
from typing import Any

from eventwatch.serve.errors import NotFound
from eventwatch.store import Store

__all__ = ["annotated_document", "locate"]


def locate(text: str, needle: str | None, start: int, end: int) -> tuple[int, int] | None:
    """Where ``needle`` occurs in ``text[start:end]``, as offsets into ``text``; None if absent.

    Args:
        text: The document text.
        needle: What to find (an entity as written, a cue word).
        start: Start of the window (the evidence sentence).
        end: End of the window.
    """
    if not needle:
        return None
    found = text.find(needle, start, end)
    if found != -1:
        return found, found + len(needle)
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    match = pattern.search(text, start, end)
    return (match.start(), match.end()) if match else None


def _span(text: str, value: str | None, start: int, end: int) -> dict[str, Any]:
    where = locate(text, value, start, end)
    return {"text": value, "start": where[0] if where else None, "end": where[1] if where else None}


def _event_annotation(text: str, record: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The event's own annotation and its attribution."""
    evidence = record["evidence"]
    low, high = int(evidence["start"]), int(evidence["end"])
    attribution = record.get("attribution") or {}
    spans = []
    for role, entity in (
        ("actor", record.get("actor")),
        ("recipient", record.get("recipient")),
        ("source", attribution.get("source")),
    ):
        if entity:
            span = _span(text, entity.get("text"), low, high)
            spans.append(
                {"role": role, "name": entity.get("name"), "entity_id": entity.get("id"), **span}
            )
    source = attribution.get("source")
    annotation = {
        "id": record["id"],
        "event_type": record["event_type"],
        "mode": record.get("mode"),
        "factuality": record.get("factuality"),
        "confidence": record.get("confidence"),
        "evidence": {"text": evidence.get("text"), "start": low, "end": high},
        "trigger": record.get("trigger"),
        "mentions": list(record.get("mentions") or []),
        "spans": spans,
    }
    attribution_annotation = {
        "event_id": record["id"],
        "source": (
            {**source, **_span(text, source.get("text"), low, high), "name": source.get("name")}
            if source
            else None
        ),
        "cue": _span(text, attribution.get("cue"), low, high) if attribution.get("cue") else None,
        "via": list(attribution.get("via") or []),
        "anonymous": bool(attribution.get("anonymous")),
    }
    return annotation, attribution_annotation


def annotated_document(
    store: Store, doc_id: str, *, events: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A stored document's text with its sentences, events and attributions.

    Args:
        store: The store to read.
        doc_id: The document's id.
        events: The document's event records in text order, when the caller
            already holds them (the read model); else they are read from the store.

    Returns:
        ``{"document": metadata, "text", "sentences": [{"start", "end"}],
        "events": [...], "attributions": [...]}``.

    Raises:
        NotFound: No document has this id.
    """
    document = store.get_document(doc_id)
    if document is None:
        raise NotFound(f"no document with id {doc_id!r}; list documents at /api/documents")
    text: str = document.pop("text")
    sentences = [{"start": s, "end": e} for s, e in document.pop("sentences")]
    records = events if events is not None else store.events_for_document(doc_id)
    annotations, attributions = [], []
    for record in records:
        annotation, attribution = _event_annotation(text, record)
        annotations.append(annotation)
        attributions.append(attribution)
    return {
        "document": document,
        "text": text,
        "sentences": sentences,
        "events": annotations,
        "attributions": attributions,
    }
