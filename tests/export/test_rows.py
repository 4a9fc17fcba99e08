"""acled_row: one flat ACLED-like row per event."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

from eventwatch.export import CSV_COLUMNS, acled_row
from eventwatch.export import rows as rows_module
from eventwatch.model import DateRange, Entity, EventRecord, Evidence, Location

from .conftest import SAMPLE_BUILDERS, actor_country_event, full_event, minimal_event

ACLED_FIRST = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "country",
)


def _event(**fields: Any) -> dict[str, Any]:
    """An event record with the given EventRecord fields."""
    base: dict[str, Any] = {
        "id": "ev",
        "doc_id": "doc",
        "event_type": "PROTEST",
        "mode": "demonstrate",
        "evidence": Evidence("Text.", 0, 5),
    }
    base.update(fields)
    return EventRecord(**base).to_dict()


def test_rows_columns_acled_first_and_unique() -> None:
    assert CSV_COLUMNS[: len(ACLED_FIRST)] == ACLED_FIRST
    assert len(set(CSV_COLUMNS)) == len(CSV_COLUMNS)
    assert CSV_COLUMNS.index("fatalities") < CSV_COLUMNS.index("plover_type")


@pytest.mark.parametrize("build", SAMPLE_BUILDERS)
def test_rows_every_column_present_in_order(build: Any) -> None:
    assert tuple(acled_row(build())) == CSV_COLUMNS


def test_rows_full_event_values() -> None:
    row = acled_row(full_event())
    assert row == {
        "event_id_cnty": "ev-full",
        "event_date": "2024-11-05",
        "year": 2024,
        "time_precision": 1,
        "event_type": "Strategic developments",
        "sub_event_type": "Arrests",
        "actor1": "State Committee for National Security",
        "assoc_actor_1": None,
        "actor2": "plotters",
        "country": "KGZ",
        "iso3": "KGZ",
        "admin1": "Bishkek City",
        "location": "Bishkek",
        "latitude": 42.87,
        "longitude": 74.59,
        "geo_precision": 1,
        "source": "Newsweek",
        "notes": full_event()["evidence"]["text"],
        "fatalities": 2,
        "plover_type": "COUP",
        "plover_mode": "conspiracy",
        "factuality": "attributed",
        "attribution_source": "State Committee for National Security",
        "attribution_cue": "said",
        "attribution_via": "24.KG; RIA Novosti",
        "anonymous_source": False,
        "injured": 3,
        "arrested": 7,
        "participants": 40,
        "date_start": "2024-11-05",
        "date_end": "2024-11-05",
        "date_text": "on Tuesday",
        "confidence": 0.812,
        "doc_id": "doc-1",
        "evidence_start": 120,
        "evidence_end": 120 + len(full_event()["evidence"]["text"]),
    }


@pytest.mark.parametrize(
    "event",
    [
        minimal_event(),
        {"id": "bare", "doc_id": "d", "event_type": "AID"},
        {
            "id": "nulls",
            "date": None,
            "location": None,
            "counts": None,
            "attribution": None,
            "evidence": None,
            "actor": None,
            "acled": None,
        },
    ],
    ids=["minimal", "missing-keys", "null-objects"],
)
def test_rows_null_handling(event: dict[str, Any]) -> None:
    row = acled_row(event)
    assert tuple(row) == CSV_COLUMNS
    assert row["fatalities"] == 0
    assert row["time_precision"] == 3
    for column in (
        "event_date",
        "year",
        "actor1",
        "actor2",
        "country",
        "iso3",
        "latitude",
        "longitude",
        "injured",
        "arrested",
        "participants",
        "attribution_via",
        "source",
    ):
        assert row[column] is None, column


@pytest.mark.parametrize(
    ("precision", "expected"),
    [("day", 1), ("week", 2), ("month", 2), ("year", 3), ("unknown", 3), ("DAY", 1)],
)
def test_rows_time_precision(precision: str, expected: int) -> None:
    event = _event(date=DateRange("x", "2020-01-01", "2020-01-31", precision))
    assert acled_row(event)["time_precision"] == expected


@pytest.mark.parametrize(
    ("start", "event_date", "year"),
    [("2024-11-05", "2024-11-05", 2024), ("2024-11", "2024-11", 2024), (None, None, None)],
)
def test_rows_event_date_and_year(start: str | None, event_date: str | None, year: int) -> None:
    row = acled_row(_event(date=DateRange("x", start, start, "day")))
    assert (row["event_date"], row["year"]) == (event_date, year)


@pytest.mark.parametrize(
    ("precision", "expected"),
    [("city", 1), ("admin2", 2), ("admin1", 3), ("country", 3), (2, 2), ("galaxy", None)],
)
def test_rows_geo_precision(precision: Any, expected: int | None) -> None:
    event = _event(location=Location("x", "x", "KGZ", None, 1.0, 2.0, precision))
    assert acled_row(event)["geo_precision"] == expected


@pytest.mark.parametrize(
    ("event", "iso3"),
    [(full_event(), "KGZ"), (actor_country_event(), "KGZ"), (minimal_event(), None)],
    ids=["location-country", "actor-country", "none"],
)
def test_rows_country_from_location_then_actor(event: dict[str, Any], iso3: str | None) -> None:
    row = acled_row(event)
    assert (row["iso3"], row["country"]) == (iso3, iso3)


def test_rows_location_country_wins_over_actor() -> None:
    event = _event(
        actor=Entity("Putin", "Vladimir Putin", "RUS", "GOV"),
        location=Location("Bishkek", "Bishkek", "KGZ"),
    )
    assert acled_row(event)["iso3"] == "KGZ"


def _raise_key_error(code: str) -> str:
    raise KeyError(code)


@pytest.mark.parametrize(
    ("lookup", "expected"),
    [
        ({"KGZ": "Kyrgyzstan"}.get, "Kyrgyzstan"),
        (lambda code: None, "KGZ"),
        (_raise_key_error, "KGZ"),
    ],
    ids=["name", "none-falls-back", "error-falls-back"],
)
def test_rows_country_name_lookup(
    monkeypatch: pytest.MonkeyPatch, lookup: Any, expected: str
) -> None:
    monkeypatch.setattr(rows_module, "_country_name_lookup", lambda: lookup)
    row = acled_row(full_event())
    assert (row["country"], row["iso3"]) == (expected, "KGZ")


@pytest.mark.parametrize("module", [None, "fake"], ids=["import-fails", "module-present"])
def test_rows_country_name_import(monkeypatch: pytest.MonkeyPatch, module: str | None) -> None:
    from .conftest import _country_name_lookup as real_lookup

    if module is None:
        monkeypatch.setitem(sys.modules, "eventwatch.resolve.countries", None)
        expected = "KGZ"
    else:
        fake = types.ModuleType("eventwatch.resolve.countries")
        fake.country_name = {"KGZ": "Kyrgyzstan"}.get  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "eventwatch.resolve.countries", fake)
        expected = "Kyrgyzstan"
    real_lookup.cache_clear()
    monkeypatch.setattr(rows_module, "_country_name_lookup", real_lookup)
    try:
        assert acled_row(full_event())["country"] == expected
    finally:
        real_lookup.cache_clear()


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"id": "doc-1", "outlet": "24.KG"}, "24.KG"),
        ({"id": "doc-1", "outlet": None}, "Newsweek"),
        (None, "Newsweek"),
    ],
    ids=["document-outlet", "document-without-outlet", "no-document"],
)
def test_rows_source_prefers_document_outlet(
    document: dict[str, Any] | None, expected: str
) -> None:
    assert acled_row(full_event(), document)["source"] == expected


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        (Entity("Japarov", "Sadyr Japarov"), "Sadyr Japarov"),
        (Entity("Japarov", ""), "Japarov"),
        (None, None),
    ],
)
def test_rows_actor_canonical_name_then_text(entity: Entity | None, expected: str | None) -> None:
    assert acled_row(_event(actor=entity))["actor1"] == expected


def test_rows_anonymous_and_via() -> None:
    row = acled_row(actor_country_event())
    assert row["anonymous_source"] is True
    assert row["attribution_via"] is None
    assert row["attribution_cue"] == "reportedly"
    assert row["attribution_source"] is None
