"""Attribution spans (``extract.attributions``): sources, cues and univocal nesting."""

from __future__ import annotations

from typing import Any

import pytest

from eventwatch.annotate import annotate
from eventwatch.extract.attributions import attribution_spans, quoted_regions
from eventwatch.model import Document


@pytest.fixture(scope="module")
def attributions_of(nlp):
    def run(text: str) -> list[dict[str, Any]]:
        [adoc] = list(annotate([Document("a", text)], nlp=nlp))
        found = attribution_spans(adoc)
        for item in found:
            for part in ("source", "cue", "content"):
                span = item[part]
                if span is not None:
                    assert text[span["start"] : span["end"]] == span["text"]
        return found

    return run


def pairs(found: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(a["source"]["text"], a["cue"]["text"] if a["cue"] else "") for a in found}


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # a verb of saying with a clause
        (
            "The harbour authority said that two ferries were cancelled.",
            "The harbour authority",
            "said",
        ),
        # a verb of thinking
        ("Most economists believe the bank will cut rates.", "Most economists", "believe"),
        # a position taken on something: the object is the content
        ("The senator attacked the new tariff plan on Tuesday.", "The senator", "attacked"),
        # the passive: the "by" agent is the source
        ("The bill was endorsed by the teachers' union.", "the teachers' union", "was endorsed"),
        # a relative pronoun is the source of its clause
        ("She met the governor, who had criticized the budget.", "who", "had criticized"),
        # a subject shared with the clause above
        ("The mayor left the meeting early, saying the vote was rigged.", "The mayor", "saying"),
        # a state of mind
        ("Party leaders are worried about turnout in the suburbs.", "Party leaders", "worried"),
        # a noun of saying with an owner and a clause
        ("The minister's claim that prices had fallen was false.", "The minister's", "claim"),
        # a phrasal cue keeps its preposition
        ("The senator called for an inquiry into the contracts.", "The senator", "called for"),
        # a poll speaks for itself
        (
            "In a new county poll, most voters opposed the toll road.",
            "a new county poll",
            "In",
        ),
        # a regular inflection the lemmatizer may miss
        ("The coach hoped that the rain would stop.", "The coach", "hoped"),
        # a speech verb with a colon and nothing else
        ("The governor added: the roads will reopen soon.", "The governor", "added"),
    ],
)
def test_attributions_source_and_cue(attributions_of, text: str, source: str, cue: str) -> None:
    assert (source, cue) in pairs(attributions_of(text))


def test_attributions_nested_attribution_is_part_of_the_content(attributions_of) -> None:
    found = attributions_of("The coach said he thinks the team wants a new stadium.")
    assert pairs(found) == {("The coach", "said")}


def test_attributions_cue_inside_a_quotation_is_not_an_attribution(attributions_of) -> None:
    found = attributions_of('"I think we know what voters want," the candidate said.')
    assert pairs(found) == {("the candidate", "said")}
    [item] = found
    assert item["content"]["text"].startswith("I think")


def test_attributions_dash_credit_after_a_quote(attributions_of) -> None:
    text = "“The buses never come on time.” ― Maria Lopez\n“We need more trains.” ― Tom Reyes"
    found = pairs(attributions_of(text))
    assert ("Maria Lopez", "―") in found
    assert ("Tom Reyes", "―") in found


def test_attributions_name_and_colon_before_a_quote(attributions_of) -> None:
    text = "Rail traffic fell again - Lena Park: “Freight is moving to the roads.”"
    assert ("Lena Park", ":") in pairs(attributions_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "The hikers saw the lake from the ridge.",  # "see" without a clause is perception
        "She found her keys under the sofa.",  # "find" without a clause is not a finding
        "What worries the council is the cost.",  # "what" is not a speaker
        "It is thought that the bridge will close.",  # a passive with nobody behind it
    ],
)
def test_attributions_not_an_attribution(attributions_of, text: str) -> None:
    assert attributions_of(text) == []


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ('He said "we will win" and left.', "we will win", "left"),
        ("She wrote “no” twice.", "no", "twice"),
        ("The ``old guard'' won.", "old guard", "won"),
        ("A quote that “runs on\nNext paragraph.", "runs on", "Next"),
    ],
)
def test_attributions_quoted_regions(text: str, inside: str, outside: str) -> None:
    regions = quoted_regions(text)
    start = text.index(inside)
    assert any(a <= start and start + len(inside) <= b for a, b in regions)
    start = text.index(outside)
    assert not any(a <= start < b for a, b in regions)
