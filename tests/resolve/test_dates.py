from __future__ import annotations

import pytest

from eventwatch.resolve.dates import find_dates, published_range


@pytest.mark.parametrize(
    ("sentence", "published", "anchor", "expected"),
    [
        (
            "In January, the ministry announced a purge.",
            "2024-07-15",
            None,
            ("2024-01-01", "2024-01-31", "month"),
        ),
        (
            "In early June, police broke up the camp.",
            "2024-07-15",
            None,
            ("2024-06-01", "2024-06-10", "week"),
        ),
        (
            "By late March the rebels had left.",
            "2024-07-15",
            None,
            ("2024-03-21", "2024-03-31", "week"),
        ),
        (
            "The vote on February 17 was postponed.",
            "2026-02-18",
            None,
            ("2026-02-17", "2026-02-17", "day"),
        ),
        (
            "He was held on 9 May 2020 in Sanaa.",
            "2020-05-12",
            None,
            ("2020-05-09", "2020-05-09", "day"),
        ),
        (
            "The plan covered the days between February 15 and 20.",
            "2026-02-18",
            None,
            ("2026-02-15", "2026-02-20", "week"),
        ),
        (
            "They marched from 3 to 5 March.",
            "2025-03-10",
            None,
            ("2025-03-03", "2025-03-05", "week"),
        ),
        (
            "The general spoke the day before.",
            "2026-02-18",
            "2026-02-17",
            ("2026-02-16", "2026-02-16", "day"),
        ),
        (
            "The army withdrew the next day.",
            "2026-02-18",
            "2026-02-10",
            ("2026-02-11", "2026-02-11", "day"),
        ),
        (
            "Police said on Tuesday that six men were held.",
            "2026-11-20",
            None,
            ("2026-11-17", "2026-11-17", "day"),
        ),
        (
            "The minister resigned yesterday.",
            "2025-01-01",
            None,
            ("2024-12-31", "2024-12-31", "day"),
        ),
        ("Talks collapsed last week.", "2025-01-15", None, ("2025-01-06", "2025-01-12", "week")),
        (
            "The decree came in December, the agency said.",
            "2025-01-15",
            None,
            ("2024-12-01", "2024-12-31", "month"),
        ),
        ("Officials met on 2023-08-09 in Niamey.", None, None, ("2023-08-09", "2023-08-09", "day")),
        ("Elections were held in 2021.", "2024-01-01", None, ("2021-01-01", "2021-12-31", "year")),
    ],
)
def test_dates_resolve_relative_to_publication(sentence, published, anchor, expected) -> None:
    found = find_dates(sentence, published=published, anchor=anchor)
    assert found, sentence
    first = found[0].range
    assert (first.start, first.end, first.precision) == expected
    assert first.basis == "text"


@pytest.mark.parametrize(
    "sentence",
    [
        "The court gave him five years in prison.",
        "It may take a seven-year term to repair.",
        "Protesters may march again.",
        "According to the 2024 report, arrests are common.",
    ],
)
def test_dates_ignore_durations_modals_and_titles(sentence) -> None:
    assert find_dates(sentence, published="2024-07-15") == []


def test_dates_offsets_are_shifted_into_the_document() -> None:
    found = find_dates("In May riots broke out.", published="2024-07-15", offset=100)
    assert (found[0].start, found[0].end) == (100, 106)


@pytest.mark.parametrize(
    ("published", "precision", "expected"),
    [
        ("2024-07-15", "month", ("2024-07-01", "2024-07-31", "month")),
        ("2024-07-15", None, ("2024-07-15", "2024-07-15", "day")),
        (None, None, (None, None, "unknown")),
    ],
)
def test_dates_published_range_stands_in(published, precision, expected) -> None:
    fallback = published_range(published, precision)
    assert (fallback.start, fallback.end, fallback.precision) == expected
    assert fallback.basis == "published"
