"""The store's resolution side: canonical entities, their mentions, and stories.

:class:`GraphStore` is a mixin of :class:`~eventwatch.store.base.Store`; it reads
and writes the tables of migration 0002.  Linking is incremental: each ingest
batch's events are linked against the stored events within reach (of the same or
a related kind, dates within the window) and the stories they belong to, so the
cost of a batch does not grow with the size of the store beyond those blocks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from eventwatch.link import (
    MAX_SPAN_DAYS,
    UNDATED_LOOKBACK_DAYS,
    Story,
    StoryLinker,
    link_order,
    linkable,
)
from eventwatch.link.compare import RELATED_TYPES
from eventwatch.resolve.entities import CanonicalEntity, EntityRegistry, LinkedMention
from eventwatch.store import queries

if TYPE_CHECKING:
    from eventwatch.store.base import Store

__all__ = ["GraphStore", "canonical_entity", "with_story"]

ENTITY_FULL_COLUMNS = (
    "id",
    "name",
    "country",
    "sector",
    "kind",
    "aliases_json",
    "offices_json",
    "documents",
    "name_folded",
)
MENTION_COLUMNS = ("doc_id", '"start"', '"end"', "text", "entity_id", "kind")
STORY_COLUMNS = (
    "id",
    "event_type",
    "country",
    "earliest",
    "corroboration",
    "event_count",
    "document_count",
    "summary_json",
)
_CHUNK = 500
_ENTITY_SELECT = (
    "SELECT id, name, country, sector, kind, aliases_json, offices_json, documents FROM entities"
)


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()


def _related_kinds(event_type: str) -> tuple[str, ...]:
    """The kinds a report of ``event_type`` may be linked with besides its own."""
    return tuple(
        sorted({k for pair in RELATED_TYPES if event_type in pair for k in pair} - {event_type})
    )


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def canonical_entity(row: dict[str, Any]) -> CanonicalEntity:
    """A stored entity row as a :class:`CanonicalEntity`."""
    from collections import Counter

    return CanonicalEntity(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        country=row["country"],
        sector=row["sector"],
        aliases=Counter(json.loads(row["aliases_json"] or "{}")),
        offices=json.loads(row["offices_json"] or "[]"),
        documents=row["documents"] or 0,
    )


class GraphStore:
    """Entities and stories of a :class:`Store` (mixed into it)."""

    # ------------------------------------------------------------------ entities

    def entity_registry(self: Store) -> EntityRegistry:
        """Every stored canonical entity, ready to link new documents against."""
        with self._reading("read entities"):
            rows = self._rows(_ENTITY_SELECT + " WHERE kind IS NOT NULL ORDER BY id")
        return EntityRegistry(canonical_entity(row) for row in rows)

    def _write_entities(self: Store, entities: Sequence[CanonicalEntity]) -> None:
        """Upsert canonical entities (inside the open write transaction)."""
        sql = self.dialect.upsert("entities", ENTITY_FULL_COLUMNS, ("id",))
        self._executemany(
            sql,
            [
                (
                    e.id,
                    e.name,
                    e.country,
                    e.sector,
                    e.kind,
                    json.dumps(dict(e.aliases), ensure_ascii=False),
                    json.dumps(e.offices, ensure_ascii=False),
                    e.documents,
                    queries.fold(e.name),
                )
                for e in entities
            ],
        )

    def _write_mentions(self: Store, mentions: Sequence[LinkedMention]) -> None:
        self._executemany(
            queries.insert_sql("entity_mentions", MENTION_COLUMNS),
            [(m.doc_id, m.start, m.end, m.text, m.entity_id, m.kind) for m in mentions],
        )

    def entity_mentions(self: Store, doc_id: str) -> list[dict[str, Any]]:
        """Every named mention of a document with its entity, in text order."""
        with self._reading(f"read entity mentions of {doc_id!r}"):
            return self._rows(
                'SELECT doc_id, "start", "end", text, entity_id, kind FROM entity_mentions '
                'WHERE doc_id = ? ORDER BY "start", "end"',
                (doc_id,),
            )

    def entities(
        self: Store,
        *,
        kind: str | None = None,
        country: str | None = None,
        name: str | None = None,
        limit: int | None = 50,
    ) -> list[dict[str, Any]]:
        """Canonical entities with their event counts, most events first.

        Args:
            kind: ``person``, ``organization`` or ``place``; None for every kind.
            country: ISO alpha-3 code.
            name: text that the name contains (case-insensitive).
            limit: at most this many; None for all.
        """
        where, params = ["e.kind IS NOT NULL"], []
        if kind:
            where.append("e.kind = ?")
            params.append(kind)
        if country:
            where.append("e.country = ?")
            params.append(country.upper())
        if name:
            where.append(f"e.name_folded LIKE ? ESCAPE '{queries.LIKE_ESCAPE}'")
            params.append(queries.like_contains(name))
        tail, paging = self.dialect.limit_clause(limit, 0)
        sql = (
            "SELECT e.id, e.name, e.kind, e.country, e.sector, e.documents, "
            "COUNT(DISTINCT a.event_id) AS events FROM entities e "
            "LEFT JOIN event_arguments a ON a.entity_id = e.id "
            f"WHERE {' AND '.join(where)} "
            "GROUP BY e.id, e.name, e.kind, e.country, e.sector, e.documents "
            "ORDER BY COUNT(DISTINCT a.event_id) DESC, e.documents DESC, e.name COLLATE BINARY"
        )
        with self._reading("list entities"):
            return self._rows(sql + tail, [*params, *paging])

    def entity(self: Store, key: str) -> dict[str, Any] | None:
        """One entity by id, or by name or alias (case-insensitive), with its events.

        Returns:
            The entity's fields, ``aliases``, ``offices``, and ``events_as_actor`` /
            ``events_as_recipient`` (event records, dated order); None if unknown.
        """
        with self._reading(f"read entity {key!r}"):
            rows = self._rows(_ENTITY_SELECT + " WHERE id = ? AND kind IS NOT NULL", (key,))
            if not rows:
                rows = self._rows(
                    _ENTITY_SELECT + " WHERE name_folded = ? AND kind IS NOT NULL "
                    "ORDER BY documents DESC, id",
                    (queries.fold(key),),
                )
            if not rows:
                pattern = queries.like_contains(json.dumps(key, ensure_ascii=False)[1:-1])
                candidates = self._rows(
                    _ENTITY_SELECT + " WHERE kind IS NOT NULL AND LOWER(aliases_json) LIKE ? "
                    f"ESCAPE '{queries.LIKE_ESCAPE}' ORDER BY documents DESC, id",
                    (pattern,),
                )
                rows = [
                    r
                    for r in candidates
                    if key.lower() in {a.lower() for a in json.loads(r["aliases_json"] or "{}")}
                ]
            if not rows:
                return None
            entity = canonical_entity(rows[0]).to_dict()
            for role in ("actor", "recipient"):
                found = self._execute(
                    "SELECT DISTINCT e.record_json, e.story_id, e.date_start FROM events e "
                    "JOIN event_arguments a ON a.event_id = e.id "
                    "WHERE a.entity_id = ? AND a.role = ? ORDER BY e.date_start, e.record_json",
                    (entity["id"], role),
                ).fetchall()
                entity[f"events_as_{role}"] = [with_story(r[0], r[1]) for r in found]
        return entity

    # ------------------------------------------------------------------ stories

    def link_stories(self: Store, events: Sequence[dict[str, Any]], *, window_days: int = 3) -> int:
        """Link newly stored events into stories, against the stored events in reach.

        Args:
            events: event records just stored (``EventRecord.to_dict()`` shape).
            window_days: as for :func:`eventwatch.link.link_events`.

        Returns:
            The number of stories created or changed.
        """
        with self._write_transaction():
            return self._link(events, window_days=window_days)

    def _link(self: Store, events: Sequence[dict[str, Any]], *, window_days: int = 3) -> int:
        """:meth:`link_stories` inside the open write transaction."""
        new = [e for e in events if linkable(e)]
        if not new:
            return 0
        linker = StoryLinker(window_days=window_days)
        for story_id, members in self._stories_in_reach(new, window_days).items():
            for member in members:
                linker.seed(member, story_id)
        new.sort(key=link_order)
        assigned = [(linker.add(event), event["id"]) for event in new]
        self._executemany("UPDATE events SET story_id = ? WHERE id = ?", assigned)
        touched = [linker.stories[i] for i in sorted(linker.touched)]
        self._write_stories(touched)
        return len(touched)

    def _stories_in_reach(
        self: Store, events: Sequence[dict[str, Any]], window_days: int
    ) -> dict[str, list[dict[str, Any]]]:
        """Stored stories with a report in reach of ``events``, each with all its reports."""
        ranges: dict[str, list[str]] = {}
        for event in events:
            # reports of its kind in reach, and of the kinds it may be told as ("the
            # president was detained" for a coup), which the linker also compares
            for key in (event["event_type"], *_related_kinds(event["event_type"])):
                low, high = event["date"]["start"], event["date"]["end"]
                known = ranges.get(key)
                ranges[key] = [min(known[0], low), max(known[1], high)] if known else [low, high]
        story_ids: set[str] = set()
        reach = window_days + MAX_SPAN_DAYS + UNDATED_LOOKBACK_DAYS
        for event_type, (low, high) in sorted(ranges.items()):
            rows = self._execute(
                "SELECT DISTINCT story_id FROM events WHERE event_type = ? AND "
                "story_id IS NOT NULL AND date_end >= ? AND date_start <= ?",
                [event_type, _shift(low, -reach), _shift(high, reach)],
            ).fetchall()
            story_ids.update(r[0] for r in rows)
        members: dict[str, list[dict[str, Any]]] = {}
        for chunk in _chunks(sorted(story_ids)):
            marks = ", ".join("?" for _ in chunk)
            rows = self._execute(
                f"SELECT record_json, story_id FROM events WHERE story_id IN ({marks}) "
                "ORDER BY date_start, id COLLATE BINARY",
                list(chunk),
            ).fetchall()
            for record_json, story_id in rows:
                members.setdefault(story_id, []).append(with_story(record_json, story_id))
        return members

    def _write_stories(self: Store, stories: Sequence[Story]) -> None:
        sql = self.dialect.upsert("stories", STORY_COLUMNS, ("id",))
        rows = []
        for story in stories:
            summary = story.summary()
            rows.append(
                (
                    story.id,
                    story.event_type,
                    summary["country"],
                    summary["earliest"],
                    summary["corroboration"],
                    len(story.events),
                    len(summary["doc_ids"]),
                    json.dumps(summary, ensure_ascii=False),
                )
            )
        self._executemany(sql, rows)

    def relink_stories(self: Store, *, window_days: int = 3) -> int:
        """Forget every story and link all stored events again (after an upgrade of the linker).

        Returns:
            The number of stories.
        """
        with self._reading("read events to link"):
            rows = self._execute("SELECT record_json FROM events").fetchall()
        from eventwatch.link import link_events

        stories = link_events((json.loads(r[0]) for r in rows), window_days=window_days)
        with self._write_transaction():
            self._execute("UPDATE events SET story_id = NULL")
            self._execute("DELETE FROM stories")
            self._executemany(
                "UPDATE events SET story_id = ? WHERE id = ?",
                [(story.id, e["id"]) for story in stories for e in story.events],
            )
            self._write_stories(stories)
        return len(stories)

    def stories(
        self: Store,
        *,
        min_sources: int = 1,
        country: str | None = None,
        event_type: str | None = None,
        limit: int | None = 50,
    ) -> list[dict[str, Any]]:
        """Story summaries, best corroborated first, then newest."""
        where, params = ["corroboration >= ?"], [min_sources]
        if country:
            where.append("country = ?")
            params.append(country.upper())
        if event_type:
            where.append("event_type = ?")
            params.append(event_type.upper())
        tail, paging = self.dialect.limit_clause(limit, 0)
        sql = (
            f"SELECT summary_json FROM stories WHERE {' AND '.join(where)} "
            "ORDER BY corroboration DESC, earliest DESC, id COLLATE BINARY"
        )
        with self._reading("list stories"):
            rows = self._execute(sql + tail, [*params, *paging]).fetchall()
        return [json.loads(r[0]) for r in rows]

    def story(self: Store, story_id: str) -> dict[str, Any] | None:
        """One story's summary with its reports (``events``) and their documents' outlets."""
        with self._reading(f"read story {story_id!r}"):
            rows = self._execute(
                "SELECT summary_json FROM stories WHERE id = ?", (story_id,)
            ).fetchall()
            if not rows:
                return None
            story = json.loads(rows[0][0])
            found = self._execute(
                "SELECT e.record_json, e.story_id, d.outlet, d.title, d.published, d.url "
                "FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.story_id = ? "
                "ORDER BY e.date_start, d.published, e.id COLLATE BINARY",
                (story_id,),
            ).fetchall()
        story["events"] = []
        for record_json, sid, outlet, title, published, url in found:
            event = with_story(record_json, sid)
            event["document"] = {
                "outlet": outlet,
                "title": title,
                "published": published,
                "url": url,
            }
            story["events"].append(event)
        return story


def with_story(record_json: str, story_id: str | None) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(record_json)
    record["story_id"] = story_id
    return record
