"""URLs through httpx.MockTransport: pages, errors, limits, redirects; no network."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from eventwatch.errors import FetchError
from eventwatch.ingest import iter_documents, make_client
from eventwatch.ingest.fetch import USER_AGENT, fetch
from eventwatch.model import stable_id

from .conftest import split_items

URL = "https://ledger.example/world/army-chief"
HTML = {"content-type": "text/html; charset=utf-8"}


def test_fetch_url_becomes_document(fixtures: Path, mock_client) -> None:
    client = mock_client({URL: (200, HTML, (fixtures / "article.html").read_bytes())})
    [document] = iter_documents([URL], client=client)
    assert document.id == stable_id(URL)
    assert document.source_path == URL
    assert document.url == URL
    assert document.title == "Army chief replaced in Dravonia"
    assert document.published == "2025-03-10"


def test_fetch_redirect_is_followed(fixtures: Path, mock_client) -> None:
    short = "https://lnk.example/x1"
    client = mock_client(
        {
            short: (301, {"location": URL}, b""),
            URL: (200, HTML, (fixtures / "article.html").read_bytes()),
        }
    )
    [document] = iter_documents([short], client=client)
    assert (document.id, document.source_path, document.url) == (stable_id(short), short, URL)


def test_fetch_plain_text_and_declared_charset(mock_client) -> None:
    text = "Le ministère a confirmé l'arrestation de cinq militaires à Velgrad jeudi."
    client = mock_client(
        {URL: (200, {"content-type": "text/plain; charset=iso-8859-1"}, text.encode("latin-1"))}
    )
    [document] = iter_documents([URL], client=client)
    assert document.text == text


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ((404, {}, b"gone"), "HTTP 404 Not Found"),
        ((503, {}, b""), "HTTP 503 Service Unavailable"),
        (httpx.ConnectError, "could not connect"),
        (httpx.ReadTimeout, "timed out (ReadTimeout)"),
        (httpx.ConnectTimeout, "timed out (ConnectTimeout)"),
        ((200, {"content-type": "application/pdf"}, b"%PDF-1.4"), "unsupported content type"),
        ((200, HTML, b"<html><body><nav>Home</nav></body></html>"), "no article text"),
        ((200, HTML, b"\x00\x01\x02\x03"), "binary file"),
    ],
    ids=["404", "503", "connect error", "read timeout", "connect timeout", "pdf", "nav", "binary"],
)
def test_fetch_failures(mock_client, route, reason: str) -> None:
    good = "https://ledger.example/ok"
    client_routes = {URL: route, good: (200, {"content-type": "text/plain"}, b"Troops left.")}
    client = mock_client(client_routes)
    documents, failures = split_items(iter_documents([URL, good], client=client))
    [failure] = failures
    assert failure.source == URL
    assert reason in failure.reason
    assert [d.source_path for d in documents] == [good]


def test_fetch_body_over_the_limit_is_refused(mock_client) -> None:
    client = mock_client({URL: (200, HTML, b"<p>" + b"x" * 5000 + b"</p>")})
    [failure] = iter_documents([URL], client=client, max_bytes=1000)
    assert "5,007 bytes, over the limit of 1,000 bytes" in failure.reason
    assert "max_bytes" in failure.reason


def test_fetch_streamed_body_is_capped_without_content_length() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=HTML, content=iter([b"y" * 600] * 10))

    with (
        httpx.Client(transport=httpx.MockTransport(handler)) as client,
        pytest.raises(FetchError, match="over 1,000 bytes"),
    ):
        fetch(URL, client=client, max_bytes=1000)


def test_fetch_unfollowed_redirect_is_explained(mock_client) -> None:
    client = mock_client({URL: (302, {"location": "https://elsewhere.example/"}, b"")})
    client.follow_redirects = False
    [failure] = iter_documents([URL], client=client)
    assert "redirect to https://elsewhere.example/ was not followed" in failure.reason


def test_fetch_default_client_settings() -> None:
    with make_client(timeout=7.5) as client:
        assert client.headers["user-agent"] == USER_AGENT
        assert USER_AGENT.startswith("eventwatch/")
        assert client.follow_redirects is True
        assert client.timeout.read == 7.5


def test_fetch_sends_user_agent() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, headers={"content-type": "text/plain"}, content=b"Calm day.")

    with make_client() as client:
        client._transport = httpx.MockTransport(handler)  # keep the real headers, fake the wire
        fetch(URL, client=client, max_bytes=1000)
    assert seen == [USER_AGENT]
