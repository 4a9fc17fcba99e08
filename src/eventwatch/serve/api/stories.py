"""``/api/stories``, ``/api/stories/{id}`` and ``/api/search``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from eventwatch.serve import queries
from eventwatch.serve.api.common import ERRORS, Limit, Server, json_response
from eventwatch.serve.schemas import SearchResult, StoryDetail, StoryPage

__all__ = ["router"]

router = APIRouter(responses=ERRORS)


@router.get(
    "/stories",
    response_model=StoryPage,
    summary="Stories: one event reported by many",
    tags=["stories"],
)
def list_stories(
    server: Server,
    limit: Limit,
    event_type: Annotated[str | None, Query(alias="type", pattern=r"^[A-Za-z_]{1,32}$")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    min_corroboration: Annotated[int | None, Query(ge=1, le=1000)] = None,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
) -> Response:
    """Events of many documents linked into stories (eventwatch.link.link_events over the
    whole store), with their independent sources and conflicting figures, earliest first.

    Linking runs once per store change, in the background; ``stale`` is true while
    a newer store is being linked.  It is the slow part of the API: seconds for
    ten thousand events, a minute or more for a hundred thousand."""
    return json_response(
        queries.stories_page(
            server.catalog,
            event_type=event_type,
            country=country,
            min_corroboration=min_corroboration,
            limit=limit,
            cursor=cursor,
        )
    )


@router.get(
    "/stories/{story_id}", response_model=StoryDetail, summary="One story", tags=["stories"]
)
def get_story(server: Server, story_id: Annotated[str, Path(max_length=200)]) -> Response:
    """The story and its events in full."""
    return json_response(queries.story_detail(server.catalog, story_id))


@router.get(
    "/search",
    response_model=SearchResult,
    summary="Events and documents containing text",
    tags=["search"],
)
def search(
    server: Server,
    q: Annotated[
        str, Query(min_length=1, max_length=200, description="The text to find (case-insensitive).")
    ],
    limit: Annotated[
        int, Query(ge=1, le=100, description="At most this many events and documents.")
    ] = 20,
) -> Response:
    """Events whose evidence, participants or place contain ``q`` (newest first), and
    documents whose title, outlet or text contain it (with a snippet)."""

    return json_response(queries.search(server.catalog, q, limit=limit))
