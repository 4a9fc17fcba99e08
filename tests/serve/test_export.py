"""/api/export: every format, the filters, the file name."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from tests.serve.conftest import assert_error


@pytest.mark.parametrize(
    ("fmt", "media", "suffix"),
    [
        ("json", "application/json", ".json"),
        ("jsonl", "application/x-ndjson", ".jsonl"),
        ("csv", "text/csv", ".csv"),
        ("geojson", "application/geo+json", ".geojson"),
        ("parquet", "application/vnd.apache.parquet", ".parquet"),
    ],
)
def test_export_every_format_downloads_every_event(
    client, store_events, fmt, media, suffix
) -> None:
    response = client.get("/api/export", params={"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="eventwatch-events-')
    assert disposition.endswith(f'{suffix}"')
    assert response.headers["x-total-count"] == str(len(store_events))
    ids = {e["id"] for e in store_events}
    if fmt == "json":
        assert response.json() == store_events  # one array, lossless, store order
    elif fmt == "jsonl":
        records = [json.loads(line) for line in response.text.splitlines()]
        assert records == store_events  # lossless, store order
    elif fmt == "csv":
        assert {r["event_id_cnty"] for r in csv.DictReader(io.StringIO(response.text))} == ids
    elif fmt == "geojson":
        located = {
            e["id"] for e in store_events if (e.get("location") or {}).get("lat") is not None
        }
        assert {f["id"] for f in response.json()["features"]} == located
    else:
        table = pq.read_table(io.BytesIO(response.content))
        assert set(table.column("id").to_pylist()) == ids


def test_export_applies_the_event_filters(client, store_events) -> None:
    response = client.get(
        "/api/export", params={"format": "jsonl", "type": "coerce", "sort": "-date"}
    )
    got = [json.loads(line)["id"] for line in response.text.splitlines()]
    expected = [e["id"] for e in store_events if e["event_type"] == "COERCE"]
    assert sorted(got) == sorted(expected) and got
    listed = client.get(
        "/api/events", params={"type": "COERCE", "sort": "-date", "limit": 500}
    ).json()
    assert got == [e["id"] for e in listed["events"]]


def test_export_of_nothing_is_a_valid_empty_file(client) -> None:
    params = {"country": "USA"}
    assert client.get("/api/export", params={**params, "format": "jsonl"}).text == ""
    assert client.get("/api/export", params={**params, "format": "json"}).json() == []
    assert (
        client.get("/api/export", params={**params, "format": "geojson"}).json()["features"] == []
    )
    empty = client.get("/api/export", params={**params, "format": "parquet"}).content
    assert pq.read_table(io.BytesIO(empty)).num_rows == 0


def test_export_unknown_format_lists_the_known_ones(client) -> None:
    error = assert_error(client.get("/api/export", params={"format": "xlsx"}), 422)
    assert "parquet" in error["message"] and "xlsx" in error["message"]
    assert "json," in error["message"]  # the API's own JSON array is listed too


def test_export_stream_stops_when_the_reader_stops() -> None:
    from eventwatch.serve.streaming import stream_export

    events = ({"id": str(i), "n": i} for i in range(1_000_000))
    chunks = stream_export(events, format="jsonl")
    first = next(chunks)
    assert first.startswith(b'{"id": "0"')
    chunks.close()  # the worker thread sees the cancellation and ends
