"""The store's SQL, written once in a portable subset, and the rows it binds.

Every statement uses ``?`` placeholders and sorts text ``COLLATE BINARY`` (a
:class:`~eventwatch.store.dialect.Dialect` rewrites both for its backend), so
every backend returns the same rows in the same order.  Values never enter SQL text:
event filters come from :data:`EVENT_FILTERS`, a fixed table of column expressions
keyed by :class:`~eventwatch.store.base.EventQuery` field, and only their
parameters carry what the caller typed.

Functions here turn model records into row tuples in the column order of the
``*_COLUMNS`` constants, so inserts and schema stay side by side.
"""

from __future__ import annotations

import calendar
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from eventwatch.model import Document, Entity, EventRecord

if TYPE_CHECKING:
    from eventwatch.store.base import EventQuery

__all__ = [
    "ARGUMENT_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "DOCUMENT_COLUMNS",
    "DOCUMENT_LIST_COLUMNS",
    "ENTITY_COLUMNS",
    "EVENT_COLUMNS",
    "EVENT_FILTERS",
    "argument_rows",
    "attribution_row",
    "document_row",
    "entity_rows",
    "event_row",
    "event_where",
    "fold",
    "insert_sql",
    "like_contains",
    "merged_entity_rows",
]

logger = logging.getLogger(__name__)

LIKE_ESCAPE = "\\"
#: The condition used for a filter value that cannot match anything (an invalid date).
NEVER = "1 = 0"
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

DOCUMENT_COLUMNS = (
    "id",
    "content_hash",
    "url",
    "outlet",
    "title",
    "author",
    "published",
    "published_precision",
    "language",
    "source_path",
    "text",
    "ingested_at",
)
DOCUMENT_LIST_COLUMNS = tuple(c for c in DOCUMENT_COLUMNS if c != "text")
SENTENCE_COLUMNS = ("doc_id", "idx", '"start"', '"end"')
ENTITY_COLUMNS = ("id", "name", "country", "sector")
EVENT_COLUMNS = (
    "id",
    "doc_id",
    "event_type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "factuality",
    "confidence",
    "date_text",
    "date_start",
    "date_end",
    "date_precision",
    "date_basis",
    "location_name",
    "location_country",
    "location_admin1",
    "lat",
    "lon",
    "killed",
    "injured",
    "arrested",
    "participants",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "evidence_folded",
    "record_json",
)
ARGUMENT_COLUMNS = (
    "event_id",
    "role",
    "text",
    "name",
    "entity_id",
    "country",
    "sector",
    "text_folded",
)
ATTRIBUTION_COLUMNS = ("event_id", "source_text", "source_name", "cue", "via_json", "anonymous")
FAILURE_COLUMNS = ("source", "stage", "reason", "at")

SELECT_DOCUMENT = f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents WHERE id = ?"
SELECT_DOCUMENTS = (
    f"SELECT {', '.join(DOCUMENT_LIST_COLUMNS)} FROM documents "
    "ORDER BY ingested_at COLLATE BINARY, id COLLATE BINARY"
)
SELECT_SENTENCES = 'SELECT "start", "end" FROM sentences WHERE doc_id = ? ORDER BY idx'
SELECT_HAS_CONTENT = "SELECT 1 FROM documents WHERE content_hash = ?"
SELECT_ENTITY_PROFILE = (
    "SELECT id, name, country, sector, kind, aliases_json, offices_json, documents "
    "FROM entities WHERE id = ? AND kind IS NOT NULL"
)
SELECT_EVENTS_FOR_DOCUMENT = (
    "SELECT record_json, story_id FROM events WHERE doc_id = ? "
    "ORDER BY evidence_start, id COLLATE BINARY"
)
SELECT_FAILURES = "SELECT id, source, stage, reason, at FROM ingest_failures ORDER BY id DESC"
COUNT_TABLE = {
    "documents": "SELECT COUNT(*) FROM documents",
    "events": "SELECT COUNT(*) FROM events",
    "failures": "SELECT COUNT(*) FROM ingest_failures",
}
GROUP_COUNTS = {
    "by_event_type": (
        "SELECT event_type, COUNT(*) FROM events GROUP BY event_type "
        "ORDER BY COUNT(*) DESC, event_type COLLATE BINARY"
    ),
    "by_factuality": (
        "SELECT factuality, COUNT(*) FROM events GROUP BY factuality "
        "ORDER BY COUNT(*) DESC, factuality COLLATE BINARY"
    ),
    "by_country": (
        "SELECT location_country, COUNT(*) FROM events WHERE location_country IS NOT NULL "
        "GROUP BY location_country ORDER BY COUNT(*) DESC, location_country COLLATE BINARY"
    ),
}
EVENT_ORDER = " ORDER BY e.doc_id COLLATE BINARY, e.evidence_start, e.id COLLATE BINARY"


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """A plain portable INSERT for ``table`` (a constant) with ``?`` placeholders."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


INSERT_SENTENCE = insert_sql("sentences", SENTENCE_COLUMNS)
INSERT_EVENT = insert_sql("events", EVENT_COLUMNS)
INSERT_ARGUMENT = insert_sql("event_arguments", ARGUMENT_COLUMNS)
INSERT_ATTRIBUTION = insert_sql("attributions", ATTRIBUTION_COLUMNS)
INSERT_FAILURE = insert_sql("ingest_failures", FAILURE_COLUMNS)


# --------------------------------------------------------------------------- search helpers


def fold(text: str | None) -> str:
    """Case-folded text for case-insensitive search (Unicode-aware, unlike SQL LOWER)."""
    return (text or "").casefold()


def like_contains(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with ``%``, ``_`` and ``\\`` taken literally."""
    escaped = (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """One EventQuery field: its SQL condition and how the value becomes parameters."""

    condition: str
    params: Callable[[str], list[Any] | None]
    """Parameters for the condition, or None when the value can match nothing."""


def _same(value: str) -> list[Any]:
    return [value]


def iso_date_bound(value: str, *, end: bool) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a full date (first or last day); else None."""
    match = _PARTIAL_DATE.match(value.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        if day is not None:
            return date(int(year), int(month), int(day)).isoformat()
        if month is not None:
            first = date(int(year), int(month), 1)
            last_day = calendar.monthrange(first.year, first.month)[1]
            return first.replace(day=last_day if end else 1).isoformat()
        return date(int(year), 12, 31).isoformat() if end else date(int(year), 1, 1).isoformat()
    except ValueError:
        return None


def _date_from(value: str) -> list[Any] | None:
    bound = iso_date_bound(value, end=False)
    return None if bound is None else [bound]


def _date_to(value: str) -> list[Any] | None:
    bound = iso_date_bound(value, end=True)
    return None if bound is None else [bound]


def _upper(value: str) -> list[Any]:
    return [value.upper()]


_ACTOR_OR_RECIPIENT = "role IN ('actor', 'recipient')"

#: The only SQL a query can add to ``WHERE``: keyed by EventQuery field name.
EVENT_FILTERS: dict[str, EventFilter] = {
    "event_type": EventFilter("e.event_type = ?", _upper),
    "mode": EventFilter("e.mode = ?", _same),
    "country": EventFilter(
        "(e.location_country = ? OR e.id IN (SELECT event_id FROM event_arguments "
        f"WHERE country = ? AND {_ACTOR_OR_RECIPIENT}))",
        lambda value: [value.upper(), value.upper()],
    ),
    "actor": EventFilter(
        "e.id IN (SELECT event_id FROM event_arguments "
        f"WHERE {_ACTOR_OR_RECIPIENT} AND text_folded LIKE ? ESCAPE '\\')",
        lambda value: [like_contains(fold(value))],
    ),
    # Ranges overlap when each starts before the other ends; an open end takes
    # the other bound, so a single-day date works; undated events never match.
    "date_from": EventFilter("COALESCE(e.date_end, e.date_start) >= ?", _date_from),
    "date_to": EventFilter("COALESCE(e.date_start, e.date_end) <= ?", _date_to),
    "factuality": EventFilter("e.factuality = ?", _same),
    "text": EventFilter(
        "e.evidence_folded LIKE ? ESCAPE '\\'", lambda value: [like_contains(fold(value))]
    ),
    "doc_id": EventFilter("e.doc_id = ?", _same),
}


def event_where(query: EventQuery | None) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (or ``""``) and parameters for an EventQuery's filters.

    Args:
        query: The filters; ``None`` or unset fields mean no restriction.

    Returns:
        ``(sql, params)``; the SQL is built only from :data:`EVENT_FILTERS`.
    """
    if query is None:
        return "", []
    conditions: list[str] = []
    params: list[Any] = []
    for field_name, event_filter in EVENT_FILTERS.items():
        value = getattr(query, field_name)
        if value is None or value == "":
            continue
        filter_params = event_filter.params(str(value))
        if filter_params is None:
            logger.warning("%s=%r can match no event; expected e.g. 2024-07-15", field_name, value)
            conditions.append(NEVER)
            continue
        conditions.append(event_filter.condition)
        params.extend(filter_params)
    if not conditions:
        return "", []
    return " WHERE " + " AND ".join(conditions), params


# --------------------------------------------------------------------------- record -> rows


def document_row(doc: Document, ingested_at: str) -> tuple[Any, ...]:
    """The ``documents`` row for ``doc``, in DOCUMENT_COLUMNS order."""
    return (
        doc.id,
        doc.content_hash,
        doc.url,
        doc.outlet,
        doc.title,
        doc.author,
        doc.published,
        doc.published_precision,
        doc.language,
        doc.source_path,
        doc.text,
        ingested_at,
    )


def event_row(record: EventRecord, record_dict: dict[str, Any]) -> tuple[Any, ...]:
    """The ``events`` row for ``record``; ``record_dict`` is its ``to_dict()``."""
    acled = record_dict["acled"] or {}
    date = record_dict["date"]
    location = record_dict["location"] or {}
    counts = record_dict["counts"]
    evidence = record_dict["evidence"]
    return (
        record.id,
        record.doc_id,
        record.event_type,
        record.mode,
        acled.get("event_type"),
        acled.get("sub_event_type"),
        record.factuality,
        record_dict["confidence"],
        date["text"],
        date["start"],
        date["end"],
        date["precision"],
        date["basis"],
        location.get("name"),
        location.get("country"),
        location.get("admin1"),
        location.get("lat"),
        location.get("lon"),
        counts.get("killed"),
        counts.get("injured"),
        counts.get("arrested"),
        counts.get("participants"),
        evidence["start"],
        evidence["end"],
        evidence["text"],
        fold(evidence["text"]),
        json.dumps(record_dict, ensure_ascii=False),
    )


def _argument_entities(record: EventRecord) -> list[tuple[str, Entity]]:
    """The record's participants with their roles, in a fixed order."""
    roles = [
        ("actor", record.actor),
        ("recipient", record.recipient),
        ("source", record.attribution.source if record.attribution else None),
    ]
    return [(role, entity) for role, entity in roles if entity is not None]


def argument_rows(record: EventRecord) -> list[tuple[Any, ...]]:
    """``event_arguments`` rows (actor, recipient, attribution source) for ``record``."""
    return [
        (
            record.id,
            role,
            entity.text,
            entity.name,
            entity.id,
            entity.country,
            entity.sector,
            fold(f"{entity.text}\x1f{entity.name}"),
        )
        for role, entity in _argument_entities(record)
    ]


def entity_rows(record: EventRecord) -> list[tuple[Any, ...]]:
    """``entities`` rows to upsert: every participant of ``record`` that has an id."""
    return [
        (entity.id, entity.name, entity.country, entity.sector)
        for _, entity in _argument_entities(record)
        if entity.id
    ]


def merged_entity_rows(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """One ``entities`` row per id, equal to upserting ``rows`` one after another.

    The name is the last one seen; country and sector the last known (not None).
    Upserting an entity once instead of once per mention keeps a batch from piling
    up versions of the same row (PostgreSQL writes a new one per update).
    """
    merged: dict[Any, tuple[Any, ...]] = {}
    for entity_id, name, country, sector in rows:
        known = merged.get(entity_id)
        if known is not None:
            country = known[2] if country is None else country
            sector = known[3] if sector is None else sector
        merged[entity_id] = (entity_id, name, country, sector)
    return list(merged.values())


def attribution_row(record: EventRecord) -> tuple[Any, ...]:
    """The ``attributions`` row for ``record`` (one per event; source NULL = the outlet)."""
    attribution = record.attribution
    source = attribution.source if attribution else None
    return (
        record.id,
        source.text if source else None,
        source.name if source else None,
        attribution.cue if attribution else None,
        json.dumps(list(attribution.via) if attribution else [], ensure_ascii=False),
        1 if attribution and attribution.anonymous else 0,
    )
