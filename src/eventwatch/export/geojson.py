"""GeoJSON (RFC 7946): one Point feature per event that has coordinates.

The output is a single FeatureCollection written feature by feature, so any
number of events streams through.  Coordinates are ``[longitude, latitude]``
in WGS 84, as RFC 7946 requires; a feature's ``id`` is the event id and its
properties are the ACLED-like row of :func:`acled_row` without ``latitude`` and
``longitude``.  Events without a usable location (missing, non-numeric or out
of range) are skipped and counted in a log line.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from typing import IO, Any

from eventwatch.export.registry import register_exporter
from eventwatch.export.rows import acled_row, document_for

__all__ = ["event_feature", "write_geojson"]

log = logging.getLogger(__name__)

_HEADER = '{"type": "FeatureCollection", "features": ['
_FOOTER = "]}\n"


def event_feature(
    event: Mapping[str, Any], document: Mapping[str, Any] | None = None
) -> dict[str, Any] | None:
    """The GeoJSON Point feature for one event, or None when it has no coordinates.

    Args:
        event: An event record shaped like ``EventRecord.to_dict()``.
        document: The event's document, if known (fills ``source``).

    Returns:
        A Feature dict, or None.
    """
    properties = acled_row(event, document)
    lat = properties.pop("latitude")
    lon = properties.pop("longitude")
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {
        "type": "Feature",
        "id": properties["event_id_cnty"],
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


@register_exporter("geojson", suffix=".geojson")
def write_geojson(
    events: Iterable[Mapping[str, Any]],
    fh: IO[str],
    *,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write events with coordinates as a GeoJSON FeatureCollection, streaming.

    Args:
        events: Event records shaped like ``EventRecord.to_dict()``.
        fh: An open text handle.
        documents: Documents by id; a document's ``outlet`` fills ``source``.

    Returns:
        The number of features written (events without coordinates not counted).
    """
    fh.write(_HEADER)
    written = skipped = 0
    for event in events:
        feature = event_feature(event, document_for(event, documents))
        if feature is None:
            skipped += 1
            continue
        fh.write(",\n" if written else "\n")
        fh.write(json.dumps(feature, ensure_ascii=False))
        written += 1
    fh.write("\n" + _FOOTER if written else _FOOTER)
    log.info("geojson: wrote %d features, skipped %d events without coordinates", written, skipped)
    return written
