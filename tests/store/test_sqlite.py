"""The SQLite backend: files, PRAGMAs and bad files.

Behaviour shared with PostgreSQL (interruptions, batches, threads) is in test_base.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.errors import StoreError
from eventwatch.store import Store, open_store
from eventwatch.store.sqlite import SQLiteStore


def _pragma(store: Store, name: str) -> object:
    return store._execute(f"PRAGMA {name}").fetchone()[0]


def test_sqlite_file_session_uses_wal_foreign_keys_and_busy_timeout(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert isinstance(store, SQLiteStore)
        assert _pragma(store, "journal_mode") == "wal"
        assert _pragma(store, "foreign_keys") == 1
        assert _pragma(store, "busy_timeout") >= 1000


def test_sqlite_creates_missing_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "events.db"

    with open_store(path) as store:
        assert store.label == str(path)

    assert path.exists()


@pytest.mark.parametrize(
    "content",
    [b"this is not a database, just some text\n" * 50, b"SQLite format 3\x00" + b"\xff" * 4000],
)
def test_sqlite_corrupt_file_is_refused_naming_it(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)

    with pytest.raises(StoreError, match="not a SQLite database or is corrupt") as error:
        open_store(db_path)

    assert str(db_path) in str(error.value)
    assert db_path.read_bytes() == content  # left untouched


def test_sqlite_folder_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_sqlite_empty_file_becomes_a_database(db_path: Path) -> None:
    db_path.write_bytes(b"")

    with open_store(db_path) as store:
        assert store.schema_version() >= 1
