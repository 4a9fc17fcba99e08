"""Shared fixtures for the ingest tests: fixture files and a mock HTTP client."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

import httpx
import pytest

from eventwatch.model import Document, IngestFailure

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"

# A route answers with (status, headers, body), or raises an httpx exception class.
Route = tuple[int, Mapping[str, str], bytes] | type[httpx.HTTPError]


@pytest.fixture
def fixtures() -> Path:
    """The folder of canned inputs."""
    return FIXTURES


@pytest.fixture
def mock_client() -> Iterator[Callable[[Mapping[str, Route]], httpx.Client]]:
    """Build clients on httpx.MockTransport: URL -> route; unknown URLs get a 404."""
    clients: list[httpx.Client] = []

    def build(routes: Mapping[str, Route], *, follow_redirects: bool = True) -> httpx.Client:
        def handler(request: httpx.Request) -> httpx.Response:
            route = routes.get(str(request.url))
            if route is None:
                return httpx.Response(404, request=request)
            if isinstance(route, type):
                raise route("simulated failure", request=request)
            status, headers, body = route
            return httpx.Response(status, headers=dict(headers), content=body, request=request)

        client = httpx.Client(
            transport=httpx.MockTransport(handler), follow_redirects=follow_redirects
        )
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


def split_items(
    items: Iterable[Document | IngestFailure],
) -> tuple[list[Document], list[IngestFailure]]:
    """Documents and failures, each in the order they came."""
    documents: list[Document] = []
    failures: list[IngestFailure] = []
    for item in items:
        (documents if isinstance(item, Document) else failures).append(item)
    return documents, failures
