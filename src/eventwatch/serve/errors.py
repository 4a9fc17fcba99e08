"""Every failure of the HTTP API, in one JSON shape.

Hierarchy::

    APIError               base: an HTTP status, a short machine code and a message
    ├── BadRequest         400 bad_request: a value is malformed (a cursor, a URL)
    ├── Unauthorized       401 unauthorized: no or wrong bearer token
    ├── Forbidden          403 forbidden: writing is disabled (no token configured)
    ├── NotFound           404 not_found: no such event, document, actor or story
    ├── PayloadTooLarge    413 payload_too_large: the request body is over the limit
    ├── Unprocessable      422 validation_error: a parameter or body field is invalid
    └── Unavailable        503 unavailable: the index or the stories are still being built

Every response of the API (``/api/...``) that is not a success, the framework's
own 404, 405 and 422 included, is ``{"error": {"status": int, "code": str, "message": str}}``;
:func:`install_error_handlers` makes it so.  Outside ``/api`` (the dashboard) a
path or method no route knows gets the page that ``html_page`` renders instead.  Unexpected exceptions become a 500
whose message names no internals (the traceback goes to the log).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwatch.errors import ConfigError, EventwatchError, InputError

__all__ = [
    "APIError",
    "BadRequest",
    "Forbidden",
    "HtmlErrorPage",
    "NotFound",
    "PayloadTooLarge",
    "Unauthorized",
    "Unavailable",
    "Unprocessable",
    "error_body",
    "error_response",
    "install_error_handlers",
    "is_api_path",
]

logger = logging.getLogger(__name__)

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    500: "internal_error",
    503: "unavailable",
}


#: Renders a dashboard error page: ``(request, status, message, headers) -> response``.
HtmlErrorPage = Callable[[Request, int, str, dict[str, str] | None], Response]

#: Paths under this prefix are the JSON API; every other path is the dashboard's.
API_PREFIX = "/api"


class APIError(Exception):
    """An error the API reports to the client as it is."""

    status: int = 400
    code: str = "bad_request"

    def __init__(self, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers or {}


class BadRequest(APIError):
    status, code = 400, "bad_request"


class Unauthorized(APIError):
    status, code = 401, "unauthorized"


class Forbidden(APIError):
    status, code = 403, "forbidden"


class NotFound(APIError):
    status, code = 404, "not_found"


class PayloadTooLarge(APIError):
    status, code = 413, "payload_too_large"


class Unprocessable(APIError):
    status, code = 422, "validation_error"


class Unavailable(APIError):
    status, code = 503, "unavailable"


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    """The one error shape.

    Args:
        status: The HTTP status.
        message: What was wrong and what to do, for people.
        code: A short machine-readable code; by default the one for ``status``.

    Returns:
        ``{"error": {"status": ..., "code": ..., "message": ...}}``.
    """
    return {
        "error": {"status": status, "code": code or _CODES.get(status, "error"), "message": message}
    }


def error_response(
    status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """A JSON response in the error shape."""
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    """One readable sentence per invalid field: where, what was wrong, what was given."""
    parts = []
    for error in exc.errors():
        location = [str(p) for p in error.get("loc", ()) if p not in ("body",)]
        where = ".".join(location) or "request"
        text = str(error.get("msg", "is invalid"))
        text = text.removeprefix("Value error, ")
        given = error.get("input")
        shown = ""
        if isinstance(given, str | int | float) and not isinstance(given, bool):
            shown = f" (got {json.dumps(given, ensure_ascii=False)[:80]})"
        parts.append(f"{where}: {text}{shown}")
    return "; ".join(parts) or "the request is invalid"


def is_api_path(path: str) -> bool:
    """Whether ``path`` belongs to the JSON API (``/api`` and below)."""
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


def install_error_handlers(app: FastAPI, *, html_page: HtmlErrorPage | None = None) -> None:
    """Route every error the app can raise through :func:`error_response`.

    Args:
        app: The app.
        html_page: Renders the dashboard's page for a path or method no route
            knows (404, 405) outside ``/api``; None answers JSON there too.
    """

    @app.exception_handler(APIError)
    async def _api_error(request: Request, exc: APIError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail)
        path = request.url.path
        headers = getattr(exc, "headers", None)
        if html_page is not None and not is_api_path(path) and exc.status_code in (404, 405):
            if exc.status_code == 404:
                message = f"There is no page at {path}. Start again from the overview."
            else:
                message = f"{request.method} is not allowed on {path}; pages are read with GET."
            return html_page(request, exc.status_code, message, headers)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no route {path}; see /api/openapi.json for the routes"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {path}"
        return error_response(exc.status_code, message, headers=headers)

    @app.exception_handler(InputError)
    @app.exception_handler(ConfigError)
    async def _bad_value(request: Request, exc: EventwatchError) -> JSONResponse:
        return error_response(422, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("%s %s failed", request.method, request.url.path)
        return error_response(
            500, "internal error; the server log has the details", "internal_error"
        )
