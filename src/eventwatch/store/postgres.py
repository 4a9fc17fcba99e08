"""The PostgreSQL backend: the same store on a server, shared by many processes and threads.

Needs the optional ``psycopg`` driver (``pip install 'eventwatch[postgres]'``);
:func:`eventwatch.store.open_store` imports this module only for a
``postgresql://`` or ``postgres://`` URL.

The queries and migrations are the SQLite store's, rendered by the
:data:`~eventwatch.store.dialect.POSTGRES` dialect.  What differs is how
connections are held:

* a small pool of autocommit connections (the store issues ``BEGIN``/``COMMIT``
  itself); each call borrows one for its duration, so threads sharing the store
  work in parallel instead of queueing on one lock;
* writers take turns on a transaction-scoped advisory lock (see the dialect),
  as SQLite writers do, so that concurrent migrations and upserts cannot race;
* :meth:`~eventwatch.store.base.Store.events` reads through a server-side cursor
  on a connection of its own, in batches: a long stream holds only a snapshot,
  which never blocks writers, and never loads the whole result into memory.

The password of the URL never appears in labels, messages or logs.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar
from urllib.parse import parse_qsl, unquote, urlsplit

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg.pq import TransactionStatus

from eventwatch.errors import StoreError
from eventwatch.store.base import _FETCH_BATCH, Store
from eventwatch.store.dialect import POSTGRES
from eventwatch.store.migrate import apply_migrations

__all__ = ["PostgresStore", "redact_url"]

logger = logging.getLogger(__name__)

Connection = psycopg.Connection[Any]

_CONNECT_TIMEOUT_SECONDS = 10
# A connection idle this long is checked (one round trip) before it is lent again,
# so that a server restart costs no failed call; busy connections are not checked.
_CHECK_AFTER_IDLE_SECONDS = 5.0
_REDACTED = "***"


class PostgresStore(Store):
    """A store in a PostgreSQL database, migrated on open like the SQLite one.

    Args:
        url: ``postgresql://user:password@host:port/dbname`` (also ``postgres://``
            and ``postgresql+psycopg://``); any libpq URL parameter works, e.g.
            ``?host=/run/postgresql`` for a Unix socket or ``?sslmode=require``.
            The tables go in the first schema of the ``search_path``.

    Raises:
        StoreError: The URL is malformed, the server cannot be reached or refuses
            the login, the database holds tables that are not eventwatch's, or it
            was written by a newer eventwatch.
    """

    dialect = POSTGRES
    driver_errors = (psycopg.Error,)
    integrity_errors = (psycopg.IntegrityError,)

    #: Most connections open at once: one per thread at work or event stream being read.
    pool_size: ClassVar[int] = 10
    #: Seconds a call waits for a free connection before giving up.
    pool_timeout: ClassVar[float] = 30.0

    def __init__(self, url: str) -> None:
        self._secrets = _passwords(url)
        label = redact_url(url)
        super().__init__(None, label=label)
        self._conninfo = _libpq_url(url)
        self._local = threading.local()
        try:
            options = conninfo_to_dict(self._conninfo)
        except psycopg.Error as exc:
            raise StoreError(
                f"{label} is not a valid PostgreSQL URL ({self._redact(str(exc))}); "
                "use postgresql://user:password@host:port/dbname"
            ) from None
        self._connect_options: dict[str, Any] = {"fallback_application_name": "eventwatch"}
        if "connect_timeout" not in options:
            self._connect_options["connect_timeout"] = _CONNECT_TIMEOUT_SECONDS
        # Connect once up front: a wrong URL or password fails here, at once.
        first = self._connect()
        self._pool = _ConnectionPool(
            self._connect, size=self.pool_size, timeout=self.pool_timeout, label=label
        )
        self._pool.put_back(first)
        try:
            version = apply_migrations(self)
        except BaseException:
            self._closed = True
            self._pool.close()
            raise
        logger.debug("opened %s (schema version %d)", label, version)

    # ------------------------------------------------------------------ connection hooks

    @contextmanager
    def _session(self) -> Iterator[None]:
        """Borrow a pooled connection for this thread (or reuse the one it holds)."""
        if getattr(self._local, "connection", None) is not None:
            yield
            return
        self._check_open()
        with self._pool.connection() as connection:
            self._local.connection = connection
            try:
                yield
            finally:
                self._local.connection = None

    def _current_connection(self) -> Connection:
        """The connection this thread borrowed in :meth:`_session`."""
        connection: Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            raise RuntimeError("PostgresStore ran a statement outside Store._session()")
        return connection

    def _close_connections(self) -> None:
        """Close idle connections now and borrowed ones when they come back."""
        self._pool.close()

    def _stream_rows(
        self, sql: str, params: Sequence[Any], *, action: str
    ) -> Generator[Any, None, None]:
        """Rows through a server-side cursor, on a connection held until the stream ends."""
        self._check_open()
        try:
            with (
                self._pool.connection() as connection,
                connection.transaction(),
                connection.cursor(name="eventwatch_stream") as cursor,
            ):
                cursor.execute(self.dialect.sql(sql), tuple(params))
                while rows := cursor.fetchmany(_FETCH_BATCH):
                    yield from rows
        except psycopg.Error as exc:
            raise StoreError(f"{self.label}: could not {action}: {exc}") from exc

    # ------------------------------------------------------------------ connecting

    def _connect(self) -> Connection:
        """A new autocommit connection with the dialect's session settings."""
        try:
            connection = psycopg.connect(self._conninfo, autocommit=True, **self._connect_options)
        except psycopg.Error as exc:
            # ``from None``: the driver's exception is not shown, so nothing can leak.
            raise StoreError(
                f"could not connect to PostgreSQL at {self.label}: "
                f"{self._redact(str(exc)).strip()}; check the URL, that the server is "
                "running and that the user may log in"
            ) from None
        try:
            for statement in self.dialect.session_setup:
                connection.execute(statement)
        except psycopg.Error as exc:
            connection.close()
            raise StoreError(f"{self.label}: could not set up the session: {exc}") from exc
        return connection

    def _redact(self, text: str) -> str:
        """``text`` with every spelling of the URL's password masked."""
        for secret in self._secrets:
            text = text.replace(secret, _REDACTED)
        return text


class _ConnectionPool:
    """Up to ``size`` connections, each lent to one borrower at a time and then reused."""

    def __init__(
        self, connect: Callable[[], Connection], *, size: int, timeout: float, label: str
    ) -> None:
        self._connect = connect
        self._size = size
        self._timeout = timeout
        self._label = label
        self._slots = threading.BoundedSemaphore(size)
        self._idle: list[tuple[Connection, float]] = []  # with when each came back
        self._mutex = threading.Lock()
        self._closed = False

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """Lend an idle connection, or a new one; wait while ``size`` are lent out."""
        if not self._slots.acquire(timeout=self._timeout):
            raise StoreError(
                f"{self._label}: all {self._size} connections stayed busy for "
                f"{self._timeout:g} s; finish or close event streams you no longer read"
            )
        connection: Connection | None = None
        try:
            connection = self._take_idle() or self._connect()
            yield connection
        finally:
            if connection is not None:
                self.put_back(connection)
            self._slots.release()

    def _take_idle(self) -> Connection | None:
        """The most recently returned idle connection that still works, if any."""
        while True:
            with self._mutex:
                if self._closed:
                    raise StoreError(
                        f"{self._label} is closed; open the store again with open_store()"
                    )
                if not self._idle:
                    return None
                connection, returned_at = self._idle.pop()
            if time.monotonic() - returned_at < _CHECK_AFTER_IDLE_SECONDS:
                return connection
            try:
                connection.execute("")  # an empty query: one round trip, no work
                return connection
            except psycopg.Error:
                logger.info("replacing a lost connection to %s", self._label)
                connection.close()

    def put_back(self, connection: Connection) -> None:
        """Keep a returned connection for reuse if it is healthy and idle; else close it."""
        reusable = not (connection.closed or connection.broken)
        if reusable and connection.info.transaction_status != TransactionStatus.IDLE:
            try:
                connection.execute("ROLLBACK")
            except psycopg.Error:
                reusable = False
        with self._mutex:
            if reusable and not self._closed:
                self._idle.append((connection, time.monotonic()))
                return
        connection.close()

    def close(self) -> None:
        """Close the idle connections; lent ones are closed when they come back."""
        with self._mutex:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection, _ in idle:
            connection.close()


def _libpq_url(url: str) -> str:
    """``url`` in a form libpq reads: ``postgresql+psycopg://`` becomes ``postgresql://``."""
    scheme, separator, rest = url.strip().partition("://")
    return f"{scheme.split('+', 1)[0].lower()}{separator}{rest}"


def _passwords(url: str) -> list[str]:
    """Every spelling of the password in ``url`` (as written and decoded), longest first."""
    parts = urlsplit(url.strip())
    found: set[str] = set()
    user_info, at, _ = parts.netloc.rpartition("@")
    if at and ":" in user_info:
        raw = user_info.split(":", 1)[1]
        found.update({raw, unquote(raw)})
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key == "password":
            found.update({value, unquote(value)})
    for raw_pair in parts.query.split("&"):
        key, _, value = raw_pair.partition("=")
        if unquote(key) == "password":
            found.add(value)
    return sorted((secret for secret in found if secret), key=len, reverse=True)


def redact_url(url: str) -> str:
    """``url`` without its password (in the user part or a ``password=`` parameter).

    Args:
        url: A ``postgresql://`` URL.

    Returns:
        The same URL minus the password, fit for messages and logs.
    """
    text = url.strip()
    scheme, separator, rest = text.partition("://")
    if not separator:
        return text
    address, question, query = rest.partition("?")
    netloc, slash, path = address.partition("/")
    user_info, at, host_part = netloc.rpartition("@")
    if at and ":" in user_info:
        netloc = f"{user_info.split(':', 1)[0]}@{host_part}"
    if question:
        kept = [pair for pair in query.split("&") if unquote(pair.partition("=")[0]) != "password"]
        query = "&".join(kept)
    return f"{scheme}://{netloc}{slash}{path}{'?' if query else ''}{query}"
