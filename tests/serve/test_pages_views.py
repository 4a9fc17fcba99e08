"""Every dashboard page renders on the canned store, with its content, headers and links."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.serve.conftest import ARTICLES
from tests.serve.pages_fixtures import assert_strict_page, table_event_ids, wait_for


@pytest.fixture
def ready(client) -> Any:
    """The client once the index and the stories are built."""
    wait_for(client)
    return client


def _any_event(client, **params: Any) -> dict[str, Any]:
    return client.get("/api/events", params={"limit": 1, **params}).json()["events"][0]


def _story_with_conflict(client) -> dict[str, Any]:
    stories = client.get("/api/stories", params={"limit": 500}).json()["stories"]
    return next(s for s in stories if s["conflicts"])


def test_pages_overview_shows_counts_chart_and_links(ready) -> None:
    total = ready.get("/api/events").json()["total"]
    page = assert_strict_page(ready.get("/"))
    html = ready.get("/").text
    assert f"<strong>{total}</strong> events" in html
    assert '<svg class="stacked"' in html  # the chart, drawn on the server
    assert 'href="/events?type=COERCE' in html  # a chart segment or a type total
    assert 'href="/events?country=KGZ"' in html  # top countries
    assert re.search(r'href="/actors/[0-9a-f]+"', html)  # top actors
    assert re.search(r'href="/stories/[0-9a-f]+"', html)  # latest stories
    assert any(
        tag == "a" and attrs.get("href") == "/documents/niger-coup" for tag, attrs in page.tags
    )


def test_pages_overview_says_when_stories_are_not_linked(client, monkeypatch) -> None:
    wait_for(client, stories=False)
    monkeypatch.setattr(client.app.state.server.catalog, "stories_if_ready", lambda: None)
    html = assert_strict_page(client.get("/")) and client.get("/").text
    assert "being linked" in html


def test_pages_events_lists_every_event_with_facets(ready) -> None:
    body = ready.get("/api/events", params={"limit": 500}).json()
    response = ready.get("/events", params={"limit": 500})
    assert_strict_page(response)
    assert table_event_ids(response.text) == [e["id"] for e in body["events"]]
    for facet in ("facet-type", "facet-factuality", "facet-country", "facet-mode", "facet-actor"):
        assert facet in response.text
    assert "facet-corroboration" in response.text  # stories are linked
    assert "facet-year" in response.text


def test_pages_event_shows_every_field_and_evidence(ready, store_events) -> None:
    event = next(e for e in store_events if e["doc_id"] == "pakistan-attack" and e["counts"])
    response = ready.get(f"/events/{event['id']}")
    assert_strict_page(response)
    html = response.text
    assert event["id"] in html and event["event_type"] in html
    assert "killed" in html and str(event["counts"]["killed"]) in html
    assert f'href="/documents/pakistan-attack#ev-{event["id"]}"' in html
    for key in ("date.start", "location.name", "attribution.cue", "confidence", "acled.event_type"):
        assert f">{key}</th>" in html, key
    evidence = event["evidence"]["text"]
    words = [w for w in re.findall(r"[A-Za-z]{6,}", evidence)][:3]
    assert all(w in html for w in words)


def test_pages_reader_highlights_each_event(ready, store_events) -> None:
    response = ready.get("/documents/georgia-march")
    page = assert_strict_page(response)
    ids = [e["id"] for e in store_events if e["doc_id"] == "georgia-march"]
    anchors = {attrs.get("id") for _, attrs in page.tags}
    for event_id in ids:
        assert f"ev-{event_id}" in anchors  # the evidence starts here
        assert f"card-{event_id}" in anchors  # and its card names who says so
    marks = [attrs for tag, attrs in page.tags if tag == "mark"]
    assert len(marks) >= len(
        {e["evidence"]["start"] for e in store_events if e["doc_id"] == "georgia-march"}
    )
    assert "the interior ministry" in response.text.lower() or "interior ministry" in response.text
    assert 'class="part role-source' in response.text


def test_pages_actors_list_and_detail(ready) -> None:
    actors = ready.get("/api/actors", params={"limit": 5}).json()["actors"]
    response = ready.get("/actors")
    assert_strict_page(response)
    for actor in actors:
        assert f'href="/actors/{actor["id"]}"' in response.text
    narrowed = ready.get("/actors", params={"q": "japarov"}).text
    assert "Japarov" in narrowed and "Bazoum" not in narrowed
    detail = ready.get("/api/actors/" + actors[0]["id"]).json()
    page = ready.get(f"/actors/{actors[0]['id']}")
    assert_strict_page(page)
    assert "Events as actor" in page.text and "Events as recipient" in page.text
    assert "Interaction network" in page.text
    for alias in detail["aliases"]:
        assert alias.replace("'", "&#39;").replace('"', "&#34;") in page.text
    assert "Offices" not in page.text  # the read model gives no offices yet: show nothing


def test_pages_actor_network_links_counterparts(ready, store_events) -> None:
    pair = next(e for e in store_events if e["actor"] and e["recipient"] and e["actor"]["id"])
    response = ready.get(f"/actors/{pair['actor']['id']}")
    assert_strict_page(response)
    assert '<svg class="network"' in response.text
    assert f'href="/actors/{pair["recipient"]["id"]}"' in response.text
    assert re.search(r'class="edge"[^>]*stroke-width="[0-9.]+"', response.text)


def test_pages_actor_offices_shown_when_present(ready, monkeypatch) -> None:
    from eventwatch.serve import queries

    actor_id = ready.get("/api/actors", params={"limit": 1}).json()["actors"][0]["id"]
    real = queries.actor_detail

    def with_offices(catalog, wanted, **kwargs):
        found = real(catalog, wanted, **kwargs)
        found["offices"] = [{"office": "Chairman of <the> Committee", "start": "2021-01-28"}]
        return found

    monkeypatch.setattr(queries, "actor_detail", with_offices)
    html = ready.get(f"/actors/{actor_id}").text
    assert (
        "Offices" in html and "Chairman of &lt;the&gt; Committee" in html and "2021-01-28" in html
    )


def test_pages_stories_list_and_detail_flag_conflicts(ready) -> None:
    story = _story_with_conflict(ready)
    listing = ready.get("/stories")
    assert_strict_page(listing)
    assert f'href="/stories/{story["id"]}"' in listing.text
    response = ready.get(f"/stories/{story['id']}")
    assert_strict_page(response)
    html = response.text
    assert "The reports disagree" in html
    assert 'class="conflict"' in html  # the conflicting cells
    for name in story["independent_sources"]:
        assert name in html
    for doc_id in story["doc_ids"]:
        assert f'href="/documents/{doc_id}#ev-' in html  # each report's column links to it
    field = next(iter(story["conflicts"]))
    for item in story["conflicts"][field]:
        assert f'<span class="conflict-value">{item["value"]}</span>' in html


def test_pages_stories_answer_503_while_linking(client, monkeypatch) -> None:
    wait_for(client, stories=False)
    monkeypatch.setattr(client.app.state.server.catalog, "stories_if_ready", lambda: None)
    response = client.get("/stories")
    assert_strict_page(response, 503)
    assert response.headers["retry-after"] == "30"
    assert "being linked" in response.text


def test_pages_timeline_draws_each_event(ready) -> None:
    total = ready.get("/api/events").json()["total"]
    response = ready.get("/timeline")
    assert_strict_page(response)
    dots = re.findall(r'<a href="/events/([0-9a-f]+)" class="marker-link"><circle', response.text)
    dated = [
        e
        for e in ready.get("/api/events", params={"limit": 500}).json()["events"]
        if e["date"]["start"]
    ]
    assert len(dots) == len(dated) and len(dots) <= total
    narrowed = ready.get("/timeline", params={"type": "COUP"}).text
    coups = ready.get("/api/events", params={"type": "COUP"}).json()["events"]
    assert set(re.findall(r'<a href="/events/([0-9a-f]+)" class="marker-link"', narrowed)) == {
        e["id"] for e in coups if e["date"]["start"]
    }


def test_pages_map_draws_countries_and_markers(ready) -> None:
    response = ready.get("/map")
    assert_strict_page(response)
    html = response.text
    assert html.count('class="country ') > 150  # the offline base layer
    placed = [
        e
        for e in ready.get("/api/events", params={"limit": 500}).json()["events"]
        if (e["location"] or {}).get("lat") is not None
    ]
    markers = re.findall(r'<a href="/events/([0-9a-f]+)" class="marker-link"><circle', html)
    assert sorted(markers) == sorted(e["id"] for e in placed)
    assert 'href="/map?country=PAK"' in html  # countries link to the map filtered to them
    narrowed = ready.get("/map", params={"country": "NER"}).text
    for event_id in re.findall(r'<a href="/events/([0-9a-f]+)" class="marker-link"', narrowed):
        assert ready.get(f"/api/events/{event_id}").json()["event"]["location"]["country"] == "NER"


@pytest.mark.parametrize(
    "path",
    ["/events/nope", "/documents/nope", "/actors/nope", "/stories/nope", "/events/%3Cscript%3E"],
)
def test_pages_unknown_ids_get_a_friendly_404(ready, path) -> None:
    response = ready.get(path)
    assert_strict_page(response, 404)
    assert "404" in response.text and "Not found" in response.text
    assert "<script>" not in response.text


@pytest.mark.parametrize(
    ("path", "params", "words"),
    [
        ("/events", {"date_from": "yesterday"}, "date_from"),
        ("/events", {"country": "Kyrgyzstan"}, "ISO 3166"),
        ("/events", {"factuality": "rumoured"}, "factuality"),
        ("/events", {"type": "coup!"}, "event type"),
        ("/events", {"min_corroboration": "lots"}, "whole number"),
        ("/events", {"sort": "random"}, "sort"),
        ("/events", {"limit": "0"}, "limit"),
        ("/events", {"cursor": "not-a-cursor"}, "cursor"),
        ("/timeline", {"date_to": "2024-13-45"}, "date_to"),
        ("/map", {"country": "12"}, "ISO 3166"),
        ("/actors", {"sector": "<b>"}, "sector"),
        ("/stories", {"country": "XXXX"}, "country"),
    ],
)
def test_pages_bad_filter_values_get_a_400_page(ready, path, params, words) -> None:
    response = ready.get(path, params=params)
    assert_strict_page(response, 400)
    assert words in response.text
    assert "<b>" not in response.text


def test_pages_error_pages_do_not_touch_the_api_errors(ready) -> None:
    response = ready.get("/api/events/nope")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_pages_static_files_are_served_with_types_and_hashes(ready) -> None:
    html = ready.get("/").text
    css = re.search(r'href="(/static/app\.css\?v=[0-9a-f]+)"', html)
    script = re.search(r'src="(/static/js/app\.js\?v=[0-9a-f]+)"', html)
    assert css and script
    response = ready.get(css.group(1))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/css")
    assert response.headers["x-content-type-options"] == "nosniff"
    cached = ready.get(css.group(1), headers={"If-None-Match": response.headers["etag"]})
    assert cached.status_code == 304
    assert ready.get(script.group(1)).headers["content-type"].startswith("text/javascript")
    assert ready.get("/static/map/world-110m.json").json()["countries"]
    for missing in (
        "/static/nope.css",
        "/static/../pages/__init__.py",
        "/static/map/build_world_map.py",
    ):
        assert ready.get(missing).status_code == 404, missing


def test_pages_nav_marks_the_current_page(ready) -> None:
    html = ready.get("/timeline").text
    assert '<a href="/timeline" aria-current="page">' in html
    assert '<a href="/events" aria-current="page">' not in html


def test_pages_every_document_has_a_reader(ready) -> None:
    for article in ARTICLES:
        response = ready.get(f"/documents/{article['id']}")
        assert_strict_page(response)
        assert article["title"] in response.text
