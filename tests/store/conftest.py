"""Fixtures for store tests: a fresh database per test and record builders.

The ``store`` and ``store_url`` fixtures run each test on both backends: an
in-memory (or temporary file) SQLite database, and a fresh schema on a throwaway
PostgreSQL server that the session starts on first use (see ``pg_server.py``).
Without the server binaries or psycopg the PostgreSQL cases are skipped, except
when ``CI=true``, where they fail: CI must run them.  ``-m "not postgres"``
deselects them.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import pytest

from eventwatch.model import (
    Attribution,
    DateRange,
    Document,
    Entity,
    EventRecord,
    Evidence,
    Location,
)
from eventwatch.store import Store, open_store

from .pg_server import PgServer, ServerUnavailable, start_server

MakeDocument = Callable[..., Document]
MakeEvent = Callable[..., EventRecord]

#: The backends every ``store`` / ``store_url`` test runs on.
BACKENDS = ["sqlite", "postgres"]
PG_DATABASE = "eventwatch_test"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "postgres: runs on a throwaway PostgreSQL server started by the tests"
    )


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that runs on the PostgreSQL server ``postgres``."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and callspec.params.get("backend") == "postgres"
        if on_postgres or "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


def _postgres_unavailable(reason: str) -> NoReturn:
    """Skip the PostgreSQL tests, or fail them when ``CI=true`` (CI has to run them)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true, so the PostgreSQL store tests must run, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A throwaway PostgreSQL server for the whole session, with one test database."""
    try:
        import psycopg
    except ImportError as exc:
        _postgres_unavailable(
            f"psycopg is not installed ({exc}): pip install 'eventwatch[postgres]'"
        )
    try:
        server = start_server()
    except ServerUnavailable as exc:
        _postgres_unavailable(str(exc))
    try:
        with psycopg.connect(server.url("postgres"), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {PG_DATABASE}")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_admin(pg_server: PgServer) -> Iterator[Any]:
    """A superuser connection (autocommit) to the test database."""
    import psycopg

    with psycopg.connect(pg_server.url(PG_DATABASE), autocommit=True) as admin:
        yield admin


_schema_numbers = itertools.count(1)


@pytest.fixture
def pg_url(pg_server: PgServer, pg_admin: Any) -> str:
    """The URL of a fresh, empty schema (first on the ``search_path``) in the test database."""
    schema = f"test_{next(_schema_numbers):05d}"
    pg_admin.execute(f"CREATE SCHEMA {schema}")
    # Left in place: the whole server is thrown away at the end of the session.
    return pg_server.url(PG_DATABASE, options=f"-c search_path={schema}")


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    """A fresh PostgreSQL store, closed after the test."""
    with open_store(pg_url) as fresh:
        yield fresh


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The backend under test: ``"sqlite"`` or ``"postgres"``."""
    return str(request.param)


@pytest.fixture
def store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where a fresh database lives: a SQLite file path, or a PostgreSQL URL."""
    if backend == "sqlite":
        return str(tmp_path / "events.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(backend: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    """A fresh store on each backend (SQLite in memory), closed after the test."""
    url = ":memory:" if backend == "sqlite" else str(request.getfixturevalue("pg_url"))
    with open_store(url) as fresh:
        yield fresh


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database file in the test's temporary folder."""
    return tmp_path / "events.db"


# --------------------------------------------------------------------------- raw SQL helpers


def query_rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows of a portable query run through ``store``'s own connection."""
    with store._reading("run a test query"):
        return store._rows(sql, params)


def run_sql(url: str, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Run one portable statement on the database at ``url`` without the store; commit it."""
    if url.startswith("postgresql://"):
        import psycopg

        from eventwatch.store.dialect import POSTGRES

        with psycopg.connect(url, autocommit=True) as connection:
            cursor = connection.execute(POSTGRES.sql(sql), tuple(params))
            return cursor.fetchall() if cursor.description else []
    with contextlib.closing(sqlite3.connect(url)) as connection, connection:
        return connection.execute(sql, tuple(params)).fetchall()


def table_names(url: str) -> set[str]:
    """The tables of the database (PostgreSQL: of the schema) at ``url``."""
    if url.startswith("postgresql://"):
        sql = (
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
    return {name for (name,) in run_sql(url, sql)}


def label_for(url: str) -> str:
    """The label a store opened at ``url`` shows in messages."""
    if url.startswith("postgresql://"):
        from eventwatch.store.postgres import redact_url

        return redact_url(url)
    return url


def build_document(doc_id: str = "doc1", text: str | None = None, **fields: Any) -> Document:
    """A Document with readable defaults; ``text`` defaults to one mentioning ``doc_id``."""
    text = text if text is not None else f"Officials in {doc_id} reported an event. More text."
    defaults: dict[str, Any] = {
        "url": f"https://example.org/{doc_id}",
        "outlet": "Example News",
        "title": f"Title of {doc_id}",
        "author": "A. Writer",
        "published": "2024-07-15",
        "published_precision": "day",
        "source_path": f"/data/{doc_id}.txt",
    }
    defaults.update(fields)
    return Document(id=doc_id, text=text, **defaults)


def build_event(
    event_id: str = "ev1", doc_id: str = "doc1", event_type: str = "COUP", **fields: Any
) -> EventRecord:
    """A fully populated EventRecord; keyword arguments override any field."""
    values: dict[str, Any] = {
        "mode": "conspiracy",
        "evidence": Evidence("The SCNS said it had blocked an attempt to seize power.", 0, 56),
        "trigger": "blocked",
        "trigger_span": (27, 34),
        "contexts": ["pro_autocracy", "political_institutions"],
        "acled": {"event_type": "Strategic developments", "sub_event_type": "Arrests"},
        "actor": Entity("SCNS", "State Committee for National Security", "KGZ", "SPY", "ent-scns"),
        "recipient": Entity("plotters", "plotters", None, "OPP", None),
        "date": DateRange("on Friday", "2024-07-05", "2024-07-05", "day", "text"),
        "location": Location("Bishkek", "Bishkek", "KGZ", "Bishkek", 42.87, 74.59, "city"),
        "counts": {"arrested": 7, "killed": 0},
        "factuality": "attributed",
        "attribution": Attribution(
            Entity("SCNS", "State Committee for National Security", "KGZ", "SPY", "ent-scns"),
            "said",
            ["24.KG", "RIA Novosti"],
            False,
        ),
        "confidence": 0.87654,
        "outlet": "Example News",
    }
    values.update(fields)
    return EventRecord(id=event_id, doc_id=doc_id, event_type=event_type, **values)


@pytest.fixture
def make_document() -> MakeDocument:
    """The :func:`build_document` factory."""
    return build_document


@pytest.fixture
def make_event() -> MakeEvent:
    """The :func:`build_event` factory."""
    return build_event
