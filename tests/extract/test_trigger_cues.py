"""Trigger senses and parse rules for events that reports phrase indirectly (team's own sentences).

Checked on the mentions of one sentence, before resolution merges or retypes them.
"""

from __future__ import annotations

import pytest

from eventwatch.annotate import annotate, load_nlp
from eventwatch.config import Settings
from eventwatch.extract import EventMention, extract_document
from eventwatch.model import Document


def mentions_of(text: str) -> list[EventMention]:
    document = Document(id="t", text=text, published="2025-03-12", outlet="Test Wire")
    [adoc] = list(annotate([document], nlp=load_nlp(Settings().model)))
    return extract_document(adoc).mentions


def kinds(text: str) -> set[tuple[str, str | None]]:
    return {(m.event_type, m.mode) for m in mentions_of(text)}


def one(text: str, event_type: str, mode: str | None) -> EventMention:
    found = [m for m in mentions_of(text) if (m.event_type, m.mode) == (event_type, mode)]
    assert len(found) == 1, (text, kinds(text))
    return found[0]


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("The interior minister had already stepped down on Monday.", "OFFICE", "resign"),
        ("Guards confined the president to his residence on Tuesday.", "COERCE", "arrest"),
        ("The minister's sacking came a day after the vote.", "OFFICE", "dismiss"),
        ("Saturday's unrest in the capital left ten injured.", "PROTEST", "riot"),
        ("Omar Diallo is free.", "CONCEDE", "release"),
        ("Rebels released 14 prisoners on Saturday.", "CONCEDE", "release"),
        (
            "The mutineers said they had put an end to the regime of President Ali Sow.",
            "COUP",
            "realized",
        ),
        (
            "Police said they had broken up a conspiracy to seize the presidential palace.",
            "COUP",
            "conspiracy",
        ),
        (
            "The High Court ordered the former minister to serve two years in prison.",
            "SANCTION",
            "convict",
        ),
        (
            "Omar Diallo and Anna Berg held a brief meeting in Geneva on Friday.",
            "CONSULT",
            "meet",
        ),
        (
            "Thousands of students blocked dozens of intersections across the city on Saturday.",
            "PROTEST",
            "demo",
        ),
    ],
)
def test_indirect_phrasings_give_an_event(text: str, event_type: str, mode: str) -> None:
    assert (event_type, mode) in kinds(text)


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Officers grabbed the microphone from the speaker.", "COERCE", "arrest"),
        ("Omar Diallo is free to travel abroad.", "CONCEDE", "release"),
        ("The two sides put an end to the dispute over fishing rights.", "COUP", "realized"),
        ("The party held a meeting in Geneva.", "CONSULT", "meet"),
        ("Unrest has simmered in the region for years.", "PROTEST", "riot"),
        ("The season ended without a title for the club.", "OFFICE", "dismiss"),
        ("The minister stepped into the hall.", "OFFICE", "resign"),
    ],
)
def test_look_alike_phrasings_give_no_such_event(text: str, event_type: str, mode: str) -> None:
    assert (event_type, mode) not in kinds(text)


def test_successor_and_replacement_name_the_new_holder() -> None:
    successor = one("His successor, Anna Berg, is a former judge.", "OFFICE", "appoint")
    assert successor.recipient is not None and successor.recipient.text == "Anna Berg"
    text = "The president fired the defence minister and replaced him with General Omar Diallo."
    assert ("OFFICE", "dismiss") in kinds(text)
    appoint = one(text, "OFFICE", "appoint")
    assert appoint.recipient is not None and "Omar Diallo" in appoint.recipient.text


def test_a_court_removing_a_leader_is_a_dismissal_not_a_coup() -> None:
    for text in (
        "The Supreme Court removed the prime minister from office on Friday.",
        "The Supreme Court ousted the prime minister on Friday.",
    ):
        assert ("OFFICE", "dismiss") in kinds(text), kinds(text)
        assert not any(k[0] == "COUP" for k in kinds(text)), kinds(text)
    assert ("COUP", "realized") in kinds("Soldiers ousted President Ali Sow on Friday.")


def test_ending_a_premiership_dismisses_its_holder() -> None:
    mention = one(
        "A ruling by the judges ended the premiership of Anna Berg on Friday.", "OFFICE", "dismiss"
    )
    assert mention.recipient is not None and mention.recipient.text == "Anna Berg"


def test_grabbed_by_plain_clothes_men_is_an_arrest() -> None:
    mention = one(
        "Omar Diallo was grabbed by men in plain clothes outside his home.", "COERCE", "arrest"
    )
    assert mention.recipient is not None and mention.recipient.text == "Omar Diallo"


def test_a_foiled_plot_to_attack_the_presidency_is_a_coup_plot_not_an_attack() -> None:
    found = kinds(
        "The minister said the army had dismantled a plot by officers to attack the presidency."
    )
    assert ("COUP", "conspiracy") in found
    assert not any(k[0] == "ASSAULT" for k in found), found


def test_misparsed_object_before_a_later_clause() -> None:
    text = (
        "MINSK, May 3 (Wire) — The President on Tuesday dismissed Health Minister Ali "
        "Sowbekov, a week after a fire at a hospital killed six people."
    )
    mention = one(text, "OFFICE", "dismiss")
    assert mention.recipient is not None and "Sowbekov" in mention.recipient.text


def test_no_reason_for_a_dismissal_does_not_negate_it() -> None:
    text = "The press service gave no reason for the dismissal of the minister."
    assert one(text, "OFFICE", "dismiss").factuality == "asserted"
    assert one("Officials found no sign of an attack on the base.", "ASSAULT", None).factuality == (
        "negated"
    )
