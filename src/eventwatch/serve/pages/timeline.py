"""``/timeline``: the filtered events on a time axis, one lane per type.

The dots are one page of the selection (``limit``, default 500, in date order,
with a cursor to the next page); the bars above count the whole selection per
month or year.  Dots are sized by corroboration and link to the event.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from eventwatch.serve import queries
from eventwatch.serve.catalog import EventEntry
from eventwatch.serve.pages import facets
from eventwatch.serve.pages.charts import stacked_periods, timeline_points
from eventwatch.serve.pages.events import active_filters
from eventwatch.serve.pages.params import read_event_query, url
from eventwatch.serve.pages.rendering import guarded, render
from eventwatch.serve.pages.vocabulary import factuality_class
from eventwatch.serve.state import ServerState

__all__ = ["VISUAL_LIMIT", "VISUAL_MAX_LIMIT", "point_row", "router"]

router = APIRouter(include_in_schema=False)

#: Events drawn per page on the timeline and the map, by default and at most.
VISUAL_LIMIT = 500
VISUAL_MAX_LIMIT = 2000


def point_row(entry: EventEntry, corroboration: int | None) -> dict[str, Any]:
    """What a timeline dot or a map marker needs from an event."""
    parties = {p.role: p.name or p.text for p in entry.participants}
    who = " → ".join(x for x in (parties.get("actor"), parties.get("recipient")) if x)
    place = entry.place.name if entry.place else ""
    label = " · ".join(
        x
        for x in (
            f"{entry.event_type}{'/' + entry.mode if entry.mode else ''}",
            entry.date_start or "undated",
            who,
            place,
            entry.factuality,
            f"{corroboration} outlet(s)" if corroboration is not None else "",
        )
        if x
    )
    return {
        "id": entry.id,
        "event_type": entry.event_type,
        "start": entry.date_start or entry.date_end,
        "corroboration": corroboration,
        "claim": factuality_class(entry.factuality),
        "label": label,
        "href": f"/events/{entry.id}",
        "lat": entry.place.lat if entry.place else None,
        "lon": entry.place.lon if entry.place else None,
        "place": place,
        "country": entry.location_country,
    }


def page_points(request: Request, path: str, default_sort: str) -> dict[str, Any]:
    """The filters, one page of events as point rows and the selection's facts, for a visual page."""
    server: ServerState = request.app.state.server
    query = read_event_query(
        request.query_params,
        default_sort=default_sort,
        default_limit=VISUAL_LIMIT,
        max_limit=VISUAL_MAX_LIMIT,
    )
    page = queries.events_page(
        server.catalog, query.filters, sort=query.sort, limit=query.limit, cursor=query.cursor
    )
    corroboration = facets.corroboration_of(server.catalog, page.snapshot)
    rows = [
        point_row(
            entry,
            None if corroboration is None else int(corroboration[page.snapshot.by_id[entry.id]]),
        )
        for entry in page.entries
    ]
    snapshot, selection = queries.select_events(server.catalog, query.filters, sort=query.sort)
    positions = facets.positions_of(snapshot, selection, query.sort)
    params = query.params(sort=None if query.sort == default_sort else query.sort)
    limit_param = query.limit if query.limit != VISUAL_LIMIT else None
    return {
        "event_query": query,
        "params": params,
        "rows": rows,
        "total": page.total,
        "snapshot": snapshot,
        "positions": positions,
        "chips": active_filters(query, path),
        "next_href": (
            url(path, params, cursor=page.next_cursor, limit=limit_param)
            if page.next_cursor
            else None
        ),
        "first_href": url(path, params, limit=limit_param) if query.cursor else None,
        "events_href": url("/events", params),
        "stories_ready": corroboration is not None,
    }


@router.get("/timeline", response_class=HTMLResponse)
@guarded
def timeline_view(request: Request) -> HTMLResponse:
    """The timeline."""
    found = page_points(request, "/timeline", "date")
    params = found["params"]

    def link(period: str, event_type: str | None) -> str:
        return url("/timeline", params, date_from=period, date_to=period, type=event_type)

    months = facets.period_counts(found["snapshot"], found["positions"], period="month")
    return render(
        request,
        "timeline.html",
        {
            "title": "Timeline",
            **found,
            "histogram": stacked_periods(months, link, width=1200, height=160),
            "timeline": timeline_points(found["rows"], width=1200),
            "map_href": url("/map", params),
        },
    )
