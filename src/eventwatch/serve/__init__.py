"""The serve stage: an HTTP JSON API (and, later, the dashboard) over one store.

Typical use::

    from eventwatch.serve import create_app, serve

    serve(db="eventwatch.db", port=8000, token=None)      # blocks; 127.0.0.1 only
    app = create_app(db="eventwatch.db", token="…", settings=Settings())  # any ASGI server

Modules: ``app`` (factory and server), ``api/`` (routes under ``/api``),
``pages/`` (dashboard routes), ``queries`` and ``annotations`` (the plain
functions routes call), ``catalog/`` (the in-memory read model of the store),
``ingest`` (``POST /api/ingest``), ``streaming`` (exports over HTTP),
``security`` (token, body limit, headers), ``cursor``, ``errors``, ``schemas``,
``state``; ``seed`` and ``loadtest`` (benchmark helpers).
"""

from __future__ import annotations

from eventwatch.serve.app import create_app, serve
from eventwatch.serve.state import ServeOptions

__all__ = ["ServeOptions", "create_app", "serve"]
