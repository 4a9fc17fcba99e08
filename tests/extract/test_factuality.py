"""Factuality and attribution of one event (``extract.factuality.present``)."""

from __future__ import annotations

import pytest

from eventwatch.extract.factuality import present, sentence_attribution


@pytest.fixture(scope="module")
def presentation(nlp):
    def run(sentence: str, trigger: str):
        doc = nlp(sentence)
        token = next(t for t in doc if t.text == trigger)
        return present(token, doc[:], 0)

    return run


@pytest.mark.parametrize(
    ("sentence", "trigger", "factuality"),
    [
        ("Soldiers fired on the crowd in the square.", "fired", "asserted"),
        ("The ministry said soldiers fired on the crowd.", "fired", "attributed"),
        ("Witnesses said soldiers fired on the crowd.", "fired", "alleged"),
        ("Soldiers allegedly fired on the crowd.", "fired", "alleged"),
        ("The shelling may have killed dozens of civilians.", "killed", "alleged"),
        ("Soldiers did not fire on the crowd.", "fire", "negated"),
        ("The army denied that soldiers fired on the crowd.", "fired", "denied"),
        ("The union plans to strike next week.", "strike", "planned"),
        ("If the talks fail, the rebels could attack the city.", "attack", "hypothetical"),
    ],
)
def test_factuality_of_trigger(presentation, sentence: str, trigger: str, factuality: str) -> None:
    assert presentation(sentence, trigger).factuality == factuality


def test_factuality_hedge_stays_in_its_clause(presentation) -> None:
    sentence = "Police allegedly beat the students, and the army withdrew from the campus."
    assert presentation(sentence, "beat").factuality == "alleged"
    assert presentation(sentence, "withdrew").factuality == "asserted"


def test_factuality_reported_event_names_its_source(presentation) -> None:
    found = presentation("The interior ministry said police arrested nine people.", "arrested")
    assert found.attribution.source is not None
    assert found.attribution.source.text == "The interior ministry"
    assert found.attribution.cue == "said"
    assert found.attribution.anonymous is False


def test_factuality_anonymous_source(presentation) -> None:
    found = presentation("Officials said police arrested nine people.", "arrested")
    assert found.attribution.anonymous is True
    assert found.factuality == "alleged"


def test_factuality_sentence_attribution_for_following_quotes(nlp) -> None:
    doc = nlp("The governor told reporters on Monday that the border would stay closed.")
    found = sentence_attribution(doc[:], 100)
    assert found is not None
    assert found.source is not None and found.source.text == "The governor"
    assert found.cue_start == 100 + doc.text.index("told")
    assert sentence_attribution(nlp("The border stayed closed on Monday.")[:], 0) is None
