"""The load test's guards and bounds, and the synthetic seeding it runs on."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from eventwatch.config import Settings
from eventwatch.errors import ConfigError
from eventwatch.serve import ServeOptions, create_app
from eventwatch.serve.loadtest import _check_loopback, run_load, seed_events, wait_until_ready
from eventwatch.serve.seed import record_from_dict
from eventwatch.store import open_store


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1:8000",
        "http://192.168.1.20:8000",
        "http://172.16.0.1",
        "http://8.8.8.8",
        "http://example.org",
        "http://127.0.0.1.example.org",
        "ftp://127.0.0.1/",
        "127.0.0.1:8000",
    ],
)
def test_loadtest_refuses_anything_but_loopback(url) -> None:
    with pytest.raises(ConfigError):
        run_load(url, clients=1, seconds=1, max_requests=1)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000/", "http://127.0.0.2:1", "http://localhost:8000", "http://[::1]:8000"],
)
def test_loadtest_accepts_loopback(url) -> None:
    assert _check_loopback(url) == url.rstrip("/")


@pytest.mark.parametrize(("clients", "seconds", "max_requests"), [(0, 1, 1), (1, 0, 1), (1, 1, 0)])
def test_loadtest_bounds_must_be_positive(clients, seconds, max_requests) -> None:
    with pytest.raises(ConfigError):
        run_load("http://127.0.0.1:9", clients=clients, seconds=seconds, max_requests=max_requests)


@pytest.fixture
def live_server(db_path) -> Iterator[str]:
    """The API on a free loopback port, in a thread of this process."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(
        db=str(db_path), settings=Settings(), options=ServeOptions(refresh_seconds=0.2)
    )
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(url, timeout=60)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_loadtest_is_bounded_by_requests_and_reports(live_server) -> None:
    result = run_load(live_server, clients=3, seconds=60, max_requests=40)
    assert result["requests"] == 40
    assert result["errors"] == 0, result["error_samples"]
    assert set(result["latency_ms"]) == {"p50", "p95", "p99", "max", "mean"}
    assert result["latency_ms"]["p50"] <= result["latency_ms"]["p95"] <= result["latency_ms"]["p99"]
    assert sum(kind["count"] for kind in result["by_endpoint"].values()) == 40


def test_loadtest_is_bounded_by_time(live_server) -> None:
    started = time.monotonic()
    result = run_load(live_server, clients=2, seconds=1.0, max_requests=10**9)
    assert time.monotonic() - started < 15
    assert result["errors"] == 0, result["error_samples"]
    assert result["requests"] >= 1


def test_seed_events_adds_perturbed_copies(db_path) -> None:
    with open_store(db_path) as store:
        before = store.stats()
        originals = {e["id"]: e for e in store.events()}
    result = seed_events(str(db_path), 25, seed=1)
    assert result["events"] == 25
    again = seed_events(str(db_path), 10, seed=1)  # seeding again adds more, never collides
    assert again["events"] == 10
    with open_store(db_path) as store:
        after = store.stats()
        synthetic = [e for e in store.events() if e["id"] not in originals]
        document = store.get_document(synthetic[0]["doc_id"])
    assert after["events"] == before["events"] + 35
    assert after["documents"] == before["documents"] + result["documents"] + again["documents"]
    assert len({e["id"] for e in synthetic}) == 35
    assert {e["event_type"] for e in synthetic} <= {e["event_type"] for e in originals.values()}
    evidence = synthetic[0]["evidence"]
    assert document["text"][evidence["start"] : evidence["end"]] == evidence["text"]


def test_seed_events_fills_an_empty_store_from_the_sample_corpus(tmp_path) -> None:
    result = seed_events(str(tmp_path / "empty.db"), 5)
    assert result["events"] == 5 and result["total_events"] > 5


def test_record_from_dict_round_trips(store_events) -> None:
    for event in store_events:
        assert record_from_dict(event).to_dict() == event


def test_seed_events_rejects_negative_counts(db_path) -> None:
    with pytest.raises(ConfigError):
        seed_events(str(db_path), -1)


def test_wait_until_ready_gives_up(monkeypatch) -> None:
    monkeypatch.setattr(
        httpx, "get", lambda *a, **k: (_ for _ in ()).throw(httpx.ConnectError("down"))
    )
    with pytest.raises(TimeoutError):
        wait_until_ready("http://127.0.0.1:9", timeout=0.1)
