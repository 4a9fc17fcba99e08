"""The export stage: event records out as JSON Lines, a JSON array, ACLED-style CSV, GeoJSON, Parquet.

Formats live in a registry (:data:`EXPORTERS`); the defaults are registered
with :func:`register_exporter` like any plugin would be.  Every caller goes
through :func:`export_events`::

    from eventwatch.export import export_events

    export_events(events, "events.csv", format="csv", documents=docs_by_id)
    export_events(events, "-", format="jsonl")  # standard output

Files are written atomically; JSON Lines, CSV and GeoJSON stream one event at
a time and Parquet one row group at a time.  CSV text cells are guarded
against spreadsheet formula injection (see :mod:`eventwatch.export.acled_csv`).
"""

from __future__ import annotations

from eventwatch.export.acled_csv import write_csv
from eventwatch.export.api import export_events
from eventwatch.export.geojson import write_geojson
from eventwatch.export.jsonl import write_json_array, write_jsonl
from eventwatch.export.parquet import PARQUET_SCHEMA, write_parquet
from eventwatch.export.registry import EXPORTERS, Exporter, get_exporter, register_exporter
from eventwatch.export.rows import CSV_COLUMNS, acled_row

__all__ = [
    "CSV_COLUMNS",
    "EXPORTERS",
    "Exporter",
    "PARQUET_SCHEMA",
    "acled_row",
    "export_events",
    "get_exporter",
    "register_exporter",
    "write_csv",
    "write_geojson",
    "write_json_array",
    "write_jsonl",
    "write_parquet",
]
