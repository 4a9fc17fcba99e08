"""``/documents/{id}``: the reader — a document with every claim highlighted by how it is sourced.

Built on :func:`eventwatch.serve.annotations.annotated_document` (what
``GET /api/documents/{id}`` serves): each event's evidence sentence is
highlighted in the style of its factuality (asserted, attributed to a named
source, alleged or anonymous, denied, ...), the actor, recipient, source, cue,
trigger and place are marked inside it (a place named only outside the
sentence is marked where the document names it, e.g. a dateline), the places
are listed with links to their events, and a card per event names who says so
and who carried it (source → agencies → outlet).  A sourcing profile at the
top counts the claims by style, so a report that rests on a named official and
one that relays anonymous hedged claims look different at a glance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from eventwatch.model import COUNT_KEYS, FACTUALITY_VALUES
from eventwatch.serve.annotations import annotated_document
from eventwatch.serve.pages.highlight import Layer, cut
from eventwatch.serve.pages.params import url
from eventwatch.serve.pages.rendering import guarded, render
from eventwatch.serve.pages.rows import date_label, entity_label, http_url, place_label
from eventwatch.serve.pages.vocabulary import (
    FACTUALITY_LABELS,
    HEDGED,
    factuality_class,
    type_class,
)
from eventwatch.serve.state import ServerState

__all__ = ["claim_card", "document_layers", "place_links", "router", "sourcing_profile"]

router = APIRouter(include_in_schema=False)

_ROLE_LABELS = {"actor": "actor", "recipient": "recipient", "source": "source", "place": "place"}


def _span_layer(
    span: Mapping[str, Any] | None, role: str, event_id: str, name: str | None = None
) -> Layer | None:
    """A part layer from an annotation span (None when it was not located)."""
    if not span or span.get("start") is None or span.get("end") is None:
        return None
    label = f"{role}: {name or span.get('text') or ''}".strip()
    return Layer(int(span["start"]), int(span["end"]), "part", event_id, f"role-{role}", label)


def document_layers(text: str, annotated: Mapping[str, Any]) -> list[Layer]:
    """Every highlight of a document: evidence, other mentions, roles, cue, trigger, place.

    Args:
        text: The document text.
        annotated: :func:`annotated_document`'s result (its spans include each place).
    """
    layers: list[Layer] = []
    attributions = {a["event_id"]: a for a in annotated.get("attributions") or []}
    for event in annotated.get("events") or []:
        event_id = event["id"]
        attribution = attributions.get(event_id) or {}
        claim = factuality_class(
            event.get("factuality"), anonymous=bool(attribution.get("anonymous"))
        )
        evidence = event.get("evidence") or {}
        low, high = int(evidence.get("start") or 0), int(evidence.get("end") or 0)
        layers.append(Layer(low, high, "evidence", event_id, claim))
        for mention in event.get("mentions") or []:
            if mention.get("start") is not None and mention.get("end") is not None:
                layers.append(
                    Layer(int(mention["start"]), int(mention["end"]), "mention", event_id, claim)
                )
        for span in event.get("spans") or []:
            role = span.get("role") if span.get("role") in _ROLE_LABELS else "actor"
            name = place_label(span) if role == "place" else span.get("name")
            layer = _span_layer(span, str(role), event_id, name)
            if layer is not None:
                layers.append(layer)
        cue = _span_layer(attribution.get("cue"), "cue", event_id)
        trigger = _span_layer(event.get("trigger"), "trigger", event_id)
        layers += [x for x in (cue, trigger) if x is not None]
    return layers


def claim_card(record: Mapping[str, Any], outlet: str | None) -> dict[str, Any]:
    """What the reader's side card says about one event: what, who, and who says so."""
    attribution = record.get("attribution") or {}
    source = attribution.get("source")
    anonymous = bool(attribution.get("anonymous"))
    via = [str(v) for v in attribution.get("via") or []]
    chain = [entity_label(source) if source else "the outlet itself", *via]
    if outlet and (not chain or chain[-1] != outlet):
        chain.append(str(outlet))
    counts = record.get("counts") or {}
    factuality = record.get("factuality")
    return {
        "id": record["id"],
        "event_type": record.get("event_type"),
        "mode": record.get("mode"),
        "type_class": type_class(record.get("event_type")),
        "factuality": factuality,
        "factuality_label": FACTUALITY_LABELS.get(str(factuality), str(factuality)),
        "claim_class": factuality_class(factuality, anonymous=anonymous),
        "anonymous": anonymous,
        "actor": entity_label(record.get("actor")),
        "recipient": entity_label(record.get("recipient")),
        "date": date_label(record.get("date")),
        "place": place_label(record.get("location")),
        "counts": [(key, counts[key]) for key in COUNT_KEYS if counts.get(key) is not None],
        "source": entity_label(source),
        "cue": attribution.get("cue"),
        "chain": chain,
        "named_source": bool(source) and not anonymous,
        "confidence": record.get("confidence"),
        "evidence": (record.get("evidence") or {}).get("text") or "",
    }


def place_links(places: list[Mapping[str, Any]]) -> list[dict[str, str]]:
    """The document's places for the reader: label, a link to their events, how often named."""
    links = []
    for place in places:
        mentions = len(place.get("spans") or [])
        events = len(place.get("event_ids") or [])
        links.append(
            {
                "label": place_label(place),
                "href": url("/events", {"place": place.get("name")}),
                "title": (
                    f"{events} event{'s' if events != 1 else ''}; named "
                    f"{mentions} time{'s' if mentions != 1 else ''} in the text"
                ),
            }
        )
    return links


def _verdict(total: int, attributed: int, hedged: int, anonymous: bool) -> dict[str, str]:
    """One line that tells at a glance what the document's claims rest on."""
    if total == 0:
        return {"css": "verdict-none", "text": "No claims found"}
    if anonymous or hedged / total >= 0.25:
        return {
            "css": "verdict-hedged",
            "text": "Leans on hedged or anonymous claims",
        }
    if attributed / total >= 0.3:
        return {"css": "verdict-named", "text": "Relies on named sources"}
    return {"css": "verdict-asserted", "text": "Mostly the outlet's own assertions"}


def sourcing_profile(cards: list[dict[str, Any]]) -> dict[str, Any]:
    """How the document's claims are sourced: counts by style, named and anonymous sources."""
    by_class = Counter(card["claim_class"] for card in cards)
    total = len(cards)
    segments = []
    offset = 0.0
    for value in (*FACTUALITY_VALUES, "other"):
        css = f"f-{value}"
        count = by_class.get(css, 0)
        if count:
            width = 100.0 * count / total
            segments.append(
                {"css": css, "value": value, "count": count, "x": offset, "width": width}
            )
            offset += width
    named = sorted({c["source"] for c in cards if c["named_source"]})
    anonymous = sorted({c["source"] or "unnamed" for c in cards if c["anonymous"]})
    carriers = sorted({v for c in cards for v in c["chain"][1:-1]})
    hedged = sum(by_class.get(f"f-{v}", 0) for v in sorted(HEDGED))
    return {
        "verdict": _verdict(total, by_class.get("f-attributed", 0), hedged, bool(anonymous)),
        "total": total,
        "segments": segments,
        "attributed": by_class.get("f-attributed", 0),
        "asserted": by_class.get("f-asserted", 0),
        "alleged": by_class.get("f-alleged", 0),
        "hedged": hedged,
        "named_sources": named,
        "anonymous_sources": anonymous,
        "carriers": carriers,
    }


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
@guarded
def reader_view(request: Request, doc_id: str) -> HTMLResponse:
    """One document, annotated."""
    server: ServerState = request.app.state.server
    snapshot = server.catalog.snapshot()
    if doc_id in snapshot.document_by_id:
        records = [entry.record() for entry in snapshot.document_entries(doc_id)]
    else:  # stored since the last refresh (or unknown: annotated_document says 404)
        records = None
    annotated = annotated_document(server.reader(), doc_id, events=records)
    if records is None:
        records = server.reader().events_for_document(doc_id)
    by_id = {r["id"]: r for r in records}
    document = annotated["document"]
    text: str = annotated["text"]
    layers = document_layers(text, annotated)
    order = [e["id"] for e in annotated["events"]]
    cards = [claim_card(by_id[i], document.get("outlet")) for i in order if i in by_id]
    return render(
        request,
        "reader.html",
        {
            "title": document.get("title") or doc_id,
            "document": document,
            "document_url": http_url(document.get("url")),
            "runs": cut(text, layers, event_order=order),
            "cards": cards,
            "cards_by_id": {c["id"]: c for c in cards},
            "profile": sourcing_profile(cards),
            "places": place_links(annotated.get("places") or []),
        },
    )
