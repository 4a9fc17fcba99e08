"""Every failure has the one error shape: 400, 404, 405, 422, 500, 503."""

from __future__ import annotations

import pytest

from eventwatch.serve.errors import error_body
from tests.serve.conftest import assert_error, make_client


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("get", "/api/no-such-route", 404, "not_found"),
        ("get", "/no-such-page", 404, "not_found"),
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
