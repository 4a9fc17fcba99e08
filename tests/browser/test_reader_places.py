"""In Chromium: the reader marks places and links to them; unknown pages are the site's 404."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from .conftest import LiveServer, WatchedPage

pytestmark = pytest.mark.browser


def _document_with_places(live_server: LiveServer) -> dict:
    """The first stored document whose events resolved to a place the text names."""
    for listed in live_server.get_json("/api/documents?limit=200")["documents"]:
        annotated = live_server.get_json(f"/api/documents/{quote(listed['id'], safe='')}")
        if any(place["spans"] for place in annotated["places"]):
            return annotated
    pytest.fail("no document of the sample corpus names the place its events resolved to")


def test_reader_places_are_marked_and_lead_to_the_documents_events(
    live_server: LiveServer, watched: WatchedPage
) -> None:
    annotated = _document_with_places(live_server)
    doc_id = annotated["document"]["id"]
    page = watched.page
    page.goto(f"/documents/{quote(doc_id, safe='')}")
    watched.settle()
    marked = page.locator("#doctext .part.role-place")
    assert marked.count() >= 1
    titles = [marked.nth(i).get_attribute("title") or "" for i in range(marked.count())]
    named = {place["name"] for place in annotated["places"] if place["spans"]}
    assert any(name in title for title in titles for name in named), titles
    assert page.locator(".profile-sources a.place-link").count() == len(annotated["places"])
    watched.check("reader")

    page.locator(".doc-meta a", has_text="events table").click()
    page.wait_for_load_state()
    assert f"doc={quote(doc_id, safe='')}" in page.url
    total = live_server.get_json(f"/api/events?doc={quote(doc_id, safe='')}")["total"]
    assert page.locator("#total").inner_text().strip() == str(total)
    watched.check("events of the document")


def test_reader_unknown_dashboard_path_is_the_sites_404_page(
    live_server: LiveServer, watched: WatchedPage
) -> None:
    response = watched.page.goto("/no-such-page/<b>x</b>")
    assert response is not None and response.status == 404
    assert watched.page.locator("h1").inner_text().startswith("404")
    assert watched.page.locator("nav a").count() >= 5  # the site's layout, with its navigation
    assert watched.page.locator("b", has_text="x").count() == 0  # the path is shown as text
    problems = watched.take()  # the 404 itself is expected; nothing else may go wrong
    assert problems and all("404" in p for p in problems), problems
    watched.page.locator("main a", has_text="Overview").click()
    watched.page.wait_for_load_state()
    assert watched.page.url.rstrip("/") == live_server.url
    watched.check("overview after the 404 page")
    assert live_server.get("/api/no-such-route").json()["error"]["code"] == "not_found"
