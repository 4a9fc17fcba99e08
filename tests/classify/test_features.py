"""Sentence features: inflections folded, names and numbers neutralised, pairs kept."""

from __future__ import annotations

import pytest

from eventwatch.classify.features import N_BUCKETS, bucket, buckets, feature_names, stem, tokens


@pytest.mark.parametrize(
    ("words", "folded"),
    [
        (["shelled", "shelling", "shells", "shell"], "shell"),
        (["fired", "fire", "firing", "fires"], "fir"),
        (["kidnapped", "kidnapping", "kidnaps"], "kidnap"),
        (["clashes", "clashed", "clash"], "clash"),
        (["countries", "country"], "country"),
    ],
)
def test_features_stem_folds_inflections(words: list[str], folded: str) -> None:
    assert {stem(w) for w in words} == {folded}


def test_features_stem_leaves_short_and_hyphenated_words() -> None:
    assert stem("gas") == "gas"
    assert stem("sit-in") == "sit-in"


def test_features_tokens_neutralise_names_numbers_and_months() -> None:
    words = tokens("On 3 May 2020, gunmen shot dead a chief in Kamba (Kebbi).")
    assert words[:3] == ["<num>", "<month>", "<num>"]
    assert "<name>" in words and "kamba" not in words
    assert {"gunmen", "shot", "dead", "chief"} <= set(words)


def test_features_tokens_keep_known_words_capitalised_and_armed_groups() -> None:
    assert "polic" in tokens("Riot Police fired tear gas.", vocabulary={"police"})
    assert "taliban" in tokens("Fighters said the Taliban attacked.")
    assert "<size>" in tokens("Farmers protested. [size=no report]")


def test_features_names_include_word_pairs_once() -> None:
    names = feature_names("Police fired tear gas, then fired tear gas again.")
    assert "b:tear_gas" in names and "w:polic" in names
    assert len(names) == len(set(names))


def test_features_buckets_are_stable_and_in_range() -> None:
    assert bucket("w:shell") == bucket("w:shell")
    assert all(0 <= b < N_BUCKETS for b in buckets(feature_names("A drone struck a car.")))
