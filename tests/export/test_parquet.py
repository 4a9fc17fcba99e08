"""write_parquet: fixed schema, flat columns plus record_json, row groups."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from eventwatch.errors import ConfigError
from eventwatch.export import PARQUET_SCHEMA, write_parquet

from .conftest import full_event


def _write(tmp_path: Path, events: list[dict[str, Any]], **kwargs: Any) -> Path:
    """Write events to a Parquet file in tmp_path and return its path."""
    path = tmp_path / "events.parquet"
    assert write_parquet(iter(events), path, **kwargs) == len(events)
    return path


def test_parquet_round_trip(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    table = pq.read_table(_write(tmp_path, events))
    assert table.schema.equals(PARQUET_SCHEMA, check_metadata=False)
    rows = table.to_pylist()
    assert [json.loads(row["record_json"]) for row in rows] == events
    full = rows[0]
    assert full["id"] == "ev-full"
    assert full["actor_name"] == "State Committee for National Security"
    assert full["attribution_source_country"] == "KGZ"
    assert full["attribution_via"] == ["24.KG", "RIA Novosti"]
    assert full["contexts"] == ["pro_autocracy", "political_institutions"]
    assert (full["location_lat"], full["location_lon"]) == (42.87, 74.59)
    assert full["counts_killed"] == 2
    assert (full["trigger_text"], full["trigger_start"], full["trigger_end"]) == (
        "blocked",
        165,
        172,
    )
    assert full["outlet"] == "Newsweek"


def test_parquet_every_flat_key_present(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    table = pq.read_table(_write(tmp_path, events))
    for row in table.to_pylist():
        record = json.loads(row["record_json"])
        for key in ("id", "doc_id", "event_type", "mode", "factuality", "confidence"):
            assert row[key] == record[key], key
        assert set(row) == set(PARQUET_SCHEMA.names)


def test_parquet_null_handling(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    minimal = pq.read_table(_write(tmp_path, events)).to_pylist()[1]
    for column in (
        "actor_name",
        "recipient_text",
        "location_lat",
        "counts_killed",
        "counts_participants",
        "attribution_source_name",
        "trigger_text",
        "acled_event_type",
        "date_start",
    ):
        assert minimal[column] is None, column
    assert minimal["contexts"] == []
    assert minimal["attribution_via"] == []
    assert minimal["attribution_anonymous"] is False


@pytest.mark.parametrize("count", [0, 1, 5])
def test_parquet_schema_stable(tmp_path: Path, count: int) -> None:
    events = [dict(full_event(), id=f"ev-{i}") for i in range(count)]
    path = _write(tmp_path, events)
    schema = pq.read_schema(path)
    assert schema.equals(PARQUET_SCHEMA, check_metadata=True)
    assert pq.read_metadata(path).num_rows == count


@pytest.mark.parametrize(
    ("count", "size", "groups"), [(5, 2, 3), (4, 2, 2), (3, 10_000, 1), (0, 2, 0)]
)
def test_parquet_row_groups(tmp_path: Path, count: int, size: int, groups: int) -> None:
    events = [dict(full_event(), id=f"ev-{i}") for i in range(count)]
    path = _write(tmp_path, events, row_group_size=size)
    assert pq.ParquetFile(path).num_row_groups == groups
    assert pq.read_table(path).column("id").to_pylist() == [f"ev-{i}" for i in range(count)]


def test_parquet_document_outlet(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    documents = {"doc-1": {"id": "doc-1", "outlet": "24.KG"}}
    table = pq.read_table(_write(tmp_path, events, documents=documents))
    assert table.column("outlet").to_pylist() == ["24.KG", None, "24.KG"]


def test_parquet_binary_handle(events: list[dict[str, Any]]) -> None:
    buffer = io.BytesIO()
    assert write_parquet(events, buffer) == len(events)
    buffer.seek(0)
    assert pq.read_table(buffer).num_rows == len(events)


@pytest.mark.parametrize("size", [0, -1])
def test_parquet_bad_row_group_size(tmp_path: Path, size: int) -> None:
    with pytest.raises(ConfigError, match="row_group_size"):
        write_parquet([], tmp_path / "x.parquet", row_group_size=size)
    assert not (tmp_path / "x.parquet").exists()
