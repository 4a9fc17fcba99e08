"""Markup in stored text is shown as text on every page, never run.

The store holds :data:`HOSTILE_DOCUMENT`, whose text, title and outlet carry a
``<script>`` element, an ``<img onerror=...>``, an RTL override and zero-width
characters.  Each page that shows the document or its events must leave
``window.__pwned`` unset, build no element from the payloads, and show the
``<script>`` markup as visible text where it shows the sentence holding it.
Pages the dashboard does not have yet are skipped with a message.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import (
    IMG_PAYLOAD,
    SCRIPT_PAYLOAD,
    LiveServer,
    WatchedPage,
    dashboard_has_page,
    require_page,
)

pytestmark = pytest.mark.browser

_INJECTED_JS = """() => [
    ...Array.from(document.querySelectorAll('img[src="x"], [onerror]'), e => e.outerHTML),
    ...Array.from(document.scripts).filter(s => s.text.includes('__pwned')).map(s => s.outerHTML),
]"""


#: Whether ``word``, in the first text node holding it, runs left to right on screen.
_LEFT_TO_RIGHT_JS = """(word) => {
    const root = document.querySelector('main') || document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(word);
        if (at < 0) continue;
        const left = k => {
            const range = document.createRange();
            range.setStart(node, at + k);
            range.setEnd(node, at + k + 1);
            return range.getBoundingClientRect().left;
        };
        return left(0) < left(word.length - 1);
    }
    return null;
}"""


def _open_inert(watched: WatchedPage, path: str) -> str:
    """Open ``path``, check that no payload ran or became markup; return the visible text."""
    response = watched.page.goto(path)
    assert response is not None and response.status == 200, (
        f"{path}: {response and response.status}"
    )
    watched.settle()
    assert watched.pwned() is None, f"{path}: window.__pwned = {watched.pwned()!r}"
    injected = watched.page.evaluate(_INJECTED_JS)
    assert not injected, f"{path}: the payload became markup: {injected}"
    watched.check(path)
    return watched.page.locator("body").inner_text()


@pytest.fixture(scope="module")
def hostile(live_server: LiveServer) -> dict[str, Any]:
    """The hostile document as the API returns it, with its events."""
    return live_server.get_json(f"/api/documents/{live_server.hostile_id}")


def test_hostile_text_reader_shows_markup_as_text(
    live_server: LiveServer, watched: WatchedPage, hostile: dict[str, Any]
) -> None:
    path = f"/documents/{live_server.hostile_id}"
    require_page(path, "document reader")
    assert SCRIPT_PAYLOAD in hostile["text"]  # the store kept it: the page must escape it
    text = _open_inert(watched, path)
    assert SCRIPT_PAYLOAD in text
    assert IMG_PAYLOAD in text
    # The RTL override in the second paragraph must not turn the third one around.
    assert watched.page.evaluate(_LEFT_TO_RIGHT_JS, "Protesters") is True, (
        f"{path}: 'Protesters' (third paragraph) is not shown left to right: an RTL override "
        "in the paragraph before it leaks out (show paragraphs as blocks, or isolate them)"
    )


def test_hostile_text_event_pages_show_evidence_as_text(
    live_server: LiveServer, watched: WatchedPage, hostile: dict[str, Any]
) -> None:
    events = hostile["events"]
    assert events
    require_page(f"/events/{events[0]['id']}", "event")
    for event in events:
        path = f"/events/{event['id']}"
        text = _open_inert(watched, path)
        for payload in (SCRIPT_PAYLOAD, IMG_PAYLOAD):
            if payload in event["evidence"]["text"]:
                assert payload in text, f"{path} does not show its evidence sentence as text"


def _related_pages(live_server: LiveServer, hostile: dict[str, Any], kind: str) -> list[str]:
    """Pages of the stories or actors of the hostile document's events (deduplicated)."""
    paths: list[str] = []
    for event in hostile["events"]:
        if kind == "stories":
            story = live_server.get_json(f"/api/events/{event['id']}").get("story")
            ids = [story["id"]] if story else []
        else:
            ids = [s["entity_id"] for s in event["spans"] if s.get("entity_id")]
        for item in ids:
            if live_server.get(f"/api/{kind}/{item}").status_code == 200:
                paths.append(f"/{kind}/{item}")
    return list(dict.fromkeys(paths))


@pytest.mark.parametrize("kind", ["stories", "actors"])
def test_hostile_text_related_pages_are_inert(
    live_server: LiveServer, watched: WatchedPage, hostile: dict[str, Any], kind: str
) -> None:
    paths = _related_pages(live_server, hostile, kind)
    if not paths:
        pytest.skip(f"no {kind} of the hostile document's events")
    require_page(paths[0], {"stories": "story", "actors": "actor"}[kind])
    for path in paths:
        _open_inert(watched, path)


@pytest.mark.parametrize("path", ["/", "/events", "/timeline", "/map", "/actors", "/stories"])
def test_hostile_text_listing_pages_are_inert(
    live_server: LiveServer, watched: WatchedPage, path: str
) -> None:
    if not dashboard_has_page(path):
        pytest.skip(f"the dashboard has no {path} page yet")
    _open_inert(watched, path)
