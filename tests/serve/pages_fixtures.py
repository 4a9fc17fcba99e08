"""Helpers for the dashboard page tests: page checks, hostile documents, waiting for stories.

The stores are the ones of ``tests/serve/conftest.py`` (the canned articles,
ingested once per session); these helpers add what the page tests need on top.
"""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from eventwatch.model import Document
from eventwatch.serve.seed import record_from_dict
from eventwatch.store import open_store

#: Hostile strings an article may contain; none may reach a page as markup.
HOSTILE_SNIPPETS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"onmouseover=alert(1) x="',
    "</textarea><svg onload=alert(1)>",
    "javascript:alert(1)",
]
RTL_OVERRIDE = "\u202e"
ZERO_WIDTH = "\u200b"
ODD_UNICODE = "Zürich ☃ 中文 العربية 😀 e\u0301 \ufffd"

HOSTILE_DOC_ID = "hostile-doc"
HOSTILE_EVENT_ID = "hostile-event-0001"


def hostile_text() -> tuple[str, int, int]:
    """A document text full of hostile strings, and the offsets of its second sentence."""
    first = "Breaking: " + " ".join(HOSTILE_SNIPPETS) + "."
    second = (
        f'The <b>Junta</b> "onmouseover=alert(2) detained {RTL_OVERRIDE}evil{ZERO_WIDTH} '
        f"officials in {ODD_UNICODE} <script>alert(3)</script> on Monday, sources said."
    )
    text = first + "\n\n" + second + "\n\nThe end."
    start = len(first) + 2
    return text, start, start + len(second)


def add_hostile_document(db_path: Path, template: dict[str, Any]) -> None:
    """Store :data:`HOSTILE_DOC_ID` with one event whose evidence and names are hostile.

    Args:
        db_path: The SQLite store.
        template: A stored event record to copy the shape from.
    """
    text, start, end = hostile_text()
    record = dict(template)
    record.update(
        id=HOSTILE_EVENT_ID,
        doc_id=HOSTILE_DOC_ID,
        event_type="COERCE",
        mode="arrest",
        evidence={"text": text[start:end], "start": start, "end": end},
        trigger=None,
        mentions=[],
        actor={
            "text": 'The <b>Junta</b> "onmouseover=alert(2)',
            "name": '<b>Junta</b> "onmouseover=alert(2)',
            "country": "KGZ",
            "sector": "MIL",
            "id": "hostile-actor",
        },
        recipient={
            "text": f"{RTL_OVERRIDE}evil{ZERO_WIDTH} officials",
            "name": f"{RTL_OVERRIDE}evil{ZERO_WIDTH} officials",
            "country": None,
            "sector": None,
            "id": "hostile-recipient",
        },
        attribution={
            "source": {
                "text": "sources",
                "name": "<script>alert(4)</script>",
                "country": None,
                "sector": None,
                "id": None,
            },
            "cue": "said",
            "via": ["<img src=x onerror=alert(5)>"],
            "anonymous": True,
        },
        factuality="alleged",
        outlet='Evil "Outlet" <script>alert(6)</script>',
    )
    document = Document(
        id=HOSTILE_DOC_ID,
        text=text,
        outlet='Evil "Outlet" <script>alert(6)</script>',
        title="<script>alert(7)</script> title",
        url="javascript:alert(8)",
        published="2024-07-01",
    )
    with open_store(db_path) as store:
        store.add_document(
            document,
            sentences=[(0, start - 2), (start, end), (end + 2, len(text))],
            events=[record_from_dict(record)],
        )


def wait_for(client: Any, *, stories: bool = True, events: int | None = None) -> None:
    """Wait until the app's index holds ``events`` events and, if asked, stories are current."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        health = client.get("/api/health").json()
        ready = health["index"] == "ready" and (events is None or health["events"] >= events)
        if ready and (not stories or health["stories"] == "current"):
            return
        time.sleep(0.1)
    raise AssertionError(f"the app did not get ready: {health}")


class PageParser(HTMLParser):
    """Every start tag with its attributes, and the text between tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> PageParser:
    """The page's tags and text."""
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


def assert_strict_page(response: Any, status: int = 200) -> PageParser:
    """An HTML page with the CSP headers, and markup that needs no inline script or style.

    Checks: the status; ``Content-Security-Policy`` with ``default-src 'self'``,
    ``script-src 'self'`` and ``style-src 'self'`` and without ``unsafe-inline``;
    ``nosniff``; no ``<script>`` without ``src``, no ``on*=`` event handler
    attribute, no ``style`` attribute or element, and nothing loaded from
    another site.
    """
    assert response.status_code == status, response.text[:2000]
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
    ):
        assert directive in policy, policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    page = parse(response.text)
    for tag, attrs in page.tags:
        assert tag != "style", "inline <style> element"
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name != "style", (tag, attrs)
            if name in ("src", "href") and tag in ("script", "link", "img", "image"):
                assert (value or "").startswith(("/", "#", "data:")), (tag, name, value)
    return page


def table_event_ids(html: str) -> list[str]:
    """The event ids in the rows of the events table (first column links)."""
    return re.findall(r'<td class="nowrap"><a href="/events/([^"?#]+)"', html)
