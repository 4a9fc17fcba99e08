"""ACLED typing: the rules' vote combined with the learned typer, and the helpers around it."""

from __future__ import annotations

import pytest

from eventwatch.config import Settings
from eventwatch.extract.mention import Argument, EventMention
from eventwatch.model import Document
from eventwatch.pipeline import process_documents
from eventwatch.resolve.acled import acled_type, event_category, event_context


def _argument(text: str, label: str | None = None) -> Argument:
    return Argument(
        text=text, start=0, end=len(text), head_lemma=text.split()[-1].lower(), label=label
    )


def _mention(
    text: str,
    event_type: str,
    mode: str | None = None,
    *,
    acled: tuple[str, str] | None = None,
    actor: str | None = None,
    recipient: str | None = None,
) -> EventMention:
    return EventMention(
        doc_id="t",
        sentence_index=0,
        paragraph_index=0,
        sentence=(0, len(text), text),
        trigger=(0, 1, text.split()[0]),
        event_type=event_type,
        mode=mode,
        acled=acled,
        weight=0.7,
        actor=_argument(actor) if actor else None,
        recipient=_argument(recipient) if recipient else None,
    )


@pytest.mark.parametrize(
    ("text", "event_type", "mode", "actor", "recipient", "expected"),
    [
        (
            "A suicide bomber blew himself up at a checkpoint, killing three soldiers.",
            "ASSAULT",
            "explosives",
            "bomber",
            "soldiers",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            "Government troops and rebels clashed near the border town.",
            "ASSAULT",
            None,
            "troops",
            "rebels",
            ("Battles", "Armed clash"),
        ),
        (
            "Unidentified gunmen shot dead a farmer in his field.",
            "ASSAULT",
            "firearms",
            "gunmen",
            "farmer",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Police fired live rounds at peaceful protesters, killing two.",
            "ASSAULT",
            "firearms",
            "Police",
            "protesters",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            "Police fired tear gas at protesters who were throwing stones at them.",
            "ASSAULT",
            None,
            "Police",
            "protesters",
            ("Riots", "Violent demonstration"),
        ),
        (
            "Arsonists attacked a chemical plant, causing damage to the factory.",
            "ASSAULT",
            None,
            "Arsonists",
            "plant",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "A mob lynched a man suspected of stealing a motorbike.",
            "ASSAULT",
            "beat",
            "mob",
            "man",
            ("Riots", "Mob violence"),
        ),
    ],
)
def test_acled_type_of_hand_built_mentions(
    text: str,
    event_type: str,
    mode: str | None,
    actor: str,
    recipient: str,
    expected: tuple[str, str],
) -> None:
    assert (
        acled_type(_mention(text, event_type, mode, actor=actor, recipient=recipient)) == expected
    )


def test_acled_type_reads_the_context_after_the_event() -> None:
    """A protest is peaceful until the next sentence says the police broke it up."""
    protest = _mention(
        "Farmers protested outside the district office.", "PROTEST", "demo", actor="Farmers"
    )
    assert acled_type(protest) == ("Protests", "Peaceful protest")
    context = "Farmers protested outside the district office. Police dispersed them with tear gas."
    assert acled_type(protest, context=context) == ("Protests", "Protest with intervention")


def test_acled_type_leaves_disasters_out() -> None:
    flood = _mention("Floods after torrential rains killed twelve people in the valley.", "ASSAULT")
    assert acled_type(flood) is None
    assert event_category(flood) == "Natural disaster"


def test_acled_type_none_for_events_acled_does_not_code() -> None:
    visit = _mention("The foreign minister visited Ankara for talks.", "CONSULT", "visit")
    assert acled_type(visit) is None
    assert event_category(visit) == "Diplomacy"


def test_event_category_none_for_political_violence() -> None:
    attack = _mention(
        "Militants attacked an army post, killing four soldiers.", "ASSAULT", actor="Militants"
    )
    assert event_category(attack) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("One. Two.\nThree. Four.\nFive.", 10, 16, "Three. Four."),
        ("Only line here.", 0, 15, "Only line here."),
    ],
)
def test_event_context_is_the_paragraph(text: str, start: int, end: int, expected: str) -> None:
    assert event_context(text, start, end) == expected


def test_event_context_cuts_a_long_paragraph_around_the_sentence() -> None:
    sentence = "Rebels seized the town."
    text = "Filler words here. " * 60 + sentence + " Then more. " * 60
    start = text.index(sentence)
    context = event_context(text, start, start + len(sentence), limit=200)
    assert sentence in context and len(context) <= 200


def _acled_of(text: str) -> set[tuple[str, str]]:
    [processed] = list(process_documents([Document(id="t", text=text)], settings=Settings()))
    return {(e.acled["event_type"], e.acled["sub_event_type"]) for e in processed.events if e.acled}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 4 June 2021, a grenade was thrown at a police post in Sopore, injuring two officers.",
            ("Explosions/Remote violence", "Grenade"),
        ),
        (
            "Warplanes struck rebel positions near the town on Tuesday, killing four fighters.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Hundreds of teachers protested outside the education ministry on Monday to demand back pay.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "Gunmen abducted 20 passengers from a bus on the highway, police said.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
    ],
)
def test_acled_type_end_to_end(text: str, expected: tuple[str, str]) -> None:
    assert expected in _acled_of(text)
