"""Schema migrations: numbered ``.sql`` files applied in order, recorded in a ledger.

Files live in ``eventwatch/store/migrations/`` and are named ``NNNN_what.sql``
(``0001_initial.sql``, ``0002_...``).  Versions start at 1 and have no gaps.
Each pending file runs inside one write transaction together with its row in
``schema_migrations``, so a migration is applied completely or not at all.

Opening a database whose ledger names a version newer than the newest file is
refused: that database was written by a newer eventwatch, and this one would
misread it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from eventwatch.errors import StoreError

if TYPE_CHECKING:
    from eventwatch.store.base import Store
    from eventwatch.store.dialect import Dialect

__all__ = [
    "Migration",
    "apply_migrations",
    "current_version",
    "latest_version",
    "load_migrations",
    "split_statements",
]

logger = logging.getLogger(__name__)

LEDGER_DDL = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
)
_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
# A quoted string or identifier, a line comment, a block comment, or a semicolon.
_SQL_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|;", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Migration:
    """One migration file: its version, file name and SQL text."""

    version: int
    name: str
    script: str

    def statements(self, dialect: Dialect) -> list[str]:
        """The file's statements, rendered for ``dialect``, one per list item."""
        return split_statements(dialect.render_migration(self.script))


def split_statements(script: str) -> list[str]:
    """Split a SQL script on ``;`` outside strings and comments; drop comments.

    Args:
        script: One or more SQL statements.

    Returns:
        The non-empty statements, without their trailing semicolons.
    """
    statements: list[str] = []
    current: list[str] = []
    position = 0
    for match in _SQL_TOKEN.finditer(script):
        current.append(script[position : match.start()])
        token = match.group(0)
        if token == ";":
            statements.append("".join(current))
            current = []
        elif not token.startswith(("--", "/*")):
            current.append(token)
        position = match.end()
    current.append(script[position:])
    statements.append("".join(current))
    return [statement.strip() for statement in statements if statement.strip()]


def _default_directory() -> Traversable:
    return resources.files("eventwatch.store").joinpath("migrations")


def load_migrations(directory: Traversable | Path | None = None) -> list[Migration]:
    """Read the migration files, in version order.

    Args:
        directory: Where the ``NNNN_name.sql`` files are; defaults to the
            packaged ``eventwatch/store/migrations``.

    Returns:
        The migrations, versions 1, 2, ... without gaps.

    Raises:
        StoreError: A file name is malformed or a version is missing or repeated
            (a broken installation; reinstall eventwatch).
    """
    directory = directory if directory is not None else _default_directory()
    found: dict[int, Migration] = {}
    for entry in directory.iterdir():
        if not entry.name.endswith(".sql"):
            continue
        match = _FILE_NAME.match(entry.name)
        if match is None:
            raise StoreError(
                f"migration file {entry.name!r} is not named NNNN_name.sql; "
                "rename it or reinstall eventwatch"
            )
        version = int(match.group(1))
        if version in found:
            raise StoreError(
                f"migration version {version} appears twice ({found[version].name!r} and "
                f"{entry.name!r}); keep one"
            )
        found[version] = Migration(version, entry.name, entry.read_text(encoding="utf-8"))
    migrations = [found[version] for version in sorted(found)]
    expected = list(range(1, len(migrations) + 1))
    if [m.version for m in migrations] != expected:
        raise StoreError(
            f"migration versions {[m.version for m in migrations]} are not 1..N without gaps; "
            "reinstall eventwatch"
        )
    return migrations


def latest_version(migrations: Sequence[Migration] | None = None) -> int:
    """The schema version this code writes: the number of the newest migration."""
    migrations = load_migrations() if migrations is None else migrations
    return migrations[-1].version if migrations else 0


def current_version(store: Store) -> int:
    """The version recorded in the store's ledger; 0 for a database without one."""
    with store._session():
        try:
            row = store._execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        except store.driver_errors:
            return 0
    return int(row[0]) if row and row[0] is not None else 0


def _refuse_newer(store: Store, version: int, latest: int) -> None:
    if version > latest:
        raise StoreError(
            f"{store.label} has schema version {version}, but this eventwatch only knows "
            f"versions up to {latest}; upgrade eventwatch (pip install -U eventwatch) "
            "to open it"
        )


def apply_migrations(store: Store, migrations: Sequence[Migration] | None = None) -> int:
    """Bring the store's schema up to date.

    Pending migrations run in order, each in its own write transaction with its
    ledger row.  A database that is already current is only read.

    Args:
        store: An open store (its connection and dialect are used).
        migrations: The migrations to apply; defaults to the packaged files.

    Returns:
        The schema version after migrating.

    Raises:
        StoreError: The database is newer than this code, or a migration failed
            (the message names the file and the database).
    """
    migrations = load_migrations() if migrations is None else list(migrations)
    with store._session():
        return _apply(store, migrations)


def _apply(store: Store, migrations: Sequence[Migration]) -> int:
    """Apply the pending ``migrations`` inside the caller's session."""
    latest = latest_version(migrations)
    version = current_version(store)
    _refuse_newer(store, version, latest)
    if version == latest:
        return version

    for migration in migrations:
        try:
            with store._write_transaction():
                store._execute(LEDGER_DDL)
                # Re-read under the write lock: another process may have migrated.
                version = current_version(store)
                _refuse_newer(store, version, latest)
                if migration.version <= version:
                    continue
                for statement in migration.statements(store.dialect):
                    store._execute(statement)
                store._execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    (migration.version, datetime.now(UTC).isoformat(timespec="seconds")),
                )
        except store.driver_errors as exc:
            raise StoreError(
                f"could not apply migration {migration.name} to {store.label}: {exc}; "
                "is this an eventwatch database? Use another path or restore a backup"
            ) from exc
        logger.info("applied migration %s to %s", migration.name, store.label)
    return current_version(store)
