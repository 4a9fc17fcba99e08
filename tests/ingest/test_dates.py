"""normalise_date and parse_date: many spellings in, YYYY-MM-DD out."""

from __future__ import annotations

import pytest

from eventwatch.errors import InputError
from eventwatch.ingest import normalise_date
from eventwatch.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        ("2025-03-04", "2025-03-04"),
        ("2025-03-04T23:30:00+05:00", "2025-03-04"),
        ("2025-03-04T09:30:00Z", "2025-03-04"),
        ("2025-03-04 09:30", "2025-03-04"),
        ("20250304", "2025-03-04"),
        ("Tue, 04 Mar 2025 09:30:00 +0000", "2025-03-04"),
        ("Tue, 04 Mar 2025 09:30:00 GMT", "2025-03-04"),
        ("4 March 2025", "2025-03-04"),
        ("March 4, 2025", "2025-03-04"),
        ("March 4th, 2025", "2025-03-04"),
        ("4 Mar 2025", "2025-03-04"),
        ("04.03.2025", "2025-03-04"),
        ("2025/03/04", "2025-03-04"),
        ("2025-03", "2025-03-01"),
        ("March 2025", "2025-03-01"),
        ("2025", "2025-01-01"),
    ],
)
def test_dates_normalise_accepts_common_forms(value: str | None, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    ("value", "precision"),
    [("2025-03-04", "day"), ("2025-03", "month"), ("March 2025", "month"), ("2025", "year")],
)
def test_dates_parse_reports_precision(value: str, precision: str) -> None:
    parsed = parse_date(value)
    assert parsed is not None
    assert parsed[1] == precision


@pytest.mark.parametrize("value", ["yesterday", "soon", "2025-13-45", "31/31/2025", "0001-01-01"])
def test_dates_normalise_rejects_unparseable(value: str) -> None:
    with pytest.raises(InputError, match="date|year"):
        normalise_date(value)
