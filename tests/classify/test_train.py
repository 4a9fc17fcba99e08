"""Training: reproducible from the shipped sentences, and it generalises to held-out ones."""

from __future__ import annotations

import numpy as np
import pytest

from eventwatch.classify import NO_EVENT, default_typer, load_sentences
from eventwatch.classify.corpus import LabelledSentence
from eventwatch.classify.train import main, sentence_weights, train_typer

CANNED = [
    "On 2 June 2021, unidentified gunmen shot dead a councillor outside his home.",
    "Rebels shelled the outskirts of the city with mortars, damaging a school.",
    "Protesters burned tyres and threw stones at the police.",
    "The army defused a roadside bomb found near the checkpoint.",
    "Police arrested an opposition leader at his home overnight.",
    "A fire at a chemical factory killed nine workers.",
]


@pytest.fixture(scope="module")
def retrained():
    return train_typer(load_sentences())


def test_train_reproduces_the_shipped_weights(retrained) -> None:
    shipped = default_typer()
    assert retrained.meta == shipped.meta
    assert np.array_equal(retrained.rows, shipped.rows)
    for text in CANNED:
        assert retrained.predict(text)[0] == shipped.predict(text)[0], text
        assert np.allclose(retrained.logits(text), shipped.logits(text), atol=0.02), text


def test_train_generalises_to_held_out_sentences() -> None:
    sentences = load_sentences()
    train = [s for i, s in enumerate(sentences) if i % 5]
    held = [s for i, s in enumerate(sentences) if not i % 5]
    typer = train_typer(train)
    accuracy = sum(typer.predict(s.text)[0] == s.label for s in held) / len(held)
    assert accuracy >= 0.65


def test_train_command_writes_weights(tmp_path, capsys) -> None:
    sentences = tmp_path / "few.jsonl"
    sentences.write_text(
        '{"text": "Jets bombed the town.", "label": "Air/drone strike"}\n'
        '{"text": "Villagers marched to the town hall.", "label": "Peaceful protest"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "typer.npz"
    main(["--sentences", str(sentences), "--out", str(out)])
    assert out.exists() and "trained on 2 sentences" in capsys.readouterr().out


def test_train_weighs_no_event_sentences_as_much_as_the_median_class() -> None:
    sentences = [
        *[LabelledSentence(f"attack {i}", "Attack") for i in range(2)],
        *[LabelledSentence(f"arrest {i}", "Arrests") for i in range(4)],
        *[LabelledSentence(f"market {i}", NO_EVENT) for i in range(16)],
    ]
    weights = sentence_weights(sentences)
    assert weights.mean() == pytest.approx(1.0)
    assert weights[6:].sum() == pytest.approx(weights[2:6].sum())  # the median class: 4
    assert weights[0] == weights[5]
