"""Parquet: one row per event, nested objects as flat columns, for pandas and SQL.

The schema (:data:`PARQUET_SCHEMA`) is fixed, so every file, an empty one
included, has the same columns and types and files from many batch jobs can be
read as one dataset.  Nested objects become ``<object>_<key>`` columns
(``actor_name``, ``date_start``, ``counts_killed``, ``attribution_source_name``);
lists stay lists; ``record_json`` holds the whole record as JSON Lines would
write it, so nothing is lost.  ``outlet`` is the document's outlet when the
documents are given, else the record's own.

Rows are gathered into row groups of ``row_group_size`` (10,000 by default)
and written group by group, so memory stays bounded on any input size.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwatch.errors import ConfigError
from eventwatch.export.jsonl import dumps_event
from eventwatch.export.output import atomic_output
from eventwatch.export.registry import register_exporter
from eventwatch.export.rows import as_float, as_int, as_mapping, as_text, document_for

__all__ = ["PARQUET_SCHEMA", "write_parquet"]

log = logging.getLogger(__name__)

ROW_GROUP_SIZE = 10_000
SCHEMA_VERSION = "1"

_ENTITY_KEYS = ("text", "name", "country", "sector", "id")
# Parquet names list items "element"; naming them so here keeps the schema read back identical.
_STRING_LIST = pa.list_(pa.field("element", pa.string()))


def _entity_fields(prefix: str) -> list[pa.Field]:
    """String columns for one Entity object."""
    return [pa.field(f"{prefix}_{key}", pa.string()) for key in _ENTITY_KEYS]


PARQUET_SCHEMA: pa.Schema = pa.schema(
    [
        pa.field("id", pa.string()),
        pa.field("doc_id", pa.string()),
        pa.field("event_type", pa.string()),
        pa.field("mode", pa.string()),
        pa.field("contexts", _STRING_LIST),
        pa.field("acled_event_type", pa.string()),
        pa.field("acled_sub_event_type", pa.string()),
        *_entity_fields("actor"),
        *_entity_fields("recipient"),
        pa.field("date_text", pa.string()),
        pa.field("date_start", pa.string()),
        pa.field("date_end", pa.string()),
        pa.field("date_precision", pa.string()),
        pa.field("date_basis", pa.string()),
        pa.field("location_text", pa.string()),
        pa.field("location_name", pa.string()),
        pa.field("location_country", pa.string()),
        pa.field("location_admin1", pa.string()),
        pa.field("location_lat", pa.float64()),
        pa.field("location_lon", pa.float64()),
        pa.field("location_precision", pa.string()),
        pa.field("counts_killed", pa.int64()),
        pa.field("counts_injured", pa.int64()),
        pa.field("counts_arrested", pa.int64()),
        pa.field("counts_participants", pa.int64()),
        pa.field("factuality", pa.string()),
        *_entity_fields("attribution_source"),
        pa.field("attribution_cue", pa.string()),
        pa.field("attribution_via", _STRING_LIST),
        pa.field("attribution_anonymous", pa.bool_()),
        pa.field("evidence_text", pa.string()),
        pa.field("evidence_start", pa.int64()),
        pa.field("evidence_end", pa.int64()),
        pa.field("trigger_text", pa.string()),
        pa.field("trigger_start", pa.int64()),
        pa.field("trigger_end", pa.int64()),
        pa.field("confidence", pa.float64()),
        pa.field("outlet", pa.string()),
        pa.field("record_json", pa.string()),
    ],
    metadata={"eventwatch.schema_version": SCHEMA_VERSION},
)
"""The column names and types of every Parquet export."""


def _strings(value: Any) -> list[str]:
    """A list of non-empty strings from a list (or a lone string)."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(item) for item in value if item is not None and str(item)]


def _bool(value: Any) -> bool | None:
    """``value`` as a bool, or None when missing."""
    return None if value is None else bool(value)


def parquet_row(
    event: Mapping[str, Any], document: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Flatten one event record into a row of :data:`PARQUET_SCHEMA`.

    Args:
        event: An event record shaped like ``EventRecord.to_dict()``.
        document: The event's document, if known (fills ``outlet``).

    Returns:
        A dict keyed by the schema's column names, values of the column types.

    Raises:
        InputError: The record holds a value JSON cannot represent.
    """
    acled = as_mapping(event.get("acled"))
    date = as_mapping(event.get("date"))
    location = as_mapping(event.get("location"))
    counts = as_mapping(event.get("counts"))
    attribution = as_mapping(event.get("attribution"))
    evidence = as_mapping(event.get("evidence"))
    trigger = as_mapping(event.get("trigger"))

    row: dict[str, Any] = {
        "id": as_text(event.get("id")),
        "doc_id": as_text(event.get("doc_id")),
        "event_type": as_text(event.get("event_type")),
        "mode": as_text(event.get("mode")),
        "contexts": _strings(event.get("contexts")),
        "acled_event_type": as_text(acled.get("event_type")),
        "acled_sub_event_type": as_text(acled.get("sub_event_type")),
    }
    for prefix, entity in (
        ("actor", event.get("actor")),
        ("recipient", event.get("recipient")),
        ("attribution_source", attribution.get("source")),
    ):
        entity = as_mapping(entity)
        row.update({f"{prefix}_{key}": as_text(entity.get(key)) for key in _ENTITY_KEYS})
    for key in ("text", "start", "end", "precision", "basis"):
        row[f"date_{key}"] = as_text(date.get(key))
    for key in ("text", "name", "country", "admin1", "precision"):
        row[f"location_{key}"] = as_text(location.get(key))
    row["location_lat"] = as_float(location.get("lat"))
    row["location_lon"] = as_float(location.get("lon"))
    for key in ("killed", "injured", "arrested", "participants"):
        row[f"counts_{key}"] = as_int(counts.get(key))
    row.update(
        {
            "factuality": as_text(event.get("factuality")),
            "attribution_cue": as_text(attribution.get("cue")),
            "attribution_via": _strings(attribution.get("via")),
            "attribution_anonymous": _bool(attribution.get("anonymous")),
            "evidence_text": as_text(evidence.get("text")),
            "evidence_start": as_int(evidence.get("start")),
            "evidence_end": as_int(evidence.get("end")),
            "trigger_text": as_text(trigger.get("text")),
            "trigger_start": as_int(trigger.get("start")),
            "trigger_end": as_int(trigger.get("end")),
            "confidence": as_float(event.get("confidence")),
            "outlet": as_text(as_mapping(document).get("outlet")) or as_text(event.get("outlet")),
            "record_json": dumps_event(event),
        }
    )
    return row


def _write_batches(
    events: Iterable[Mapping[str, Any]],
    sink: str | IO[bytes],
    documents: Mapping[str, Mapping[str, Any]] | None,
    row_group_size: int,
) -> int:
    """Write events to ``sink`` in row groups; return the row count."""
    written = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(sink, PARQUET_SCHEMA) as writer:
        for event in events:
            batch.append(parquet_row(event, document_for(event, documents)))
            if len(batch) >= row_group_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
                written += len(batch)
                batch.clear()
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
            written += len(batch)
    return written


@register_exporter("parquet", binary=True, suffix=".parquet")
def write_parquet(
    events: Iterable[Mapping[str, Any]],
    path: str | Path | IO[bytes],
    *,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
    row_group_size: int = ROW_GROUP_SIZE,
) -> int:
    """Write events to a Parquet file with :data:`PARQUET_SCHEMA`, in row groups.

    Args:
        events: Event records shaped like ``EventRecord.to_dict()``.
        path: The file to write (replaced atomically), or an open binary handle.
        documents: Documents by id; a document's ``outlet`` fills ``outlet``.
        row_group_size: Rows per row group, and so the most rows held in memory.

    Returns:
        The number of rows written.

    Raises:
        ConfigError: ``row_group_size`` is not positive.
        InputError: A record holds a value JSON cannot represent.
    """
    if row_group_size < 1:
        raise ConfigError(f"row_group_size must be at least 1, got {row_group_size}")
    if isinstance(path, str | Path):
        with atomic_output(path, binary=True) as handle:
            written = _write_batches(events, handle, documents, row_group_size)
    else:
        written = _write_batches(events, path, documents, row_group_size)
    log.debug("parquet: wrote %d rows", written)
    return written
