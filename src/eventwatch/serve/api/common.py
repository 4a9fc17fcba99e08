"""What the API routes share: the server state, the event filter parameters, JSON responses."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request, Response

from eventwatch.model import FACTUALITY_VALUES
from eventwatch.serve.catalog import EventFilters
from eventwatch.serve.schemas import ErrorResponse
from eventwatch.serve.state import ServerState

__all__ = [
    "ERRORS",
    "Factuality",
    "Filters",
    "JSON_TYPE",
    "Limit",
    "Server",
    "Sort",
    "event_filters",
    "json_response",
]

JSON_TYPE = "application/json"
_MAX_TEXT = 200

Factuality = Enum("Factuality", {value: value for value in FACTUALITY_VALUES}, type=str)  # type: ignore[misc]
Sort = Literal["doc", "date", "-date", "confidence", "-confidence"]

#: Error responses every API route may give, in the one error shape (documents the OpenAPI).
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (400, "A malformed value, such as a cursor from another query."),
        (404, "No such item."),
        (422, "A parameter or body field is invalid; the message says which and why."),
        (500, "An unexpected failure; the server log has the details."),
        (503, "The index or the stories are still being built; retry."),
    )
}


def get_server(request: Request) -> ServerState:
    """The running server's state."""
    return request.app.state.server  # type: ignore[no-any-return]


Server = Annotated[ServerState, Depends(get_server)]


def get_limit(
    request: Request,
    limit: Annotated[
        int | None, Query(ge=1, le=500, description="Page size (default 50, at most 500).")
    ] = None,
) -> int:
    """The page size: the request's, or the server's default; never above the server's maximum."""
    options = get_server(request).options
    return min(limit or options.default_limit, options.max_limit)


Limit = Annotated[int, Depends(get_limit)]


def event_filters(
    event_type: Annotated[
        str | None,
        Query(
            alias="type",
            max_length=32,
            description="PLOVER type (COERCE, ASSAULT, ...), COUP or OFFICE; case-insensitive.",
        ),
    ] = None,
    mode: Annotated[
        str | None, Query(max_length=64, description="Exact mode, e.g. conspiracy.")
    ] = None,
    country: Annotated[
        str | None,
        Query(
            max_length=3, description="ISO 3166 alpha-3 of the place, the actor or the recipient."
        ),
    ] = None,
    actor: Annotated[
        str | None,
        Query(max_length=_MAX_TEXT, description="Substring of the actor's or recipient's name."),
    ] = None,
    place: Annotated[
        str | None, Query(max_length=_MAX_TEXT, description="Substring of the location's name.")
    ] = None,
    date_from: Annotated[
        str | None,
        Query(max_length=10, description="YYYY[-MM[-DD]]: events whose dates end on or after it."),
    ] = None,
    date_to: Annotated[
        str | None,
        Query(
            max_length=10, description="YYYY[-MM[-DD]]: events whose dates start on or before it."
        ),
    ] = None,
    factuality: Annotated[
        Factuality | None, Query(description="How the text presents the event.")
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=_MAX_TEXT,
            description="Free text: substring of the evidence sentence, a participant or the place.",
        ),
    ] = None,
    min_corroboration: Annotated[
        int | None,
        Query(
            ge=1,
            le=1000,
            description=(
                "Only events whose story has at least this many independent sources. "
                "Needs the stories (linked once per store change, in the background)."
            ),
        ),
    ] = None,
    doc: Annotated[
        str | None,
        Query(
            max_length=300,
            description="Only the events of this document (its id, as in /api/documents).",
        ),
    ] = None,
) -> EventFilters:
    """The event filters of a request, checked."""
    return EventFilters.checked(
        event_type=event_type,
        mode=mode,
        country=country,
        actor=actor,
        place=place,
        date_from=date_from,
        date_to=date_to,
        factuality=factuality.value if factuality is not None else None,
        q=q,
        min_corroboration=min_corroboration,
        doc_id=doc,
    )


Filters = Annotated[EventFilters, Depends(event_filters)]


def json_response(
    data: Any, *, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """Serialise ``data`` as UTF-8 JSON (no re-validation; the schemas document it)."""
    body = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(body.encode("utf-8"), status_code=status, media_type=JSON_TYPE, headers=headers)
