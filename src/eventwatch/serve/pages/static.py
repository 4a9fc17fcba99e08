"""The dashboard's static files (CSS, JS, map data), served from the package.

Files are read once from ``eventwatch/serve/static`` and kept in memory (they
are small); a request names a file by its path below that folder, and only
files that exist there with a known type are served, so no path can leave it.
:func:`static_url` adds a content hash to each URL, so browsers may cache
files for a long time and still see a new release at once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from fastapi import APIRouter, Request, Response

__all__ = ["StaticFile", "router", "static_files", "static_url"]

_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True, slots=True)
class StaticFile:
    """One packaged file: its bytes, media type and content hash."""

    body: bytes
    media_type: str
    etag: str


@lru_cache(maxsize=1)
def static_files() -> dict[str, StaticFile]:
    """Every servable file below ``serve/static``, by its relative path."""
    found: dict[str, StaticFile] = {}
    root = resources.files("eventwatch.serve").joinpath("static")
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        if not folder.is_dir():
            continue
        for item in folder.iterdir():
            name = prefix + item.name
            if item.is_dir():
                stack.append((item, name + "/"))
                continue
            suffix = "." + item.name.rsplit(".", 1)[-1] if "." in item.name else ""
            if suffix not in _TYPES:
                continue  # the map build script, notes: not served
            body = item.read_bytes()
            etag = hashlib.sha256(body).hexdigest()[:16]
            found[name] = StaticFile(body, _TYPES[suffix], etag)
    return found


def static_url(name: str) -> str:
    """The URL of a static file, with its content hash as a cache-buster."""
    found = static_files().get(name)
    if found is None:
        raise KeyError(f"no static file {name!r} in eventwatch/serve/static")
    return f"/static/{name}?v={found.etag}"


@router.get("/static/{name:path}")
def static_file(name: str, request: Request) -> Response:
    """A packaged static file (404 for anything else)."""
    found = static_files().get(name)
    if found is None:
        return Response("not found\n", status_code=404, media_type="text/plain; charset=utf-8")
    etag = f'"{found.etag}"'
    headers = {
        "ETag": etag,
        "Cache-Control": "public, max-age=86400",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    }
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(found.body, media_type=found.media_type, headers=headers)
