"""POST /api/ingest: the token, inline documents, URLs and feeds, the report."""

from __future__ import annotations

import httpx
import pytest

from tests.serve.conftest import TOKEN, assert_error, auth, make_client

NEW_ARTICLE = {
    "id": "armenia-plot",
    "outlet": "Yerevan Herald",
    "title": "Archbishop detained over coup plot",
    "published": "2025-06-26",
    "text": (
        "Armenia's National Security Service said on Wednesday that it had detained fourteen "
        "people suspected of plotting to seize power in Yerevan."
    ),
}


def test_ingest_without_a_configured_token_is_forbidden(db_path) -> None:
    with make_client(db_path, token=None) as client:
        error = assert_error(
            client.post("/api/ingest", json={"documents": [NEW_ARTICLE]}), 403, "forbidden"
        )
        assert "--token" in error["message"] and "EVENTWATCH_TOKEN" in error["message"]
        error = assert_error(
            client.post("/api/ingest", json={"documents": [NEW_ARTICLE]}, headers=auth()), 403
        )
        assert client.get("/api/health").json()["writable"] is False


@pytest.mark.parametrize(
    "headers",
    [
        {},
        auth("wrong-token-0123456789abcdef"),
        {"Authorization": TOKEN},
        {"Authorization": f"Basic {TOKEN}"},
    ],
)
def test_ingest_with_a_missing_or_wrong_token_is_unauthorized(client, headers) -> None:
    response = client.post("/api/ingest", json={"documents": [NEW_ARTICLE]}, headers=headers)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert client.get("/api/documents/armenia-plot").status_code == 404


def test_ingest_documents_stores_them_and_reports(client) -> None:
    before = client.get("/api/events").json()["total"]
    response = client.post("/api/ingest", json={"documents": [NEW_ARTICLE]}, headers=auth())
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["documents"] == 1 and report["events"] >= 1 and report["failures"] == []
    assert report["stored_ids"] == ["armenia-plot"]
    assert client.get("/api/events").json()["total"] == before + report["events"]
    document = client.get("/api/documents/armenia-plot").json()
    assert document["document"]["outlet"] == "Yerevan Herald"
    assert client.get("/api/search", params={"q": "Yerevan"}).json()["documents"]["total"] == 1
    again = client.post("/api/ingest", json={"documents": [NEW_ARTICLE]}, headers=auth()).json()
    assert again["documents"] == 0 and again["skipped"] == 1 and again["failures"] == []


def test_ingest_makes_ids_and_reports_each_failure(client) -> None:
    body = {
        "documents": [
            {"text": "Police in Lahore arrested twelve protesters on Friday, officials said."},
            {
                "html": "<html><body><nav>Home</nav></body></html>",
                "url": "https://example.org/empty",
            },
            {"id": "niger-coup", "text": "Different text under an id that is already taken."},
        ]
    }
    report = client.post("/api/ingest", json=body, headers=auth()).json()
    assert report["documents"] == 1
    assert report["stored_ids"][0].startswith("api-")
    sources = {f["source"]: f for f in report["failures"]}
    assert set(sources) == {"documents[1]", "documents[2]"}
    assert "already stored" in sources["documents[2]"]["reason"]
    assert "/tmp" not in str(report)  # no server paths leak into the report


def test_ingest_urls_and_feeds_are_fetched_with_the_servers_client(db_path) -> None:
    page = (
        "<html><head><title>Coup attempt in La Paz</title></head><body><article><p>"
        + (
            "Soldiers stormed the presidential palace in La Paz on Wednesday in a failed coup attempt, "
            "officials said. " * 3
        )
        + "</p></article></body></html>"
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
        "<item><title>Bolivia</title><link>https://news.example/bolivia</link></item>"
        "</channel></rss>"
    )

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed.xml":
            return httpx.Response(200, text=feed, headers={"content-type": "application/rss+xml"})
        if request.url.path == "/bolivia":
            return httpx.Response(200, text=page, headers={"content-type": "text/html"})
        return httpx.Response(404)

    mock = httpx.Client(transport=httpx.MockTransport(handler))
    with make_client(db_path) as client:
        client.app.state.server.http_client = mock
        report = client.post(
            "/api/ingest",
            json={
                "urls": ["https://news.example/missing"],
                "feed": "https://news.example/feed.xml",
            },
            headers=auth(),
        ).json()
    assert report["documents"] == 1, report
    assert [f["source"] for f in report["failures"]] == ["https://news.example/missing"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "give 'documents', 'urls' or 'feed'"),
        ({"documents": []}, "give 'documents', 'urls' or 'feed'"),
        ({"documents": [{"title": "no body"}]}, "documents.0"),
        ({"documents": [{"text": "a", "html": "<p>a</p>"}]}, "either"),
        ({"documents": [{"text": "a", "id": "../../etc/passwd"}]}, "documents.0.id"),
        ({"documents": [{"text": "a", "unknown": 1}]}, "unknown"),
        ({"urls": ["file:///etc/passwd"]}, "urls"),
        ({"urls": ["/etc/passwd"]}, "urls"),
        ({"feed": "ftp://example.org/feed"}, "feed"),
        ({"documents": [{"id": "x", "text": "a"}, {"id": "x", "text": "b"}]}, "same id"),
    ],
)
def test_ingest_rejects_bad_bodies_with_a_clear_message(client, body, field) -> None:
    error = assert_error(
        client.post("/api/ingest", json=body, headers=auth()), 422, "validation_error"
    )
    assert field in error["message"]


def test_ingest_rejects_malformed_json(client) -> None:
    response = client.post(
        "/api/ingest",
        content=b'{"documents": [',
        headers={**auth(), "content-type": "application/json"},
    )
    assert_error(response, 422)


def test_ingest_body_over_the_limit_is_413(db_path) -> None:
    with make_client(db_path, max_body_bytes=1000) as client:
        big = {"documents": [{"text": "x" * 2000}]}
        assert_error(client.post("/api/ingest", json=big, headers=auth()), 413, "payload_too_large")

        def chunks():
            yield b'{"documents": [{"text": "'
            yield b"x" * 2000
            yield b'"}]}'

        streamed = client.post(
            "/api/ingest", content=chunks(), headers={**auth(), "content-type": "application/json"}
        )
        assert_error(streamed, 413, "payload_too_large")
