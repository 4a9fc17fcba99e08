"""The store's public shape and its backend-independent implementation.

:class:`Store` holds all the data-access logic, written against a DB-API
connection and a :class:`~eventwatch.store.dialect.Dialect`.  A backend is a
small subclass that opens the connection and names its dialect and driver
errors (see :mod:`eventwatch.store.sqlite`); a backend with a connection pool
also overrides the four connection hooks (``_session``, ``_current_connection``,
``_close_connections``, ``_stream_rows``; see :mod:`eventwatch.store.postgres`).
Stages only ever see ``Store``.

Writes happen in one transaction per document (or per batch with
:meth:`Store.add_documents`); an interrupted run keeps every document already
committed and nothing of the one in flight.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, NamedTuple, Self

from eventwatch.errors import StoreError
from eventwatch.model import Document, EventRecord, IngestFailure
from eventwatch.resolve.entities import CanonicalEntity, LinkedMention
from eventwatch.store import queries
from eventwatch.store.dialect import Dialect
from eventwatch.store.graph import GraphStore, canonical_entity, with_story
from eventwatch.store.migrate import current_version

__all__ = ["DocumentBundle", "EventQuery", "Store"]

logger = logging.getLogger(__name__)

_FETCH_BATCH = 500


@dataclass(slots=True)
class EventQuery:
    """Filters for :meth:`Store.events` and :meth:`Store.count_events`.

    Unset fields (``None`` or ``""``) do not filter.  Set fields combine with AND.

    Attributes:
        event_type: PLOVER type, ``COUP`` or ``OFFICE`` (case-insensitive).
        mode: Exact mode, e.g. ``"conspiracy"``.
        country: ISO 3166 alpha-3; matches the location's country or the
            actor's or recipient's country.
        actor: Case-insensitive substring of the actor's or recipient's text
            as written or canonical name.
        date_from: ISO date (``2024-07-15``, or ``2024-07`` / ``2024`` for the
            first day); keeps events whose date range ends on or after it.
        date_to: ISO date (``2024-07`` / ``2024`` mean the last day); keeps
            events whose date range starts on or before it.  Undated events and
            unreadable dates never match.
        factuality: One of the factuality values, e.g. ``"alleged"``.
        text: Case-insensitive substring of the evidence sentence.
        doc_id: Only events from this document.
        limit: At most this many events (``count_events`` ignores it).
        offset: Skip this many events first (``count_events`` ignores it).
    """

    event_type: str | None = None
    mode: str | None = None
    country: str | None = None
    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    factuality: str | None = None
    text: str | None = None
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        _check_paging(self.limit, self.offset)


class DocumentBundle(NamedTuple):
    """One document with what :meth:`Store.add_document` stores alongside it."""

    document: Document
    sentences: Sequence[tuple[int, int]]
    events: Sequence[EventRecord]
    mentions: Sequence[LinkedMention] = ()


def _check_paging(limit: int | None, offset: int) -> None:
    """Reject a limit or offset that is not a non-negative integer."""
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
        raise StoreError(f"limit must be a non-negative integer or None, got {limit!r}")
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise StoreError(f"offset must be a non-negative integer, got {offset!r}")


def _now() -> str:
    """The current UTC time as an ISO 8601 string with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Store(GraphStore):
    """Documents, events and ingest failures in a SQL database.

    Use :func:`eventwatch.store.open_store` to get one; it is a context manager
    that closes its connection on exit.  One store may be shared between
    threads: each call holds an internal lock while it talks to the database
    (or, on a pooled backend, a connection of its own).

    Subclasses set :attr:`dialect` and :attr:`driver_errors` and pass an open
    DB-API connection in autocommit mode (the store issues BEGIN/COMMIT itself),
    or ``None`` when they override the connection hooks.
    """

    dialect: ClassVar[Dialect]
    driver_errors: ClassVar[tuple[type[Exception], ...]] = ()
    integrity_errors: ClassVar[tuple[type[Exception], ...]] = ()

    def __init__(self, connection: Any, *, label: str) -> None:
        self._connection = connection
        self.label = label
        self._lock = threading.RLock()
        self._closed = False
        self._insert_entity = self.dialect.upsert(
            "entities", queries.ENTITY_COLUMNS, ("id",), keep_known=("country", "sector")
        )
        self._insert_document = self.dialect.insert_ignore(
            "documents", queries.DOCUMENT_COLUMNS, ("content_hash",)
        )

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open"
        return f"<{type(self).__name__} {self.label} ({state})>"

    def close(self) -> None:
        """Close the database connection.  Safe to call twice."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._close_connections()

    def schema_version(self) -> int:
        """The schema version recorded in the database.

        Returns:
            The number of the newest applied migration.
        """
        with self._reading("read the schema version"):
            return current_version(self)

    # ------------------------------------------------------------------ connection hooks

    @contextmanager
    def _session(self) -> Iterator[None]:
        """Hold the connection for one unit of work (here: the lock on the only one); nests."""
        with self._lock:
            self._check_open()
            yield

    def _current_connection(self) -> Any:
        """The connection that statements run on, inside :meth:`_session`."""
        return self._connection

    def _close_connections(self) -> None:
        """Close what the store holds open (called once, under the lock)."""
        self._connection.close()

    def _stream_rows(
        self, sql: str, params: Sequence[Any], *, action: str
    ) -> Generator[Any, None, None]:
        """Rows of a long query, fetched in batches; the lock is free between batches."""
        with self._reading(action):
            cursor = self._execute(sql, params)
        try:
            while True:
                with self._reading(action):
                    rows = cursor.fetchmany(_FETCH_BATCH)
                if not rows:
                    return
                yield from rows
        finally:
            # The consumer may stop early (``| head``) after the store has been closed.
            with contextlib.suppress(Exception):
                cursor.close()

    # ------------------------------------------------------------------ plumbing

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one portable statement and return the cursor."""
        cursor = self._current_connection().cursor()
        cursor.execute(self.dialect.sql(sql), tuple(params))
        return cursor

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one portable statement for each row."""
        if rows:
            self._current_connection().cursor().executemany(self.dialect.sql(sql), rows)

    @contextmanager
    def _write_transaction(self) -> Iterator[None]:
        """Hold the connection and one write transaction; roll back on any exception."""
        with self._session():
            self._execute(self.dialect.begin_write)
            try:
                if self.dialect.write_lock:
                    self._execute(self.dialect.write_lock)
                yield
            except BaseException:
                self._execute("ROLLBACK")
                raise
            self._execute("COMMIT")

    @contextmanager
    def _reading(self, action: str) -> Iterator[None]:
        """Hold the connection and turn driver errors into a StoreError naming ``action``."""
        try:
            with self._session():
                yield
        except self.driver_errors as exc:
            raise StoreError(f"{self.label}: could not {action}: {exc}") from exc

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"{self.label} is closed; open the store again with open_store()")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts keyed by column name."""
        cursor = self._execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # ------------------------------------------------------------------ writing

    def has_content(self, content_hash: str) -> bool:
        """Whether a document with this content hash is already stored.

        Args:
            content_hash: ``Document.content_hash`` (see ``eventwatch.model.content_hash``).

        Returns:
            True if the store holds a document with that hash.
        """
        with self._reading("look up a content hash"):
            return self._execute(queries.SELECT_HAS_CONTENT, (content_hash,)).fetchone() is not None

    def add_document(
        self,
        doc: Document,
        *,
        sentences: Sequence[tuple[int, int]],
        events: Sequence[EventRecord],
    ) -> bool:
        """Store a document with its sentence offsets and events, in one transaction.

        Args:
            doc: The document; its ``content_hash`` decides whether it is new.
            sentences: ``(start, end)`` character offsets of each sentence.
            events: The document's event records (``doc_id`` must be ``doc.id``).

        Returns:
            True if stored; False if a document with the same content was already
            stored (then nothing is added).

        Raises:
            StoreError: An event belongs to another document, ids collide with
                stored ones, or the database could not be written.
        """
        return self.add_documents([DocumentBundle(doc, sentences, events)])[0]

    def add_documents(
        self,
        batch: Iterable[DocumentBundle | tuple[Any, ...]],
        *,
        entities: Sequence[CanonicalEntity] = (),
        link: bool = False,
    ) -> list[bool]:
        """Store several documents in one transaction (faster for large runs).

        Args:
            batch: ``DocumentBundle(document, sentences, events[, mentions])`` items
                or plain tuples of the same fields.
            entities: canonical entities created or changed by these documents
                (:meth:`EntityRegistry.take_changed`), written in the same transaction.
            link: also link the stored events into stories (:meth:`link_stories`),
                in the same transaction, so readers never see them unlinked.

        Returns:
            One flag per item: True if stored, False if its content was already
            stored (including earlier in the same batch).

        Raises:
            StoreError: As for :meth:`add_document`; the whole batch is rolled back.
        """
        bundles = [DocumentBundle(*item) for item in batch]
        if not bundles:
            return []
        try:
            with self._write_transaction():
                added = [self._insert_bundle(bundle) for bundle in bundles]
                if entities:
                    self._write_entities(entities)
                if link:
                    self._link(
                        [
                            event.to_dict()
                            for bundle, was_added in zip(bundles, added, strict=True)
                            if was_added
                            for event in bundle.events
                        ]
                    )
        except self.integrity_errors as exc:
            raise StoreError(
                f"{self.label}: could not store documents "
                f"{[b.document.id for b in bundles][:5]}: {exc}; ids of documents and "
                "events must be unique"
            ) from exc
        except self.driver_errors as exc:
            raise StoreError(f"{self.label}: could not store documents: {exc}") from exc
        logger.debug("stored %d of %d documents in %s", sum(added), len(added), self.label)
        return added

    def _insert_bundle(self, bundle: DocumentBundle) -> bool:
        """Insert one document and its parts inside the open transaction."""
        doc, sentences, events, mentions = bundle
        for event in events:
            if event.doc_id != doc.id:
                raise StoreError(
                    f"event {event.id!r} has doc_id {event.doc_id!r} but is stored with "
                    f"document {doc.id!r}; set EventRecord.doc_id to the document's id"
                )
        if not self._insert_document_row(doc):
            logger.info("skipped %s: its content is already stored", doc.source_path or doc.id)
            return False
        self._executemany(
            queries.INSERT_SENTENCE,
            [(doc.id, idx, int(start), int(end)) for idx, (start, end) in enumerate(sentences)],
        )
        dicts = [event.to_dict() for event in events]
        self._executemany(
            self._insert_entity,
            queries.merged_entity_rows(
                row for event in events for row in queries.entity_rows(event)
            ),
        )
        self._executemany(
            queries.INSERT_EVENT,
            [queries.event_row(event, d) for event, d in zip(events, dicts, strict=True)],
        )
        self._executemany(
            queries.INSERT_ARGUMENT,
            [row for event in events for row in queries.argument_rows(event)],
        )
        self._executemany(
            queries.INSERT_ATTRIBUTION, [queries.attribution_row(event) for event in events]
        )
        self._write_mentions(mentions)
        return True

    def _insert_document_row(self, doc: Document) -> bool:
        """Insert the ``documents`` row unless its content hash is stored; True if inserted."""
        if self._execute(queries.SELECT_HAS_CONTENT, (doc.content_hash,)).fetchone():
            return False
        # ON CONFLICT covers a concurrent writer on backends without an up-front write lock.
        inserted = self._execute(self._insert_document, queries.document_row(doc, _now()))
        return bool(inserted.rowcount != 0)

    def record_failure(self, failure: IngestFailure) -> None:
        """Keep an input that could not be processed, and why.

        Args:
            failure: The source, the stage that failed and the reason.
        """
        try:
            with self._write_transaction():
                self._execute(
                    queries.INSERT_FAILURE,
                    (failure.source, failure.stage, failure.reason, _now()),
                )
        except self.driver_errors as exc:
            raise StoreError(f"{self.label}: could not record a failure: {exc}") from exc

    # ------------------------------------------------------------------ reading

    def failures(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Recorded failures, newest first.

        Args:
            limit: At most this many; ``None`` for all.

        Returns:
            Dicts with ``id``, ``source``, ``stage``, ``reason`` and ``at``.
        """
        _check_paging(limit, 0)
        tail, params = self.dialect.limit_clause(limit, 0)
        with self._reading("read failures"):
            return self._rows(queries.SELECT_FAILURES + tail, params)

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """One document with its text and sentence offsets.

        Args:
            doc_id: ``Document.id``.

        Returns:
            The document's fields plus ``"sentences"`` (``[[start, end], ...]``),
            or None if no such document is stored.
        """
        with self._reading(f"read document {doc_id!r}"):
            rows = self._rows(queries.SELECT_DOCUMENT, (doc_id,))
            if not rows:
                return None
            document = rows[0]
            sentences = self._execute(queries.SELECT_SENTENCES, (doc_id,)).fetchall()
        document["sentences"] = [[start, end] for start, end in sentences]
        return document

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stored documents without their text, in the order they were added.

        Args:
            limit: At most this many; ``None`` for all.
            offset: Skip this many first.

        Returns:
            Dicts with every document field except ``text``.
        """
        _check_paging(limit, offset)
        tail, params = self.dialect.limit_clause(limit, offset)
        with self._reading("list documents"):
            return self._rows(queries.SELECT_DOCUMENTS + tail, params)

    def events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Events matching ``query``, streamed, ordered by document and position.

        Args:
            query: Filters and paging; None for every event.

        Yields:
            Each event exactly as stored: the ``EventRecord.to_dict()`` shape.
        """
        where, params = queries.event_where(query)
        tail, paging = self.dialect.limit_clause(
            query.limit if query else None, query.offset if query else 0
        )
        sql = "SELECT e.record_json, e.story_id FROM events e" + where + queries.EVENT_ORDER + tail
        rows = self._stream_rows(sql, [*params, *paging], action="query events")
        with contextlib.closing(rows):
            for record_json, story_id in rows:
                yield with_story(record_json, story_id)

    def events_for_document(self, doc_id: str) -> list[dict[str, Any]]:
        """All events of one document, in text order.

        Args:
            doc_id: ``Document.id``.

        Returns:
            Event dicts in the ``EventRecord.to_dict()`` shape.
        """
        with self._reading(f"read events of document {doc_id!r}"):
            rows = self._execute(queries.SELECT_EVENTS_FOR_DOCUMENT, (doc_id,)).fetchall()
        return [with_story(record_json, story_id) for record_json, story_id in rows]

    def entity_profile(self, entity_id: str) -> dict[str, Any] | None:
        """One resolved entity by id, without its events: a single primary-key lookup.

        What a page about an actor needs (kind, aliases, offices) when it has the
        events already; :meth:`entity` also reads every event the entity takes part in.

        Args:
            entity_id: The entity's id.

        Returns:
            ``CanonicalEntity.to_dict()`` (aliases most used first), or None when
            no resolved entity has this id.
        """
        with self._reading(f"read entity {entity_id!r}"):
            rows = self._rows(queries.SELECT_ENTITY_PROFILE, (entity_id,))
        if not rows:
            return None
        return canonical_entity(rows[0]).to_dict()

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events match ``query`` (its limit and offset are ignored).

        Args:
            query: Filters; None counts every event.

        Returns:
            The number of matching events.
        """
        where, params = queries.event_where(query)
        with self._reading("count events"):
            row = self._execute("SELECT COUNT(*) FROM events e" + where, params).fetchone()
        return int(row[0])

    def count_documents(self) -> int:
        """How many documents are stored (an index-only count, cheap enough to poll)."""
        with self._reading("count documents"):
            row = self._execute(queries.COUNT_TABLE["documents"]).fetchone()
        return int(row[0])

    def stats(self) -> dict[str, Any]:
        """Totals and breakdowns of what is stored.

        Returns:
            ``{"documents": n, "events": n, "failures": n, "by_event_type": {...},
            "by_factuality": {...}, "by_country": {...}}``; breakdowns are
            ordered by count, largest first; ``by_country`` uses the location's
            country and leaves out events without one.
        """
        result: dict[str, Any] = {}
        with self._reading("compute statistics"):
            for key, sql in queries.COUNT_TABLE.items():
                result[key] = int(self._execute(sql).fetchone()[0])
            for key, sql in queries.GROUP_COUNTS.items():
                result[key] = {value: int(n) for value, n in self._execute(sql).fetchall()}
        return result
