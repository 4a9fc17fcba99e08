"""The exporter registry."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest

from eventwatch.errors import ConfigError
from eventwatch.export import (
    EXPORTERS,
    export_events,
    get_exporter,
    register_exporter,
    write_csv,
    write_geojson,
    write_json_array,
    write_jsonl,
    write_parquet,
)


@pytest.fixture
def clean_registry() -> Iterator[None]:
    """Restore the registry after a test registers formats."""
    saved = dict(EXPORTERS)
    yield
    EXPORTERS.clear()
    EXPORTERS.update(saved)


@pytest.mark.parametrize(
    ("name", "write", "binary", "suffix"),
    [
        ("jsonl", write_jsonl, False, ".jsonl"),
        ("csv", write_csv, False, ".csv"),
        ("geojson", write_geojson, False, ".geojson"),
        ("json", write_json_array, False, ".json"),
        ("parquet", write_parquet, True, ".parquet"),
    ],
)
def test_registry_defaults_registered(name: str, write: Any, binary: bool, suffix: str) -> None:
    exporter = get_exporter(name)
    assert (exporter.name, exporter.write, exporter.binary, exporter.suffix) == (
        name,
        write,
        binary,
        suffix,
    )


@pytest.mark.parametrize("name", ["xlsx", "", "CSV", "JSON"])
def test_registry_unknown_format_lists_known(name: str) -> None:
    with pytest.raises(ConfigError) as caught:
        get_exporter(name)
    message = str(caught.value)
    assert repr(name) in message
    for known in ("csv", "geojson", "json", "jsonl", "parquet"):
        assert known in message


def test_registry_unknown_format_from_export_events(tmp_path: Any) -> None:
    target = tmp_path / "out.xlsx"
    with pytest.raises(ConfigError, match="known formats: csv, geojson, json, jsonl, parquet"):
        export_events([], target, format="xlsx")
    assert not target.exists()


@pytest.mark.usefixtures("clean_registry")
def test_registry_plugin_used_by_export_events() -> None:
    @register_exporter("ids", suffix=".txt")
    def write_ids(events: Any, fh: Any, *, documents: Any = None) -> int:
        count = 0
        for event in events:
            fh.write(event["id"] + "\n")
            count += 1
        return count

    buffer = io.StringIO()
    assert export_events([{"id": "a"}, {"id": "b"}], buffer, format="ids") == 2
    assert buffer.getvalue() == "a\nb\n"
    assert get_exporter("ids").write is write_ids


@pytest.mark.usefixtures("clean_registry")
def test_registry_duplicate_name_needs_replace() -> None:
    def writer(events: Any, fh: Any, *, documents: Any = None) -> int:
        return 0

    with pytest.raises(ConfigError, match="already registered"):
        register_exporter("csv")(writer)
    assert get_exporter("csv").write is write_csv
    register_exporter("csv", replace=True)(writer)
    assert get_exporter("csv").write is writer


@pytest.mark.parametrize("name", ["", "  "])
def test_registry_empty_name_rejected(name: str) -> None:
    with pytest.raises(ConfigError, match="empty"):
        register_exporter(name)
