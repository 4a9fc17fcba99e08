"""The read side of the API as plain functions: the JSON routes and the dashboard call these.

Each function takes the :class:`~eventwatch.serve.catalog.Catalog` (and the
store when it needs document text), checks nothing about HTTP, and returns
plain data.  Listings are paged with opaque cursors (:mod:`eventwatch.serve.cursor`);
a cursor names the last item of a page, so following ``next_cursor`` until it is
null visits every item once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from eventwatch.serve.catalog import (
    Catalog,
    EventEntry,
    EventFilters,
    Snapshot,
    actor_table,
    place_table,
)
from eventwatch.serve.catalog.filters import fold
from eventwatch.serve.catalog.stories import StorySummary, corroboration_column
from eventwatch.serve.cursor import Cursor, decode_cursor, encode_cursor
from eventwatch.serve.errors import BadRequest, NotFound
from eventwatch.store import Store

__all__ = [
    "EventPage",
    "actor_detail",
    "actors_page",
    "document_list",
    "event_detail",
    "events_page",
    "place_list",
    "search",
    "select_events",
    "stories_page",
    "story_detail",
]

T = TypeVar("T")

_SNIPPET = 80


@dataclass(slots=True)
class EventPage:
    """One page of events."""

    entries: list[EventEntry]
    next_cursor: str | None
    total: int
    snapshot: Snapshot


# --------------------------------------------------------------------------- events


def _corroboration(
    catalog: Catalog, snapshot: Snapshot, filters: EventFilters
) -> tuple[npt.NDArray[np.int64] | None, int | None]:
    """The corroboration column when the filters need it (stories are computed once per snapshot)."""
    if filters.min_corroboration is None:
        return None, None
    stories = catalog.stories()
    return corroboration_column(snapshot, stories), stories.serial


def select_events(
    catalog: Catalog, filters: EventFilters, *, sort: str = "doc"
) -> tuple[Snapshot, npt.NDArray[np.int64]]:
    """The newest snapshot and the ranks of the events matching ``filters`` in ``sort`` order."""
    snapshot = catalog.snapshot()
    column, version = _corroboration(catalog, snapshot, filters)
    selection = snapshot.select(
        filters, sort=sort, corroboration=column, corroboration_version=version
    )
    return snapshot, selection


def events_page(
    catalog: Catalog,
    filters: EventFilters,
    *,
    sort: str = "doc",
    limit: int = 50,
    cursor: str | None = None,
) -> EventPage:
    """A page of the events matching ``filters``.

    Args:
        catalog: The read model.
        filters: Checked filters.
        sort: One of ``doc``, ``date``, ``-date``, ``confidence``, ``-confidence``.
        limit: Page size.
        cursor: ``next_cursor`` of the previous page, or None for the first.

    Returns:
        The page, its next cursor and the number of matching events.

    Raises:
        BadRequest: The cursor is not one of ours or belongs to another query.
    """
    after = _after(cursor, "events", sort, filters.key())
    snapshot, selection = select_events(catalog, filters, sort=sort)
    if after is not None and after not in snapshot.by_id:
        raise BadRequest("cursor names an event that is not stored; start again without cursor")
    entries, last = snapshot.page(selection, sort=sort, after=after, limit=limit)
    next_cursor = _cursor("events", sort, filters.key(), last)
    return EventPage(entries, next_cursor, len(selection), snapshot)


def event_detail(catalog: Catalog, event_id: str) -> dict[str, Any]:
    """One event with its document's metadata and its story.

    Raises:
        NotFound: No event has this id.
    """
    snapshot = catalog.snapshot()
    entry = snapshot.entry(event_id)
    if entry is None:
        raise NotFound(f"no event with id {event_id!r}; list events at /api/events")
    story = None
    stories = catalog.stories_if_ready()  # never wait: the event is worth showing without it
    found = stories.story_of(event_id) if stories is not None else None
    if found is not None:
        story = {
            "id": found.id,
            "corroboration": found.corroboration,
            "independent_sources": list(found.sources),
        }
    return {
        "event": entry.record(),
        "document": snapshot.document_by_id.get(entry.doc_id),
        "story": story,
    }


# --------------------------------------------------------------------------- paging helpers


def _after(cursor: str | None, listing: str, sort: str, filters: str) -> str | None:
    if cursor is None or cursor == "":
        return None
    return decode_cursor(cursor, listing=listing, sort=sort, filters=filters).after


def _cursor(listing: str, sort: str, filters: str, last: str | None) -> str | None:
    return None if last is None else encode_cursor(Cursor(listing, sort, filters, last))


def _page_after(
    items: Sequence[T], rank: Callable[[T], int], after_rank: int | None, limit: int
) -> tuple[list[T], bool]:
    """Items (ordered by ``rank``) after ``after_rank``; and whether more follow."""
    start = 0
    if after_rank is not None:
        low, high = 0, len(items)
        while low < high:
            middle = (low + high) // 2
            if rank(items[middle]) <= after_rank:
                low = middle + 1
            else:
                high = middle
        start = low
    return list(items[start : start + limit]), start + limit < len(items)


def _listing(
    items: Sequence[T],
    *,
    listing: str,
    key: str,
    ids: dict[str, int],
    item_id: Callable[[T], str],
    limit: int,
    cursor: str | None,
) -> tuple[list[T], str | None, int]:
    """Page through an ordered list whose global order is ``ids`` (id → rank)."""
    after = _after(cursor, listing, "default", key)
    after_rank = None
    if after is not None:
        if after not in ids:
            raise BadRequest("cursor names an item that is gone; start again without cursor")
        after_rank = ids[after]
    page, more = _page_after(items, lambda item: ids[item_id(item)], after_rank, limit)
    last = item_id(page[-1]) if page and more else None
    return page, _cursor(listing, "default", key, last), len(items)


def _key(*values: Any) -> str:
    """A short digest of a listing's filters (binds cursors to them)."""
    return hashlib.sha1(repr(values).encode("utf-8")).hexdigest()[:12]


# --------------------------------------------------------------------------- documents


def document_list(
    catalog: Catalog, *, outlet: str | None = None, limit: int = 50, cursor: str | None = None
) -> dict[str, Any]:
    """Stored documents (metadata, no text) in the order they were stored.

    Args:
        catalog: The read model.
        outlet: Only documents from this outlet (case-insensitive, exact).
        limit: Page size.
        cursor: ``next_cursor`` of the previous page.
    """
    snapshot = catalog.snapshot()
    documents = snapshot.documents
    if outlet:
        wanted = fold(outlet)
        documents = [d for d in documents if fold(d.get("outlet")) == wanted]
    ranks = snapshot.document_row
    page, next_cursor, total = _listing(
        documents,
        listing="documents",
        key=_key(outlet),
        ids=ranks,
        item_id=lambda d: d["id"],
        limit=limit,
        cursor=cursor,
    )
    return {"documents": page, "next_cursor": next_cursor, "total": total}


# --------------------------------------------------------------------------- actors and places


def actors_page(
    catalog: Catalog,
    *,
    q: str | None = None,
    country: str | None = None,
    sector: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> dict[str, Any]:
    """Actors (entities seen as actor, recipient or source), most events first.

    Args:
        catalog: The read model.
        q: Case-insensitive substring of a name or alias.
        country: ISO3 country of the actor.
        sector: PLOVER sector code (GOV, MIL, ...).
        limit: Page size.
        cursor: ``next_cursor`` of the previous page.
    """
    snapshot = catalog.snapshot()
    ordered, _ = actor_table(snapshot)
    ranks = snapshot.derived(
        "actor_ranks", lambda s: {a.id: i for i, a in enumerate(actor_table(s)[0])}
    )
    needle = fold(q) if q else None
    chosen = [
        a
        for a in ordered
        if (needle is None or needle in a.search)
        and (country is None or a.country == country.upper())
        and (sector is None or (a.sector or "").upper() == sector.upper())
    ]
    page, next_cursor, total = _listing(
        chosen,
        listing="actors",
        key=_key(q, country, sector),
        ids=ranks,
        item_id=lambda a: a.id,
        limit=limit,
        cursor=cursor,
    )
    return {"actors": [a.summary() for a in page], "next_cursor": next_cursor, "total": total}


def actor_detail(
    catalog: Catalog, actor_id: str, *, limit: int = 100, store: Store | None = None
) -> dict[str, Any]:
    """One actor, its aliases, its offices (when stated) and its events by role, newest first.

    Args:
        catalog: The read model (the events come from it).
        actor_id: The actor's id.
        limit: At most this many events per role.
        store: Where to read the resolved entity (the request thread's reader);
            the catalog's shared store when None.

    Raises:
        NotFound: No actor has this id.
    """
    snapshot = catalog.snapshot()
    _, by_id = actor_table(snapshot)
    actor = by_id.get(actor_id)
    if actor is None:
        raise NotFound(f"no actor with id {actor_id!r}; list actors at /api/actors")
    rank = snapshot.ranks["-date"]
    events = {}
    for role, positions in actor.positions.items():
        newest = sorted(positions, key=lambda p: rank[p])[:limit]
        events[role] = [snapshot.entries[p].brief() for p in newest]
    detail = {"actor": actor.summary(), "aliases": sorted(actor.aliases), "events": events}
    # The canonical entity, when resolution knows it: one indexed row, not its events.
    resolved = (store or catalog.store).entity_profile(actor_id)
    if resolved is not None:
        detail["names"] = resolved["aliases"]
        detail["offices"] = resolved["offices"]
        detail["kind"] = resolved["kind"]
    return detail


def place_list(
    catalog: Catalog,
    *,
    q: str | None = None,
    country: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> dict[str, Any]:
    """Places with their event counts and coordinates, most events first."""
    snapshot = catalog.snapshot()
    places = place_table(snapshot)
    ranks = snapshot.derived(
        "place_ranks", lambda s: {p.id: i for i, p in enumerate(place_table(s))}
    )
    needle = fold(q) if q else None
    chosen = [
        p
        for p in places
        if (needle is None or needle in fold(p.name))
        and (country is None or p.country == country.upper())
    ]
    page, next_cursor, total = _listing(
        chosen,
        listing="places",
        key=_key(q, country),
        ids=ranks,
        item_id=lambda p: p.id,
        limit=limit,
        cursor=cursor,
    )
    return {"places": [p.summary() for p in page], "next_cursor": next_cursor, "total": total}


# --------------------------------------------------------------------------- stories


def stories_page(
    catalog: Catalog,
    *,
    event_type: str | None = None,
    country: str | None = None,
    min_corroboration: int | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> dict[str, Any]:
    """Stories (reports of one real-world event linked across documents), earliest first."""
    snapshot = catalog.snapshot()
    stories = catalog.stories()
    chosen: Sequence[StorySummary] = stories.stories
    if event_type is not None or country is not None or min_corroboration is not None:
        chosen = [
            s
            for s in stories.stories
            if (event_type is None or s.event_type == event_type.upper())
            and (country is None or s.country == country.upper())
            and (min_corroboration is None or s.corroboration >= min_corroboration)
        ]
    page, next_cursor, total = _listing(
        chosen,
        listing="stories",
        key=_key(event_type, country, min_corroboration, stories.serial),
        ids=stories.rank,
        item_id=lambda s: s.id,
        limit=limit,
        cursor=cursor,
    )
    return {
        "stories": [s.to_dict() for s in page],
        "next_cursor": next_cursor,
        "total": total,
        "stale": stories.serial != snapshot.serial,
    }


def story_detail(catalog: Catalog, story_id: str) -> dict[str, Any]:
    """One story with its events in full.

    Raises:
        NotFound: No story has this id.
    """
    snapshot = catalog.snapshot()
    story: StorySummary | None = catalog.stories().by_id.get(story_id)
    if story is None:
        raise NotFound(f"no story with id {story_id!r}; list stories at /api/stories")
    events = [e.record() for e in (snapshot.entry(i) for i in story.event_ids) if e is not None]
    return {"story": story.to_dict(), "events": events}


# --------------------------------------------------------------------------- search


def _snippet(text: str, needle: str) -> dict[str, Any] | None:
    """The first case-insensitive match of ``needle`` in ``text`` with some context."""
    match = re.search(re.escape(needle), text, flags=re.IGNORECASE)
    if match is None:
        return None
    start = max(0, match.start() - _SNIPPET)
    end = min(len(text), match.end() + _SNIPPET)
    return {
        "text": text[start:end],
        "start": start,
        "match_start": match.start(),
        "match_end": match.end(),
    }


def search(catalog: Catalog, q: str, *, limit: int = 20) -> dict[str, Any]:
    """Events and documents whose text contains ``q`` (case-insensitive).

    Args:
        catalog: The read model.
        q: The text to find.
        limit: At most this many events and this many documents.

    Returns:
        ``{"q", "events": {"total", "items"}, "documents": {"total", "items"}}``;
        event items are brief records with their evidence, newest first;
        document items are metadata with a snippet around the first match.
    """
    snapshot, selection = select_events(catalog, EventFilters.checked(q=q), sort="-date")
    entries, _ = snapshot.page(selection, sort="-date", after=None, limit=limit)
    event_items = []
    for entry in entries:
        item = entry.brief()
        item["evidence"] = entry.record()["evidence"]
        event_items.append(item)
    documents = snapshot.documents_matching(q)
    document_items = []
    for document in documents[:limit]:
        text = snapshot.text_of(document["id"]) or ""
        document_items.append({**document, "snippet": _snippet(text, q)})
    return {
        "q": q,
        "events": {"total": len(selection), "items": event_items},
        "documents": {"total": len(documents), "items": document_items},
    }
