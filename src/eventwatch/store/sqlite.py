"""The SQLite backend: one file, zero setup.

The connection runs in autocommit mode with the store issuing its own
``BEGIN IMMEDIATE``/``COMMIT``; the session uses WAL journaling (readers never
block the writer), foreign keys, a busy timeout for concurrent processes, and
``synchronous = NORMAL``, which keeps every committed transaction when a process
is killed.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from eventwatch.errors import StoreError
from eventwatch.store.base import Store
from eventwatch.store.dialect import SQLITE
from eventwatch.store.migrate import apply_migrations

__all__ = ["MEMORY", "SQLiteStore"]

logger = logging.getLogger(__name__)

#: The path that asks SQLite for a private in-memory database.
MEMORY = ":memory:"

_BUSY_TIMEOUT_SECONDS = 10.0


class SQLiteStore(Store):
    """A store in a SQLite file (or in memory, for tests and one-off runs).

    Args:
        path: The database file (created with its parent folders if missing),
            or ``":memory:"``.

    Raises:
        StoreError: The path is a folder, cannot be created, is not a SQLite
            database, or was written by a newer eventwatch.
    """

    dialect = SQLITE
    driver_errors = (sqlite3.Error,)
    integrity_errors = (sqlite3.IntegrityError,)

    def __init__(self, path: str | Path) -> None:
        in_memory = str(path) == MEMORY
        self.path: Path | None = None if in_memory else Path(path).expanduser()
        label = MEMORY if self.path is None else str(self.path)
        if self.path is not None:
            _prepare_file(self.path)
        try:
            connection = sqlite3.connect(
                label,
                isolation_level=None,
                check_same_thread=False,
                timeout=_BUSY_TIMEOUT_SECONDS,
            )
        except sqlite3.Error as exc:
            raise StoreError(
                f"could not open SQLite database {label}: {exc}; check the path and permissions"
            ) from exc
        super().__init__(connection, label=label)
        try:
            self._set_up_session()
            apply_migrations(self)
        except BaseException:
            connection.close()
            self._closed = True
            raise
        logger.debug("opened %s (schema version %d)", label, self.schema_version())

    def _set_up_session(self) -> None:
        """Check the file really is SQLite, then apply the dialect's PRAGMAs."""
        try:
            # Reads the file header: fails at once on a corrupt or foreign file.
            self._execute("PRAGMA schema_version").fetchone()
            for statement in self.dialect.session_setup:
                self._execute(statement).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.label} is not a SQLite database or is corrupt ({exc}); "
                "pass another database path, or move this file aside and run again"
            ) from exc


def _prepare_file(path: Path) -> None:
    """Refuse folders and create missing parent folders for a database file."""
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not a database file; pass a file path such as "
            f"{path / 'eventwatch.db'}"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"could not create the folder for database {path}: {exc}") from exc
