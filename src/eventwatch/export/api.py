"""``export_events``: the one function the CLI, the API and batch jobs call to export."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from eventwatch.export.output import STDOUT, open_target
from eventwatch.export.registry import get_exporter

__all__ = ["export_events"]

log = logging.getLogger(__name__)


def export_events(
    events: Iterable[Mapping[str, Any]],
    out: str | Path | IO[Any],
    *,
    format: str,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write event records to ``out`` in a registered format.

    Events are streamed: JSON Lines, CSV and GeoJSON hold one event at a time,
    Parquet one row group.  A file path is written atomically (a temporary file
    renamed into place), so a failed export never leaves a partial file.

    Args:
        events: Event records shaped like ``EventRecord.to_dict()``.
        out: A file path, ``"-"`` for standard output, or an open handle (text
            for text formats, binary for Parquet; not closed afterwards).
        format: A name in :data:`EXPORTERS`: ``"jsonl"``, ``"csv"``,
            ``"geojson"``, ``"parquet"`` or a registered plugin.
        documents: Documents (``Document.to_dict()``) by id, used for the
            outlet name of each event's source.

    Returns:
        The number of rows (records, CSV rows, features) written.

    Raises:
        ConfigError: The format is unknown (the message lists the known ones),
            or ``out`` cannot be written (missing directory, wrong handle kind).
        InputError: A record holds a value that cannot be written.
    """
    exporter = get_exporter(format)
    with open_target(out, binary=exporter.binary) as handle:
        written = exporter.write(events, handle, documents=documents)
    log.info("exported %d %s rows to %s", written, format, _describe(out))
    return written


def _describe(out: str | Path | IO[Any]) -> str:
    """A short name for ``out`` in log lines."""
    if isinstance(out, str | Path):
        return "stdout" if str(out) == STDOUT else str(out)
    return str(getattr(out, "name", type(out).__name__))
