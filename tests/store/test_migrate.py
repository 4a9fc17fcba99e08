"""Schema migrations on both backends: fresh databases, re-opening, pending and refused versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.errors import StoreError
from eventwatch.store import Store, latest_version, open_store
from eventwatch.store.dialect import POSTGRES, SQLITE
from eventwatch.store.migrate import (
    Migration,
    apply_migrations,
    current_version,
    load_migrations,
    split_statements,
)

from .conftest import MakeDocument, label_for, query_rows, run_sql, table_names

TABLES = {
    "documents",
    "sentences",
    "entities",
    "events",
    "event_arguments",
    "attributions",
    "ingest_failures",
    "schema_migrations",
    "entity_mentions",
    "stories",
}


def _ledger(url: str) -> list[int]:
    return [v for (v,) in run_sql(url, "SELECT version FROM schema_migrations ORDER BY version")]


def test_migrate_fresh_database_gets_latest_version(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.schema_version() == latest_version() >= 1

    assert table_names(store_url) == TABLES
    assert _ledger(store_url) == list(range(1, latest_version() + 1))


def test_migrate_packaged_files_are_numbered_without_gaps() -> None:
    migrations = load_migrations()

    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "0001_initial.sql"


def test_migrate_reopen_is_idempotent(store_url: str, make_document: MakeDocument) -> None:
    with open_store(store_url) as store:
        store.add_document(make_document("doc1"), sentences=[(0, 5)], events=[])

    for _ in range(3):
        with open_store(store_url) as store:
            assert store.schema_version() == latest_version()
            assert store.get_document("doc1") is not None

    assert _ledger(store_url) == list(range(1, latest_version() + 1))


def test_migrate_newer_database_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    newer = latest_version() + 1
    run_sql(
        store_url,
        "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
        (newer, "2099-01-01T00:00:00+00:00"),
    )

    with pytest.raises(StoreError, match=r"upgrade eventwatch") as error:
        open_store(store_url)
    assert label_for(store_url) in str(error.value)
    assert f"version {newer}" in str(error.value)


def test_migrate_older_database_gets_pending_migrations(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    for migration in load_migrations():
        (folder / migration.name).write_text(migration.script, encoding="utf-8")
    assert apply_migrations(store, load_migrations(folder)) == latest_version()

    (folder / f"{latest_version() + 1:04d}_test_only_column.sql").write_text(
        "-- a test-only migration\nALTER TABLE documents ADD COLUMN note TEXT;\n",
        encoding="utf-8",
    )
    assert apply_migrations(store, load_migrations(folder)) == latest_version() + 1
    assert current_version(store) == latest_version() + 1
    assert query_rows(store, "SELECT note FROM documents") == []
    # Running again applies nothing more.
    assert apply_migrations(store, load_migrations(folder)) == latest_version() + 1


def test_migrate_failed_migration_leaves_no_trace(store_url: str) -> None:
    run_sql(store_url, "CREATE TABLE documents (something_else TEXT)")

    with pytest.raises(StoreError, match=r"0001_initial\.sql") as error:
        open_store(store_url)

    assert label_for(store_url) in str(error.value)
    assert table_names(store_url) == {"documents"}  # the ledger was rolled back too


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["0001_initial.sql", "0003_later.sql"], "without gaps"),
        (["0001_initial.sql", "2_bad.sql"], "NNNN_name.sql"),
        (["0001_initial.sql", "0001_again.sql"], "appears twice"),
    ],
)
def test_migrate_load_refuses_broken_folders(
    tmp_path: Path, names: list[str], message: str
) -> None:
    for name in names:
        (tmp_path / name).write_text("SELECT 1;", encoding="utf-8")

    with pytest.raises(StoreError, match=message):
        load_migrations(tmp_path)


@pytest.mark.parametrize(
    ("script", "statements"),
    [
        ("SELECT 1;", ["SELECT 1"]),
        ("SELECT 1; SELECT 2", ["SELECT 1", "SELECT 2"]),
        ("-- comment; with semicolon\nSELECT 1;", ["SELECT 1"]),
        ("/* block; */ SELECT 1;", ["SELECT 1"]),
        ("SELECT 'a;b', \"c;d\";", ["SELECT 'a;b', \"c;d\""]),
        ("SELECT 'it''s; fine';", ["SELECT 'it''s; fine'"]),
        ("SELECT '--not a comment';", ["SELECT '--not a comment'"]),
        ("  ;\n;  ", []),
    ],
)
def test_migrate_split_statements(script: str, statements: list[str]) -> None:
    assert split_statements(script) == statements


def test_migrate_render_fills_dialect_tokens() -> None:
    migration = Migration(1, "0001_x.sql", "CREATE TABLE t (id {{AUTOINCREMENT_PK}});")

    assert migration.statements(SQLITE) == ["CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)"]
    assert migration.statements(POSTGRES) == [
        "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)"
    ]
