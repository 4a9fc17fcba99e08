"""What one running server holds: its store, read model, options and write token."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import httpx

from eventwatch.config import Settings
from eventwatch.errors import ConfigError
from eventwatch.serve.catalog import Catalog
from eventwatch.store import Store, open_store

__all__ = ["MIN_TOKEN_LENGTH", "ServeOptions", "ServerState"]

logger = logging.getLogger(__name__)

#: Shortest write token accepted; anything shorter is guessable.
MIN_TOKEN_LENGTH = 16


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """Limits and timings of the HTTP server (the defaults suit a laptop).

    Attributes:
        max_body_bytes: Largest request body accepted (413 above it).
        default_limit: Page size when a request gives no ``limit``.
        max_limit: Largest ``limit`` accepted.
        refresh_seconds: How often the store is checked for new documents.
        wait_seconds: How long a request waits for the first index or stories (503 after).
        allowed_hosts: Host header values accepted (DNS-rebinding guard); None accepts any.
    """

    max_body_bytes: int = 10_000_000
    default_limit: int = 50
    max_limit: int = 500
    refresh_seconds: float = 2.0
    wait_seconds: float = 30.0
    allowed_hosts: tuple[str, ...] | None = None


class ServerState:
    """The server's shared objects; one per app, kept on ``app.state.server``.

    Args:
        db: The store's path or URL.
        token: The bearer token that write endpoints require; None disables writing.
        settings: The run's settings (model and batch size for ingest).
        options: Server limits and timings.
        http_client: The client for fetching URLs and feeds on ingest (tests pass a mock).

    Raises:
        ConfigError: The token is shorter than :data:`MIN_TOKEN_LENGTH`.
        StoreError: The store cannot be opened.
    """

    def __init__(
        self,
        *,
        db: str,
        token: str | None,
        settings: Settings,
        options: ServeOptions,
        http_client: httpx.Client | None = None,
    ) -> None:
        if token is not None and len(token) < MIN_TOKEN_LENGTH:
            raise ConfigError(
                f"the write token is {len(token)} characters; use at least {MIN_TOKEN_LENGTH}, "
                "e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )
        self.db = db
        self.token = token
        self.settings = settings
        self.options = options
        self.http_client = http_client
        self.store: Store = open_store(db)
        self.catalog = Catalog(
            self.store, refresh_seconds=options.refresh_seconds, wait_seconds=options.wait_seconds
        )
        self.ingest_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[Store] = []
        self._readers_lock = threading.Lock()
        self._shared_only = _in_memory(db)

    def reader(self) -> Store:
        """A store connection for this thread's reads (document text and annotations).

        Request threads each get their own connection, so reads never queue
        behind one another on the shared store's lock (SQLite in WAL mode and
        PostgreSQL both serve concurrent readers).  An in-memory database exists
        only in its one connection, so there the shared store is used.
        """
        if self._shared_only:
            return self.store
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db)
            self._local.store = store
            with self._readers_lock:
                self._readers.append(store)
        return store

    def close(self) -> None:
        """Stop the background threads and close every store connection."""
        self.catalog.stop()
        with self._readers_lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
        self.store.close()


def _in_memory(db: str) -> bool:
    """Whether ``db`` names a private in-memory SQLite database."""
    text = db.strip()
    return text in (":memory:", "sqlite://", "sqlite:///:memory:")
