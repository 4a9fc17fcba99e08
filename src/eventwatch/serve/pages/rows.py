"""Event records as the pages show them: one flat row per event, every value plain text.

Rows are built from the stored record (:meth:`EventEntry.record`), so the
pages show exactly what the API serves.  Values stay strings and numbers;
templates escape them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventwatch.model import COUNT_KEYS
from eventwatch.serve.catalog import EventEntry
from eventwatch.serve.pages.vocabulary import factuality_class, type_class

__all__ = ["date_label", "entity_label", "event_row", "http_url", "place_label"]


def entity_label(entity: Mapping[str, Any] | None) -> str:
    """``Name (KGZ)``, or '' for no entity."""
    if not entity:
        return ""
    name = entity.get("name") or entity.get("text") or ""
    country = entity.get("country")
    return f"{name} ({country})" if country else str(name)


def date_label(date: Mapping[str, Any] | None) -> str:
    """``2024-07-01``, ``2024-07-01 – 2024-07-05``, or '' when undated."""
    if not date:
        return ""
    start, end = date.get("start"), date.get("end")
    if start and end and start != end:
        return f"{start} – {end}"
    return str(start or end or "")


def place_label(location: Mapping[str, Any] | None) -> str:
    """``Bishkek, KGZ``, or '' when the event has no place."""
    if not location:
        return ""
    name = location.get("name") or location.get("text") or ""
    country = location.get("country")
    return ", ".join(str(p) for p in (name, country) if p)


def http_url(value: Any) -> str | None:
    """``value`` when it is an http(s) URL (safe to link to), else None."""
    if isinstance(value, str) and value.lower().startswith(("http://", "https://")):
        return value
    return None


def event_row(
    entry: EventEntry,
    *,
    corroboration: int | None = None,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The table row of one event.

    Args:
        entry: The event.
        corroboration: Independent outlets of its story, when known.
        documents: Document metadata by id (for the outlet and title).
    """
    record = entry.record()
    attribution = record.get("attribution") or {}
    source = attribution.get("source")
    document = (documents or {}).get(entry.doc_id) or {}
    counts = record.get("counts") or {}
    return {
        "id": record["id"],
        "doc_id": record["doc_id"],
        "event_type": record.get("event_type"),
        "mode": record.get("mode"),
        "type_class": type_class(record.get("event_type")),
        "factuality": record.get("factuality"),
        "factuality_class": factuality_class(
            record.get("factuality"), anonymous=bool(attribution.get("anonymous"))
        ),
        "anonymous": bool(attribution.get("anonymous")),
        "date": date_label(record.get("date")),
        "date_basis": (record.get("date") or {}).get("basis"),
        "actor": entity_label(record.get("actor")),
        "recipient": entity_label(record.get("recipient")),
        "place": place_label(record.get("location")),
        "source": entity_label(source),
        "via": [str(v) for v in attribution.get("via") or []],
        "counts": [(key, counts[key]) for key in COUNT_KEYS if counts.get(key) is not None],
        "confidence": record.get("confidence"),
        "corroboration": corroboration,
        "outlet": record.get("outlet") or document.get("outlet"),
        "title": document.get("title"),
        "evidence": (record.get("evidence") or {}).get("text") or "",
    }
