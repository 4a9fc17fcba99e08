"""Event filters: every EventQuery field, paging, escaping and injection attempts."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pytest

from eventwatch.model import Attribution, DateRange, Entity, Evidence, Location
from eventwatch.store import EventQuery, Store
from eventwatch.store.queries import EVENT_FILTERS, event_where, like_contains

from .conftest import MakeDocument, MakeEvent

SCNS = Entity("SCNS", "State Committee for National Security", "KGZ", "SPY", "ent-scns")
JAPAROV = Entity("Japarov", "Sadyr Japarov", "KGZ", "GOV", "ent-japarov")
TASHIEV = Entity("Tashiev", "Kamchybek Tashiev", "KGZ", "SPY", "ent-tashiev")
PUTIN = Entity("Putin", "Vladimir Putin", "RUS", "GOV", "ent-putin")
CROWD = Entity("Протестующие", "Протестующие Жанаозена", "KAZ", "CVL", None)
POLICE = Entity("the Interior Ministry", "Ministry of Internal Affairs", "UZB", "COP", None)


@pytest.fixture
def populated(store: Store, make_document: MakeDocument, make_event: MakeEvent) -> Store:
    """Two documents, five events that differ in every filtered field."""
    store.add_document(
        make_document("docA"),
        sentences=[],
        events=[
            make_event(
                "a1",
                "docA",
                actor=SCNS,
                recipient=Entity("plotters", "plotters"),
                date=DateRange("in early July", "2024-07-01", "2024-07-05", "week", "text"),
                evidence=Evidence("The SCNS said it had blocked an attempt to seize power.", 0, 56),
            ),
            make_event(
                "a2",
                "docA",
                event_type="OFFICE",
                mode="dismiss",
                actor=JAPAROV,
                recipient=TASHIEV,
                location=None,
                factuality="asserted",
                attribution=Attribution(),
                date=DateRange("on 10 December", "2024-12-10", "2024-12-10", "day", "text"),
                evidence=Evidence("Japarov dismissed Tashiev as head of the service.", 57, 106),
            ),
        ],
    )
    store.add_document(
        make_document("docB"),
        sentences=[],
        events=[
            make_event(
                "b1",
                "docB",
                event_type="CONSULT",
                mode=None,
                actor=PUTIN,
                recipient=JAPAROV,
                location=Location("Kazan", "Kazan", "RUS", "Tatarstan", 55.79, 49.12),
                factuality="asserted",
                date=DateRange("on Tuesday", "2024-10-22", "2024-10-22", "day", "text"),
                evidence=Evidence("Putin met Japarov in Kazan on Tuesday.", 0, 38),
            ),
            make_event(
                "b2",
                "docB",
                event_type="ASSAULT",
                mode=None,
                actor=None,
                recipient=None,
                location=Location("Almaty", "Almaty", "KAZ", None, 43.24, 76.89),
                factuality="alleged",
                date=None,
                counts={"killed": 3},
                attribution=Attribution(POLICE, "reported", [], True),
                evidence=Evidence("Reportedly, three people were KILLED in Almaty.", 39, 86),
            ),
            make_event(
                "b3",
                "docB",
                event_type="PROTEST",
                mode="demonstrate",
                actor=CROWD,
                recipient=None,
                location=None,
                factuality="planned",
                date=DateRange("in 2025", "2025-01-01", "2025-12-31", "year", "text"),
                evidence=Evidence("Протестующие собрались в Жанаозене.", 87, 122),
            ),
        ],
    )
    return store


def _ids(store: Store, query: EventQuery | None) -> set[str]:
    return {event["id"] for event in store.events(query)}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"a1", "a2", "b1", "b2", "b3"}),
        ({"event_type": "COUP"}, {"a1"}),
        ({"event_type": "office"}, {"a2"}),
        ({"mode": "dismiss"}, {"a2"}),
        ({"mode": "Dismiss"}, set()),
        ({"country": "KGZ"}, {"a1", "a2", "b1"}),  # location, actor/recipient, recipient
        ({"country": "rus"}, {"b1"}),
        ({"country": "KAZ"}, {"b2", "b3"}),  # location; actor
        ({"country": "UZB"}, set()),  # only the attribution source is Uzbek
        ({"actor": "japarov"}, {"a2", "b1"}),  # actor or recipient
        ({"actor": "KAMCHYBEK"}, {"a2"}),  # canonical name
        ({"actor": "national security"}, {"a1"}),
        ({"actor": "протестующие"}, {"b3"}),  # Unicode case folding
        ({"actor": "interior"}, set()),  # attribution sources are not actors
        ({"date_from": "2024-07-04"}, {"a1", "a2", "b1", "b3"}),  # overlap with a1's range
        ({"date_from": "2024-07-06"}, {"a2", "b1", "b3"}),
        ({"date_to": "2024-07-01"}, {"a1"}),
        ({"date_from": "2024-10-01", "date_to": "2024-10-31"}, {"b1"}),
        ({"date_from": "2024-10", "date_to": "2024-10"}, {"b1"}),  # partial dates
        ({"date_from": "2025", "date_to": "2025"}, {"b3"}),
        ({"date_from": "2025-06-15", "date_to": "2025-06-15"}, {"b3"}),  # inside a year range
        ({"date_from": "2024-12-11", "date_to": "2024-12-31"}, set()),
        ({"date_from": "15/07/2024"}, set()),  # unreadable date matches nothing
        ({"date_to": "2024-02-30"}, set()),
        ({"factuality": "alleged"}, {"b2"}),
        ({"factuality": "asserted"}, {"a2", "b1"}),
        ({"text": "killed in almaty"}, {"b2"}),
        ({"text": "СОБРАЛИСЬ"}, {"b3"}),
        ({"text": "Japarov"}, {"a2", "b1"}),
        ({"doc_id": "docB"}, {"b1", "b2", "b3"}),
        ({"doc_id": "docb"}, set()),
        ({"country": "KGZ", "event_type": "OFFICE"}, {"a2"}),
        ({"country": "KGZ", "date_from": "2024-08-01", "actor": "putin"}, {"b1"}),
        ({"event_type": "", "actor": ""}, {"a1", "a2", "b1", "b2", "b3"}),  # empty = unset
    ],
)
def test_queries_event_filter(
    populated: Store, filters: dict[str, Any], expected: set[str]
) -> None:
    query = EventQuery(**filters)

    assert _ids(populated, query) == expected
    assert populated.count_events(query) == len(expected)


def test_queries_filter_table_covers_every_query_field() -> None:
    filter_fields = {f.name for f in fields(EventQuery)} - {"limit", "offset"}

    assert set(EVENT_FILTERS) == filter_fields


def test_queries_events_ordered_and_paged(populated: Store) -> None:
    ordered = [event["id"] for event in populated.events()]

    assert ordered == ["a1", "a2", "b1", "b2", "b3"]
    assert [e["id"] for e in populated.events(EventQuery(limit=2))] == ["a1", "a2"]
    assert [e["id"] for e in populated.events(EventQuery(limit=2, offset=2))] == ["b1", "b2"]
    assert [e["id"] for e in populated.events(EventQuery(offset=4))] == ["b3"]
    assert list(populated.events(EventQuery(limit=0))) == []
    # Counting ignores paging: it is the total for a paged listing.
    assert populated.count_events(EventQuery(limit=1, offset=1)) == 5


def test_queries_events_none_query_returns_everything(populated: Store) -> None:
    assert populated.count_events(None) == 5
    assert len(list(populated.events(None))) == 5


INJECTIONS = [
    "'; DROP TABLE events; --",
    '"; DROP TABLE events; --',
    "' OR '1'='1",
    "' OR 1=1 --",
    "x') OR ('1'='1",
    "1; DELETE FROM documents",
    "%",
    "_",
    "%%",
    "\\",
    "?",
    "%s",
    "' UNION SELECT record_json FROM events --",
]
STRING_FILTERS = sorted(EVENT_FILTERS)


@pytest.mark.parametrize("field_name", STRING_FILTERS)
@pytest.mark.parametrize("value", INJECTIONS)
def test_queries_injection_strings_match_nothing(
    populated: Store, field_name: str, value: str
) -> None:
    query = EventQuery(**{field_name: value})

    assert list(populated.events(query)) == []
    assert populated.count_events(query) == 0
    assert populated.count_events() == 5
    assert populated.stats()["documents"] == 2
    assert populated.get_document(value) is None
    assert populated.events_for_document(value) == []
    assert populated.has_content(value) is False


def test_queries_like_wildcards_are_literal(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    store.add_document(
        make_document("doc1"),
        sentences=[],
        events=[
            make_event("ev1", evidence=Evidence("Turnout was 100% in region_5.", 0, 29)),
            make_event("ev2", evidence=Evidence("Turnout was 1000 in region 5.", 30, 59)),
        ],
    )

    assert _ids(store, EventQuery(text="100%")) == {"ev1"}
    assert _ids(store, EventQuery(text="region_5")) == {"ev1"}
    assert _ids(store, EventQuery(text="region 5")) == {"ev2"}


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("abc", "%abc%"),
        ("50%", "%50\\%%"),
        ("a_b", "%a\\_b%"),
        ("back\\slash", "%back\\\\slash%"),
    ],
)
def test_queries_like_contains_escapes(text: str, pattern: str) -> None:
    assert like_contains(text) == pattern


def test_queries_event_where_keeps_values_out_of_sql() -> None:
    value = "'; DROP TABLE events; --"
    query = EventQuery(**{name: value for name in EVENT_FILTERS})

    sql, params = event_where(query)

    assert value not in sql
    assert "DROP" not in sql
    assert value in params or value.upper() in params
    assert event_where(None) == ("", [])
    assert event_where(EventQuery()) == ("", [])
