"""The hedge detector (``extract.hedges``): which words make a sentence uncertain."""

from __future__ import annotations

import pytest

from eventwatch.annotate import annotate
from eventwatch.extract.hedges import sentence_views
from eventwatch.model import Document


@pytest.fixture(scope="module")
def cues_of(nlp):
    def run(sentence: str) -> list[str]:
        [adoc] = list(annotate([Document("h", sentence)], nlp=nlp))
        views = sentence_views(adoc)
        cues = [c["text"] for view in views for c in view["cues"]]
        assert all(view["hedged"] is bool(view["cues"]) for view in views)
        return cues

    return run


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Analysts expect profits of more than $2 billion next year.", "expect"),
        ("The utility forecast a sharp rise in demand.", "forecast"),
        ("Shipments are expected to resume in March.", "expected"),
        ("Officials believe the fire was set deliberately.", "believe"),
        ("The board accused the director of hiding losses.", "accused"),
        ("Prosecutors repeated their charges that the firm lied to investors.", "charges"),
        ("The storm may have damaged the pier.", "may"),
        ("A man suspected of arson was detained.", "suspected"),
    ],
)
def test_hedges_cue_found(cues_of, sentence: str, cue: str) -> None:
    assert cue in cues_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # "would be" as an adjective
        "Two would-be robbers fled the shop.",
        # a reporter's idiom, not uncertainty
        "The mayor could not be reached for comment.",
        "Her spokesman could be reached only by email.",
        # "expected" without anything expected
        "As expected, the bank raised its rates.",
        "Sales were lower than expected in the third quarter.",
        # taking on, not supposing
        "The buyer will assume $40 million of debt.",
        # a belief verb without a clause
        "Nobody believes that story any more.",
        # hope is a wish, not a doubt
        "The organizers hope to finish the stadium by June.",
        # an accounting charge
        "The company took a $12 million charge for the plant closure.",
    ],
)
def test_hedges_not_a_hedge(cues_of, sentence: str) -> None:
    assert cues_of(sentence) == []
