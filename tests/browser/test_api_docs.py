"""``/api/docs``, the plain list of API routes, renders in Chromium and links to the spec."""

from __future__ import annotations

import pytest

from .conftest import LiveServer, WatchedPage, csp_problem

pytestmark = pytest.mark.browser

_STYLE_REFUSED = "Applying inline style violates"


def test_api_docs_lists_the_routes(live_server: LiveServer, watched: WatchedPage) -> None:
    response = watched.page.goto("/api/docs")
    assert response is not None and response.status == 200
    assert csp_problem(response.headers.get("content-security-policy")) is None
    assert watched.page.locator("h1").inner_text() == "eventwatch API"
    paths = watched.page.locator("td code").all_inner_texts()
    for path in ("/api/events", "/api/events/{event_id}", "/api/health", "/api/ingest"):
        assert path in paths
    assert watched.page.locator("table tr").count() > 10

    with watched.page.expect_response(lambda r: r.url.endswith("/api/openapi.json")) as spec:
        watched.page.get_by_role("link", name="/api/openapi.json").click()
    assert spec.value.status == 200
    assert spec.value.json()["info"]["title"] == "eventwatch"
    watched.page.go_back()
    # The refused inline style is test_api_docs_style_applies's business; anything else fails.
    watched.problems[:] = [p for p in watched.problems if _STYLE_REFUSED not in p]
    watched.check("/api/docs")


def test_api_docs_style_applies(live_server: LiveServer, watched: WatchedPage) -> None:
    watched.page.goto("/api/docs")
    margin = watched.page.evaluate("() => getComputedStyle(document.body).marginTop")
    problems = watched.take()
    assert not problems, "\n".join(problems)
    assert margin != "8px", "the page's <style> (body margin 2em) was not applied"
