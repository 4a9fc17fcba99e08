"""Which backend a database location selects, and where the default database lives.

:func:`open_store` is the one entry point stages use.  It reads a path or URL,
picks the backend registered for its scheme in :data:`BACKENDS`, and returns a
ready, migrated :class:`~eventwatch.store.base.Store`: a
:class:`~eventwatch.store.sqlite.SQLiteStore` for a path or ``sqlite://`` URL, a
:class:`~eventwatch.store.postgres.PostgresStore` for a ``postgresql://`` URL
(with the optional ``psycopg`` driver).  A new backend is a new ``Store``
subclass plus one entry in :data:`BACKENDS`; callers do not change.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from pathlib import Path

from eventwatch.errors import StoreError
from eventwatch.store.base import Store
from eventwatch.store.sqlite import MEMORY, SQLiteStore

__all__ = ["BACKENDS", "DB_ENV_VAR", "default_db_path", "open_store", "parse_location"]

logger = logging.getLogger(__name__)

#: Environment variable naming the database when none is given.
DB_ENV_VAR = "EVENTWATCH_DB"
DEFAULT_DB_NAME = "eventwatch.db"

_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9.+-]*)://")


def _open_sqlite(location: str) -> Store:
    return SQLiteStore(location)


def _open_postgres(location: str) -> Store:
    try:
        # Imported here: psycopg is an optional extra, and SQLite users never load it.
        from eventwatch.store.postgres import PostgresStore
    except ImportError as exc:
        if exc.name is not None and not exc.name.startswith("psycopg"):
            raise
        raise StoreError(
            f"PostgreSQL databases need the psycopg driver, which could not be loaded ({exc}); "
            "install it with: pip install 'eventwatch[postgres]'"
        ) from None
    return PostgresStore(location)


#: Backend openers by URL scheme (without any ``+driver`` suffix).
BACKENDS: dict[str, Callable[[str], Store]] = {
    "sqlite": _open_sqlite,
    "postgresql": _open_postgres,
    "postgres": _open_postgres,
}


def default_db_path() -> Path:
    """The database used when none is given.

    Returns:
        ``$EVENTWATCH_DB`` if set, else ``eventwatch.db`` in the current folder.
    """
    configured = os.environ.get(DB_ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    return Path.cwd() / DEFAULT_DB_NAME


def parse_location(url: str | os.PathLike[str]) -> tuple[str, str]:
    """Split a database path or URL into its backend scheme and location.

    Args:
        url: A file path, ``":memory:"``, ``"sqlite:///relative.db"``,
            ``"sqlite:////absolute.db"``, ``"sqlite://"`` (in memory) or
            ``"postgresql://..."``.

    Returns:
        ``(scheme, location)``: for SQLite the location is a file path or
        ``":memory:"``; for other schemes it is the URL unchanged.

    Raises:
        StoreError: The URL names a scheme no backend handles.
    """
    if isinstance(url, os.PathLike):
        return "sqlite", os.fspath(url)
    text = url.strip()
    match = _URL_SCHEME.match(text)
    if match is None:
        if not text:
            raise StoreError("the database path is empty; pass a file path or ':memory:'")
        return "sqlite", text
    scheme = match.group(1).lower().split("+", 1)[0]
    if scheme not in BACKENDS:
        raise StoreError(
            f"unsupported database URL scheme {scheme!r}; use a SQLite path or "
            "sqlite:///path/to/eventwatch.db"
        )
    if scheme != "sqlite":
        return scheme, text
    path = text[match.end() :]
    # sqlite:///x.db -> "/x.db" -> relative "x.db"; sqlite:////abs.db -> "//abs.db" -> "/abs.db"
    path = path[1:] if path.startswith("/") else path
    if path in ("", MEMORY):
        return "sqlite", MEMORY
    return "sqlite", path


def open_store(url: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating and migrating if needed) the event database.

    Args:
        url: A SQLite file path, ``":memory:"``, a ``sqlite:///`` URL, or a
            ``postgresql://`` URL.  ``None`` uses ``$EVENTWATCH_DB`` (a path or
            URL) or ``./eventwatch.db``.

    Returns:
        An open store; use it as a context manager or call ``close()``.

    Raises:
        StoreError: The location cannot be opened, is not an eventwatch
            database, was written by a newer eventwatch, or names a backend that
            is not available.
    """
    if url is None:
        url = os.environ.get(DB_ENV_VAR) or default_db_path()
    scheme, location = parse_location(url)
    logger.debug("opening %s store", scheme)
    return BACKENDS[scheme](location)
