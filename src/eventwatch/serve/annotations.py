"""A document with every annotation on it, by character offset: what the reader highlights.

Offsets index the stored (cleaned) text, as everywhere in eventwatch.  Event
records carry the offsets of their evidence sentence, trigger and other
mentions; they do not carry offsets for participants, so the actor,
recipient, attribution source and cue are located here by searching for their
text as written inside the evidence sentence (exact first, then ignoring
case).  A participant that cannot be found there gets ``start`` and ``end`` null.

The place an event resolved to is a span too (role ``place``, with its
country and coordinates): found as written in the evidence sentence, else
where the document first names it (a dateline, an earlier sentence), as a
whole word.  The document's ``places`` list each place once, with every
offset where the text names it and the events that resolved to it.
"""

from __future__ import annotations

import re
from typing import Any

from eventwatch.serve.errors import NotFound
from eventwatch.store import Store

__all__ = ["annotated_document", "locate", "locate_all", "place_annotations"]


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


def _word_pattern(needle: str, *, ignore_case: bool = True) -> re.Pattern[str]:
    """``needle`` as a whole word (not inside a longer word)."""
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)", flags)


def _find_word(text: str, needle: str, start: int, end: int) -> tuple[int, int] | None:
    """The first whole-word ``needle`` in ``text[start:end]``: as written first, then any case."""
    for ignore_case in (False, True):
        found = _word_pattern(needle, ignore_case=ignore_case).search(text, start, end)
        if found is not None:
            return found.start(), found.end()
    return None


def locate_all(text: str, needle: str | None) -> list[tuple[int, int]]:
    """Every place ``needle`` occurs in ``text`` as a whole word (ignoring case), in order.

    Args:
        text: The document text.
        needle: What to find (a place as written or its name).
    """
    if not needle or not needle.strip():
        return []
    return [(m.start(), m.end()) for m in _word_pattern(needle).finditer(text)]


def _place_names(location: dict[str, Any]) -> list[str]:
    """How the text may name a place: as written, then its gazetteer name."""
    names = []
    for value in (location.get("text"), location.get("name")):
        if isinstance(value, str) and value.strip() and value not in names:
            names.append(value)
    return names


def _place_span(text: str, location: dict[str, Any], low: int, high: int) -> dict[str, Any]:
    """The event's place: in its evidence sentence, else where the document first names it."""
    names = _place_names(location)
    where = None
    for window in ((low, high), (0, len(text))):
        where = next((w for n in names if (w := _find_word(text, n, *window)) is not None), None)
        if where is not None:
            break
    return {
        "role": "place",
        "name": location.get("name"),
        "entity_id": None,
        "country": location.get("country"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "text": text[where[0] : where[1]] if where else (names[0] if names else None),
        "start": where[0] if where else None,
        "end": where[1] if where else None,
    }


def place_annotations(text: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each place the events resolved to, once, with every offset where the text names it.

    Args:
        text: The document text.
        records: The document's event records.

    Returns:
        ``[{"name", "country", "admin1", "lat", "lon", "precision", "event_ids",
        "spans": [{"text", "start", "end"}]}]`` in order of first mention
        (places the text never names last).
    """
    places: dict[tuple[Any, ...], dict[str, Any]] = {}
    for record in records:
        location = record.get("location") or {}
        if not location.get("name") and not location.get("text"):
            continue
        key = (
            location.get("name"),
            location.get("country"),
            location.get("lat"),
            location.get("lon"),
        )
        place = places.get(key)
        if place is None:
            place = places[key] = {
                "name": location.get("name"),
                "country": location.get("country"),
                "admin1": location.get("admin1"),
                "lat": location.get("lat"),
                "lon": location.get("lon"),
                "precision": location.get("precision"),
                "event_ids": [],
                "spans": [],
            }
        place["event_ids"].append(record["id"])
        known = {(span["start"], span["end"]) for span in place["spans"]}
        for name in _place_names(location):
            for start, end in locate_all(text, name):
                if (start, end) not in known:
                    known.add((start, end))
                    place["spans"].append({"text": text[start:end], "start": start, "end": end})
    for place in places.values():
        place["spans"].sort(key=lambda span: (span["start"], span["end"]))
    return sorted(
        places.values(),
        key=lambda p: (not p["spans"], p["spans"][0]["start"] if p["spans"] else 0),
    )


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
    location = record.get("location")
    if location and (location.get("name") or location.get("text")):
        spans.append(_place_span(text, location, low, high))
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
        "events": [...], "attributions": [...], "places": [...]}``; each event's
        ``spans`` hold its actor, recipient, source and place.

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
        "places": place_annotations(text, records),
    }
