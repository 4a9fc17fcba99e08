"""Everything that differs between database backends, in one small object.

The store writes its SQL once, in a portable subset that SQLite and PostgreSQL
both understand: ``?`` placeholders, standard types, ``ON CONFLICT`` clauses,
``"quoted"`` identifiers for the two column names that are keywords (``start``
and ``end``), and SQLite's ``COLLATE BINARY`` wherever text is sorted, so that
every backend orders ids byte by byte whatever its locale.  A :class:`Dialect`
turns that text into what one backend expects and holds the few statements that
cannot be shared (session settings, how to begin a write transaction and keep
writers in line, the type of an auto-numbered key).

Adding a backend means adding a ``Dialect`` here and a ``Store`` subclass that
opens its connections; the queries and migrations stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["POSTGRES", "SQLITE", "Dialect"]

# A single-quoted SQL string literal; or, outside of one, a ``?`` placeholder or
# the portable spelling of byte-order sorting.
_LITERAL_OR_TOKEN = re.compile(r"'(?:[^']|'')*'|\?|\bCOLLATE BINARY\b")
_PORTABLE_BINARY_COLLATION = "COLLATE BINARY"

# Tokens a migration file may use where the backends disagree.
_MIGRATION_TOKENS = ("AUTOINCREMENT_PK",)


@dataclass(frozen=True, slots=True)
class Dialect:
    """How one database backend spells the non-portable parts of the store's SQL.

    Attributes:
        name: Short backend name, used in log and error messages.
        paramstyle: DB-API parameter style of the driver: ``"qmark"`` (``?``)
            or ``"format"`` (``%s``).
        autoincrement_pk: Column definition for an auto-numbered integer key;
            replaces ``{{AUTOINCREMENT_PK}}`` in migration files.
        begin_write: Statement that opens a write transaction.  SQLite takes
            the write lock up front (``BEGIN IMMEDIATE``) so that a
            read-then-write transaction cannot deadlock with another writer.
        write_lock: Statement run right after ``begin_write`` that makes
            writers take turns, or ``None`` when ``begin_write`` already does
            (PostgreSQL: a transaction-scoped advisory lock, so that concurrent
            migrations and entity upserts cannot race or deadlock).
        binary_collation: How the backend spells ``COLLATE BINARY`` (sort
            text by its bytes, as SQLite does by default).
        session_setup: Statements run once on every new connection.
        no_limit: What to write after ``LIMIT`` when only an offset is given.
    """

    name: str
    paramstyle: str
    autoincrement_pk: str
    begin_write: str = "BEGIN"
    write_lock: str | None = None
    binary_collation: str = _PORTABLE_BINARY_COLLATION
    session_setup: tuple[str, ...] = ()
    no_limit: str = "ALL"

    def sql(self, query: str) -> str:
        """Rewrite a portable query (``?`` placeholders, ``COLLATE BINARY``) for this backend."""
        if self.paramstyle == "qmark" and self.binary_collation == _PORTABLE_BINARY_COLLATION:
            return query
        # psycopg reads ``%`` as the start of a placeholder, so literal ones double.
        percent = "%%" if self.paramstyle == "format" else "%"
        placeholder = "%s" if self.paramstyle == "format" else "?"
        parts: list[str] = []
        position = 0
        for match in _LITERAL_OR_TOKEN.finditer(query):
            parts.append(query[position : match.start()].replace("%", percent))
            token = match.group(0)
            if token == "?":
                parts.append(placeholder)
            elif token == _PORTABLE_BINARY_COLLATION:
                parts.append(self.binary_collation)
            else:
                parts.append(token.replace("%", percent))
            position = match.end()
        parts.append(query[position:].replace("%", percent))
        return "".join(parts)

    def render_migration(self, script: str) -> str:
        """Fill the backend-specific tokens (``{{AUTOINCREMENT_PK}}``) of a migration."""
        values = {"AUTOINCREMENT_PK": self.autoincrement_pk}
        for token in _MIGRATION_TOKENS:
            script = script.replace("{{" + token + "}}", values[token])
        return script

    def insert_ignore(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        """An INSERT that silently skips rows whose ``key`` already exists.

        Args:
            table: Table name (a constant from the store's code, never user input).
            columns: Columns to insert, in the order the parameters will follow.
            key: Columns of the unique constraint that decides "already exists".

        Returns:
            The statement, with ``?`` placeholders.
        """
        return (
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT ({', '.join(key)}) DO NOTHING"
        )

    def upsert(
        self,
        table: str,
        columns: Sequence[str],
        key: Sequence[str],
        *,
        keep_known: Sequence[str] = (),
    ) -> str:
        """An INSERT that updates the existing row when ``key`` already exists.

        Args:
            table: Table name (a constant from the store's code, never user input).
            columns: Columns to insert, in the order the parameters will follow.
            key: Columns of the unique constraint that identifies the row.
            keep_known: Columns whose stored value is kept when the new one is
                NULL (a later mention that lacks the country does not erase it).

        Returns:
            The statement, with ``?`` placeholders.
        """
        assignments = []
        for column in columns:
            if column in key:
                continue
            if column in keep_known:
                assignments.append(f"{column} = COALESCE(excluded.{column}, {table}.{column})")
            else:
                assignments.append(f"{column} = excluded.{column}")
        return (
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {', '.join(assignments)}"
        )

    def limit_clause(self, limit: int | None, offset: int) -> tuple[str, list[int]]:
        """The ``LIMIT``/``OFFSET`` tail of a query and its parameters.

        Args:
            limit: Maximum number of rows, or ``None`` for all.
            offset: Number of rows to skip.

        Returns:
            ``(sql, params)``; ``sql`` is empty when neither is set.
        """
        if limit is None and not offset:
            return "", []
        if limit is None:
            return f" LIMIT {self.no_limit} OFFSET ?", [offset]
        return " LIMIT ? OFFSET ?", [limit, offset]


SQLITE = Dialect(
    name="sqlite",
    paramstyle="qmark",
    autoincrement_pk="INTEGER PRIMARY KEY AUTOINCREMENT",
    begin_write="BEGIN IMMEDIATE",
    session_setup=(
        "PRAGMA journal_mode = WAL",
        "PRAGMA foreign_keys = ON",
        "PRAGMA busy_timeout = 10000",
        # Safe in WAL mode: a crashed process loses nothing committed; only a
        # power cut can lose the last few transactions.  Much faster batches.
        "PRAGMA synchronous = NORMAL",
    ),
    no_limit="-1",
)

POSTGRES = Dialect(
    name="postgresql",
    paramstyle="format",
    autoincrement_pk="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    begin_write="BEGIN",
    # One writer at a time per database, as with SQLite; readers are never blocked.
    # The key is arbitrary but fixed: "evwa" in ASCII.
    write_lock="SELECT pg_advisory_xact_lock(1702262625)",
    # "C" compares bytes, whatever collation the database was created with.
    binary_collation='COLLATE "C"',
    session_setup=("SET TIME ZONE 'UTC'",),
    no_limit="ALL",
)
