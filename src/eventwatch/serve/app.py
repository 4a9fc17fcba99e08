"""The app factory and the server: :func:`create_app` and :func:`serve`.

The app is FastAPI (ASGI, OpenAPI generated from the routes); uvicorn runs it.
Routes live in :mod:`eventwatch.serve.api` (JSON under ``/api``) and
:mod:`eventwatch.serve.pages` (the dashboard, outside ``/api``); both call the
plain functions of :mod:`eventwatch.serve.queries`.  No page of the app loads
anything from another site: FastAPI's Swagger UI (which does) is off, and
``/api/docs`` is a plain local list of the routes.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from eventwatch import __version__
from eventwatch.config import Settings
from eventwatch.serve.api import api_router
from eventwatch.serve.errors import install_error_handlers
from eventwatch.serve.pages import pages_router
from eventwatch.serve.pages.rendering import status_page
from eventwatch.serve.security import GuardMiddleware
from eventwatch.serve.state import ServeOptions, ServerState

__all__ = ["LOOPBACK_HOSTS", "create_app", "serve"]

logger = logging.getLogger(__name__)

#: Host names that mean "this machine only".
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

_DESCRIPTION = """\
Political event records extracted from news, with the sentence every field came from.

Every failure is `{"error": {"status": int, "code": str, "message": str}}`.
Listings are paged with opaque cursors: pass `next_cursor` back as `cursor` until it is null.
Write endpoints need `Authorization: Bearer TOKEN` (the server's `--token` / `EVENTWATCH_TOKEN`).
"""


def create_app(
    *,
    db: str,
    token: str | None = None,
    settings: Settings | None = None,
    options: ServeOptions | None = None,
    http_client: httpx.Client | None = None,
) -> FastAPI:
    """Build the ASGI app over one store.

    Args:
        db: The store's path or URL (as for :func:`eventwatch.store.open_store`).
        token: Bearer token for write endpoints (``POST /api/ingest``); None
            disables writing.  When None, ``settings.token`` (``EVENTWATCH_TOKEN``) is used.
        settings: Model and batch settings for ingest; defaults to ``Settings()``.
        options: Server limits and timings (:class:`ServeOptions`).
        http_client: HTTP client for fetching URLs and feeds on ingest.

    Returns:
        The app; its event index is built in the background when it starts.

    Raises:
        ConfigError: The token is too short.
        StoreError: The store cannot be opened.
    """
    settings = settings or Settings()
    options = options or ServeOptions()
    state = ServerState(
        db=db,
        token=token if token is not None else settings.token,
        settings=settings,
        options=options,
        http_client=http_client,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state.catalog.start()
        try:
            yield
        finally:
            state.close()

    app = FastAPI(
        title="eventwatch",
        version=__version__,
        description=_DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        lifespan=lifespan,
    )
    app.state.server = state
    install_error_handlers(app, html_page=status_page)
    app.include_router(api_router())
    app.include_router(pages_router())
    app.add_middleware(
        GuardMiddleware,  # type: ignore[arg-type]
        max_body_bytes=options.max_body_bytes,
        allowed_hosts=options.allowed_hosts,
    )
    return app


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    *,
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    settings: Settings | None = None,
    options: ServeOptions | None = None,
    log_level: str = "info",
) -> None:
    """Run the API with uvicorn until interrupted.

    Args:
        db: The store's path or URL.
        host: Address to bind; 127.0.0.1 (this machine only) unless told otherwise.
        port: TCP port.
        token: Bearer token for write endpoints; None reads ``EVENTWATCH_TOKEN``
            through ``settings``; with neither, writing is disabled.
        settings: Resolved settings (model, batch size, token).
        options: Server limits and timings.  On a loopback address the Host
            header is checked against this machine's names unless
            ``options.allowed_hosts`` says otherwise.
        log_level: uvicorn's log level.

    Raises:
        ConfigError: The token is too short.
        StoreError: The store cannot be opened.
    """
    import uvicorn

    settings = settings or Settings()
    options = options or ServeOptions()
    if options.allowed_hosts is None and _is_loopback(host):
        options = dataclasses.replace(options, allowed_hosts=(*LOOPBACK_HOSTS, host))
    if not _is_loopback(host):
        logger.warning("serving on %s: anyone who can reach this address can read the store", host)
    if not os.path.exists(db) and "://" not in db and db != ":memory:":
        logger.warning("%s does not exist; serving a new, empty store", db)
    app = create_app(db=db, token=token, settings=settings, options=options)
    # Requests that wait on the database give up the GIL and must win it back from
    # threads busy in Python; a 1 ms switch interval (not 5) keeps those waits short.
    sys.setswitchinterval(0.001)
    uvicorn.run(
        app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False
    )
