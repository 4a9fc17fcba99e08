"""Templates, the pages' security headers and the friendly error pages.

One Jinja2 environment serves every page, with autoescaping on for every
template (``autoescape=True``, not by file extension): article text, titles and
names are always escaped, and no page marks anything safe.  Every page response
carries :data:`PAGE_CSP` (scripts, styles and images from this server only; no
inline script or style, no inline event handlers) on top of the headers
:class:`~eventwatch.serve.security.GuardMiddleware` adds to every response.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
import markupsafe
from fastapi import Request
from fastapi.responses import HTMLResponse

from eventwatch import __version__
from eventwatch.model import FACTUALITY_VALUES
from eventwatch.serve.errors import APIError
from eventwatch.serve.pages.highlight import reveal
from eventwatch.serve.pages.static import static_url
from eventwatch.serve.pages.vocabulary import (
    EVENT_TYPES,
    FACTUALITY_LABELS,
    factuality_class,
    type_class,
)

__all__ = [
    "PAGE_CSP",
    "PAGE_HEADERS",
    "error_page",
    "guarded",
    "render",
    "status_page",
    "templates",
]

logger = logging.getLogger(__name__)

#: The Content-Security-Policy of every dashboard page.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
#: Headers every page response sets itself; GuardMiddleware adds ``X-Content-Type-Options:
#: nosniff``, ``X-Frame-Options`` and ``Referrer-Policy`` to every response.
PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_CSP,
    "Cache-Control": "no-store",
}

_NAV = (
    ("/", "Overview"),
    ("/events", "Events"),
    ("/timeline", "Timeline"),
    ("/map", "Map"),
    ("/stories", "Stories"),
    ("/actors", "Actors"),
)


def _query(params: Mapping[str, Any] | None = None, **extra: Any) -> str:
    """``?a=1&b=2`` from mappings, leaving out None and empty values ('' when nothing is left)."""
    merged = {**(params or {}), **extra}
    items = [(k, str(v)) for k, v in merged.items() if v is not None and v != ""]
    return "?" + urlencode(items) if items else ""


def _urlpart(value: Any) -> str:
    """``value`` quoted for one URL path segment (``/`` included)."""
    return quote(str(value), safe="")


def _finalize(value: Any) -> Any:
    """Every printed string shows its invisible characters (bidi overrides, zero-width)."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return reveal(value)
    return value


def _number(value: Any) -> str:
    """Thousands with a thin separator: 12,345."""
    return f"{value:,}" if isinstance(value, int) else str(value)


@lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    """The shared template environment (autoescaping on everywhere, undefined names fail)."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("eventwatch.serve", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    environment.globals.update(
        static_url=static_url,
        query=_query,
        nav=_NAV,
        version=__version__,
        event_types=EVENT_TYPES,
        factualities=FACTUALITY_VALUES,
        factuality_labels=FACTUALITY_LABELS,
        type_class=type_class,
        factuality_class=factuality_class,
    )
    environment.filters["number"] = _number
    environment.filters["urlpart"] = _urlpart
    return environment


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any],
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """A page: ``template`` rendered with ``context``, with the page headers.

    Args:
        request: The request (its path marks the current nav item).
        template: Template file name under ``serve/templates``.
        context: Template variables.
        status: The HTTP status.
        headers: Extra headers (e.g. ``Retry-After``).
    """
    body = templates().get_template(template).render(path=request.url.path, **context)
    return HTMLResponse(body, status_code=status, headers={**PAGE_HEADERS, **(headers or {})})


_TITLES = {
    400: "Bad filter value",
    404: "Not found",
    405: "Method not allowed",
    422: "Bad filter value",
    503: "Still loading",
}


def status_page(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    """The site's error page for ``status``, in the site's layout, saying ``message``."""
    return render(
        request,
        "error.html",
        {"status": status, "title": _TITLES.get(status, "Error"), "message": message},
        status=status,
        headers=headers,
    )


def error_page(request: Request, error: APIError) -> HTMLResponse:
    """The friendly page for an API error; filter errors (422 in the API) are 400 here."""
    status = 400 if error.status == 422 else error.status
    return status_page(request, status, error.message, error.headers)


def guarded(view: Callable[..., HTMLResponse]) -> Callable[..., HTMLResponse]:
    """Wrap a view so the API's errors become error pages (the API's handlers answer JSON).

    The view must take ``request`` (FastAPI passes every argument by keyword).
    Unexpected exceptions become a 500 page naming no internals; the traceback is logged.
    """

    @functools.wraps(view)
    def run(*args: Any, **kwargs: Any) -> HTMLResponse:
        request: Request = kwargs["request"]
        try:
            return view(*args, **kwargs)
        except APIError as error:
            return error_page(request, error)
        except Exception:
            logger.exception("page %s failed", request.url.path)
            return render(
                request,
                "error.html",
                {
                    "status": 500,
                    "title": "Internal error",
                    "message": "This page failed; the server log has the details.",
                },
                status=500,
            )

    return run
