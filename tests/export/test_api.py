"""export_events: paths, standard output, handles, atomic files."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from eventwatch.errors import ConfigError
from eventwatch.export import CSV_COLUMNS, export_events

FORMATS = ["jsonl", "csv", "geojson", "parquet"]
TEXT_FORMATS = ["jsonl", "csv", "geojson"]


def _read_back(fmt: str, data: bytes) -> list[Any]:
    """Parse an export's bytes into a list of records / rows / features."""
    if fmt == "jsonl":
        return [json.loads(line) for line in data.decode("utf-8").splitlines()]
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
        rows = list(reader)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        return rows
    if fmt == "geojson":
        return json.loads(data)["features"]
    return pq.read_table(io.BytesIO(data)).to_pylist()


EXPECTED_ROWS = {"jsonl": 3, "csv": 3, "geojson": 1, "parquet": 3}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("as_str", [False, True], ids=["path", "str"])
def test_api_writes_file(
    tmp_path: Path, events: list[dict[str, Any]], fmt: str, as_str: bool
) -> None:
    target = tmp_path / f"events.{fmt}"
    written = export_events(iter(events), str(target) if as_str else target, format=fmt)
    assert written == EXPECTED_ROWS[fmt]
    assert len(_read_back(fmt, target.read_bytes())) == written
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_api_stdout(
    capsysbinary: pytest.CaptureFixture[bytes], events: list[dict[str, Any]], fmt: str
) -> None:
    written = export_events(events, "-", format=fmt)
    assert len(_read_back(fmt, capsysbinary.readouterr().out)) == written


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_api_stdout_text(
    capsys: pytest.CaptureFixture[str], events: list[dict[str, Any]], fmt: str
) -> None:
    written = export_events(events, "-", format=fmt)
    out = capsys.readouterr().out
    assert len(_read_back(fmt, out.encode("utf-8"))) == written


@pytest.mark.parametrize("fmt", FORMATS)
def test_api_handle_left_open(events: list[dict[str, Any]], fmt: str) -> None:
    handle: io.IOBase = io.BytesIO() if fmt == "parquet" else io.StringIO()
    export_events(events, handle, format=fmt)  # type: ignore[arg-type]
    assert not handle.closed
    value = handle.getvalue()  # type: ignore[attr-defined]
    data = value if isinstance(value, bytes) else value.encode("utf-8")
    assert len(_read_back(fmt, data)) == EXPECTED_ROWS[fmt]


def test_api_documents_fill_source(
    tmp_path: Path, events: list[dict[str, Any]], documents: dict[str, Any]
) -> None:
    target = tmp_path / "events.csv"
    export_events(events, target, format="csv", documents=documents)
    rows = _read_back("csv", target.read_bytes())
    assert [row["source"] for row in rows] == ["24.KG", "", "24.KG"]


def _failing(events: list[dict[str, Any]], after: int) -> Iterator[dict[str, Any]]:
    """Yield ``after`` events, then fail as a broken upstream stage would."""
    yield from events[:after]
    raise RuntimeError("upstream stage failed")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("existing", [None, b"old export\n"], ids=["new", "existing"])
def test_api_failed_export_leaves_no_partial_file(
    tmp_path: Path, events: list[dict[str, Any]], fmt: str, existing: bytes | None
) -> None:
    target = tmp_path / f"events.{fmt}"
    if existing is not None:
        target.write_bytes(existing)
    with pytest.raises(RuntimeError, match="upstream"):
        export_events(_failing(events, 2), target, format=fmt)
    if existing is None:
        assert not target.exists()
    else:
        assert target.read_bytes() == existing
    assert [p.name for p in tmp_path.iterdir()] == ([target.name] if existing else [])


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_api_streams_one_event_at_a_time(events: list[dict[str, Any]], fmt: str) -> None:
    buffer = io.StringIO()
    seen_sizes: list[int] = []

    def watched() -> Iterator[dict[str, Any]]:
        for event in events * 3:
            seen_sizes.append(len(buffer.getvalue()))
            yield event

    export_events(watched(), buffer, format=fmt)
    # Output grows while the input is still being read (GeoJSON only grows on located events).
    assert len(set(seen_sizes)) > 1
    assert seen_sizes == sorted(seen_sizes)


def test_api_new_file_mode_and_existing_mode_kept(
    tmp_path: Path, events: list[dict[str, Any]]
) -> None:
    new = tmp_path / "new.jsonl"
    export_events(events, new, format="jsonl")
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    kept = tmp_path / "kept.jsonl"
    kept.write_text("")
    os.chmod(kept, 0o600)
    export_events(events, kept, format="jsonl")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("make_target", "message"),
    [
        (lambda tmp: tmp / "missing" / "events.csv", "does not exist"),
        (lambda tmp: tmp, "is a directory"),
    ],
    ids=["missing-directory", "directory"],
)
def test_api_bad_path(tmp_path: Path, make_target: Any, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        export_events([], make_target(tmp_path), format="csv")


def test_api_parquet_to_text_handle_rejected(events: list[dict[str, Any]]) -> None:
    with pytest.raises(ConfigError, match="binary"):
        export_events(events, io.StringIO(), format="parquet")
