"""Fetching pages and feeds over HTTP(S) with ``httpx``.

One place decides how eventwatch talks to web servers: a User-Agent that names
eventwatch, timeouts, redirects followed, and a size cap enforced while the
body streams in (a server that lies about ``Content-Length`` cannot make us
read more than the cap).  Every way a request can go wrong becomes a
:class:`~eventwatch.errors.FetchError` with a one-line reason.

Tests pass a client built on ``httpx.MockTransport``; nothing here needs the
network to be tested.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

import httpx

from eventwatch.errors import FetchError

__all__ = ["DEFAULT_TIMEOUT", "USER_AGENT", "FetchedPage", "fetch", "make_client"]

logger = logging.getLogger(__name__)


def _package_version() -> str:
    """eventwatch's installed version, or ``dev`` when run from a checkout."""
    try:
        return version("eventwatch")
    except PackageNotFoundError:
        return "dev"


USER_AGENT = f"eventwatch/{_package_version()} (political event extraction; +httpx)"
DEFAULT_TIMEOUT = 20.0
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A successful response, read in full (up to the size cap)."""

    url: str
    final_url: str
    content_type: str
    charset: str | None
    content: bytes


def make_client(*, timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    """A client set up the way eventwatch fetches: UA, timeouts, redirects.

    Args:
        timeout: Seconds to wait for connecting and for each read.

    Returns:
        A new ``httpx.Client``; the caller closes it.
    """
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=10,
        headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
    )


def fetch(url: str, *, client: httpx.Client, max_bytes: int) -> FetchedPage:
    """GET a URL and read its body, refusing bodies over ``max_bytes``.

    Args:
        url: An ``http://`` or ``https://`` address.
        client: The client to send the request with.
        max_bytes: The largest body accepted.

    Returns:
        The response's final URL, content type, charset and body.

    Raises:
        FetchError: The request failed (status 400 or above, a redirect the
            client would not follow, a timeout, a refused or unknown host, a
            body over the cap); the reason says which.
    """
    logger.debug("fetching %s", url)
    try:
        with client.stream("GET", url) as response:
            _check_status(url, response)
            _check_declared_length(url, response, max_bytes)
            content = _read_capped(url, response, max_bytes)
            content_type = response.headers.get("content-type", "")
            return FetchedPage(
                url=url,
                final_url=str(response.url),
                content_type=content_type.split(";")[0].strip().lower(),
                charset=response.charset_encoding,
                content=content,
            )
    except httpx.TimeoutException as exc:
        raise FetchError(
            url, f"timed out ({type(exc).__name__}); the host is slow or down, try again later"
        ) from exc
    except httpx.ConnectError as exc:
        raise FetchError(url, f"could not connect ({exc or 'host unreachable'})") from exc
    except httpx.TooManyRedirects as exc:
        raise FetchError(url, "too many redirects (a redirect loop?)") from exc
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise FetchError(url, f"not a fetchable http(s) URL ({exc})") from exc
    except httpx.HTTPError as exc:
        raise FetchError(url, f"request failed: {type(exc).__name__}: {exc}") from exc


def _check_status(url: str, response: httpx.Response) -> None:
    """Turn error statuses and unfollowed redirects into FetchError."""
    status = response.status_code
    if response.is_redirect:
        raise FetchError(
            url,
            f"HTTP {status} redirect to {response.headers.get('location', '?')} was not "
            "followed; use a client with follow_redirects=True",
        )
    if status >= 400:
        phrase = response.reason_phrase or "error"
        raise FetchError(url, f"HTTP {status} {phrase}")


def _check_declared_length(url: str, response: httpx.Response, max_bytes: int) -> None:
    """Refuse early when Content-Length already exceeds the cap."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, _too_big(int(declared), max_bytes))


def _read_capped(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    """Read the body, stopping as soon as it passes the cap."""
    chunks: list[bytes] = []
    received = 0
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(url, _too_big(received, max_bytes, at_least=True))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    """The over-the-limit reason, with the size, the limit and the fix."""
    amount = f"over {max_bytes:,}" if at_least else f"{size:,}"
    return (
        f"response is {amount} bytes, over the limit of {max_bytes:,} bytes; "
        "raise max_bytes to accept it"
    )
