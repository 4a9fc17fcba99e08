"""The dashboard's server-rendered pages: routes outside ``/api``.

One view per module, each a route on its module's ``router``:

* ``overview`` — ``/``: events over time by type, top countries and actors, latest stories;
* ``events`` — ``/events``: the table with facets, search, downloads and cursor pages;
* ``event`` — ``/events/{id}``: one event, every field, its evidence;
* ``timeline`` and ``worldmap`` — ``/timeline`` and ``/map``: the same filters on a
  time axis and on an offline world map;
* ``reader`` — ``/documents/{id}``: the text with every claim highlighted by how it is sourced;
* ``actors`` — ``/actors`` and ``/actors/{id}``, with an interaction network;
* ``stories`` — ``/stories`` and ``/stories/{id}``: reports side by side, conflicts flagged;
* ``static`` — ``/static/...``: the CSS, scripts and map data shipped in the package.

Views call the same plain functions as the JSON API (:mod:`eventwatch.serve.queries`,
:mod:`eventwatch.serve.annotations`) and render Jinja2 templates from
``serve/templates`` with autoescaping on (:mod:`.rendering`).  Nothing is loaded
from another site, and every page sends a strict Content-Security-Policy
(:data:`.rendering.PAGE_CSP`): no inline scripts, styles or event handlers.
Errors of the read model become friendly pages (404 for unknown ids, 400 for
bad filter values, 503 while the index is built).
"""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["pages_router"]


def pages_router() -> APIRouter:
    """Every dashboard page and the static files, mounted at the site root."""
    from eventwatch.serve.pages import (
        actors,
        event,
        events,
        overview,
        reader,
        static,
        stories,
        timeline,
        worldmap,
    )

    router = APIRouter(include_in_schema=False)
    for module in (overview, events, event, timeline, worldmap, reader, actors, stories, static):
        router.include_router(module.router)
    return router
