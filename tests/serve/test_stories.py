"""/api/stories, /api/stories/{id} and /api/search."""

from __future__ import annotations

from eventwatch.link import link_events
from tests.serve.conftest import assert_error


def test_stories_are_link_events_over_the_store(client, store_events) -> None:
    body = client.get("/api/stories", params={"limit": 500}).json()
    expected = link_events([dict(e) for e in store_events])
    assert body["total"] == len(expected)
    assert [s["id"] for s in body["stories"]] == [s.id for s in expected]
    assert body["stale"] is False
    for story in body["stories"]:
        assert story["corroboration"] == len(story["independent_sources"]) >= 1
        assert story["event_ids"]


def test_stories_join_the_two_bishkek_reports_and_flag_the_count_conflict(client) -> None:
    stories = client.get("/api/stories", params={"country": "KGZ", "limit": 500}).json()["stories"]
    joined = [s for s in stories if set(s["doc_ids"]) == {"wire-kgz-plot", "daily-kgz-plot"}]
    assert joined, stories
    arrests = [s for s in joined if "arrested" in s["conflicts"]]
    assert arrests and {c["value"] for c in arrests[0]["conflicts"]["arrested"]} == {7, 9}
    assert sorted(arrests[0]["independent_sources"]) == ["Bishkek Daily", "Central Asia Wire"]


def test_stories_filters_and_paging(client) -> None:
    everything = client.get("/api/stories", params={"limit": 500}).json()["stories"]
    coups = client.get("/api/stories", params={"type": "coup", "limit": 500}).json()["stories"]
    assert {s["id"] for s in coups} == {s["id"] for s in everything if s["event_type"] == "COUP"}
    two = client.get("/api/stories", params={"min_corroboration": 2}).json()["stories"]
    assert two and all(s["corroboration"] >= 2 for s in two)
    seen, cursor = [], None
    while True:
        body = client.get(
            "/api/stories", params={"limit": 2, **({"cursor": cursor} if cursor else {})}
        ).json()
        seen += [s["id"] for s in body["stories"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [s["id"] for s in everything]


def test_story_detail_has_its_events(client, store_events) -> None:
    story = client.get("/api/stories", params={"min_corroboration": 2}).json()["stories"][0]
    body = client.get(f"/api/stories/{story['id']}").json()
    assert body["story"] == story
    by_id = {e["id"]: e for e in store_events}
    assert body["events"] == [by_id[i] for i in story["event_ids"]]


def test_story_detail_unknown_id_is_404(client) -> None:
    assert_error(client.get("/api/stories/nope"), 404, "not_found")


def test_search_finds_events_and_documents(client, store_events) -> None:
    body = client.get("/api/search", params={"q": "Bishkek"}).json()
    assert body["q"] == "Bishkek"
    assert body["events"]["total"] >= 1
    assert all(item["evidence"]["text"] for item in body["events"]["items"])
    doc_ids = {d["id"] for d in body["documents"]["items"]}
    assert {"wire-kgz-plot", "daily-kgz-plot"} <= doc_ids
    for item in body["documents"]["items"]:
        snippet = item["snippet"]
        text = client.get(f"/api/documents/{item['id']}").json()["text"]
        assert text[snippet["match_start"] : snippet["match_end"]].lower() == "bishkek"
        assert text[snippet["start"] :].startswith(snippet["text"])


def test_search_matches_titles_and_is_case_insensitive(client) -> None:
    body = client.get("/api/search", params={"q": "CONVOY ATTACKED"}).json()
    assert [d["id"] for d in body["documents"]["items"]] == ["pakistan-attack"]
    assert client.get("/api/search", params={"q": "zzzz-nothing"}).json()["events"]["total"] == 0


def test_search_needs_q(client) -> None:
    assert_error(client.get("/api/search"), 422, "validation_error")
    assert_error(client.get("/api/search", params={"q": ""}), 422, "validation_error")
