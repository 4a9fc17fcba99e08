"""Every dashboard page reachable from ``/`` loads cleanly in Chromium.

Breadth-first over same-origin links from the overview, so pages are covered as
they are added.  Each page must answer below 400, log no console error, throw
nothing, have every request it makes succeed, load nothing from another site,
show some text in ``<main>`` (or ``<body>``), carry a Content-Security-Policy
that refuses inline script, and leave ``window.__pwned`` unset (the store holds
a document built to set it).  A screenshot of each page goes to
``artifacts/crawl/``.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from .conftest import LiveServer, PlaywrightError, WatchedPage, csp_problem, require_page

pytestmark = pytest.mark.browser

#: Most pages the crawl opens.
MAX_PAGES = 40
#: Most pages of one shape (first path segment, depth, with or without a query), so
#: that forty filter links on one listing do not crowd out the other pages.
PER_SHAPE = 4

_LINKS_JS = """() => Array.from(document.querySelectorAll('a, area'), a => {
    const raw = a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    if (raw === null) return null;
    try {
        return {href: new URL(raw, document.baseURI).href, download: a.hasAttribute('download')};
    } catch {
        return null;
    }
}).filter(Boolean)"""


def _normalised(href: str, origin: str) -> str | None:
    """The URL to crawl for a link (fragment dropped), or None for one not to follow."""
    parts = urlsplit(href)
    if parts.scheme not in {"http", "https"} or f"{parts.scheme}://{parts.netloc}" != origin:
        return None
    if parts.path == "/api" or parts.path.startswith("/api/"):
        return None  # JSON, exports and downloads; /api/docs has its own test
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def _shape(url: str) -> tuple[str, int, bool]:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    return (segments[0] if segments else "", len(segments), bool(parts.query))


def _slug(url: str) -> str:
    parts = urlsplit(url)
    text = parts.path + (f"?{parts.query}" if parts.query else "")
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")[:100] or "root"


def test_crawl_every_page_loads_cleanly(
    live_server: LiveServer, watched: WatchedPage, artifacts_dir: Path
) -> None:
    require_page("/", "overview")
    shots = artifacts_dir / "crawl"
    shots.mkdir(exist_ok=True)
    for old in shots.glob("*.png"):
        old.unlink()

    page = watched.page
    start = live_server.url + "/"
    queue = deque([start])
    queued = {start}
    per_shape: dict[tuple[str, int, bool], int] = {}
    visited: list[str] = []
    problems: list[str] = []
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft()
        visited.append(url)
        path = url.removeprefix(live_server.url)
        found: list[str] = []
        try:
            response = page.goto(url, wait_until="load")
        except PlaywrightError as error:
            taken = watched.take()
            if "Download is starting" in str(error):
                continue  # a file, not a page (its aborted navigation is no problem)
            problems += [f"{path}: could not be opened: {error}"]
            problems += [f"{path}: {problem}" for problem in taken]
            continue
        watched.settle()
        if response is None:
            found.append("no response")
        else:
            if response.status >= 400:
                found.append(f"answered {response.status}")
            headers = response.headers
            if "text/html" in headers.get("content-type", ""):
                problem = csp_problem(headers.get("content-security-policy"))
                if problem:
                    found.append(problem)
                text = page.evaluate(
                    "() => (document.querySelector('main') || document.body)?.innerText || ''"
                )
                if not text.strip():
                    found.append("<main> (or <body>) shows no text")
                if watched.pwned() is not None:
                    found.append(f"window.__pwned = {watched.pwned()!r}: markup from the store ran")
                for link in page.evaluate(_LINKS_JS):
                    target = None if link["download"] else _normalised(link["href"], watched.origin)
                    if target is None or target in queued:
                        continue
                    shape = _shape(target)
                    if per_shape.get(shape, 0) >= PER_SHAPE:
                        continue
                    per_shape[shape] = per_shape.get(shape, 0) + 1
                    queued.add(target)
                    queue.append(target)
        page.screenshot(path=str(shots / f"{len(visited):02d}-{_slug(url)}.png"), full_page=True)
        found += watched.take()
        problems += [f"{path}: {problem}" for problem in found]

    summary = f"crawled {len(visited)} page(s): " + ", ".join(
        u.removeprefix(live_server.url) for u in visited
    )
    assert not problems, summary + "\n" + "\n".join(problems)
