"""An immutable picture of the store's events, indexed for the API's filters and sorts.

A :class:`Snapshot` holds every event as an :class:`~eventwatch.serve.catalog.entries.EventEntry`
(its *position* is its index in :attr:`Snapshot.entries`; positions never
change, new events are appended), the documents' metadata, and:

* columns (numpy arrays) of the fields the equality and date filters compare,
  so those filters are vectorised masks;
* :class:`TextColumn` s for the substring filters (``q``, ``actor``, ``place``
  and document search): one joined string searched with ``str.find``;
* one order per sort (``doc``, ``date``, ``-date``, ``confidence``, ``-confidence``)
  and each event's rank in it, so a page after a cursor is a binary search;
* an LRU of recent selections (filters + sort → ranks), so paging through a
  result or re-running a dashboard facet costs a slice.

Costs for n events: building is O(n log n) (a few seconds for 100,000); a first
query is O(n) vectorised (about a millisecond) plus O(text) for a substring
filter, then O(m log m) to order its m matches; a page is O(log m + limit).
Memory is a few KB per event, the record's JSON and the searched texts dominating.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwatch.serve.catalog.entries import EventEntry, IndexedRecord
from eventwatch.serve.catalog.filters import EventFilters, date_bound, fold

__all__ = ["Snapshot", "TextColumn"]

_SELECTION_CACHE = 512
_SEPARATOR = "\x00"
_SCAN_WINDOW = 1 << 20  # bytes per find() call
_CODED = (
    "event_type",
    "mode",
    "factuality",
    "location_country",
    "actor_country",
    "recipient_country",
)

Positions = npt.NDArray[np.int64]


class TextColumn:
    """One case-folded text per row, joined into one UTF-8 string for fast substring search.

    UTF-8 keeps the column at about a byte per character, and ``bytes.find``
    scans it at memory speed; a UTF-8 needle matches exactly where the text
    matches.

    Args:
        texts: The new rows' texts (already folded).
        previous: A column to extend; its rows come first.
    """

    def __init__(self, texts: Sequence[str], previous: TextColumn | None = None) -> None:
        encoded = [t.replace(_SEPARATOR, " ").encode("utf-8") + b"\x00" for t in texts]
        head = previous.data if previous is not None else b""
        self.data: bytes = head + b"".join(encoded)
        self.starts: list[int] = list(previous.starts) if previous is not None else []
        offset = len(head)
        for chunk in encoded:
            self.starts.append(offset)
            offset += len(chunk)

    def __len__(self) -> int:
        return len(self.starts)

    def rows_containing(self, needle: str) -> Positions:
        """Rows whose text contains ``needle`` (already folded), ascending."""
        if not needle or _SEPARATOR in needle:
            return np.zeros(0, np.int64)
        pattern = needle.encode("utf-8")
        starts, data = self.starts, self.data
        rows: list[int] = []
        count, size = len(starts), len(data)
        position = 0
        while position < size:
            # Scan a window at a time: one long find would hold the GIL for the whole column.
            window_end = min(size, position + _SCAN_WINDOW + len(pattern))
            index = data.find(pattern, position, window_end)
            if index == -1:
                position = window_end - len(pattern) + 1 if window_end < size else size
                continue
            row = bisect_right(starts, index) - 1
            rows.append(row)
            if row + 1 >= count:
                break
            position = starts[row + 1]
        return np.asarray(rows, dtype=np.int64)


def _codes(values: Sequence[str | None], vocabulary: dict[str, int]) -> npt.NDArray[np.int32]:
    """Integer codes of ``values`` (``-1`` for None), growing ``vocabulary``."""
    out = np.empty(len(values), dtype=np.int32)
    for i, value in enumerate(values):
        if value is None:
            out[i] = -1
        else:
            code = vocabulary.get(value)
            if code is None:
                code = vocabulary[value] = len(vocabulary)
            out[i] = code
    return out


class Snapshot:
    """Events and documents at one moment, with indexes.  Read-only once built.

    Use :meth:`build`.
    """

    def __init__(
        self,
        *,
        entries: list[EventEntry],
        documents: list[dict[str, Any]],
        search: TextColumn,
        parties: TextColumn,
        places: TextColumn,
        document_text: TextColumn,
        texts: list[bytes],
        serial: int,
    ) -> None:
        self.serial = serial
        self.entries = entries
        self.documents = documents
        self.search = search
        self.parties = parties
        self.places = places
        self.document_text = document_text
        self.texts = texts
        self.document_by_id = {d["id"]: d for d in documents}
        self.document_row = {d["id"]: i for i, d in enumerate(documents)}
        self.by_id = {e.id: i for i, e in enumerate(entries)}
        self._build_columns()
        self.orders, self.ranks = self._build_orders()
        self._lock = threading.Lock()
        self._build_lock = threading.RLock()
        self._flights: dict[tuple[Any, ...], threading.Lock] = {}
        self._selections: OrderedDict[tuple[Any, ...], Positions] = OrderedDict()
        self._derived: dict[str, Any] = {}

    @classmethod
    def build(
        cls,
        previous: Snapshot | None,
        records: Sequence[IndexedRecord],
        documents: Sequence[dict[str, Any]],
        document_texts: Sequence[str],
        *,
        texts: Sequence[str] = (),
        serial: int,
    ) -> Snapshot:
        """A snapshot of ``previous`` (if any) plus new events and documents.

        Args:
            previous: The snapshot to extend, or None to start empty.
            records: New events with their searchable texts.
            documents: New documents' metadata (without text), in the store's order.
            document_texts: Each new document's searchable text (title, outlet,
                text), folded, in the order of ``documents``.
            texts: Each new document's stored text as it is (for search snippets).
            serial: The new snapshot's number.

        Returns:
            The new snapshot.
        """
        return cls(
            entries=(previous.entries if previous else []) + [r.entry for r in records],
            documents=(previous.documents if previous else []) + list(documents),
            search=TextColumn([r.search for r in records], previous.search if previous else None),
            parties=TextColumn(
                [r.parties for r in records], previous.parties if previous else None
            ),
            places=TextColumn([r.place for r in records], previous.places if previous else None),
            document_text=TextColumn(document_texts, previous.document_text if previous else None),
            texts=(previous.texts if previous else []) + [t.encode("utf-8") for t in texts],
            serial=serial,
        )

    # ------------------------------------------------------------------ building

    def _build_columns(self) -> None:
        entries = self.entries
        self.vocabularies: dict[str, dict[str, int]] = {name: {} for name in ("code", "doc")}
        shared = self.vocabularies["code"]
        self.columns: dict[str, npt.NDArray[Any]] = {
            "event_type": _codes([e.event_type for e in entries], shared),
            "mode": _codes([e.mode for e in entries], shared),
            "factuality": _codes([e.factuality for e in entries], shared),
            "location_country": _codes([e.location_country for e in entries], shared),
            "actor_country": _codes([_party_country(e, "actor") for e in entries], shared),
            "recipient_country": _codes([_party_country(e, "recipient") for e in entries], shared),
            "doc_id": _codes([e.doc_id for e in entries], self.vocabularies["doc"]),
            # COALESCE(end, start) and COALESCE(start, end): what the store's date filters compare.
            "date_last": np.array(
                [_coalesce(e.date_end, e.date_start) or "" for e in entries], dtype="U10"
            ),
            "date_first": np.array(
                [_coalesce(e.date_start, e.date_end) or "" for e in entries], dtype="U10"
            ),
        }

    def _build_orders(self) -> tuple[dict[str, Positions], dict[str, Positions]]:
        """Every sort's order of positions and every position's rank in it."""
        entries = self.entries
        n = len(entries)
        ids = np.array([e.id for e in entries], dtype=str) if n else np.zeros(0, "U1")
        docs = np.array([e.doc_id for e in entries], dtype=str) if n else np.zeros(0, "U1")
        starts = np.fromiter((e.evidence_start for e in entries), dtype=np.int64, count=n)
        confidence = np.fromiter((e.confidence for e in entries), dtype=np.float64, count=n)
        first = self.columns["date_first"]
        by_doc = np.lexsort((ids, starts, docs))
        by_date = np.lexsort((ids, first))
        undated = first[by_date] == ""
        dated, missing = by_date[~undated], by_doc[(first == "")[by_doc]]
        by_confidence = np.lexsort((ids, confidence))
        orders = {
            "doc": by_doc,
            "date": np.concatenate((dated, missing)),
            "-date": np.concatenate((dated[::-1], missing)),
            "confidence": by_confidence,
            "-confidence": by_confidence[::-1],
        }
        ranks = {}
        for name, order in orders.items():
            order = order.astype(np.int64)
            orders[name] = order
            rank = np.empty(n, dtype=np.int64)
            rank[order] = np.arange(n, dtype=np.int64)
            ranks[name] = rank
        return orders, ranks

    # ------------------------------------------------------------------ facts

    @property
    def event_count(self) -> int:
        return len(self.entries)

    @property
    def document_count(self) -> int:
        return len(self.documents)

    def entry(self, event_id: str) -> EventEntry | None:
        """The event with this id, or None."""
        position = self.by_id.get(event_id)
        return None if position is None else self.entries[position]

    def document_entries(self, doc_id: str) -> list[EventEntry]:
        """The events of one document, in text order."""
        code = self.vocabularies["doc"].get(doc_id)
        if code is None:
            return []
        positions = np.flatnonzero(self.columns["doc_id"] == code)
        ranks = self.ranks["doc"][positions]
        return [self.entries[p] for p in positions[np.argsort(ranks)].tolist()]

    def derived(self, name: str, build: Callable[[Snapshot], Any]) -> Any:
        """A value computed once per snapshot (actor and place tables, corroboration)."""
        with self._build_lock:  # reentrant: one derived value may be built from another
            if name not in self._derived:
                self._derived[name] = build(self)
            return self._derived[name]

    # ------------------------------------------------------------------ queries

    def select(
        self,
        filters: EventFilters,
        *,
        sort: str = "doc",
        corroboration: npt.NDArray[np.int64] | None = None,
        corroboration_version: int | None = None,
    ) -> Positions:
        """The ranks (in ``sort`` order) of the matching events, ascending; cached.

        Args:
            filters: The filters.
            sort: One of :data:`~eventwatch.serve.catalog.filters.SORTS`.
            corroboration: Each position's number of independent sources; needed
                when ``filters.min_corroboration`` is set.
            corroboration_version: Identifies the stories behind ``corroboration``
                (part of the cache key).

        Returns:
            Ascending ranks; ``self.orders[sort][ranks]`` are the positions.
        """
        key = (filters.key(), sort, corroboration_version if filters.min_corroboration else None)
        with self._lock:
            cached = self._selections.get(key)
            if cached is not None:
                self._selections.move_to_end(key)
                return cached
        if filters.is_empty():
            result = np.arange(self.event_count, dtype=np.int64)
        else:
            positions = np.flatnonzero(self._mask(filters, corroboration))
            result = np.sort(self.ranks[sort][positions])
        self._remember(key, result)
        return result

    def _code(self, value: str) -> int:
        return self.vocabularies["code"].get(value, -2)

    def _mask(
        self, filters: EventFilters, corroboration: npt.NDArray[np.int64] | None
    ) -> npt.NDArray[np.bool_]:
        """A boolean per position: does the event match every set filter."""
        n = self.event_count
        columns = self.columns
        mask = np.ones(n, dtype=bool)
        for name, value in (
            ("event_type", filters.event_type),
            ("mode", filters.mode),
            ("factuality", filters.factuality),
        ):
            if value is not None:
                mask &= columns[name] == self._code(value)
        if filters.doc_id is not None:
            mask &= columns["doc_id"] == self.vocabularies["doc"].get(filters.doc_id, -2)
        if filters.country is not None:
            code = self._code(filters.country)
            mask &= (
                (columns["location_country"] == code)
                | (columns["actor_country"] == code)
                | (columns["recipient_country"] == code)
            )
        if filters.date_from is not None:
            low = date_bound(filters.date_from, end=False) or "\uffff"
            last = columns["date_last"]
            mask &= (last != "") & (last >= low)
        if filters.date_to is not None:
            high = date_bound(filters.date_to, end=True) or ""
            first = columns["date_first"]
            mask &= (first != "") & (first <= high)
        for column, value in (
            ("parties", filters.actor),
            ("places", filters.place),
            ("search", filters.q),
        ):
            if value is not None and mask.any():
                hits = np.zeros(n, dtype=bool)
                hits[self.rows_containing(column, value)] = True
                mask &= hits
        if filters.min_corroboration is not None and corroboration is not None:
            mask &= corroboration >= filters.min_corroboration
        return mask

    def rows_containing(self, column: str, needle: str) -> Positions:
        """Positions whose ``column`` text (search, parties, places) contains ``needle``; cached.

        Substring scans are the costly part of a query (about 10 ms per 100,000
        events), and people refine filters around the same words, so each
        column-and-needle result is kept on its own, shared by every query using it.
        """
        key = (column, fold(needle))
        with self._lock:
            cached = self._selections.get(key)
            if cached is not None:
                self._selections.move_to_end(key)
                return cached
            flight = self._flights.setdefault(key, threading.Lock())
        # One scan per key at a time: concurrent requests for the same text wait for it.
        with flight:
            with self._lock:
                cached = self._selections.get(key)
            if cached is None:
                cached = getattr(self, column).rows_containing(key[1])
                self._remember(key, cached)
        with self._lock:
            self._flights.pop(key, None)
        return cached

    def _remember(self, key: tuple[Any, ...], value: Positions) -> None:
        with self._lock:
            self._selections[key] = value
            while len(self._selections) > _SELECTION_CACHE:
                self._selections.popitem(last=False)

    def page(
        self, selection: Positions, *, sort: str, after: str | None, limit: int
    ) -> tuple[list[EventEntry], str | None]:
        """One page of a selection: the events after the event ``after``, at most ``limit``.

        Args:
            selection: Ranks from :meth:`select` with the same ``sort``.
            sort: The sort the selection is in.
            after: The id of the last event of the previous page, or None.
            limit: Page size.

        Returns:
            ``(entries, last_id)``; ``last_id`` is None when no event follows.

        Raises:
            KeyError: ``after`` names no event.
        """
        start = 0
        if after is not None:
            start = int(
                np.searchsorted(selection, self.ranks[sort][self.by_id[after]], side="right")
            )
        ranks = selection[start : start + limit]
        chosen = [self.entries[p] for p in self.orders[sort][ranks].tolist()]
        more = start + limit < len(selection)
        return chosen, (chosen[-1].id if chosen and more else None)

    def iter_selection(self, selection: Positions, *, sort: str) -> list[EventEntry]:
        """Every event of a selection, in order."""
        return [self.entries[p] for p in self.orders[sort][selection].tolist()]

    def text_of(self, doc_id: str) -> str | None:
        """A document's stored text, or None."""
        row = self.document_row.get(doc_id)
        return None if row is None else self.texts[row].decode("utf-8")

    def documents_matching(self, needle: str) -> list[dict[str, Any]]:
        """Documents whose title, outlet or text contains ``needle`` (case-insensitive); cached."""
        rows = self.rows_containing("document_text", needle)
        return [self.documents[row] for row in rows.tolist()]


def _coalesce(first: str | None, second: str | None) -> str | None:
    return first if first is not None else second


def _party_country(entry: EventEntry, role: str) -> str | None:
    for participant in entry.participants:
        if participant.role == role:
            return participant.country
    return None
