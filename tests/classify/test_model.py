"""The packaged typer: small, loaded once, and sensible on sentences it never saw."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eventwatch.classify import (
    LABELS,
    NO_EVENT,
    TYPER_LABELS,
    EventTyper,
    default_typer,
    load_sentences,
)
from eventwatch.classify.model import WEIGHTS_PATH
from eventwatch.classify.train import corpus_digest
from eventwatch.errors import ConfigError
from tests.classify.harmless import harmless_texts


def test_model_weights_file_is_small() -> None:
    assert WEIGHTS_PATH.stat().st_size < 5 * 1024 * 1024


def test_model_weights_were_trained_on_the_shipped_sentences() -> None:
    """Edit data/sentences.jsonl, then run `python -m eventwatch.classify.train`."""
    assert default_typer().meta["corpus"] == corpus_digest(load_sentences())


def test_model_is_loaded_once() -> None:
    assert default_typer() is default_typer()
    assert default_typer().labels == TYPER_LABELS


def test_model_probabilities_sum_to_one() -> None:
    probabilities = default_typer().probabilities("Soldiers and rebels clashed near the river.")
    assert set(probabilities) == set(LABELS)
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_model_probabilities_are_the_distribution_given_an_event() -> None:
    """``probabilities`` leaves NO_EVENT out and renormalises; the ratios stay the same."""
    text = "The two unbeaten sides clash in the derby on Saturday."
    distribution = default_typer().distribution(text)
    given_event = default_typer().probabilities(text)
    assert set(distribution) == set(TYPER_LABELS)
    assert sum(distribution.values()) == pytest.approx(1.0)
    for label in LABELS:
        assert given_event[label] == pytest.approx(
            distribution[label] / (1 - distribution[NO_EVENT])
        )


# Written for this test, not in the training sentences.
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("A suicide bomber detonated his vest at the gate of the barracks.", "Suicide bomb"),
        ("Warplanes bombed the rebel-held town overnight, killing six.", "Air/drone strike"),
        (
            "Hundreds of nurses marched peacefully to the ministry to demand pay rises.",
            "Peaceful protest",
        ),
        (
            "Police fired tear gas to disperse the students and detained ten of them.",
            "Protest with intervention",
        ),
        ("A villager accused of stealing goats was beaten to death by a mob.", "Mob violence"),
        ("Gunmen kidnapped a priest and are demanding a ransom.", "Abduction/forced disappearance"),
        ("A magnitude 6 earthquake flattened houses in the valley.", "Natural disaster"),
        ("The two foreign ministers met to discuss the border dispute.", "Diplomacy"),
        # words shared with events, in text that reports none
        ("The league leaders clash with their city rivals at home on Sunday.", NO_EVENT),
        ("The actor shot his first feature film in the fishing villages of the coast.", NO_EVENT),
        ("Staff left the office in five minutes during Friday's fire drill.", NO_EVENT),
        ("Shares of the mining group rose 3 percent in early trading.", NO_EVENT),
        ("Rain is expected across the south on Thursday, forecasters said.", NO_EVENT),
    ],
)
def test_model_types_unseen_sentences(text: str, label: str) -> None:
    assert default_typer().predict(text)[0] == label


def test_model_reads_no_event_in_harmless_texts() -> None:
    """Unseen sport, market, weather, culture and planning texts: nearly all "no event"."""
    texts = harmless_texts()
    read_as_events = [t for t in texts if default_typer().predict(t)[0] != NO_EVENT]
    assert len(read_as_events) <= 0.1 * len(texts), read_as_events


def test_model_empty_text_falls_back_to_the_bias() -> None:
    probabilities = default_typer().probabilities("")
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_model_save_and_load_round_trip(tmp_path: Path) -> None:
    typer = default_typer()
    path = tmp_path / "typer.npz"
    typer.save(path)
    again = EventTyper.load(path)
    text = "Militants planted a bomb under the bridge."
    assert again.predict(text)[0] == typer.predict(text)[0]
    assert np.allclose(again.logits(text), typer.logits(text), atol=1e-3)


def test_model_missing_weights_say_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="eventwatch.classify.train"):
        EventTyper.load(tmp_path / "missing.npz")
