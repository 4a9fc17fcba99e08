"""The dashboard's Content-Security-Policy refuses inline script, and Chromium enforces it."""

from __future__ import annotations

import pytest

from .conftest import LiveServer, WatchedPage, csp_problem, require_page, script_policies

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("default-src 'self'", None),
        ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'", None),
        ("default-src 'self'; script-src 'self' 'unsafe-inline'", "allows inline script"),
        ("script-src 'self'; script-src-attr 'unsafe-inline'", "allows inline script"),
        ("style-src 'self'", "no Content-Security-Policy directive covers"),
        (None, "no Content-Security-Policy directive covers"),
        ("script-src 'unsafe-inline', default-src 'none'", None),
        ("script-src 'unsafe-inline', style-src 'self'", "allows inline script"),
    ],
)
def test_csp_problem_reads_the_fallbacks(header: str | None, problem: str | None) -> None:
    found = csp_problem(header)
    assert (found is None) if problem is None else (problem in (found or ""))


def test_csp_script_policies_by_kind() -> None:
    policies = script_policies("default-src 'none'; script-src-elem 'self'")
    assert policies == {
        "script-src-elem": "script-src-elem 'self'",
        "script-src-attr": "default-src 'none'",
    }


def _overview(live_server: LiveServer) -> str:
    require_page("/", "overview")
    response = live_server.get("/")
    assert response.status_code == 200, response.text
    return response.headers.get("content-security-policy", "")


def test_csp_overview_header_refuses_inline_script(live_server: LiveServer) -> None:
    header = _overview(live_server)
    problem = csp_problem(header)
    assert problem is None, f"GET /: {problem}"


def test_csp_overview_blocks_injected_inline_script(
    live_server: LiveServer, watched: WatchedPage
) -> None:
    _overview(live_server)
    watched.page.goto("/")
    watched.check("/")
    with watched.page.expect_console_message(
        lambda message: "Content Security Policy" in message.text, timeout=5_000
    ):
        watched.page.evaluate(
            """() => {
                const script = document.createElement('script');
                script.textContent = 'window.__inline = 1';
                document.body.appendChild(script);
            }"""
        )
    with watched.page.expect_console_message(
        lambda message: "inline event handler" in message.text, timeout=5_000
    ):
        watched.page.evaluate(
            """() => {
                const img = document.createElement('img');
                img.setAttribute('onerror', 'window.__inline = 2');
                img.src = 'data:,not-an-image';
                document.body.appendChild(img);
            }"""
        )
    assert watched.page.evaluate("() => window.__inline") is None
    taken = watched.take()
    refused = [p for p in taken if "Content Security Policy" in p]
    watched.problems += [p for p in taken if p not in refused]  # anything else still fails
    assert refused, f"Chromium reported no CSP violation for the injected script: {taken}"
