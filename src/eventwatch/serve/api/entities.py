"""``/api/actors``, ``/api/actors/{id}`` and ``/api/places``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from eventwatch.serve import queries
from eventwatch.serve.api.common import ERRORS, Limit, Server, json_response
from eventwatch.serve.schemas import ActorDetail, ActorPage, PlacePage

__all__ = ["router"]

router = APIRouter(tags=["actors and places"], responses=ERRORS)

Cursor = Annotated[
    str | None, Query(max_length=1024, description="next_cursor of the previous page.")
]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3.")]


@router.get("/actors", response_model=ActorPage, summary="Actors with their event counts")
def list_actors(
    server: Server,
    limit: Limit,
    q: Annotated[
        str | None, Query(max_length=200, description="Substring of a name or alias.")
    ] = None,
    country: Country = None,
    sector: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z]{2,8}$", description="PLOVER sector code: GOV, MIL, SPY, ..."),
    ] = None,
    cursor: Cursor = None,
) -> Response:
    """Entities seen as an event's actor, recipient or attribution source, most events first."""
    return json_response(
        queries.actors_page(
            server.catalog, q=q, country=country, sector=sector, limit=limit, cursor=cursor
        )
    )


@router.get("/actors/{actor_id}", response_model=ActorDetail, summary="One actor and its events")
def get_actor(
    server: Server,
    actor_id: Annotated[str, Path(max_length=200, description="The actor's id.")],
    limit: Annotated[int, Query(ge=1, le=500, description="Events per role, newest first.")] = 100,
) -> Response:
    """Its aliases (the texts it is written as) and its events as actor, recipient and source."""
    return json_response(
        queries.actor_detail(server.catalog, actor_id, limit=limit, store=server.reader())
    )


@router.get("/places", response_model=PlacePage, summary="Places with event counts and coordinates")
def list_places(
    server: Server,
    limit: Limit,
    q: Annotated[
        str | None, Query(max_length=200, description="Substring of the place name.")
    ] = None,
    country: Country = None,
    cursor: Cursor = None,
) -> Response:
    """Named places, most events first; coordinates are those most of their events give."""
    return json_response(
        queries.place_list(server.catalog, q=q, country=country, limit=limit, cursor=cursor)
    )
