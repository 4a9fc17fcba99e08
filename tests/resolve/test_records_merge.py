"""When mentions of one kind in a report are one event and when they are two."""

from __future__ import annotations

from types import SimpleNamespace

from eventwatch.config import Settings
from eventwatch.model import DateRange, Document, Entity, EventRecord
from eventwatch.pipeline import process_documents
from eventwatch.resolve import records
from eventwatch.resolve.records import ResolvedMention


def _events(text: str, published: str = "2025-03-20") -> list[EventRecord]:
    document = Document(id="t", text=text, published=published)
    [processed] = list(process_documents([document], settings=Settings()))
    return processed.events


def _recipients(events: list[EventRecord], event_type: str) -> set[str]:
    return {e.recipient.name for e in events if e.event_type == event_type and e.recipient}


def _arrest(trigger: int, recipient: Entity | None) -> ResolvedMention:
    sentence = (0, 120, "x" * 120)
    mention = SimpleNamespace(sentence=sentence, trigger=(trigger, trigger + 9, "detention"))
    return ResolvedMention(
        mention=mention,  # type: ignore[arg-type]
        date=DateRange("March 12", "2025-03-12", "2025-03-12", "day"),
        explicit_date=True,
        location=None,
        actor=None,
        recipient=recipient,
        source=None,
    )


def test_two_event_words_of_one_sentence_with_different_names_are_two_events() -> None:
    toktom = Entity("Toktom", "Toktom", id="a")  # a surname NER did not tag
    usenov = Entity("Kadyrbek Usenov", "Kadyrbek Usenov", id="b", named=True)
    assert records._separate_in_sentence(_arrest(4, toktom), _arrest(80, usenov))
    # one event word, or a description on one side, or the same person: no verdict
    assert not records._separate_in_sentence(_arrest(4, toktom), _arrest(4, usenov))
    officers = Entity("three officers", "three officers", id="c")
    assert not records._separate_in_sentence(_arrest(4, officers), _arrest(80, usenov))
    assert not records._separate_in_sentence(_arrest(4, usenov), _arrest(80, usenov))


def test_an_opening_date_dates_later_events_without_merging_them() -> None:
    events = _events(
        "On 14 March 2025, hundreds of people rallied outside parliament in Bishkek. "
        "The president fired the interior minister Aibek Saparov. It was followed by the "
        "dismissal of the deputy head of the customs service for the southern region."
    )
    dismissals = [e for e in events if e.event_type == "OFFICE" and e.mode == "dismiss"]
    assert len(dismissals) == 2, [e.evidence.text for e in dismissals]
    assert {e.date.start for e in dismissals} == {"2025-03-14"}


def test_a_toll_in_the_next_sentence_joins_the_attack_it_follows() -> None:
    events = _events(
        "On 9 May 2020, gunmen attacked a police post near the market of a border town. "
        "Three policemen were killed in the attack."
    )
    attacks = [e for e in events if e.event_type == "ASSAULT"]
    assert attacks and any(e.counts.get("killed") == 3 for e in attacks)
    assert all(e.date.start == "2020-05-09" for e in attacks)
