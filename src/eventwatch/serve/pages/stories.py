"""``/stories`` and ``/stories/{id}``: events linked across reports, and one story side by side.

Both read :func:`queries.stories_page` and :func:`queries.story_detail` as they
are.  Stories are linked in the background after every change of the store;
until the first linking is done the pages answer 503 with a note to reload,
rather than keep the browser waiting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from eventwatch.model import COUNT_KEYS
from eventwatch.serve import queries
from eventwatch.serve.errors import Unavailable, Unprocessable
from eventwatch.serve.pages.overview import story_headline
from eventwatch.serve.pages.params import read_int, read_text, url
from eventwatch.serve.pages.reader import claim_card
from eventwatch.serve.pages.rendering import guarded, render
from eventwatch.serve.pages.rows import date_label, entity_label, place_label
from eventwatch.serve.state import ServerState

__all__ = ["conflict_summary", "report_columns", "router"]

router = APIRouter(include_in_schema=False)

_TYPE = re.compile(r"^[A-Za-z_]{1,32}$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")

#: The rows of the side-by-side table: (key, label); a conflict on ``key`` marks its cells.
ROWS = (
    ("date", "date"),
    ("place", "place"),
    ("actor", "actor"),
    ("recipient", "recipient"),
    *((key, key) for key in COUNT_KEYS),
    ("factuality", "claim"),
    ("chain", "who says so"),
    ("confidence", "confidence"),
)


def _require_stories(server: ServerState) -> None:
    """Answer 503 at once while the first stories are being linked."""
    if server.catalog.stories_if_ready() is None:
        raise Unavailable(
            "stories are still being linked across reports; reload this page in a minute",
            headers={"Retry-After": "30"},
        )


def report_columns(
    events: list[dict[str, Any]],
    documents: Mapping[str, Mapping[str, Any]],
    sources: list[str],
    conflicts: Mapping[str, list[dict[str, Any]]],
) -> list[dict[str, Any]]:
    """One column per report: its document, its values by row, and which cells conflict."""
    conflicting = {
        name: {event_id for item in values for event_id in item.get("event_ids") or []}
        for name, values in conflicts.items()
    }
    columns = []
    for record in events:
        document = documents.get(record["doc_id"]) or {}
        outlet = document.get("outlet") or record.get("outlet") or record["doc_id"]
        card = claim_card(record, outlet)
        counts = record.get("counts") or {}
        values: dict[str, Any] = {
            "date": date_label(record.get("date")),
            "place": place_label(record.get("location")),
            "actor": entity_label(record.get("actor")),
            "recipient": entity_label(record.get("recipient")),
            **{key: counts.get(key) for key in COUNT_KEYS},
            "factuality": record.get("factuality"),
            "chain": " → ".join(card["chain"]),
            "confidence": record.get("confidence"),
        }
        columns.append(
            {
                "id": record["id"],
                "doc_id": record["doc_id"],
                "outlet": outlet,
                "title": document.get("title"),
                "published": document.get("published"),
                "independent": outlet in sources,
                "card": card,
                "cells": values,
                "conflicts": {name for name, ids in conflicting.items() if record["id"] in ids},
                "evidence": (record.get("evidence") or {}).get("text") or "",
            }
        )
    return columns


def conflict_summary(
    conflicts: Mapping[str, list[dict[str, Any]]], outlets: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Each conflicting field with its values and the outlets giving each value."""
    summary = []
    for name, values in sorted(conflicts.items()):
        summary.append(
            {
                "field": name,
                "options": [
                    {
                        "value": "–" if item.get("value") is None else str(item.get("value")),
                        "outlets": sorted({outlets.get(i, i) for i in item.get("event_ids") or []}),
                    }
                    for item in values
                ],
            }
        )
    return summary


@router.get("/stories", response_class=HTMLResponse)
@guarded
def stories_view(request: Request) -> HTMLResponse:
    """Stories, earliest first, with their corroboration."""
    server: ServerState = request.app.state.server
    params = request.query_params
    event_type = read_text(params, "type")
    country = read_text(params, "country")
    if event_type is not None and not _TYPE.match(event_type):
        raise Unprocessable(f"type: {event_type!r} is not an event type such as COUP or ASSAULT")
    if country is not None and not _COUNTRY.match(country):
        raise Unprocessable(f"country: {country!r} is not an ISO 3166 alpha-3 code; use e.g. KGZ")
    minimum = read_int(params, "min_corroboration", low=1, high=1000)
    limit = read_int(params, "limit", low=1, high=500, default=50) or 50
    cursor = read_text(params, "cursor")
    _require_stories(server)
    found = queries.stories_page(
        server.catalog,
        event_type=event_type,
        country=country,
        min_corroboration=minimum,
        limit=limit,
        cursor=cursor,
    )
    snapshot = server.catalog.snapshot()
    state = {"type": event_type, "country": country, "min_corroboration": minimum}
    return render(
        request,
        "stories.html",
        {
            "title": "Stories",
            "state": state,
            "stories": [story_headline(snapshot, s) for s in found["stories"]],
            "total": found["total"],
            "stale": found.get("stale"),
            "next_href": url(
                "/stories", state, cursor=found["next_cursor"], limit=params.get("limit")
            )
            if found["next_cursor"]
            else None,
            "first_href": url("/stories", state) if cursor else None,
        },
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
@guarded
def story_view(request: Request, story_id: str) -> HTMLResponse:
    """One story: every report side by side, conflicting figures highlighted."""
    server: ServerState = request.app.state.server
    _require_stories(server)
    detail = queries.story_detail(server.catalog, story_id)
    story = detail["story"]
    snapshot = server.catalog.snapshot()
    sources = list(story.get("independent_sources") or [])
    conflicts = story.get("conflicts") or {}
    columns = report_columns(detail["events"], snapshot.document_by_id, sources, conflicts)
    outlets = {c["id"]: c["outlet"] for c in columns}
    return render(
        request,
        "story.html",
        {
            "title": f"Story {story_id}",
            "story": story,
            "headline": story_headline(snapshot, story),
            "columns": columns,
            "rows": ROWS,
            "conflicts": conflict_summary(conflicts, outlets),
            "sources": sources,
        },
    )
