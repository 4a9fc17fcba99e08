"""simhash / near_duplicate: syndicated copies are close, unrelated texts are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.ingest import near_duplicate, simhash
from eventwatch.ingest.dedup import hamming_distance


@pytest.fixture
def article(fixtures: Path) -> str:
    """About 300 words of article text, from the fixture pages."""
    paragraphs = [
        (fixtures / "furniture_article.expected.txt").read_text(encoding="utf-8"),
        "The president of Dravonia replaced the chief of the general staff on Sunday evening, "
        "the third change at the top of the armed forces in less than a year.",
        "Two officers who served under the general said he had been summoned to the presidential "
        "palace on Saturday and had not been seen in public since.",
        "The defence ministry said a new chief would be appointed within a week and that the "
        "armed forces remained loyal to the constitution.",
        "Opposition deputies called for a parliamentary hearing on the dismissal, which comes a "
        "month after security services reported detaining eleven people accused of planning "
        "unrest.",
        "The prime minister will take over the defence portfolio until parliament confirms a "
        "successor, a government spokeswoman said on Wednesday evening.",
    ]
    return "\n\n".join(paragraphs)


OTHER = (
    "Farmers in the southern valleys expect a record apricot harvest this summer after a mild "
    "spring, the agriculture ministry said, and exporters are looking for new buyers abroad. "
    "Prices at the central market have already fallen by a fifth compared with last year."
)


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: "VELGRAD (Velgrad Wire) - " + text,
        lambda text: text + "\n\nDistributed by Velgrad Wire.",
        lambda text: text.replace("40 people", "forty people"),
        lambda text: text.upper().replace("\n\n", "\n"),
    ],
    ids=["dateline", "credit line", "one word", "case and spacing"],
)
def test_dedup_syndicated_copies_are_near_duplicates(article: str, edit) -> None:
    assert near_duplicate(simhash(article), simhash(edit(article)))


def test_dedup_unrelated_texts_are_far_apart(article: str) -> None:
    distance = hamming_distance(simhash(article), simhash(OTHER))
    assert distance > 16
    assert not near_duplicate(simhash(article), simhash(OTHER))


@pytest.mark.parametrize(
    ("a", "b", "max_distance", "expected"),
    [
        (0b1011, 0b1011, 3, True),
        (0b1011, 0b0100, 3, False),
        (0b1011, 0b0100, 4, True),
        (0, 0, 3, False),
    ],
)
def test_dedup_near_duplicate_thresholds(a: int, b: int, max_distance: int, expected: bool) -> None:
    assert near_duplicate(a, b, max_distance=max_distance) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 0), ("...", 0)],
)
def test_dedup_simhash_of_wordless_text_is_zero(text: str, expected: int) -> None:
    assert simhash(text) == expected


def test_dedup_simhash_is_64_bit_and_stable(article: str) -> None:
    value = simhash(article)
    assert 0 < value < 2**64
    assert simhash(article) == value
    assert simhash("two words") == simhash("Two, words!")
