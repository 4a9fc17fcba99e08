"""How records get their ACLED type and category: paragraph context, follow-up arrests, and
the low-confidence record typed by the typer alone when no event word fired."""

from __future__ import annotations

import pytest

from eventwatch.config import Settings
from eventwatch.extract import ExtractedDocument
from eventwatch.model import Document, EventRecord, Evidence
from eventwatch.pipeline import process_documents
from eventwatch.resolve import records
from eventwatch.resolve.records import (
    INFERRED_CONFIDENCE,
    INFERRED_CONTEXT,
    INFERRED_MAX_SENTENCES,
    resolve_document,
)
from tests.classify.harmless import harmless_texts


def _events(text: str) -> list[EventRecord]:
    [processed] = list(process_documents([Document(id="t", text=text)], settings=Settings()))
    return processed.events


def _bare(text: str) -> ExtractedDocument:
    """A document in which extraction found no event word, split into sentences at full stops."""
    sentences, start = [], 0
    for index, char in enumerate(text):
        if char in ".\n" and text[start : index + 1].strip():
            sentences.append((start, index + 1))
            start = index + 1
    if text[start:].strip():
        sentences.append((start, len(text)))
    return ExtractedDocument(
        document=Document(id="bare", text=text, published="2024-05-02"),
        mentions=[],
        entities=[],
        places=[],
        sentences=sentences,
    )


def test_records_type_an_event_with_its_paragraph() -> None:
    """The sentence after the protest tells that the police broke it up."""
    [protest] = [
        e
        for e in _events(
            "Farmers protested outside the district office in Ludhiana on Monday. "
            "Police dispersed them with batons and tear gas."
        )
        if e.event_type == "PROTEST"
    ]
    assert protest.acled == {
        "event_type": "Protests",
        "sub_event_type": "Protest with intervention",
    }


def test_records_give_a_category_to_events_acled_does_not_code() -> None:
    events = _events("The foreign minister visited Ankara on Tuesday for talks on trade.")
    [visit] = [e for e in events if e.event_type == "CONSULT" and e.mode == "visit"]
    assert visit.acled is None
    assert visit.category == "Diplomacy"
    assert visit.to_dict()["category"] == "Diplomacy"


def test_records_leave_category_empty_for_political_violence() -> None:
    events = _events("Militants attacked an army post near Gao on Monday, killing four soldiers.")
    assert events and all(e.category is None for e in events)


def _record(
    event_type: str, mode: str | None, confidence: float, *, acled: bool = True
) -> EventRecord:
    return EventRecord(
        id=f"{event_type}-{mode}",
        doc_id="d",
        event_type=event_type,
        mode=mode,
        evidence=Evidence("x", 0, 1),
        acled={"event_type": "t", "sub_event_type": "s"} if acled else None,
        confidence=confidence,
    )


@pytest.mark.parametrize(
    ("other_type", "other_mode", "demoted"),
    [
        ("ASSAULT", "firearms", True),  # "a shoot-out … two of the shooters were detained"
        ("PROTEST", "demo", True),  # "… blocked the avenue. Five people were arrested."
        ("CONSULT", "meet", False),  # a meeting does not make the arrest secondary
    ],
)
def test_records_lower_arrests_that_follow_violence_or_a_protest(
    other_type: str, other_mode: str, demoted: bool
) -> None:
    arrest = _record("COERCE", "arrest", 0.8)
    other = _record(other_type, other_mode, 0.7, acled=other_type != "CONSULT")
    records._demote_follow_up_arrests([arrest, other])
    assert (arrest.confidence < other.confidence) is demoted
    assert other.confidence == 0.7


@pytest.mark.parametrize(
    ("sub_type", "demoted"),
    [
        ("Looting/property destruction", True),  # "… dismantled a drug lab. A man was arrested."
        ("Disrupted weapons use", False),  # arrests with a weapons find stay the main event
    ],
)
def test_records_lower_arrests_that_follow_goods_seized_or_destroyed(
    sub_type: str, demoted: bool
) -> None:
    arrest = _record("COERCE", "arrest", 0.8)
    seizure = _record("COERCE", "seize", 0.7)
    seizure.acled = {"event_type": "Strategic developments", "sub_event_type": sub_type}
    records._demote_follow_up_arrests([arrest, seizure])
    assert (arrest.confidence < seizure.confidence) is demoted


def test_records_infer_one_record_when_no_event_word_fired() -> None:
    extracted = _bare("Hundreds of nurses marched to the health ministry to demand unpaid wages.")
    [record] = resolve_document(extracted)
    assert record.contexts == [INFERRED_CONTEXT]
    assert record.trigger is None and record.trigger_span is None
    assert 0 < record.confidence <= INFERRED_CONFIDENCE
    assert record.event_type == "PROTEST"
    assert record.acled == {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
    assert record.evidence.text.startswith("Hundreds of nurses")


def test_records_inferred_record_carries_a_category_outside_acled() -> None:
    [record] = resolve_document(
        _bare("The foreign ministers of the two countries met in Geneva to discuss the border.")
    )
    assert record.acled is None
    assert record.category == "Diplomacy"
    assert record.event_type == "CONSULT"


@pytest.mark.parametrize(
    "text",
    [
        # a headline above unrelated prose
        "Police Arrest Mayor In Dawn Raid\n\nThe weather in the capital was mild on Monday.",
        # a plan, not an event that happened
        "The foreign minister will travel to Paris next week to discuss the border.",
        # the typer reads no event: weather, sport, a market report
        "The weather in the capital was mild on Monday.",
        "The two unbeaten teams clash in the cup final at the national stadium on Sunday.",
        "Fuel prices fell for the second month running, the energy regulator said.",
        # a long article with no event word is not a report of one
        "Hundreds of nurses marched to the health ministry to demand unpaid wages. "
        + "The sun rose over the hills. " * INFERRED_MAX_SENTENCES,
    ],
)
def test_records_infer_nothing_from_headlines_plans_or_long_articles(text: str) -> None:
    assert resolve_document(_bare(text)) == []


def test_records_infer_almost_nothing_from_harmless_short_texts() -> None:
    """Sport, markets, weather, plans, …: the typer's "no event" class keeps them record-free."""
    texts = harmless_texts()
    made_up = [text for text in texts if resolve_document(_bare(text))]
    assert len(made_up) <= 0.05 * len(texts), made_up


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Residents reported a long shoot-out between police and a gang in the market district.",
            "Armed clash",
        ),
        ("A man accused of theft was beaten to death by a crowd in the bus park.", "Mob violence"),
    ],
)
def test_records_infer_an_event_the_typer_reads_first(text: str, sub_event_type: str) -> None:
    [record] = resolve_document(_bare(text))
    assert record.contexts == [INFERRED_CONTEXT]
    assert record.acled is not None and record.acled["sub_event_type"] == sub_event_type


def test_records_infer_a_typed_record_beside_untyped_ones() -> None:
    """A demand was found, but nothing ACLED codes: the typer reads a protest in it."""
    events = _events(
        "On Monday, nurses of the district hospital stood outside its gate in Kisumu "
        "demanding unpaid salaries."
    )
    worded = [e for e in events if e.trigger is not None]
    inferred = [e for e in events if INFERRED_CONTEXT in e.contexts]
    assert worded and all(e.acled is None and e.category is None for e in worded)
    [protest] = inferred
    assert protest.acled == {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
    assert protest.confidence < min(e.confidence for e in worded)


def test_records_infer_nothing_beside_a_typed_record() -> None:
    events = _events("Police arrested two journalists in Harare on Monday.")
    assert events and not [e for e in events if INFERRED_CONTEXT in e.contexts]
