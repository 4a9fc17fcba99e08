"""``/events``: the events table with facets, free-text search, downloads and cursor pages.

Every state is a URL with the JSON API's parameter names, so the download
links are the API's own URLs with the same filters: ``/api/export`` for each
export format (:func:`~eventwatch.serve.formats.download_formats`) and
``/api/events`` for a page of the API.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from eventwatch.serve import queries
from eventwatch.serve.catalog import SORTS, EventFilters
from eventwatch.serve.formats import download_formats
from eventwatch.serve.pages import facets
from eventwatch.serve.pages.params import FILTER_PARAMS, EventQuery, read_event_query, url
from eventwatch.serve.pages.rendering import guarded, render
from eventwatch.serve.pages.rows import event_row
from eventwatch.serve.state import ServerState

__all__ = ["active_filters", "download_links", "router"]

router = APIRouter(include_in_schema=False)

_FORMAT_LABELS = {
    "json": "JSON",
    "jsonl": "JSON Lines",
    "csv": "CSV (ACLED-style)",
    "geojson": "GeoJSON",
    "parquet": "Parquet",
}
_FILTER_LABELS = {
    "type": "type",
    "mode": "mode",
    "country": "country",
    "actor": "actor",
    "place": "place",
    "date_from": "from",
    "date_to": "to",
    "factuality": "factuality",
    "q": "text",
    "min_corroboration": "outlets ≥",
    "doc": "document",
}


def download_links(query: EventQuery) -> list[dict[str, str]]:
    """The API's URLs for the current selection: a JSON page and every export format."""
    params = query.params()
    links = [
        {
            "label": "API page (JSON, 500 events)",
            "format": "page",
            "href": url("/api/events", params, limit=500),
        }
    ]
    for name in sorted(download_formats(), key=lambda n: (n not in _FORMAT_LABELS, n)):
        links.append(
            {
                "label": _FORMAT_LABELS.get(name, name),
                "format": name,
                "href": url("/api/export", params, format=name),
            }
        )
    return links


def active_filters(query: EventQuery, path: str) -> list[dict[str, str]]:
    """One removable chip per set filter: its label, value and the URL without it."""
    params = query.params()
    chips = []
    for name in FILTER_PARAMS.values():
        if name in params:
            chips.append(
                {
                    "name": name,
                    "label": _FILTER_LABELS[name],
                    "value": str(params[name]),
                    "remove": url(path, params, **{name: None}),
                }
            )
    return chips


def facet_context(
    server: ServerState, filters: EventFilters, query: EventQuery, path: str
) -> dict[str, Any]:
    """Facet counts of the selection, each value with the URL that adds it as a filter."""
    # The same sort as the page's, so the selection comes from the snapshot's cache.
    snapshot, selection = queries.select_events(server.catalog, filters, sort=query.sort)
    positions = facets.positions_of(snapshot, selection, query.sort)
    params = query.params()

    def links(values: list[facets.FacetValue], name: str) -> list[dict[str, Any]]:
        current = params.get(name)
        return [
            {
                "value": v.value,
                "count": v.count,
                "active": current is not None and str(current).upper() == v.value.upper(),
                "href": url(path, params, **{name: v.value, "cursor": None}),
            }
            for v in values
        ]

    actors = facets.actor_facet(snapshot, positions)
    corroboration = facets.corroboration_facet(server.catalog, snapshot, positions)
    years = facets.year_facet(snapshot, positions)
    return {
        "type": links(facets.coded_facet(snapshot, positions, "event_type"), "type"),
        "mode": links(facets.coded_facet(snapshot, positions, "mode", limit=15), "mode"),
        "country": links(facets.country_facet(snapshot, positions, limit=15), "country"),
        "factuality": links(facets.coded_facet(snapshot, positions, "factuality"), "factuality"),
        "actor": links(actors, "actor"),
        "corroboration": (
            None
            if corroboration is None
            else [
                {
                    "value": v.value,
                    "count": v.count,
                    "active": str(params.get("min_corroboration")) == v.value,
                    "href": url(path, params, min_corroboration=v.value, cursor=None),
                }
                for v in corroboration
            ]
        ),
        "year": [
            {
                "value": v.value,
                "count": v.count,
                "href": url(path, params, date_from=v.value, date_to=v.value, cursor=None),
            }
            for v in years
        ],
        "date_span": facets.date_span(snapshot, positions),
    }


@router.get("/events", response_class=HTMLResponse)
@guarded
def events_view(request: Request) -> HTMLResponse:
    """The events table."""
    server: ServerState = request.app.state.server
    query = read_event_query(
        request.query_params,
        default_limit=server.options.default_limit,
        max_limit=server.options.max_limit,
    )
    page = queries.events_page(
        server.catalog, query.filters, sort=query.sort, limit=query.limit, cursor=query.cursor
    )
    corroboration = facets.corroboration_of(server.catalog, page.snapshot)
    rows = [
        event_row(
            entry,
            corroboration=(
                None if corroboration is None else int(corroboration[page.snapshot.by_id[entry.id]])
            ),
            documents=page.snapshot.document_by_id,
        )
        for entry in page.entries
    ]
    params = query.params()
    limit_param = query.limit if query.limit != server.options.default_limit else None
    return render(
        request,
        "events.html",
        {
            "title": "Events",
            "event_query": query,
            "params": params,
            "rows": rows,
            "total": page.total,
            "facets": facet_context(server, query.filters, query, "/events"),
            "chips": active_filters(query, "/events"),
            "downloads": download_links(query),
            "sorts": SORTS,
            "next_href": (
                url("/events", params, cursor=page.next_cursor, limit=limit_param)
                if page.next_cursor
                else None
            ),
            "first_href": (
                url("/events", params, limit=limit_param) if query.cursor is not None else None
            ),
            "api_href": url("/api/events", params, limit=limit_param, cursor=query.cursor),
            "timeline_href": url("/timeline", params),
            "map_href": url("/map", params),
            "stories_ready": corroboration is not None,
        },
    )
