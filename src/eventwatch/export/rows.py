"""Flat rows from nested event records: the ACLED-like table.

:func:`acled_row` turns one event (the dict of ``EventRecord.to_dict()``) into
one flat row whose keys are :data:`CSV_COLUMNS`.  The ACLED columns come first,
in ACLED's order, so a sheet of ours lines up with an ACLED download; our own
columns (PLOVER type, factuality, attribution, offsets) follow.

Values keep their types (``int``, ``float``, ``bool``, ``None``); the CSV
writer turns them into text and the GeoJSON writer keeps them as JSON values.
Records that miss keys or carry ``None`` where an object is expected are
read as if the object were empty.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["CSV_COLUMNS", "acled_row"]

log = logging.getLogger(__name__)

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "country",
    "iso3",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
EVENTWATCH_COLUMNS: tuple[str, ...] = (
    "plover_type",
    "plover_mode",
    "factuality",
    "attribution_source",
    "attribution_cue",
    "attribution_via",
    "anonymous_source",
    "injured",
    "arrested",
    "participants",
    "date_start",
    "date_end",
    "date_text",
    "confidence",
    "doc_id",
    "evidence_start",
    "evidence_end",
)
CSV_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EVENTWATCH_COLUMNS
"""Column order of the CSV export: ACLED-like columns first, then ours."""

# ACLED time_precision: 1 = the day is known, 2 = within a week or a month, 3 = vaguer.
TIME_PRECISION = {"day": 1, "week": 2, "month": 2, "year": 3, "unknown": 3}

# ACLED geo_precision: 1 = the town itself, 2 = near it / a district, 3 = a province or wider.
GEO_PRECISION = {
    "point": 1,
    "exact": 1,
    "locality": 1,
    "city": 1,
    "town": 1,
    "village": 1,
    "neighbourhood": 1,
    "neighborhood": 1,
    "near": 2,
    "district": 2,
    "county": 2,
    "admin2": 2,
    "admin1": 3,
    "region": 3,
    "province": 3,
    "state": 3,
    "country": 3,
}

VIA_SEPARATOR = "; "


def as_mapping(value: Any) -> Mapping[str, Any]:
    """``value`` if it is a mapping, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def as_int(value: Any) -> int | None:
    """``value`` as an int, or None when it is missing or not a whole number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number) or number != int(number):
        return None
    return int(number)


def as_float(value: Any) -> float | None:
    """``value`` as a finite float, or None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def as_text(value: Any) -> str | None:
    """``value`` as a string, or None when missing or empty."""
    if value is None:
        return None
    text = str(value)
    return text if text else None


def _entity_label(entity: Any) -> str | None:
    """An entity's canonical name, else its text as written."""
    entity = as_mapping(entity)
    return as_text(entity.get("name")) or as_text(entity.get("text"))


def _year(iso_date: str | None) -> int | None:
    """The year of an ISO date string (``2024``, ``2024-11``, ``2024-11-05``)."""
    if iso_date and len(iso_date) >= 4 and iso_date[:4].isdigit():
        return int(iso_date[:4])
    return None


def _time_precision(precision: Any) -> int:
    """ACLED's 1/2/3 for one of our date precisions."""
    return TIME_PRECISION.get(str(precision).lower() if precision else "unknown", 3)


def _geo_precision(precision: Any) -> int | None:
    """ACLED's 1/2/3 for a location precision (already 1-3, or a gazetteer word)."""
    number = as_int(precision)
    if number in (1, 2, 3):
        return number
    if isinstance(precision, str):
        return GEO_PRECISION.get(precision.strip().lower())
    return None


@functools.cache
def _country_name_lookup() -> Callable[[str], str | None] | None:
    """``eventwatch.resolve.countries.country_name`` when it can be imported."""
    try:
        from eventwatch.resolve.countries import country_name
    except ImportError as exc:
        log.debug("country names unavailable, exporting ISO3 codes: %s", exc)
        return None
    return country_name


def _country_label(iso3: str | None) -> str | None:
    """A readable country name for an ISO3 code, falling back to the code."""
    if not iso3:
        return None
    lookup = _country_name_lookup()
    if lookup is None:
        return iso3
    try:
        name = lookup(iso3)
    except (LookupError, ValueError, TypeError):
        name = None
    return name or iso3


def acled_row(
    event: Mapping[str, Any], document: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Flatten one event record into one ACLED-like row.

    Args:
        event: An event record shaped like ``EventRecord.to_dict()``.
        document: The event's document (``Document.to_dict()``), if known; its
            ``outlet`` fills the ``source`` column.

    Returns:
        A dict with exactly the keys of :data:`CSV_COLUMNS`, in that order.
        Unknown values are ``None``, except ``fatalities`` (0 when not stated,
        as in ACLED) and ``time_precision`` (3 when the date is unknown).
    """
    date = as_mapping(event.get("date"))
    location = as_mapping(event.get("location"))
    counts = as_mapping(event.get("counts"))
    acled = as_mapping(event.get("acled"))
    actor = as_mapping(event.get("actor"))
    attribution = as_mapping(event.get("attribution"))
    evidence = as_mapping(event.get("evidence"))

    start = as_text(date.get("start"))
    iso3 = as_text(location.get("country")) or as_text(actor.get("country"))
    via = attribution.get("via") or []
    if isinstance(via, str):
        via = [via]
    source = as_text(as_mapping(document).get("outlet")) or as_text(event.get("outlet"))
    anonymous = attribution.get("anonymous")

    return {
        "event_id_cnty": as_text(event.get("id")),
        "event_date": start,
        "year": _year(start),
        "time_precision": _time_precision(date.get("precision")),
        "event_type": as_text(acled.get("event_type")),
        "sub_event_type": as_text(acled.get("sub_event_type")),
        "actor1": _entity_label(actor),
        "assoc_actor_1": None,
        "actor2": _entity_label(event.get("recipient")),
        "country": _country_label(iso3),
        "iso3": iso3,
        "admin1": as_text(location.get("admin1")),
        "location": as_text(location.get("name")) or as_text(location.get("text")),
        "latitude": as_float(location.get("lat")),
        "longitude": as_float(location.get("lon")),
        "geo_precision": _geo_precision(location.get("precision")),
        "source": source,
        "notes": as_text(evidence.get("text")),
        "fatalities": as_int(counts.get("killed")) or 0,
        "plover_type": as_text(event.get("event_type")),
        "plover_mode": as_text(event.get("mode")),
        "factuality": as_text(event.get("factuality")),
        "attribution_source": _entity_label(attribution.get("source")),
        "attribution_cue": as_text(attribution.get("cue")),
        "attribution_via": VIA_SEPARATOR.join(str(v) for v in via if v) or None,
        "anonymous_source": None if anonymous is None else bool(anonymous),
        "injured": as_int(counts.get("injured")),
        "arrested": as_int(counts.get("arrested")),
        "participants": as_int(counts.get("participants")),
        "date_start": start,
        "date_end": as_text(date.get("end")),
        "date_text": as_text(date.get("text")),
        "confidence": as_float(event.get("confidence")),
        "doc_id": as_text(event.get("doc_id")),
        "evidence_start": as_int(evidence.get("start")),
        "evidence_end": as_int(evidence.get("end")),
    }


def document_for(
    event: Mapping[str, Any], documents: Mapping[str, Mapping[str, Any]] | None
) -> Mapping[str, Any] | None:
    """The event's document from ``documents``, or None."""
    if not documents:
        return None
    doc_id = event.get("doc_id")
    return documents.get(doc_id) if isinstance(doc_id, str) else None
