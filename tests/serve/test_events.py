"""/api/events and /api/events/{id}: filters, sorts, paging, formats."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from eventwatch.serve.catalog.filters import date_bound
from tests.serve.conftest import assert_error


def _all_pages(client: Any, **params: Any) -> list[dict[str, Any]]:
    """Every event of a query, following next_cursor; checks total on each page."""
    events: list[dict[str, Any]] = []
    cursor = None
    total = None
    for _ in range(1000):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=query).json()
        total = body["total"] if total is None else total
        assert body["total"] == total
        events.extend(body["events"])
        cursor = body["next_cursor"]
        if cursor is None:
            return events
    raise AssertionError("paging did not end")


def test_events_lists_every_stored_event(client, store_events) -> None:
    body = client.get("/api/events", params={"limit": 500}).json()
    assert body["total"] == len(store_events)
    assert body["next_cursor"] is None
    assert body["events"] == store_events  # the same records, in the store's order


@pytest.mark.parametrize("sort", ["doc", "date", "-date", "confidence", "-confidence"])
@pytest.mark.parametrize("limit", [1, 3, 500])
def test_events_pagination_round_trip_visits_each_event_once(
    client, store_events, sort, limit
) -> None:
    events = _all_pages(client, sort=sort, limit=limit)
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids)) == len(store_events)
    assert set(ids) == {e["id"] for e in store_events}


def _date(event: dict[str, Any]) -> str | None:
    return event["date"]["start"] or event["date"]["end"]


def test_events_sorts_order_as_documented(client) -> None:
    by_date = _all_pages(client, sort="date", limit=4)
    dated = [_date(e) for e in by_date if _date(e)]
    assert dated == sorted(dated)
    assert all(_date(e) for e in by_date[: len(dated)])  # undated events last
    newest = [_date(e) for e in _all_pages(client, sort="-date") if _date(e)]
    assert newest == sorted(newest, reverse=True)
    confidence = [e["confidence"] for e in _all_pages(client, sort="-confidence", limit=2)]
    assert confidence == sorted(confidence, reverse=True)


def _matches(event: dict[str, Any], name: str, value: Any) -> bool:
    """What each filter means, written independently of the implementation."""
    actor, recipient = event.get("actor") or {}, event.get("recipient") or {}
    location = event.get("location") or {}
    source = (event.get("attribution") or {}).get("source") or {}
    parties = [p for p in (actor, recipient) if p]
    if name == "type":
        return event["event_type"] == value.upper()
    if name == "doc":
        return event["doc_id"] == value
    if name == "mode":
        return event["mode"] == value
    if name == "country":
        return location.get("country") == value or any(p.get("country") == value for p in parties)
    if name == "actor":
        return any(value.casefold() in f"{p['text']}\x1f{p['name']}".casefold() for p in parties)
    if name == "place":
        return (
            value.casefold()
            in f"{location.get('name') or ''}\x1f{location.get('text') or ''}".casefold()
        )
    if name == "date_from":
        last = event["date"]["end"] or event["date"]["start"]
        return last is not None and last >= date_bound(value, end=False)
    if name == "date_to":
        first = event["date"]["start"] or event["date"]["end"]
        return first is not None and first <= date_bound(value, end=True)
    if name == "factuality":
        return event["factuality"] == value
    if name == "q":
        texts = [event["evidence"]["text"], location.get("name") or "", location.get("text") or ""]
        texts += [f"{p['text']}\x1f{p['name']}" for p in (*parties, source) if p]
        return any(value.casefold() in t.casefold() for t in texts)
    raise AssertionError(name)


def _filter_cases(store_events: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """One or two real values for every filter, taken from the store."""
    first = store_events[0]
    with_actor = next(e for e in store_events if e.get("actor"))
    with_place = next(e for e in store_events if e.get("location"))
    dated = sorted(_date(e) for e in store_events if _date(e))
    return [
        ("type", first["event_type"]),
        ("type", first["event_type"].lower()),
        ("mode", next(e["mode"] for e in store_events if e["mode"])),
        ("country", with_place["location"]["country"]),
        ("actor", with_actor["actor"]["text"].split()[-1].upper()),
        ("place", with_place["location"]["name"][:4].lower()),
        ("date_from", dated[len(dated) // 2]),
        ("date_to", dated[len(dated) // 2][:7]),
        ("date_from", dated[0][:4]),
        ("factuality", "attributed"),
        ("factuality", "alleged"),
        ("q", "detained"),
        ("q", "SECURITY"),
        ("doc", first["doc_id"]),
        ("doc", store_events[-1]["doc_id"]),
    ]


def test_events_every_filter_keeps_exactly_the_matching_events(client, store_events) -> None:
    for name, value in _filter_cases(store_events):
        expected = [e["id"] for e in store_events if _matches(e, name, value)]
        got = [e["id"] for e in _all_pages(client, **{name: value})]
        assert sorted(got) == sorted(expected), (name, value)
        assert expected or name == "factuality", f"{name}={value} should match something"


def test_events_filters_combine_with_and(client, store_events) -> None:
    cases = _filter_cases(store_events)
    for (name_a, value_a), (name_b, value_b) in zip(cases, cases[3:], strict=False):
        if name_a == name_b:
            continue
        expected = {
            e["id"]
            for e in store_events
            if _matches(e, name_a, value_a) and _matches(e, name_b, value_b)
        }
        got = {e["id"] for e in _all_pages(client, **{name_a: value_a, name_b: value_b})}
        assert got == expected, (name_a, value_a, name_b, value_b)


def test_events_doc_filter_keeps_one_documents_events_in_text_order(client, store_events) -> None:
    doc_ids = sorted({e["doc_id"] for e in store_events})
    assert len(doc_ids) > 1
    for doc_id in doc_ids:
        expected = [e["id"] for e in store_events if e["doc_id"] == doc_id]
        assert [e["id"] for e in _all_pages(client, doc=doc_id, limit=2)] == expected
    for unknown in ("no-such-doc", doc_ids[0].upper(), doc_ids[0][:-1], "' OR '1'='1"):
        body = client.get("/api/events", params={"doc": unknown}).json()
        assert body == {"events": [], "next_cursor": None, "total": 0}, unknown


def test_events_min_corroboration_keeps_events_of_corroborated_stories(client) -> None:
    stories = client.get("/api/stories", params={"limit": 500}).json()["stories"]
    corroborated = {i for s in stories if s["corroboration"] >= 2 for i in s["event_ids"]}
    assert corroborated, "the two Bishkek reports should make a story with two sources"
    got = {e["id"] for e in _all_pages(client, min_corroboration=2)}
    assert got == corroborated
    everything = {event_id for story in stories for event_id in story["event_ids"]}
    assert {e["id"] for e in _all_pages(client, min_corroboration=1)} == everything


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"country": "Kyrgyzstan"}, "country"),
        ({"date_from": "July 2024"}, "date_from"),
        ({"date_to": "2024-13"}, "date_to"),
        ({"factuality": "certain"}, "factuality"),
        ({"sort": "random"}, "sort"),
        ({"format": "xml"}, "format"),
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
        ({"min_corroboration": 0}, "min_corroboration"),
        ({"type": "COUP;"}, "type"),
        ({"q": "x" * 201}, "q"),
        ({"doc": "x" * 301}, "doc"),
    ],
)
def test_events_rejects_bad_parameters_with_a_clear_message(client, params, field) -> None:
    error = assert_error(client.get("/api/events", params=params), 422, "validation_error")
    assert field in error["message"]


def test_events_cursor_from_another_query_is_refused(client) -> None:
    cursor = client.get("/api/events", params={"limit": 1}).json()["next_cursor"]
    assert cursor
    assert_error(
        client.get("/api/events", params={"limit": 1, "cursor": cursor, "sort": "date"}), 400
    )
    assert_error(client.get("/api/events", params={"cursor": cursor, "type": "COUP"}), 400)
    assert_error(client.get("/api/events", params={"cursor": "not-a-cursor"}), 400)


def test_events_formats_carry_the_same_page(client) -> None:
    page = client.get("/api/events", params={"limit": 3}).json()
    ids = [e["id"] for e in page["events"]]
    jsonl = client.get("/api/events", params={"limit": 3, "format": "jsonl"})
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert [json.loads(line)["id"] for line in jsonl.text.splitlines()] == ids
    assert jsonl.headers["x-total-count"] == str(page["total"])
    assert jsonl.headers["x-next-cursor"] == page["next_cursor"]
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/api/events", params={"limit": 3, "format": "csv"}).text)
        )
    )
    assert [r["event_id_cnty"] for r in rows] == ids
    geojson = client.get("/api/events", params={"limit": 3, "format": "geojson"})
    assert geojson.headers["content-type"] == "application/geo+json"
    collection = geojson.json()
    assert collection["type"] == "FeatureCollection"
    assert {f["id"] for f in collection["features"]} <= set(ids)


def test_event_detail_has_record_document_and_story(client, store_events) -> None:
    event = store_events[0]
    body = client.get(f"/api/events/{event['id']}").json()
    assert body["event"] == event
    assert body["event"]["evidence"]["text"]
    assert body["document"]["id"] == event["doc_id"]
    assert "text" not in body["document"]
    if body["story"] is not None:
        assert (
            event["id"]
            in client.get(f"/api/stories/{body['story']['id']}").json()["story"]["event_ids"]
        )


def test_event_detail_unknown_id_is_404(client) -> None:
    assert_error(client.get("/api/events/no-such-event"), 404, "not_found")
