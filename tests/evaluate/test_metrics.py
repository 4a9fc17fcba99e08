"""Scoring arithmetic against values worked out by hand."""

from __future__ import annotations

import math

import pytest

from eventwatch.evaluate.metrics import (
    NONE,
    Average,
    Confusion,
    SpanTally,
    haversine_km,
    prf,
    token_f1,
    tokens,
)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((3, 4, 6), (0.75, 0.5, 0.6)),
        ((0, 0, 5), (0.0, 0.0, 0.0)),
        ((0, 0, 0), (0.0, 0.0, 0.0)),
        ((2, 2, 2), (1.0, 1.0, 1.0)),
    ],
)
def test_metrics_prf_from_counts(counts: tuple[int, int, int], expected: tuple) -> None:
    assert prf(*counts) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Police Forces of Kenya", "Kenyan police", 0.4),  # 1 shared of 2 and 3 tokens
        ("Protesters", "protesters", 1.0),
        ("Military Forces of Sudan", "the military forces", 0.8),  # 2/2 and 2/3
        ("Rioters", None, 0.0),
        ("", "Rioters", 0.0),
        ("Unidentified Armed Group", "gunmen", 0.0),
    ],
)
def test_metrics_token_f1_by_hand(gold: str, predicted: str | None, expected: float) -> None:
    assert token_f1(gold, predicted) == pytest.approx(expected)


def test_metrics_tokens_drop_function_words_and_case() -> None:
    assert tokens("The Government of the Republic") == ["government", "republic"]


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((0.0, 0.0), (0.0, 0.0), 0.0),
        ((0.0, 0.0), (0.0, 1.0), 6371.0088 * math.pi / 180),  # one degree on the equator
        ((0.0, 0.0), (90.0, 0.0), 6371.0088 * math.pi / 2),  # equator to pole
        ((51.5074, -0.1278), (48.8566, 2.3522), 343.5),  # London to Paris
    ],
)
def test_metrics_haversine_known_distances(a: tuple, b: tuple, km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.5)


def test_metrics_confusion_macro_f1_and_accuracy_by_hand() -> None:
    confusion = Confusion()
    for gold, predicted in [("A", "A"), ("A", "B"), ("B", "B"), ("B", None), ("C", "A")]:
        confusion.add(gold, predicted)
    # A: P 1/2 R 1/2; B: P 1/2 R 1/2; C: nothing right -> macro (0.5 + 0.5 + 0) / 3
    assert confusion.labels() == ["A", "B", "C"]
    assert confusion.macro_f1() == pytest.approx(1 / 3)
    assert confusion.accuracy() == pytest.approx(2 / 5)
    assert confusion.class_scores("A") == pytest.approx(
        {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2.0}
    )
    assert confusion.matrix() == {
        "A": {"A": 1, "B": 1},
        "B": {"B": 1, NONE: 1},
        "C": {"A": 1},
    }


def test_metrics_confusion_macro_f1_over_given_labels() -> None:
    confusion = Confusion()
    confusion.add("A", "A")
    confusion.add("B", "A")
    # A: P 1/2, R 1 -> F1 2/3; B: 0; Z: absent -> 0
    assert confusion.macro_f1(["A", "B"]) == pytest.approx(1 / 3)
    assert confusion.macro_f1(["A", "B", "Z"]) == pytest.approx(2 / 9)


def test_metrics_confusion_empty_is_zero_not_nan() -> None:
    assert Confusion().macro_f1() == 0.0
    assert Confusion().accuracy() == 0.0


def test_metrics_span_tally_exact_and_overlap_by_hand() -> None:
    tally = SpanTally()
    tally.add(gold=[(0, 5), (10, 20)], predicted=[(0, 5), (12, 14), (30, 40)])
    exact, overlap = tally.exact_scores(), tally.overlap_scores()
    assert (exact["precision"], exact["recall"], exact["f1"]) == pytest.approx((1 / 3, 0.5, 0.4))
    assert (overlap["precision"], overlap["recall"], overlap["f1"]) == pytest.approx(
        (2 / 3, 1.0, 0.8)
    )
    assert overlap["support"] == 2


def test_metrics_span_tally_touching_spans_do_not_overlap_and_sums_documents() -> None:
    tally = SpanTally()
    tally.add(gold=[(0, 5)], predicted=[(5, 8)])
    tally.add(gold=[(3, 9), (3, 9)], predicted=[(4, 6), (7, 7)])  # duplicate and empty dropped
    assert (tally.n_gold, tally.n_predicted) == (2, 2)
    assert tally.overlap_scores()["f1"] == pytest.approx(0.5)
    assert tally.exact_scores()["f1"] == 0.0


def test_metrics_average_running_mean() -> None:
    average = Average()
    assert average.value == 0.0
    for value in (1.0, 0.0, 0.5):
        average.add(value)
    assert (average.value, average.n) == (0.5, 3)
