"""write_geojson: RFC 7946 Point features, streamed."""

from __future__ import annotations

import io
import json
import logging
from typing import Any

import pytest

from eventwatch.export import CSV_COLUMNS, write_geojson
from eventwatch.model import EventRecord, Evidence, Location


def _located(lat: Any, lon: Any, event_id: str = "ev") -> dict[str, Any]:
    """An event at (lat, lon)."""
    return EventRecord(
        id=event_id,
        doc_id="doc",
        event_type="PROTEST",
        mode=None,
        evidence=Evidence("Text.", 0, 5),
        location=Location("x", "x", "KGZ", None, lat, lon),
    ).to_dict()


def _collection(events: list[dict[str, Any]], **kwargs: Any) -> tuple[int, dict[str, Any]]:
    """Write events; return (count, parsed FeatureCollection)."""
    buffer = io.StringIO()
    written = write_geojson(iter(events), buffer, **kwargs)
    return written, json.loads(buffer.getvalue())


def test_geojson_round_trip(events: list[dict[str, Any]], documents: dict[str, Any]) -> None:
    written, collection = _collection(events, documents=documents)
    assert written == 1
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["type"] == "Feature"
    assert feature["id"] == "ev-full"
    assert feature["geometry"] == {"type": "Point", "coordinates": [74.59, 42.87]}
    expected_keys = [c for c in CSV_COLUMNS if c not in ("latitude", "longitude")]
    assert list(feature["properties"]) == expected_keys
    assert feature["properties"]["source"] == "24.KG"
    assert feature["properties"]["fatalities"] == 2
    assert feature["properties"]["assoc_actor_1"] is None


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(42.87, 74.59), (-33.9, 18.4), (40.7, -74.0), (0.0, 0.0), (90, -180)],
)
def test_geojson_coordinate_order_is_lon_lat(lat: float, lon: float) -> None:
    _, collection = _collection([_located(lat, lon)])
    assert collection["features"][0]["geometry"]["coordinates"] == [lon, lat]


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(None, 74.0), (42.0, None), (None, None), (91.0, 0.0), (0.0, 181.0), (float("nan"), 1.0)],
)
def test_geojson_skips_unusable_coordinates(lat: Any, lon: Any) -> None:
    written, collection = _collection([_located(lat, lon)])
    assert written == 0
    assert collection == {"type": "FeatureCollection", "features": []}


def test_geojson_logs_skipped_count(
    events: list[dict[str, Any]], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="eventwatch.export.geojson"):
        _collection(events)
    assert "wrote 1 features, skipped 2 events" in caplog.text


@pytest.mark.parametrize("count", [0, 1, 3])
def test_geojson_valid_for_any_count(count: int) -> None:
    events = [_located(1.0 + i, 2.0, f"ev-{i}") for i in range(count)]
    written, collection = _collection(events)
    assert written == count
    assert [f["id"] for f in collection["features"]] == [f"ev-{i}" for i in range(count)]
