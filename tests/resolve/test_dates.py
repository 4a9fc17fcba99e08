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


@pytest.mark.parametrize(
    "sentence",
    [
        "Shells hit homes in the 14 of June sector of the city.",
        "Gunfire was heard near the July 9 neighbourhood.",
        "Students gathered on 26 July Avenue.",
        "Members of the 6 April movement met.",
        "Gunmen fired at 9 June and Airport areas of the city.",
        "Veterans of the October revolution marched.",
        "Residents of Mar del Plata banged pots.",
        "Residents gathered in Monday Avenue.",
    ],
)
def test_dates_that_name_a_place_or_group_are_no_dates(sentence) -> None:
    assert find_dates(sentence, published="2024-07-15") == []


@pytest.mark.parametrize(
    "sentence",
    ["On Monday city officials closed the market.", "On 9 June 2024 village elders met."],
)
def test_dates_before_a_place_word_stay_dates(sentence) -> None:
    assert len(find_dates(sentence, published="2024-07-15")) == 1


@pytest.mark.parametrize(
    ("sentence", "published", "anchor", "expected"),
    [
        # a relative day counts from the day the same sentence named before it
        (
            "On 3 March 2024, crowds demanded the release of two men held a day before.",
            "2024-03-09",
            None,
            "2024-03-02",
        ),
        (
            "Around 3 March 2024, residents blocked roads after a killing the day before.",
            "2024-03-09",
            "2024-01-20",
            "2024-03-02",
        ),
        ("The editor was detained on the same day.", "2024-03-09", "2024-03-04", "2024-03-04"),
    ],
)
def test_dates_relative_days_count_from_the_last_day_named(
    sentence, published, anchor, expected
) -> None:
    last = find_dates(sentence, published=published, anchor=anchor)[-1]
    assert (last.range.start, last.range.end, last.anchored) == (expected, expected, True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lawyers appealed on Monday, four days after the court sentenced him.", "2025-03-06"),
        ("The talks resumed on Monday, two weeks after the army seized the town.", "2025-02-24"),
    ],
)
def test_dates_so_long_after_dates_the_clause_that_follows(sentence, expected) -> None:
    monday, after = find_dates(sentence, published="2025-03-11")
    assert monday.range.start == "2025-03-10" and not monday.introduces
    assert (after.range.start, after.range.precision, after.introduces) == (expected, "day", True)


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "Drones hit two villages overnight on Monday to Tuesday.",
            "2024-10-30",
            ("2024-10-28", "2024-10-29"),
        ),
        (
            "Drones hit two villages overnight into Tuesday.",
            "2024-10-29",
            ("2024-10-28", "2024-10-29"),
        ),
        ("Shells fell on the night of 3-4 May.", "2020-05-06", ("2020-05-03", "2020-05-04")),
    ],
)
def test_dates_a_night_spans_its_two_days(sentence, published, expected) -> None:
    (found,) = find_dates(sentence, published=published)
    assert (found.range.start, found.range.end) == expected


def test_dates_the_previous_afternoon_is_the_day_before_the_one_just_named() -> None:
    found = find_dates(
        "He was in hospital on Sunday after being shot the previous afternoon.",
        published="2025-06-09",
    )
    assert [(m.range.start, m.anchored) for m in found] == [
        ("2025-06-08", False),
        ("2025-06-07", True),
    ]


def test_dates_months_after_give_that_month() -> None:
    (_, after) = find_dates(
        "They met on Friday, two months after they agreed a text.", published="2025-05-16"
    )
    assert (after.range.start, after.range.end, after.range.precision) == (
        "2025-03-01",
        "2025-03-31",
        "month",
    )


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
