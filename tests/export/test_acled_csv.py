"""write_csv: ACLED-style CSV, streamed, guarded against formula injection."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from eventwatch.export import CSV_COLUMNS, acled_row, write_csv
from eventwatch.export.acled_csv import csv_cell
from eventwatch.model import Entity, EventRecord, Evidence


def _read(text: str) -> list[dict[str, str]]:
    """Rows of a CSV text, checking the header is CSV_COLUMNS."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    return rows


def test_acled_csv_round_trip(events: list[dict[str, Any]], documents: dict[str, Any]) -> None:
    buffer = io.StringIO(newline="")
    assert write_csv(iter(events), buffer, documents) == len(events)
    rows = _read(buffer.getvalue())
    assert len(rows) == len(events)
    for event, row in zip(events, rows, strict=True):
        expected = acled_row(event, documents.get(event["doc_id"]))
        assert row == {column: csv_cell(value) for column, value in expected.items()}


def test_acled_csv_typed_cells_read_back(events: list[dict[str, Any]]) -> None:
    buffer = io.StringIO(newline="")
    write_csv(events, buffer)
    full = _read(buffer.getvalue())[0]
    assert float(full["latitude"]) == pytest.approx(42.87)
    assert float(full["longitude"]) == pytest.approx(74.59)
    assert int(full["fatalities"]) == 2
    assert full["anonymous_source"] == "false"
    assert full["attribution_via"] == "24.KG; RIA Novosti"


def test_acled_csv_null_cells_are_empty(events: list[dict[str, Any]]) -> None:
    buffer = io.StringIO(newline="")
    write_csv(events[1:2], buffer)
    (row,) = _read(buffer.getvalue())
    assert row["fatalities"] == "0"
    assert row["time_precision"] == "3"
    for column in ("latitude", "longitude", "country", "iso3", "injured", "actor1", "source"):
        assert row[column] == "", column


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("plain text", "plain text"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-74.5, "-74.5"),
        (-3, "-3"),
        (True, "true"),
        (False, "false"),
    ],
)
def test_acled_csv_cell_formula_guard(value: Any, cell: str) -> None:
    assert csv_cell(value) == cell


def test_acled_csv_formula_guard_in_file() -> None:
    event = EventRecord(
        id="ev-evil",
        doc_id="doc",
        event_type="ACCUSE",
        mode=None,
        evidence=Evidence("=cmd|' /C calc'!A0", 0, 18),
        actor=Entity("@evil", "@evil"),
        recipient=Entity("-victim", "-victim"),
    ).to_dict()
    buffer = io.StringIO(newline="")
    write_csv([event], buffer)
    (row,) = _read(buffer.getvalue())
    assert row["notes"] == "'=cmd|' /C calc'!A0"
    assert row["actor1"] == "'@evil"
    assert row["actor2"] == "'-victim"


def test_acled_csv_quotes_commas_newlines_and_unicode() -> None:
    text = 'Жапаров said, "we blocked it"\nand left.'
    event = EventRecord(
        id="ev-text", doc_id="doc", event_type="CONSULT", mode=None, evidence=Evidence(text, 0, 9)
    ).to_dict()
    buffer = io.StringIO(newline="")
    write_csv([event], buffer)
    (row,) = _read(buffer.getvalue())
    assert row["notes"] == text


def test_acled_csv_empty_input_writes_header_only() -> None:
    buffer = io.StringIO(newline="")
    assert write_csv([], buffer) == 0
    assert buffer.getvalue() == ",".join(CSV_COLUMNS) + "\n"
