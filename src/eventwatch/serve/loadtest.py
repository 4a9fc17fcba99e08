"""A load test for the HTTP API: a mix of realistic queries from many clients, on this machine only.

:func:`run_load` sends requests from ``clients`` concurrent clients to a running
server until ``seconds`` have passed or ``max_requests`` were sent, whichever
comes first, and reports the count, the errors and the latency percentiles.
It refuses any address that is not loopback (127.0.0.0/8, ::1, localhost).
:func:`seed_events` (from :mod:`eventwatch.serve.seed`) fills a store with
synthetic events to test against.

The mix, built from what the server holds (ids, types, countries, names and
words of real events, fetched before the clock starts): event listings with
0–3 random filters and a random sort (and their next pages), single events and
documents, actors, places, stories, search, min_corroboration, small exports.

From the command line::

    python -m eventwatch.serve.loadtest seed bench.db 100000
    python -m eventwatch.serve.loadtest run http://127.0.0.1:8000 --clients 20 --seconds 60
    python -m eventwatch.serve.loadtest bench bench.db --clients 20 --seconds 60  # serve + run
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from eventwatch.errors import ConfigError
from eventwatch.serve.seed import seed_events

__all__ = ["run_load", "seed_events", "wait_until_ready"]

_SERVER_TIMING = re.compile(r"app;dur=([0-9.]+)")
_NEXT_CURSOR = re.compile(rb'"next_cursor":"([A-Za-z0-9_-]+)"')
_WORD = re.compile(r"[A-Za-z]{5,}")
_SORTS = ("doc", "date", "-date", "confidence", "-confidence")


def _check_loopback(base_url: str) -> str:
    """The URL without a trailing slash, if it points at this machine; else ConfigError."""
    parts = urlsplit(base_url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        raise ConfigError(f"{base_url!r} is not an http(s) URL; use e.g. http://127.0.0.1:8000")
    loopback = host == "localhost"
    if not loopback:
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
    if not loopback:
        raise ConfigError(
            f"refusing to load-test {host!r}: only this machine (127.0.0.1, ::1, localhost) "
            "may be targeted"
        )
    return base_url.rstrip("/")


@dataclass(slots=True)
class _Pools:
    """What the request mix draws from, fetched from the server before the clock starts."""

    event_ids: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    actor_ids: list[str] = field(default_factory=list)
    actor_words: list[str] = field(default_factory=list)
    story_ids: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    months: list[str] = field(default_factory=list)


def _discover(client: httpx.Client, rng: random.Random) -> _Pools:
    """Sample ids, names and words from the server."""
    pools = _Pools()
    for sort in ("doc", "-date", "date", "confidence"):
        events = client.get("/api/events", params={"limit": 200, "sort": sort}).json()["events"]
        for event in events:
            pools.event_ids.append(event["id"])
            pools.doc_ids.append(event["doc_id"])
            pools.types.append(event["event_type"])
            pools.words.extend(w.lower() for w in _WORD.findall(event["evidence"]["text"]))
            start = (event.get("date") or {}).get("start")
            if start:
                pools.months.append(start[:7])
    actors = client.get("/api/actors", params={"limit": 200}).json()["actors"]
    pools.actor_ids = [a["id"] for a in actors]
    pools.actor_words = [w for a in actors for w in a["name"].split()[:1] if len(w) >= 3]
    places = client.get("/api/places", params={"limit": 200}).json()["places"]
    pools.places = [p["name"] for p in places]
    pools.countries = sorted({p["country"] for p in places if p["country"]})
    stories = client.get("/api/stories", params={"limit": 200})
    if stories.status_code == 200:
        pools.story_ids = [s["id"] for s in stories.json()["stories"]]
    pools.words = rng.sample(sorted(set(pools.words)), min(60, len(set(pools.words))))
    for name in ("event_ids", "doc_ids", "types", "months"):
        setattr(pools, name, sorted(set(getattr(pools, name))))
    if not pools.event_ids:
        raise ConfigError("the server holds no events; seed the store first (seed_events)")
    return pools


def _event_filters(rng: random.Random, pools: _Pools) -> dict[str, Any]:
    """0–3 random filters of the kinds people combine."""
    choices: list[tuple[str, Any]] = []
    if pools.types:
        choices.append(("type", rng.choice(pools.types)))
    if pools.countries:
        choices.append(("country", rng.choice(pools.countries)))
    choices.append(("factuality", rng.choice(["asserted", "attributed", "alleged"])))
    if pools.months:
        month = rng.choice(pools.months)
        choices.append(("date_from", month))
        choices.append(("date_to", month[:4]))
    if pools.words:
        choices.append(("q", rng.choice(pools.words)))
    if pools.actor_words:
        choices.append(("actor", rng.choice(pools.actor_words)))
    if pools.places:
        choices.append(("place", rng.choice(pools.places)))
    count = rng.choice([0, 1, 1, 2, 2, 3])
    return dict(rng.sample(choices, min(count, len(choices))))


def _next_request(rng: random.Random, pools: _Pools, state: dict[str, Any]) -> tuple[str, str]:
    """(kind, path with query) of the next request of one client."""
    roll = rng.random() * 100
    if roll < 30:
        params = _event_filters(rng, pools)
        params["sort"] = rng.choice(_SORTS)
        params["limit"] = rng.choice([20, 50, 100])
        state["last_events"] = params
        state.pop("cursor", None)
        return "events", "/api/events?" + urlencode(params)
    if roll < 40 and state.get("cursor"):
        params = {**state["last_events"], "cursor": state.pop("cursor")}
        return "events_next", "/api/events?" + urlencode(params)
    if roll < 50:
        return "event", f"/api/events/{rng.choice(pools.event_ids)}"
    if roll < 58:
        return "document", f"/api/documents/{rng.choice(pools.doc_ids)}"
    if roll < 62:
        return "documents", "/api/documents?limit=50"
    if roll < 68:
        params = {"limit": 50}
        if pools.actor_words and rng.random() < 0.5:
            params["q"] = rng.choice(pools.actor_words)  # type: ignore[assignment]
        return "actors", "/api/actors?" + urlencode(params)
    if roll < 72 and pools.actor_ids:
        return "actor", f"/api/actors/{rng.choice(pools.actor_ids)}?limit=50"
    if roll < 76:
        return "places", "/api/places?limit=100"
    if roll < 80:
        return "stories", "/api/stories?limit=50"
    if roll < 82 and pools.story_ids:
        return "story", f"/api/stories/{rng.choice(pools.story_ids)}"
    if roll < 90 and pools.words:
        return "search", "/api/search?" + urlencode({"q": rng.choice(pools.words), "limit": 20})
    if roll < 93:
        params = {"min_corroboration": 2, "limit": 50, **_event_filters(rng, pools)}
        return "corroborated", "/api/events?" + urlencode(params)
    if roll < 96:
        params = {
            **_event_filters(rng, pools),
            "format": rng.choice(["csv", "geojson"]),
            "limit": 50,
        }
        return "events_format", "/api/events?" + urlencode(params)
    if roll < 98 and pools.types and pools.countries and pools.months:
        month = rng.choice(pools.months)
        params = {"type": rng.choice(pools.types), "country": rng.choice(pools.countries)}
        params.update({"date_from": month, "date_to": month, "format": "jsonl"})
        return "export", "/api/export?" + urlencode(params)
    return "health", "/api/health"


def _percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def _summary(latencies: list[float]) -> dict[str, float]:
    values = sorted(latencies)
    return {
        "p50": round(_percentile(values, 0.50) * 1000, 1),
        "p95": round(_percentile(values, 0.95) * 1000, 1),
        "p99": round(_percentile(values, 0.99) * 1000, 1),
        "max": round((values[-1] if values else 0.0) * 1000, 1),
        "mean": round((sum(values) / len(values) if values else 0.0) * 1000, 1),
    }


def _connection(base_url: str, timeout: float) -> http.client.HTTPConnection:
    parts = urlsplit(base_url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    return kind(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)


def _load(
    base_url: str,
    pools: _Pools,
    *,
    clients: int,
    seconds: float,
    max_requests: int,
    seed: int,
    timeout: float,
) -> dict[str, Any]:
    """Run the clients (threads with keep-alive connections) and gather the timings."""
    latencies: list[float] = []
    by_kind: defaultdict[str, list[float]] = defaultdict(list)
    server_times: defaultdict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    issued = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    prefix = urlsplit(base_url).path.rstrip("/")

    def take_turn() -> bool:
        nonlocal issued
        with lock:
            if issued >= max_requests or time.monotonic() >= deadline:
                return False
            issued += 1
            return True

    def client_loop(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        state: dict[str, Any] = {}
        connection = _connection(base_url, timeout)
        try:
            while take_turn():
                kind, path = _next_request(rng, pools, state)
                started = time.perf_counter()
                problem = None
                timing = None
                try:
                    connection.request("GET", prefix + path)
                    response = connection.getresponse()
                    body = response.read()
                    timing = _SERVER_TIMING.search(response.getheader("server-timing") or "")
                    if response.status >= 400:
                        problem = f"{response.status} {path}: {body[:200]!r}"
                    elif kind in ("events", "events_next"):
                        match = _NEXT_CURSOR.search(body[-400:])
                        if match:
                            state["cursor"] = match.group(1).decode("ascii")
                except (OSError, http.client.HTTPException) as exc:
                    problem = f"{type(exc).__name__} {path}: {exc}"
                    connection.close()
                    connection = _connection(base_url, timeout)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    by_kind[kind].append(elapsed)
                    if problem is None and timing is not None:
                        server_times[kind].append(float(timing.group(1)) / 1000)
                    if problem is not None:
                        errors.append(problem)
        finally:
            connection.close()

    started = time.monotonic()
    threads = [
        threading.Thread(target=client_loop, args=(i,), name=f"load-client-{i}", daemon=True)
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + timeout + 5)
    elapsed = time.monotonic() - started
    return {
        "base_url": base_url,
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:5],
        "requests_per_second": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "latency_ms": _summary(latencies),
        "server_ms": _summary([t for times in server_times.values() for t in times]),
        "by_endpoint": {
            kind: {
                "count": len(values),
                **_summary(values),
                "server_p50": _summary(server_times[kind])["p50"],
                "server_p95": _summary(server_times[kind])["p95"],
            }
            for kind, values in sorted(by_kind.items())
        },
    }


def run_load(
    base_url: str,
    *,
    clients: int = 20,
    seconds: float = 60.0,
    max_requests: int = 1_000_000,
    seed: int = 0,
    timeout: float = 30.0,
) -> dict[str, Any]:
    """Load-test a running eventwatch server on this machine.

    Args:
        base_url: The server, e.g. ``http://127.0.0.1:8000``; loopback only.
        clients: Concurrent clients (threads with a keep-alive connection each),
            each sending its next request when the last one ends.
        seconds: Stop after this long.
        max_requests: And stop after this many requests, whichever comes first.
        seed: Random seed of the request mix.
        timeout: Per-request timeout in seconds (a timeout counts as an error).

    Returns:
        ``{"requests", "errors", "error_samples", "seconds", "requests_per_second",
        "latency_ms": {"p50", "p95", "p99", "max", "mean"}, "server_ms": {...},
        "by_endpoint": {...}}``; latency is what a client waited, ``server_ms``
        the server's own time to the first byte (its ``Server-Timing`` header).

    Raises:
        ConfigError: The URL is not loopback, a bound is not positive, or the
            server holds no events.
    """
    base_url = _check_loopback(base_url)
    if clients < 1 or seconds <= 0 or max_requests < 1:
        raise ConfigError(
            f"clients, seconds and max_requests must be positive, got {clients}, {seconds}, {max_requests}"
        )
    rng = random.Random(seed)
    with httpx.Client(base_url=base_url, timeout=timeout) as client:
        pools = _discover(client, rng)
    return _load(
        base_url,
        pools,
        clients=clients,
        seconds=seconds,
        max_requests=max_requests,
        seed=seed,
        timeout=timeout,
    )


def wait_until_ready(
    base_url: str, *, timeout: float = 900.0, stories: bool = True
) -> dict[str, Any]:
    """Wait until the server's index (and, if asked, its stories) are built.

    Args:
        base_url: The server (loopback only).
        timeout: Give up after this many seconds.
        stories: Also wait for the stories of the newest snapshot.

    Returns:
        The last ``/api/health`` answer.

    Raises:
        TimeoutError: Not ready in time.
    """
    base_url = _check_loopback(base_url)
    deadline = time.monotonic() + timeout
    last: dict[str, Any] = {}
    while time.monotonic() < deadline:
        try:
            last = httpx.get(base_url + "/api/health", timeout=5).json()
            if last.get("index") == "ready" and (not stories or last.get("stories") == "current"):
                return last
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(1.0)
    raise TimeoutError(f"{base_url} was not ready after {timeout:.0f} s: {last}")


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _machine_busy() -> tuple[float, float] | None:
    """(busy, total) CPU ticks of the whole machine since boot (Linux), or None."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return float(sum(values) - idle), float(sum(values))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _bench(args: argparse.Namespace) -> dict[str, Any]:
    """Serve ``args.db`` on a free loopback port, wait until ready, run the load, stop the server."""
    port = _free_port()
    code = f"from eventwatch.serve import serve; serve(db={args.db!r}, port={port}, log_level='warning')"
    server = subprocess.Popen([sys.executable, "-c", code])
    base_url = f"http://127.0.0.1:{port}"
    try:
        started = time.monotonic()
        health = wait_until_ready(base_url, timeout=args.ready_timeout)
        ready_seconds = round(time.monotonic() - started, 1)
        server_cpu, machine = _cpu_seconds(server.pid), _machine_busy()
        result = run_load(
            base_url, clients=args.clients, seconds=args.seconds, max_requests=args.max_requests
        )
        if server_cpu is not None and machine is not None:
            busy, total = _machine_busy() or (0.0, 0.0)
            result["cpu"] = {
                "server_seconds": round((_cpu_seconds(server.pid) or 0.0) - server_cpu, 1),
                "machine_busy_percent": round(
                    100 * (busy - machine[0]) / max(1e-9, total - machine[1]), 1
                ),
                "cores": os.cpu_count(),
            }
        result["store"] = {"events": health.get("events"), "documents": health.get("documents")}
        result["ready_after_seconds"] = ready_seconds
        return result
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def main(argv: list[str] | None = None) -> int:
    """``python -m eventwatch.serve.loadtest {seed,run,bench} ...``; prints JSON."""
    parser = argparse.ArgumentParser(
        prog="python -m eventwatch.serve.loadtest", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    seed = commands.add_parser("seed", help="add N synthetic events to a store")
    seed.add_argument("db")
    seed.add_argument("n", type=int)
    for name in ("run", "bench"):
        command = commands.add_parser(
            name, help="load-test a server" if name == "run" else "serve DB and load-test it"
        )
        command.add_argument("target", help="server URL" if name == "run" else "database path")
        command.add_argument("--clients", type=int, default=20)
        command.add_argument("--seconds", type=float, default=60.0)
        command.add_argument("--max-requests", type=int, default=1_000_000)
        command.add_argument("--ready-timeout", type=float, default=900.0)
    args = parser.parse_args(argv)
    if args.command == "seed":
        result = seed_events(args.db, args.n)
    elif args.command == "run":
        result = run_load(
            args.target, clients=args.clients, seconds=args.seconds, max_requests=args.max_requests
        )
    else:
        args.db = args.target
        result = _bench(args)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
