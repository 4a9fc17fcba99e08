"""Fixtures for the browser tests: a live ``eventwatch serve`` and headless Chromium.

* ``live_server`` (once for this package): a SQLite store of the bundled sample
  corpus, built with :func:`eventwatch.pipeline.ingest_sources` like ``eventwatch
  demo`` does; ``eventwatch serve`` on it in a subprocess on 127.0.0.1 and a free
  port; then :data:`HOSTILE_DOCUMENT` (markup, an RTL override and zero-width
  characters in its text, title and outlet) posted to ``POST /api/ingest``, so
  every page the tests open may show it.  The server is stopped at teardown.
* ``browser`` (once for this package): the system's Chromium (Debian's
  ``chromium`` package; ``$EVENTWATCH_CHROMIUM`` overrides the path) driven by
  Playwright, which starts it with a fresh temporary profile and deletes it after.
  Playwright never downloads a browser here.
* ``watched`` (per test): a page in a fresh browser context that records every
  console error, uncaught page error, failed request, same-origin response of 400
  or more and request to another site (those are blocked: no page may load
  anything from elsewhere).  Anything recorded and not taken by the test fails it
  at teardown.  A screenshot of the page is saved for every test in
  ``tests/browser/artifacts/`` (or ``$EVENTWATCH_ARTIFACTS``), with the server's log.

Without Chromium or Playwright the browser tests are skipped with the reason,
except when ``CI=true``, where they fail: CI installs both, so a skip there would
hide a broken setup.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import httpx
import pytest

try:
    from playwright.sync_api import Browser, Page, Request, Response, Route, sync_playwright
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # the test extra is not installed: the browser fixtures skip (see _unavailable)
    sync_playwright = None  # type: ignore[assignment]

    class PlaywrightError(Exception):  # type: ignore[no-redef]
        """Stands in for Playwright's error class so that test modules still import."""


IN_CI = os.environ.get("CI") == "true"
TOKEN = "browser-test-token-0123456789"
ARTIFACTS = Path(os.environ.get("EVENTWATCH_ARTIFACTS") or Path(__file__).parent / "artifacts")

#: Flags for a quiet, offline, throwaway Chromium (Playwright adds its own temporary profile).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: How long one browser action (navigation, click, wait) may take, in milliseconds.
ACTION_TIMEOUT_MS = 15_000
#: How long the server may take to start and build its first index, in seconds.
STARTUP_SECONDS = 90.0

SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__pwned=2">'
RTL_OVERRIDE = "\u202e"
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"

#: An article whose text, title and outlet try to run script in any page that shows them raw.
#: Each paragraph yields one event, so event pages show the payloads in their evidence.
HOSTILE_DOCUMENT: dict[str, str] = {
    "id": "hostile-markup",
    "outlet": f"Hostile {RTL_OVERRIDE}Outlet{ZERO_WIDTH} {IMG_PAYLOAD}",
    "title": f"Police detain marchers {SCRIPT_PAYLOAD} {IMG_PAYLOAD}",
    "published": "2024-05-12",
    "url": "https://example.org/hostile/markup",
    "text": (
        f"TBILISI — Riot police arrested 20 demonstrators {SCRIPT_PAYLOAD} in Tbilisi on "
        "Saturday, the interior ministry said.\n\n"
        f"Soldiers detained the mayor {IMG_PAYLOAD} in Batumi on Sunday, according to "
        f"{RTL_OVERRIDE}witnesses{ZERO_WIDTH} at the scene.\n\n"
        f"Protesters marched through Kutaisi{ZERO_WIDTH} on Monday against the{RTL_OVERRIDE} "
        "new law."
    ),
}


def _unavailable(reason: str) -> NoReturn:
    """Skip for want of a browser; under CI=true fail instead (CI installs one)."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: .ci/run installs it, so the setup is broken)")
    pytest.skip(reason)


def find_chromium() -> str | None:
    """The Chromium to drive: ``$EVENTWATCH_CHROMIUM``, else ``chromium`` on PATH."""
    configured = os.environ.get("EVENTWATCH_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives headless Chromium against a live eventwatch serve"
    )


# ---------------------------------------------------------------------------- the server


@dataclass
class LiveServer:
    """A running ``eventwatch serve`` and what the tests put in its store."""

    url: str
    db: Path
    token: str
    log: Path
    process: subprocess.Popen[bytes]
    hostile_id: str = HOSTILE_DOCUMENT["id"]

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        """A plain HTTP GET on the server (for status checks before opening a page)."""
        return httpx.get(self.url + path, timeout=30.0, **kwargs)

    def get_json(self, path: str) -> Any:
        response = self.get(path)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text}"
        return response.json()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _die_with_parent() -> Any:
    """A ``preexec_fn`` that has Linux SIGTERM the server if pytest dies (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1

    def preexec() -> None:
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)

    return preexec


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server: SIGTERM, then SIGKILL if it has not gone in 10 s."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _log_tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _wait_ready(
    url: str, process: subprocess.Popen[bytes], log: Path, *, ready: Any = None
) -> dict[str, Any]:
    """Poll ``/api/health`` until ``ready(body)`` holds; fail with the server's log if it dies."""
    deadline = time.monotonic() + STARTUP_SECONDS
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"eventwatch serve exited with {process.returncode}:\n{_log_tail(log)}")
        try:
            response = httpx.get(url + "/api/health", timeout=5.0)
            if response.status_code == 200:
                body = response.json()
                if (ready or (lambda b: b.get("index") == "ready"))(body):
                    return body
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(
        f"eventwatch serve at {url} was not ready after {STARTUP_SECONDS:.0f} s "
        f"(last health: {body}):\n{_log_tail(log)}"
    )


def _build_store(path: Path) -> None:
    """The sample corpus in a SQLite store, as ``eventwatch demo`` makes it."""
    from eventwatch.config import Settings
    from eventwatch.pipeline import SAMPLE_CORPUS, ingest_sources
    from eventwatch.store import open_store

    sources = sorted(
        str(p) for p in SAMPLE_CORPUS.iterdir() if p.suffix in {".txt", ".html", ".jsonl"}
    )
    with open_store(path) as store:
        report = ingest_sources(sources, store=store, settings=Settings())
    assert report.documents > 0 and report.events > 0, report


def _ingest_hostile(url: str) -> None:
    response = httpx.post(
        url + "/api/ingest",
        json={"documents": [HOSTILE_DOCUMENT]},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=120.0,
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["stored_ids"] == [HOSTILE_DOCUMENT["id"]], report
    assert report["events"] >= 2, f"the hostile document should yield events: {report}"


@pytest.fixture(scope="package")
def artifacts_dir() -> Path:
    """Where screenshots and the server's log go."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="package")
def live_server(
    tmp_path_factory: pytest.TempPathFactory, artifacts_dir: Path
) -> Iterator[LiveServer]:
    """``eventwatch serve`` over the sample corpus plus the hostile document."""
    folder = tmp_path_factory.mktemp("browser-store")
    db = folder / "events.db"
    _build_store(db)
    log = artifacts_dir / "server.log"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "eventwatch", "serve", "--db", str(db)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--token", TOKEN]
    env = {k: v for k, v in os.environ.items() if k not in {"EVENTWATCH_DB", "EVENTWATCH_TOKEN"}}
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=env,
            preexec_fn=_die_with_parent(),
        )
    atexit.register(_stop, process)  # in case the run is interrupted before teardown
    try:
        before = _wait_ready(url, process, log)
        _ingest_hostile(url)
        _wait_ready(
            url,
            process,
            log,
            ready=lambda b: (
                b.get("documents") == before["documents"] + 1 and b.get("stories") == "current"
            ),
        )
        yield LiveServer(url=url, db=db, token=TOKEN, log=log, process=process)
    finally:
        _stop(process)


# ---------------------------------------------------------------------------- the browser


@pytest.fixture(scope="package")
def chromium_path() -> str:
    """The Chromium binary, or a skip (a failure under CI=true) naming what is missing."""
    if sync_playwright is None:
        _unavailable("the Python package playwright is not installed: pip install -e '.[test]'")
    path = find_chromium()
    if path is None:
        where = os.environ.get("EVENTWATCH_CHROMIUM") or "chromium on PATH"
        _unavailable(f"no Chromium binary ({where}): apt-get install chromium")
    return path


@pytest.fixture(scope="package")
def browser(chromium_path: str) -> Iterator[Browser]:
    """Headless Chromium, closed (with Playwright's driver) after the package's tests."""
    playwright = sync_playwright().start()
    try:
        launched = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS, timeout=60_000
        )
        try:
            yield launched
        finally:
            launched.close()
    finally:
        playwright.stop()


@dataclass
class WatchedPage:
    """A page and everything that went wrong in it since the test last took the list."""

    page: Page
    origin: str
    problems: list[str] = field(default_factory=list)
    in_flight: set[Request] = field(default_factory=set)

    def take(self) -> list[str]:
        """The problems recorded so far, clearing the list."""
        taken = list(self.problems)
        self.problems.clear()  # in place: the page's listeners hold this list
        return taken

    def check(self, where: str = "") -> None:
        """Fail now if anything went wrong (``where`` names the page in the message)."""
        taken = self.take()
        if taken:
            pytest.fail(f"{where or self.page.url}:\n  " + "\n  ".join(taken))

    def same_origin(self, url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def settle(self, timeout: float = 5.0) -> None:
        """Wait up to ``timeout`` seconds for requests the page still has in flight
        (scripts that fetch after ``load``); a page that keeps polling is taken as it is."""
        deadline = time.monotonic() + timeout
        while self.in_flight and time.monotonic() < deadline:
            self.page.wait_for_timeout(50)

    def pwned(self) -> Any:
        """``window.__pwned`` as the page sees it (None when undefined)."""
        return self.page.evaluate("() => window.__pwned === undefined ? null : window.__pwned")


def _watch(watched: WatchedPage) -> None:
    page = watched.page
    record = watched.problems.append

    def on_console(message: Any) -> None:
        if message.type == "error":
            location = message.location or {}
            record(f"console error: {message.text} ({location.get('url', '')})")

    def on_request_failed(request: Request) -> None:
        watched.in_flight.discard(request)
        if watched.same_origin(request.url):
            record(f"request failed: {request.method} {request.url}: {request.failure}")

    def on_response(response: Response) -> None:
        if response.status >= 400 and watched.same_origin(response.url):
            record(f"HTTP {response.status}: {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: record(f"page error: {error}"))
    page.on("request", lambda request: watched.in_flight.add(request))
    page.on("requestfinished", lambda request: watched.in_flight.discard(request))
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)


def _screenshot_name(nodeid: str) -> str:
    name = nodeid.split("::", 1)[-1]
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_")[:150] + ".png"


@pytest.fixture
def watched(
    live_server: LiveServer, browser: Browser, artifacts_dir: Path, request: pytest.FixtureRequest
) -> Iterator[WatchedPage]:
    """A fresh context and page on the live server; fails the test at teardown on problems."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en-US"
    )
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    watched_page = WatchedPage(page=context.new_page(), origin=live_server.url)

    def route(route: Route) -> None:
        url = route.request.url
        if watched_page.same_origin(url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            watched_page.problems.append(f"request to another site (blocked): {url}")
            route.abort("blockedbyclient")

    context.route("**/*", route)
    _watch(watched_page)
    try:
        yield watched_page
        if watched_page.page.url != "about:blank":
            shot = artifacts_dir / _screenshot_name(request.node.nodeid)
            try:
                watched_page.page.screenshot(path=str(shot), full_page=True)
            except PlaywrightError as error:  # a crashed page: report what it logged instead
                watched_page.problems.append(f"no screenshot: {error}")
    finally:
        context.close()
    left = watched_page.take()
    if not left:
        return
    text = "the page reported problems:\n  " + "\n  ".join(left)
    call = getattr(request.node, "browser_call_report", None)
    if call is not None and call.failed:  # the test already failed: add these, don't fail twice
        request.node.add_report_section("teardown", "browser problems", text)
    else:
        pytest.fail(text)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    if call.when == "call":
        item.browser_call_report = outcome.get_result()  # type: ignore[attr-defined]


def script_policies(policy: str) -> dict[str, str | None]:
    """The directive of one policy in force for script elements and for inline handlers.

    ``<script>`` elements follow ``script-src-elem``, then ``script-src``, then
    ``default-src``; ``onerror=`` and other handler attributes follow
    ``script-src-attr``, then the same two.  None where no directive applies.
    """
    directives: dict[str, str] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), " ".join(words[1:]))
    policies: dict[str, str | None] = {}
    for kind in ("script-src-elem", "script-src-attr"):
        name = next((n for n in (kind, "script-src", "default-src") if n in directives), None)
        policies[kind] = f"{name} {directives[name]}".strip() if name else None
    return policies


def csp_problem(header: str | None) -> str | None:
    """What is wrong with a response's policy for scripts, or None when inline script is refused.

    ``header`` may hold several policies joined by commas (several headers); the
    browser enforces each, so one that refuses inline script is enough.
    """
    for kind in ("script-src-elem", "script-src-attr"):
        found = [script_policies(policy)[kind] for policy in (header or "").split(",")]
        found = [directive for directive in found if directive]
        if not found:
            return f"no Content-Security-Policy directive covers {kind} (header: {header!r})"
        if all("'unsafe-inline'" in directive.lower() for directive in found):
            return f"Content-Security-Policy allows inline script ({kind}): {'; '.join(found)}"
    return None


def dashboard_has_page(path: str) -> bool:
    """Whether a dashboard route answers ``GET path`` (pages are still being added)."""
    from starlette.routing import Match

    from eventwatch.serve.pages import pages_router

    scope = {"type": "http", "method": "GET", "path": path, "root_path": "", "headers": []}
    return any(route.matches(dict(scope))[0] == Match.FULL for route in pages_router().routes)


def require_page(path: str, what: str) -> None:
    """Skip the test when the dashboard has no route for ``path`` yet."""
    if not dashboard_has_page(path):
        pytest.skip(f"the dashboard has no {what} page ({path}) yet")
