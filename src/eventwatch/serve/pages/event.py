"""``/events/{id}``: one event, every field, its evidence sentence highlighted, its story."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from eventwatch.serve import queries
from eventwatch.serve.annotations import locate
from eventwatch.serve.pages.highlight import Layer, Run, cut
from eventwatch.serve.pages.reader import claim_card
from eventwatch.serve.pages.rendering import guarded, render
from eventwatch.serve.pages.rows import http_url
from eventwatch.serve.state import ServerState

__all__ = ["evidence_runs", "field_rows", "router"]

router = APIRouter(include_in_schema=False)

#: Fields shown in their own sections; everything else is listed as it is stored.
_SHOWN = ("id", "doc_id", "event_type", "mode", "factuality", "evidence", "outlet")


def evidence_runs(record: Mapping[str, Any]) -> list[Run]:
    """The evidence sentence cut at its trigger, participants, cue and place."""
    evidence = record.get("evidence") or {}
    sentence: str = evidence.get("text") or ""
    base = int(evidence.get("start") or 0)
    layers: list[Layer] = []
    trigger = record.get("trigger") or {}
    if trigger.get("start") is not None and trigger.get("end") is not None:
        start, end = int(trigger["start"]) - base, int(trigger["end"]) - base
        layers.append(Layer(start, end, "part", record["id"], "role-trigger", "trigger"))
    attribution = record.get("attribution") or {}
    for role, entity in (
        ("actor", record.get("actor")),
        ("recipient", record.get("recipient")),
        ("source", attribution.get("source")),
    ):
        if entity:
            found = locate(sentence, entity.get("text"), 0, len(sentence))
            if found:
                label = f"{role}: {entity.get('name') or entity.get('text')}"
                layers.append(Layer(*found, "part", record["id"], f"role-{role}", label))
    place = (record.get("location") or {}).get("text")
    found = locate(sentence, place, 0, len(sentence))
    if found:
        layers.append(Layer(*found, "part", record["id"], "role-place", "place"))
    found = locate(sentence, attribution.get("cue"), 0, len(sentence))
    if found:
        layers.append(Layer(*found, "part", record["id"], "role-cue", "cue"))
    return cut(sentence, layers)


def _value_text(value: Any) -> str:
    """A field value as text: scalars as they are, structures as compact JSON."""
    if value is None:
        return "–"
    if isinstance(value, str | int | float | bool):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def field_rows(record: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """Every field of the record as (dotted name, text), nested objects flattened one level."""
    rows: list[tuple[str, str]] = []
    for key, value in record.items():
        if not prefix and key in _SHOWN:
            continue
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value and not prefix:
            rows += field_rows(value, prefix=f"{name}.")
        else:
            rows.append((name, _value_text(value)))
    return rows


@router.get("/events/{event_id}", response_class=HTMLResponse)
@guarded
def event_view(request: Request, event_id: str) -> HTMLResponse:
    """One event."""
    server: ServerState = request.app.state.server
    detail = queries.event_detail(server.catalog, event_id)
    record = detail["event"]
    document = detail.get("document") or {}
    return render(
        request,
        "event.html",
        {
            "title": f"{record.get('event_type')} event {record['id']}",
            "record": record,
            "card": claim_card(record, document.get("outlet") or record.get("outlet")),
            "document": document,
            "document_url": http_url(document.get("url")),
            "story": detail.get("story"),
            "evidence_runs": evidence_runs(record),
            "fields": field_rows(record),
        },
    )
