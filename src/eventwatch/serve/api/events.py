"""``/api/events``, ``/api/events/{id}`` and ``/api/export``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import StreamingResponse

from eventwatch.errors import ConfigError
from eventwatch.serve import queries
from eventwatch.serve.api.common import (
    ERRORS,
    JSON_TYPE,
    Filters,
    Limit,
    Server,
    Sort,
    json_response,
)
from eventwatch.serve.errors import Unprocessable
from eventwatch.serve.formats import download_formats, find_exporter
from eventwatch.serve.schemas import EventDetail, EventPage
from eventwatch.serve.streaming import media_type, stream_export

__all__ = ["router"]

router = APIRouter(tags=["events"], responses=ERRORS)

PageFormat = Literal["json", "jsonl", "csv", "geojson"]
EventId = Annotated[str, Path(max_length=200, description="The event's id.")]


@router.get(
    "/events",
    response_model=EventPage,
    summary="Events matching filters, one page at a time",
    responses={
        200: {"content": {"application/x-ndjson": {}, "text/csv": {}, "application/geo+json": {}}}
    },
)
def list_events(
    server: Server,
    filters: Filters,
    limit: Limit,
    sort: Annotated[
        Sort, Query(description="doc (store order), date, -date, confidence, -confidence.")
    ] = "doc",
    cursor: Annotated[
        str | None, Query(max_length=1024, description="next_cursor of the previous page.")
    ] = None,
    format: Annotated[
        PageFormat,
        Query(description="json (the page object) or the page as jsonl, csv or geojson."),
    ] = "json",
) -> Response:
    """One page of events.  Follow ``next_cursor`` until it is null to read them all.

    For ``format`` other than json the body is the page in that format, with
    ``X-Total-Count`` and ``X-Next-Cursor`` headers.
    """
    page = queries.events_page(server.catalog, filters, sort=sort, limit=limit, cursor=cursor)
    if format == "json":
        body = b"".join(
            (
                b'{"events":[',
                b",".join(entry.json for entry in page.entries),
                b'],"next_cursor":',
                b"null" if page.next_cursor is None else f'"{page.next_cursor}"'.encode("ascii"),
                b',"total":',
                str(page.total).encode("ascii"),
                b"}",
            )
        )
        return Response(body, media_type=JSON_TYPE)
    headers = {"X-Total-Count": str(page.total)}
    if page.next_cursor is not None:
        headers["X-Next-Cursor"] = page.next_cursor
    chunks = stream_export(
        (entry.record() for entry in page.entries),
        format=format,
        documents=page.snapshot.document_by_id,
    )
    return StreamingResponse(chunks, media_type=media_type(format), headers=headers)


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event")
def get_event(server: Server, event_id: EventId) -> Response:
    """The event record, its document's metadata and its story (null while stories are linked)."""
    return json_response(queries.event_detail(server.catalog, event_id))


@router.get(
    "/export",
    summary="Download the events matching filters",
    responses={
        200: {
            "description": "The file, streamed.",
            "content": {
                "application/json": {},
                "application/x-ndjson": {},
                "text/csv": {},
                "application/geo+json": {},
                "application/vnd.apache.parquet": {},
            },
        }
    },
)
def export(
    server: Server,
    filters: Filters,
    format: Annotated[
        str,
        Query(
            max_length=32,
            description=(
                "json (one array), jsonl, csv, geojson or parquet (or a plugin's format)."
            ),
        ),
    ] = "jsonl",
    sort: Annotated[Sort, Query(description="Order of the rows.")] = "doc",
) -> StreamingResponse:
    """Every matching event as a file (``Content-Disposition: attachment``), streamed."""
    try:
        exporter = find_exporter(format)
    except ConfigError:
        known = ", ".join(download_formats())
        raise Unprocessable(
            f"format: {format!r} is not an export format; use one of {known}"
        ) from None
    snapshot, selection = queries.select_events(server.catalog, filters, sort=sort)
    records = (entry.record() for entry in snapshot.iter_selection(selection, sort=sort))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    filename = f"eventwatch-events-{stamp}{exporter.suffix or '.' + format}"
    headers = {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "X-Total-Count": str(len(selection)),
    }
    chunks = stream_export(records, format=format, documents=snapshot.document_by_id)
    return StreamingResponse(chunks, media_type=media_type(format), headers=headers)
