"""Extraction on sentences the team wrote: type, mode, participants, counts, factuality."""

from __future__ import annotations

import pytest

from eventwatch.config import Settings
from eventwatch.model import Document
from eventwatch.pipeline import process_documents


def events_of(text: str, published: str = "2025-03-12") -> list[dict]:
    document = Document(id="t", text=text, published=published, outlet="Test Wire")
    [processed] = list(process_documents([document], settings=Settings()))
    return [e.to_dict() for e in processed.events]


def only(text: str, event_type: str, **kwargs) -> dict:
    found = [e for e in events_of(text, **kwargs) if e["event_type"] == event_type]
    assert len(found) == 1, (
        text,
        [(e["event_type"], e["mode"]) for e in events_of(text, **kwargs)],
    )
    return found[0]


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        (
            "Border guards detained eleven smugglers near the river crossing on Monday.",
            "COERCE",
            "arrest",
        ),
        ("The junta seized power in Niamey and suspended the constitution.", "COUP", "realized"),
        (
            "Security services foiled a plot to overthrow the government, the ministry said.",
            "COUP",
            "conspiracy",
        ),
        ("Rebel officers staged a failed coup attempt against the president.", "COUP", "attempt"),
        (
            "The president dismissed the head of the intelligence service on Friday.",
            "OFFICE",
            "dismiss",
        ),
        ("Parliament elected Anna Berg as its new speaker.", "OFFICE", "elect"),
        ("The interior minister resigned after the scandal.", "OFFICE", "resign"),
        ("The prime minister appointed a new defence minister.", "OFFICE", "appoint"),
        ("Thousands of students protested outside the parliament in Tbilisi.", "PROTEST", "demo"),
        (
            "A court in Lahore sentenced the former minister to ten years in prison.",
            "SANCTION",
            "convict",
        ),
        (
            "The foreign minister met his Turkish counterpart in Ankara on Tuesday.",
            "CONSULT",
            "meet",
        ),
        ("The two presidents held a telephone conversation about the border.", "CONSULT", "phone"),
        ("Gunmen shot dead three police officers at a checkpoint.", "ASSAULT", "firearms"),
        ("An air strike hit a market in the town, killing nine people.", "ASSAULT", "aerial"),
        (
            "Border guards fired shots into the air and wounded a smuggler near the river.",
            "ASSAULT",
            "firearms",
        ),
        (
            "A suicide bomber killed six people at a checkpoint with an explosive vest.",
            "ASSAULT",
            "explosives",
        ),
        ("The European Union imposed sanctions on four generals.", "SANCTION", "embargo"),
        ("Hundreds of protesters gathered outside the courthouse in Accra.", "PROTEST", "demo"),
        ("Opposition supporters took to the streets of Lusaka on Friday.", "PROTEST", "demo"),
    ],
)
def test_events_type_and_mode(text: str, event_type: str, mode: str) -> None:
    event = only(text, event_type)
    assert event["mode"] == mode


def test_events_passive_arrest_with_count_and_agent() -> None:
    event = only("Twelve activists were arrested by riot police in the capital.", "COERCE")
    assert event["counts"] == {"arrested": 12}
    assert "police" in event["actor"]["name"].lower()
    assert event["actor"]["sector"] == "COP"
    assert "activists" in event["recipient"]["text"]


def test_events_killed_and_injured_counts() -> None:
    event = only(
        "Rioters clashed with police in Almaty; eight people were killed and 317 injured.",
        "PROTEST",
    )
    assert event["counts"]["killed"] == 8
    assert event["counts"]["injured"] == 317


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        ("Soldiers reportedly detained the mayor of the town.", "alleged"),
        ("The army detained the mayor, the defence ministry said.", "attributed"),
        ("Police did not arrest anyone at the march.", "negated"),
        ("The minister is scheduled to visit Bishkek next month.", "planned"),
        (
            "Two officials who spoke on condition of anonymity said troops had detained the mayor.",
            "alleged",
        ),
        ("The ministry denied that its troops had shelled the village.", "denied"),
        ("The unrest could have led to the arrest of the whole cabinet.", "hypothetical"),
        ("Police arrested the mayor on Monday.", "asserted"),
    ],
)
def test_events_factuality(text: str, factuality: str) -> None:
    found = events_of(text)
    assert found, text
    assert found[0]["factuality"] == factuality


def test_events_hedge_in_one_clause_does_not_reach_the_next() -> None:
    found = events_of(
        "Rebels allegedly attacked the convoy, and police arrested two suspects on Friday."
    )
    kinds = {e["event_type"]: e["factuality"] for e in found}
    assert kinds["ASSAULT"] == "alleged"
    assert kinds["COERCE"] == "asserted"


def test_events_source_carries_to_the_quote_that_follows() -> None:
    text = (
        "The plot was exposed early, the interior ministry said in a statement. "
        '"Nine suspects were detained and their weapons seized."'
    )
    arrest = only(text, "COERCE")
    assert arrest["factuality"] == "attributed"
    assert "interior ministry" in arrest["attribution"]["source"]["text"].lower()


def test_events_anonymous_source_is_flagged() -> None:
    event = only("Three sources close to the cabinet said police arrested the governor.", "COERCE")
    assert event["attribution"]["anonymous"] is True
    assert event["factuality"] == "alleged"


def test_events_place_resolves_to_country_and_coordinates() -> None:
    event = only(
        "The foreign minister met his Turkish counterpart in Ankara on Tuesday.", "CONSULT"
    )
    assert event["location"]["country"] == "TUR"
    assert event["location"]["precision"] == "city"
    assert abs(event["location"]["lat"] - 39.9) < 0.5


def test_events_headline_gives_no_event() -> None:
    found = events_of(
        "Police Arrest Mayor In Dawn Raid\n\nThe weather in the capital was mild on Monday."
    )
    assert found == []


def test_events_a_gathering_or_a_figure_of_speech_is_no_protest() -> None:
    """No event word fires (the typer may still infer a low-confidence record)."""
    for text in (
        "Families gathered in the park to celebrate the holiday.",
        "The minister took the floor.",
    ):
        assert [e for e in events_of(text) if e["trigger"] is not None] == []


def test_events_generic_statement_gives_no_event() -> None:
    assert events_of("Arbitrary arrests are commonplace in the region, the report says.") == []


def test_events_ids_are_stable_across_runs() -> None:
    text = "Police arrested the mayor on Monday. The president dismissed the police chief."
    assert [e["id"] for e in events_of(text)] == [e["id"] for e in events_of(text)]


def test_events_every_record_key_is_present() -> None:
    keys = {
        "id", "doc_id", "event_type", "mode", "contexts", "acled", "category", "actor", "recipient", "date",
        "location", "counts", "factuality", "attribution", "evidence", "confidence",
    }  # fmt: skip
    for event in events_of("Police arrested the mayor of Osh on Monday."):
        assert keys <= set(event)
        assert set(event["date"]) == {"text", "start", "end", "precision", "basis"}
        assert set(event["attribution"]) == {"source", "cue", "via", "anonymous"}
