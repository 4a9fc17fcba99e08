"""Sample event records for the export tests, built with eventwatch.model."""

from __future__ import annotations

from typing import Any

import pytest

from eventwatch.export.rows import _country_name_lookup
from eventwatch.model import (
    Attribution,
    DateRange,
    Document,
    Entity,
    EventRecord,
    Evidence,
    Location,
)

SCNS_TEXT = (
    "The SCNS said its special forces had blocked an attempt to seize power "
    "in Bishkek, detaining 7 people."
)


def full_event() -> dict[str, Any]:
    """A coup plot with every field filled."""
    return EventRecord(
        id="ev-full",
        doc_id="doc-1",
        event_type="COUP",
        mode="conspiracy",
        evidence=Evidence(SCNS_TEXT, 120, 120 + len(SCNS_TEXT)),
        trigger="blocked",
        trigger_span=(165, 172),
        contexts=["pro_autocracy", "political_institutions"],
        acled={"event_type": "Strategic developments", "sub_event_type": "Arrests"},
        actor=Entity("SCNS", "State Committee for National Security", "KGZ", "SPY", "ent-scns"),
        recipient=Entity("plotters", "plotters", None, "OPP", None),
        date=DateRange("on Tuesday", "2024-11-05", "2024-11-05", "day", "text"),
        location=Location("Bishkek", "Bishkek", "KGZ", "Bishkek City", 42.87, 74.59, "city"),
        counts={"killed": 2, "injured": 3, "arrested": 7, "participants": 40},
        factuality="attributed",
        attribution=Attribution(
            source=Entity("the SCNS", "State Committee for National Security", "KGZ", "SPY"),
            cue="said",
            via=["24.KG", "RIA Novosti"],
            anonymous=False,
        ),
        confidence=0.8123,
        outlet="Newsweek",
    ).to_dict()


def minimal_event() -> dict[str, Any]:
    """An event with only the required fields: no actor, place, date or counts."""
    return EventRecord(
        id="ev-min",
        doc_id="doc-2",
        event_type="ACCUSE",
        mode=None,
        evidence=Evidence("Someone was accused.", 0, 20),
    ).to_dict()


def actor_country_event() -> dict[str, Any]:
    """An event whose place has no country and no coordinates; the actor has one."""
    return EventRecord(
        id="ev-actor-country",
        doc_id="doc-1",
        event_type="OFFICE",
        mode="dismiss",
        evidence=Evidence("Japarov dismissed Tashiev.", 10, 36),
        actor=Entity("Japarov", "Sadyr Japarov", "KGZ", "GOV", "ent-japarov"),
        recipient=Entity("Tashiev", "Kamchybek Tashiev", "KGZ", "SPY", "ent-tashiev"),
        date=DateRange("in February", "2025-02-01", "2025-02-28", "month", "text"),
        location=Location("the capital", None, None),
        factuality="alleged",
        attribution=Attribution(cue="reportedly", anonymous=True),
    ).to_dict()


SAMPLE_BUILDERS = (full_event, minimal_event, actor_country_event)


@pytest.fixture
def events() -> list[dict[str, Any]]:
    """Three events: full, minimal, and one with only an actor country."""
    return [build() for build in SAMPLE_BUILDERS]


@pytest.fixture
def documents() -> dict[str, dict[str, Any]]:
    """Documents by id; doc-1 names its outlet, doc-2 does not."""
    return {
        "doc-1": Document(id="doc-1", text="...", outlet="24.KG").to_dict(),
        "doc-2": Document(id="doc-2", text="...", outlet=None).to_dict(),
    }


@pytest.fixture(autouse=True)
def no_country_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep country names out of the tests unless a test supplies its own lookup."""
    _country_name_lookup.cache_clear()
    monkeypatch.setattr("eventwatch.export.rows._country_name_lookup", lambda: None)
