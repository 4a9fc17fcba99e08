"""Who may write, how big a request may be, and headers every response carries.

* :func:`require_token`: a dependency for write endpoints.  With no token
  configured they answer 403 (writing disabled); a missing or wrong
  ``Authorization: Bearer`` token gets 401.  Tokens are compared in constant time.
* :class:`GuardMiddleware`: one pure-ASGI layer that refuses bodies over the
  limit (413, from ``Content-Length`` or while streaming), refuses unknown
  ``Host`` headers when a list is configured (a DNS-rebinding guard for a
  server on 127.0.0.1), and adds ``nosniff``, ``no-referrer``, frame and
  (under ``/api/``) ``Content-Security-Policy: default-src 'none'`` and
  ``Cache-Control: no-store`` headers, and ``Server-Timing: app;dur=MS`` (time
  from the request to the response's first byte, in the server).
"""

from __future__ import annotations

import hmac
import json
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventwatch.serve.errors import Forbidden, Unauthorized, error_body

__all__ = ["GuardMiddleware", "bearer_scheme", "require_token"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: The OpenAPI security scheme of write endpoints (``auto_error=False``: we answer ourselves).
bearer_scheme = HTTPBearer(auto_error=False, description="The token the server was started with.")

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="eventwatch"'}


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> None:
    """Allow the request only with the server's bearer token.

    Raises:
        Forbidden: The server has no token, so writing is disabled.
        Unauthorized: The token is missing or wrong.
    """
    expected: str | None = request.app.state.server.token
    if expected is None:
        raise Forbidden(
            "writing is disabled on this server: start it with --token TOKEN "
            "(or set EVENTWATCH_TOKEN) and send Authorization: Bearer TOKEN"
        )
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise Unauthorized("this endpoint needs Authorization: Bearer TOKEN", headers=_CHALLENGE)
    if not hmac.compare_digest(credentials.credentials.encode("utf-8"), expected.encode("utf-8")):
        raise Unauthorized("the bearer token is wrong", headers=_CHALLENGE)


_COMMON_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
_API_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
    (b"cache-control", b"no-store"),
]


class GuardMiddleware:
    """Body-size limit, Host check and security headers (see the module notes).

    Args:
        app: The ASGI app to wrap.
        max_body_bytes: Largest request body accepted.
        allowed_hosts: Accepted Host header names (without port); None accepts any.
    """

    def __init__(
        self, app: ASGIApp, *, max_body_bytes: int, allowed_hosts: tuple[str, ...] | None = None
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if self.allowed_hosts is not None:
            host = _host_name(headers.get(b"host", b"").decode("latin-1"))
            if host not in self.allowed_hosts:
                await _send_error(send, 400, f"host {host!r} is not served here", "bad_host")
                return
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await _send_error(send, 400, "Content-Length is not a number")
                return
            if size > self.max_body_bytes:
                await _send_error(send, 413, self._too_large())
                return
        extra = _COMMON_HEADERS + (
            _API_HEADERS if scope.get("path", "").startswith("/api/") else []
        )
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise HTTPException(413, self._too_large())
            return message

        started = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = f"app;dur={(time.perf_counter() - started) * 1000:.1f}".encode("ascii")
                headers = list(message.get("headers", []))
                own = {name.lower() for name, _ in headers}
                # a route's own policy (the local /api/docs page) is kept, not doubled
                added = [(name, value) for name, value in extra if name not in own]
                message["headers"] = [*headers, *added, (b"server-timing", took)]
            await send(message)

        await self.app(scope, limited_receive, send_with_headers)

    def _too_large(self) -> str:
        return (
            f"the request body is larger than {self.max_body_bytes} bytes; "
            "send fewer documents per request"
        )


def _host_name(host: str) -> str:
    """The host part of a Host header, lower-case, without the port."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _send_error(send: Send, status: int, message: str, code: str | None = None) -> None:
    body = json.dumps(error_body(status, message, code)).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
                *_COMMON_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
