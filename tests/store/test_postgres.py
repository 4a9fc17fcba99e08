"""The PostgreSQL backend: URLs, secrets, collations, the pool, streams and concurrent opens.

Behaviour shared with SQLite runs on both backends in test_base.py, test_queries.py
and test_migrate.py; this file holds what only PostgreSQL has.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any
from urllib.parse import quote

import pytest

if os.environ.get("CI") != "true":  # in CI a missing driver must fail, not skip
    pytest.importorskip(
        "psycopg", reason="psycopg is not installed: pip install 'eventwatch[postgres]'"
    )

from eventwatch.errors import StoreError
from eventwatch.store import EventQuery, Store, latest_version, open_store, postgres
from eventwatch.store.postgres import PostgresStore, redact_url

from .conftest import (
    PG_DATABASE,
    MakeDocument,
    MakeEvent,
    build_document,
    build_event,
    query_rows,
    run_sql,
)
from .pg_server import PgServer

PASSWORD = "s3cr3t p@ss/wörd"  # trust authentication lets any password in


@pytest.mark.parametrize(
    ("url", "redacted"),
    [
        ("postgresql://user:pw@host:5432/db", "postgresql://user@host:5432/db"),
        ("postgres://user:p%40ss@host/db", "postgres://user@host/db"),
        ("postgresql://user@host/db", "postgresql://user@host/db"),
        (
            "postgresql://host/db?password=pw&sslmode=require",
            "postgresql://host/db?sslmode=require",
        ),
        ("postgresql:///db?host=/run/postgresql", "postgresql:///db?host=/run/postgresql"),
        ("postgresql://u:pw@h1:5432,h2:5433/db", "postgresql://u@h1:5432,h2:5433/db"),
    ],
)
def test_postgres_redact_url(url: str, redacted: str) -> None:
    assert redact_url(url) == redacted


@pytest.mark.postgres
@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_postgres_open_store_accepts_every_scheme(pg_url: str, scheme: str) -> None:
    url = pg_url.replace("postgresql://", f"{scheme}://", 1)

    with open_store(url) as store:
        assert isinstance(store, PostgresStore)
        assert store.schema_version() == latest_version()
        assert store.label.startswith(f"{scheme}://")


@pytest.mark.postgres
def test_postgres_password_never_in_labels_messages_or_logs(
    pg_server: PgServer, pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    secret_url = pg_url.replace("eventwatch@", f"eventwatch:{quote(PASSWORD, safe='')}@", 1)
    missing = pg_server.url("no_such_database", password=PASSWORD)
    caplog.set_level(logging.DEBUG)

    with open_store(secret_url) as store:
        assert store.count_events() == 0
        assert "s3cr3t" not in store.label + repr(store)
    with pytest.raises(StoreError, match="no_such_database") as error:
        open_store(missing)

    assert "could not connect to PostgreSQL" in str(error.value)
    assert "s3cr3t" not in str(error.value)
    assert error.value.__cause__ is None and error.value.__suppress_context__
    assert "s3cr3t" not in caplog.text


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://user:s3cr3t@host/db?no_such_option=1", "not a valid PostgreSQL URL"),
        # A socket folder that does not exist: fails at once, without any network.
        ("postgresql://user:s3cr3t@/db?host=/nonexistent", "could not connect to PostgreSQL"),
    ],
)
def test_postgres_bad_url_is_refused_without_the_password(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as error:
        open_store(url)

    assert "s3cr3t" not in str(error.value)
    assert "postgresql://user@" in str(error.value)


@pytest.mark.postgres
def test_postgres_session_is_utc_and_named(pg_store: Store) -> None:
    rows = query_rows(
        pg_store,
        "SELECT current_setting('TimeZone') AS tz, current_setting('application_name') AS app",
    )

    assert rows == [{"tz": "UTC", "app": "eventwatch"}]


@pytest.mark.postgres
def test_postgres_order_is_bytewise_under_a_linguistic_collation(
    pg_server: PgServer, pg_admin: Any
) -> None:
    try:
        pg_admin.execute(
            "CREATE DATABASE icu_order TEMPLATE template0 ENCODING 'UTF8' "
            "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'"
        )
    except Exception as exc:  # a server built without ICU
        pytest.skip(f"this PostgreSQL cannot create an ICU database: {exc}")
    ids = ["b", "B", "a_2", "a-1", "A", "Ärger", "zebra", "a 3"]
    results: dict[str, list[list[str]]] = {}
    for name, url in [("sqlite", ":memory:"), ("postgres", pg_server.url("icu_order"))]:
        with open_store(url) as store:
            for doc_id in ids:
                event = build_event(f"ev-{doc_id}", doc_id, location=build_event().location)
                store.add_document(build_document(doc_id), sentences=[], events=[event])
            results[name] = [
                [event["doc_id"] for event in store.events()],
                [doc["id"] for doc in store.documents()],
            ]

    assert run_sql(pg_server.url("icu_order"), "SELECT 'a' < 'B'") == [(True,)]  # linguistic
    assert results["postgres"] == results["sqlite"]
    assert results["postgres"][0] == sorted(ids, key=str.encode)


@pytest.mark.postgres
def test_postgres_stream_reads_a_snapshot_on_its_own_connection(
    pg_store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    events = [make_event(f"ev{n:04d}", "doc1") for n in range(1200)]
    pg_store.add_document(make_document("doc1"), sentences=[], events=events)
    stream = pg_store.events()
    assert next(stream)["id"] == "ev0000"

    # Same thread, mid-stream: writes and reads go through other connections.
    assert pg_store.add_document(
        make_document("doc2"), sentences=[], events=[make_event("late", "doc2")]
    )
    assert pg_store.count_events() == 1201

    assert sum(1 for _ in stream) == 1199  # what the stream started with, no more


@pytest.mark.postgres
def test_postgres_busy_pool_says_what_to_do(
    pg_url: str, make_document: MakeDocument, make_event: MakeEvent, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PostgresStore, "pool_size", 2)
    monkeypatch.setattr(PostgresStore, "pool_timeout", 0.2)
    with open_store(pg_url) as store:
        store.add_document(make_document("doc1"), sentences=[], events=[make_event("ev1")])
        streams = [store.events(), store.events()]
        for stream in streams:
            next(stream)

        with pytest.raises(StoreError, match="all 2 connections stayed busy"):
            store.count_events()

        streams[0].close()
        assert store.count_events() == 1
        streams[1].close()


def _drop_store_connections(pg_admin: Any) -> None:
    """Terminate every store connection to the test database, as a server restart would."""
    pg_admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name = 'eventwatch' AND datname = %s",
        (PG_DATABASE,),
    )


@pytest.mark.postgres
def test_postgres_lost_idle_connection_is_replaced_unnoticed(
    pg_store: Store, pg_admin: Any, make_document: MakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "_CHECK_AFTER_IDLE_SECONDS", 0.0)  # every connection is "idle"
    pg_store.add_document(make_document("doc1"), sentences=[], events=[])

    _drop_store_connections(pg_admin)

    assert pg_store.stats()["documents"] == 1


@pytest.mark.postgres
def test_postgres_lost_busy_connection_fails_one_call(
    pg_store: Store, pg_admin: Any, make_document: MakeDocument
) -> None:
    pg_store.add_document(make_document("doc1"), sentences=[], events=[])

    _drop_store_connections(pg_admin)

    with pytest.raises(StoreError, match="could not compute statistics"):
        pg_store.stats()  # used a moment ago, so lent without a check
    assert pg_store.stats()["documents"] == 1


@pytest.mark.postgres
def test_postgres_concurrent_first_opens_migrate_once(pg_url: str) -> None:
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            open_store(pg_url).close()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    ledger = run_sql(pg_url, "SELECT version FROM schema_migrations ORDER BY version")
    assert [version for (version,) in ledger] == list(range(1, latest_version() + 1))


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("field", "value"),
    [("text", "nul \x00 inside"), ("killed", 3_000_000_000)],
)
def test_postgres_values_it_cannot_hold_are_refused_cleanly(
    pg_store: Store, make_document: MakeDocument, make_event: MakeEvent, field: str, value: object
) -> None:
    # SQLite would store these; PostgreSQL text has no NUL and INTEGER is 32-bit.
    if field == "text":
        doc = make_document("doc1", text=str(value))
        events = [make_event("ev1")]
    else:
        doc = make_document("doc1")
        events = [make_event("ev1", counts={field: value})]

    with pytest.raises(StoreError, match="could not store documents"):
        pg_store.add_document(doc, sentences=[], events=events)

    assert pg_store.stats()["documents"] == 0
    assert list(pg_store.events(EventQuery())) == []
