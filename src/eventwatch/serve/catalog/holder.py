"""The API's read model: the latest snapshot of the store, kept fresh in the background.

The store is append-only (documents and their events are added in one
transaction and never changed), so a new snapshot is the previous one plus the
documents stored since: :meth:`Catalog.refresh` lists documents after the ones
it knows (the store's ``documents(offset=...)``, ordered by time of ingest) and
reads their text and events.  When the counts still disagree with the store's
(another writer's clock ran behind), it rebuilds from scratch.

Two daemon threads keep it current: one polls the store every
``refresh_seconds`` (an event count and a document count) and
refreshes on a change; one
recomputes the stories for the newest snapshot (see
:mod:`~eventwatch.serve.catalog.stories`).  Requests never wait for a refresh
once a first snapshot exists; they wait up to ``wait_seconds`` for the first,
then get a 503.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from eventwatch.serve.catalog.entries import IndexedRecord, index_record
from eventwatch.serve.catalog.filters import fold
from eventwatch.serve.catalog.snapshot import Snapshot
from eventwatch.serve.catalog.stories import StoryIndex, build_story_index
from eventwatch.serve.errors import Unavailable
from eventwatch.store import EventQuery, Store

__all__ = ["Catalog"]

logger = logging.getLogger(__name__)

_FRESH_STORIES_WAIT = 1.0


class Catalog:
    """The newest :class:`Snapshot` of a store and its :class:`StoryIndex`.

    Args:
        store: The open store to read (shared; the store serialises its own calls).
        refresh_seconds: How often the background thread checks the store for changes.
        wait_seconds: How long a request waits for the first snapshot (or the
            first stories) before it is answered with 503.
    """

    def __init__(
        self, store: Store, *, refresh_seconds: float = 2.0, wait_seconds: float = 30.0
    ) -> None:
        self.store = store
        self.refresh_seconds = refresh_seconds
        self.wait_seconds = wait_seconds
        self._snapshot: Snapshot | None = None
        self._stories: StoryIndex | None = None
        self._serial = 0
        self._refresh_lock = threading.Lock()
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._started = False
        self._start_lock = threading.Lock()
        self.last_error: str | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Start the background threads (once; later calls do nothing)."""
        with self._start_lock:
            if self._started:
                return
            self._started = True
            for target, name in ((self._poll_loop, "refresh"), (self._story_loop, "stories")):
                thread = threading.Thread(target=target, name=f"eventwatch-{name}", daemon=True)
                thread.start()
                self._threads.append(thread)

    def stop(self) -> None:
        """Stop the background threads and wait briefly for them."""
        self._stop.set()
        with self._changed:
            self._changed.notify_all()
        for thread in self._threads:
            thread.join(timeout=5)

    # ------------------------------------------------------------------ reading

    def snapshot(self) -> Snapshot:
        """The newest snapshot, waiting for the first one if needed.

        Raises:
            Unavailable: No snapshot was ready within ``wait_seconds``.
        """
        if not self._started:
            self.start()
        current = self._snapshot
        if current is not None:
            return current
        deadline = time.monotonic() + self.wait_seconds
        with self._changed:
            while self._snapshot is None and not self._stop.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise Unavailable(
                        "the event index is still being built; retry in a few seconds",
                        headers={"Retry-After": "5"},
                    )
                self._changed.wait(remaining)
        if self._snapshot is None:
            raise Unavailable("the server is shutting down")
        return self._snapshot

    def stories(self) -> StoryIndex:
        """The stories of the newest snapshot, or of an earlier one while they are recomputed.

        Raises:
            Unavailable: No stories were computed within ``wait_seconds``.
        """
        snapshot = self.snapshot()
        current = self._stories
        if current is not None and current.serial == snapshot.serial:
            return current
        deadline = time.monotonic() + (
            _FRESH_STORIES_WAIT if current is not None else self.wait_seconds
        )
        with self._changed:
            while not self._stop.is_set():
                current = self._stories
                if current is not None and current.serial >= snapshot.serial:
                    return current
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
        if current is None:
            raise Unavailable(
                f"stories are still being linked ({snapshot.event_count} events); "
                "retry in a minute",
                headers={"Retry-After": "30"},
            )
        return current

    def stories_if_ready(self) -> StoryIndex | None:
        """The newest stories computed so far, without waiting (None before the first)."""
        if not self._started:
            self.start()
        return self._stories

    def status(self) -> dict[str, Any]:
        """What the health endpoint reports about the index."""
        snapshot, stories = self._snapshot, self._stories
        return {
            "index": "ready" if snapshot is not None else "building",
            "events": snapshot.event_count if snapshot else None,
            "documents": snapshot.document_count if snapshot else None,
            "stories": (
                "none"
                if stories is None
                else ("current" if snapshot and stories.serial == snapshot.serial else "stale")
            ),
            "story_count": len(stories.stories) if stories else None,
        }

    # ------------------------------------------------------------------ refreshing

    def refresh(self) -> Snapshot:
        """Bring the snapshot up to date with the store now (also called after an ingest).

        Returns:
            The newest snapshot.
        """
        with self._refresh_lock:
            previous = self._snapshot
            if previous is not None and not self._changed_since(previous):
                return previous
            stats = self.store.stats()
            wanted = (stats["documents"], stats["events"])
            snapshot = self._extend(previous)
            if snapshot.document_count < wanted[0] or snapshot.event_count < wanted[1]:
                logger.info("documents were stored out of order; rebuilding the event index")
                snapshot = self._extend(None)
            with self._changed:
                self._snapshot = snapshot
                self._changed.notify_all()
            return snapshot

    def _changed_since(self, snapshot: Snapshot) -> bool:
        """Whether the store holds documents or events the snapshot lacks (two counts).

        Counts, not ``documents(limit=1, offset=n)``: an offset walks (or, on
        PostgreSQL, sorts) every document before it, a count reads one index.
        """
        if self.store.count_events(EventQuery()) != snapshot.event_count:
            return True
        return self.store.count_documents() != snapshot.document_count

    def _extend(self, previous: Snapshot | None) -> Snapshot:
        """A new snapshot: ``previous`` plus the documents stored after it (all when None)."""
        started = time.perf_counter()
        known_documents = set(previous.document_by_id) if previous else set()
        known_events = set(previous.by_id) if previous else set()
        records: list[IndexedRecord] = []
        documents: list[dict[str, Any]] = []
        texts: list[str] = []
        originals: list[str] = []
        offset = previous.document_count if previous else 0
        for listed in self.store.documents(offset=offset):
            if listed["id"] in known_documents:
                continue
            document = self.store.get_document(listed["id"])
            if document is None:
                continue
            known_documents.add(listed["id"])
            documents.append(listed)
            originals.append(document["text"])
            texts.append(
                fold(
                    f"{listed.get('title') or ''}\x1f{listed.get('outlet') or ''}\x1f{document['text']}"
                )
            )
            for record in self.store.events_for_document(listed["id"]):
                if record["id"] not in known_events:
                    known_events.add(record["id"])
                    records.append(index_record(record))
        self._serial += 1
        snapshot = Snapshot.build(
            previous, records, documents, texts, texts=originals, serial=self._serial
        )
        logger.info(
            "event index: %d events in %d documents (%d new; %.1f s)",
            snapshot.event_count,
            snapshot.document_count,
            len(records),
            time.perf_counter() - started,
        )
        return snapshot

    def _poll_loop(self) -> None:
        """Refresh now, then whenever the store's totals change."""
        while not self._stop.is_set():
            try:
                self.refresh()
                self.last_error = None
            except Exception as exc:  # keep serving the last snapshot; say why in the log
                self.last_error = f"{type(exc).__name__}: {exc}"
                logger.exception("could not refresh the event index")
            self._stop.wait(self.refresh_seconds)

    def _story_loop(self) -> None:
        """Recompute the stories whenever a newer snapshot appears."""
        while not self._stop.is_set():
            with self._changed:
                while not self._stop.is_set() and (
                    self._snapshot is None
                    or (self._stories is not None and self._stories.serial == self._snapshot.serial)
                ):
                    self._changed.wait()
                snapshot = self._snapshot
            if snapshot is None or self._stop.is_set():
                return
            try:
                stories = build_story_index(snapshot)
            except Exception:
                logger.exception("could not link stories")
                self._stop.wait(self.refresh_seconds)
                continue
            with self._changed:
                self._stories = stories
                self._changed.notify_all()
