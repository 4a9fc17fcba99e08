"""The download formats of the API: every registered exporter, plus a JSON array.

``/api/export`` offers every format in :data:`eventwatch.export.EXPORTERS`
(JSON Lines, CSV, GeoJSON, Parquet and any plugin's).  Browsers and
spreadsheet tools that want one JSON document rather than JSON Lines get
``json``: the same lossless records, as one array, streamed a record at a time.
If the export registry ever registers ``json`` itself, that exporter wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

from eventwatch.errors import ConfigError
from eventwatch.export import EXPORTERS, Exporter
from eventwatch.export.jsonl import dumps_event

__all__ = ["download_formats", "find_exporter", "write_json_array"]


def write_json_array(
    events: Iterable[Mapping[str, Any]],
    fh: IO[str],
    *,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write events as one JSON array, one record per line, streaming.

    Args:
        events: Event records shaped like ``EventRecord.to_dict()``.
        fh: An open text handle.
        documents: Unused; accepted so every exporter takes the same arguments.

    Returns:
        The number of records written.

    Raises:
        InputError: A record holds a value JSON cannot represent.
    """
    written = 0
    fh.write("[")
    for event in events:
        fh.write(",\n" if written else "\n")
        fh.write(dumps_event(event))
        written += 1
    fh.write("\n]\n" if written else "]\n")
    return written


_OWN_FORMATS = {"json": Exporter(name="json", write=write_json_array, suffix=".json")}


def download_formats() -> list[str]:
    """Every format ``/api/export`` accepts, sorted."""
    return sorted({*EXPORTERS, *_OWN_FORMATS})


def find_exporter(name: str) -> Exporter:
    """The exporter of format ``name``: a registered one, else one of the API's own.

    Args:
        name: The format name, e.g. ``"csv"`` or ``"json"``.

    Returns:
        The exporter.

    Raises:
        ConfigError: No such format; the message lists the known ones.
    """
    exporter = EXPORTERS.get(name) or _OWN_FORMATS.get(name)
    if exporter is None:
        raise ConfigError(
            f"unknown export format {name!r}; known formats: {', '.join(download_formats())}"
        )
    return exporter
