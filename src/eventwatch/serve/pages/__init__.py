"""The dashboard's server-rendered pages (to come): routes outside ``/api``.

Add a page as a route on :data:`router` in a module of this package (one view per
module: ``events.py``, ``actors.py``, ``reader.py``, ...) and include it in
:func:`pages_router`.  Views call the same plain functions as the JSON API
(:mod:`eventwatch.serve.queries`, :mod:`eventwatch.serve.annotations`), get the
server with ``request.app.state.server``, and render templates and static files
shipped in the package (no CDN: every script, style and map tile source is local).
Under ``/api/`` responses carry ``Content-Security-Policy: default-src 'none'``;
pages set their own policy.
"""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["pages_router"]


def pages_router() -> APIRouter:
    """Every dashboard page (none yet), mounted at the site root."""
    return APIRouter(include_in_schema=False)
