"""Every failure has the one error shape: 400, 404, 405, 422, 500, 503."""

from __future__ import annotations

import pytest

from eventwatch.serve.errors import error_body
from tests.serve.conftest import assert_error, make_client
from tests.serve.pages_fixtures import assert_strict_page


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("get", "/api/no-such-route", 404, "not_found"),
        ("get", "/api", 404, "not_found"),
        ("get", "/api/", 404, "not_found"),
        ("get", "/api/no/such/nested/route", 404, "not_found"),
        ("get", "/api/events/unknown", 404, "not_found"),
        ("get", "/api/documents/unknown", 404, "not_found"),
        ("get", "/api/actors/unknown", 404, "not_found"),
        ("get", "/api/stories/unknown", 404, "not_found"),
        ("delete", "/api/events", 405, "method_not_allowed"),
        ("post", "/api/events", 405, "method_not_allowed"),
        ("get", "/api/ingest", 405, "method_not_allowed"),
        ("get", "/api/events?limit=abc", 422, "validation_error"),
        ("get", "/api/actors?country=1", 422, "validation_error"),
        ("get", "/api/places?limit=9999", 422, "validation_error"),
        ("get", "/api/events?cursor=%%%", 400, "bad_request"),
    ],
)
def test_errors_have_one_shape(client, method, path, status, code) -> None:
    assert_error(getattr(client, method)(path), status, code)


@pytest.mark.parametrize(
    ("method", "path", "status", "title"),
    [
        ("get", "/no-such-page", 404, "Not found"),
        ("get", "/events/extra/segments", 404, "Not found"),
        ("get", "/apis", 404, "Not found"),  # only /api and below is the JSON API
        ("get", "/no-such-page?q=%3Cscript%3E", 404, "Not found"),
        ("post", "/events", 405, "Method not allowed"),
    ],
)
def test_errors_unknown_dashboard_path_is_an_html_page_in_the_site_layout(
    client, method, path, status, title
) -> None:
    response = getattr(client, method)(path)
    assert_strict_page(response, status)  # the pages' CSP and markup rules hold too
    html = response.text
    assert f"<h1>{status} · {title}</h1>" in html
    assert 'href="/events"' in html and "<nav" in html  # the site's layout and its links
    assert "<script>" not in html


def test_errors_html_404_page_escapes_the_path(client) -> None:
    response = client.get("/%3Cimg%20src=x%20onerror=alert(1)%3E")
    assert response.status_code == 404
    assert "<img" not in response.text and "&lt;img" in response.text


def test_errors_unexpected_failure_is_a_500_without_internals(client, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail /srv/data.db")

    monkeypatch.setattr(client.app.state.server.catalog, "snapshot", broken)
    error = assert_error(client.get("/api/events"), 500, "internal_error")
    assert "secret" not in error["message"]
    assert_error(client.get("/api/actors"), 500, "internal_error")


def test_errors_store_failure_is_a_500(client, monkeypatch) -> None:
    from eventwatch.errors import StoreError

    def broken(*args, **kwargs):
        raise StoreError("/srv/data.db: could not read document")

    class BrokenStore:
        get_document = staticmethod(broken)

    monkeypatch.setattr(client.app.state.server, "reader", lambda: BrokenStore())
    error = assert_error(client.get("/api/documents/niger-coup"), 500, "internal_error")
    assert "/srv" not in error["message"]


def test_errors_index_not_ready_is_503_with_retry_after(db_path, monkeypatch) -> None:
    client = make_client(db_path, wait_seconds=0.05)  # no lifespan: nothing starts on its own
    catalog = client.app.state.server.catalog
    monkeypatch.setattr(catalog, "_started", True)  # and no background refresh either
    try:
        response = client.get("/api/events")
        assert_error(response, 503, "unavailable")
        assert response.headers["retry-after"]
        assert client.get("/api/health").json()["index"] == "building"
    finally:
        client.app.state.server.close()


def test_error_body_shape() -> None:
    assert error_body(404, "gone") == {
        "error": {"status": 404, "code": "not_found", "message": "gone"}
    }
    assert error_body(418, "teapot", "teapot")["error"]["code"] == "teapot"
