"""``/api/health``, ``POST /api/ingest`` and ``/api/docs`` (a plain page listing the routes)."""

from __future__ import annotations

import html
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import HTMLResponse

from eventwatch import __version__
from eventwatch.serve.api.common import ERRORS, Server, json_response
from eventwatch.serve.ingest import ingest_request
from eventwatch.serve.schemas import ErrorResponse, Health, IngestReportModel, IngestRequest
from eventwatch.serve.security import require_token

__all__ = ["router"]

router = APIRouter(responses=ERRORS)

_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "No or wrong bearer token."},
    403: {"model": ErrorResponse, "description": "Writing is disabled: the server has no token."},
    413: {"model": ErrorResponse, "description": "The request body is over the size limit."},
}


@router.get(
    "/health",
    response_model=Health,
    summary="Is the server up, and what does it hold",
    tags=["system"],
)
def health(server: Server) -> Response:
    """Always 200 while the server runs; ``index`` is ``building`` until the first snapshot."""
    status = server.catalog.status()
    return json_response(
        {
            "status": "ok",
            "version": __version__,
            "writable": server.token is not None,
            **status,
            "error": server.catalog.last_error,
        }
    )


@router.post(
    "/ingest",
    response_model=IngestReportModel,
    summary="Store articles (inline, by URL or from a feed)",
    tags=["system"],
    responses=_WRITE_ERRORS,
    dependencies=[Depends(require_token)],
)
def ingest(server: Server, body: IngestRequest) -> Response:
    """Runs the same pipeline as ``eventwatch ingest``; needs ``Authorization: Bearer TOKEN``.

    Articles already stored (same text) are counted as skipped; inputs that
    fail are listed with the reason and the rest are stored."""
    return json_response(ingest_request(server, body))


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """A plain list of the routes (no scripts, nothing from other sites); the real
    reference is /api/openapi.json."""
    spec = request.app.openapi()
    rows = []
    for path, operations in spec.get("paths", {}).items():
        for method, operation in operations.items():
            parameters = ", ".join(p["name"] for p in operation.get("parameters", []))
            rows.append(
                "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>".format(
                    html.escape(method.upper()),
                    html.escape(path),
                    html.escape(operation.get("summary", "")),
                    html.escape(parameters),
                )
            )
    page = (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>eventwatch API</title>"
        "<style>body{font:14px sans-serif;margin:2em}td{padding:.2em .8em;border-bottom:1px solid #ddd}"
        "</style></head><body><h1>eventwatch API</h1>"
        '<p>The OpenAPI document: <a href="/api/openapi.json">/api/openapi.json</a>.</p>'
        "<table><tr><th>method</th><th>path</th><th>what</th><th>parameters</th></tr>"
        + "".join(rows)
        + "</table></body></html>"
    )
    return HTMLResponse(
        page, headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}
    )
