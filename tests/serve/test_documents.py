"""/api/documents and /api/documents/{id}: listing and every annotation by offset."""

from __future__ import annotations

import pytest

from tests.serve.conftest import ARTICLES, assert_error


def test_documents_lists_metadata_without_text_in_store_order(client) -> None:
    body = client.get("/api/documents").json()
    assert body["total"] == len(ARTICLES)
    assert [d["id"] for d in body["documents"]] == [a["id"] for a in ARTICLES]
    assert all("text" not in d for d in body["documents"])
    assert body["documents"][0]["outlet"] == "Central Asia Wire"


def test_documents_pages_round_trip(client) -> None:
    ids, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/documents", params=params).json()
        ids += [d["id"] for d in body["documents"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert ids == [a["id"] for a in ARTICLES]


def test_documents_filter_by_outlet(client) -> None:
    body = client.get("/api/documents", params={"outlet": "bishkek daily"}).json()
    assert [d["id"] for d in body["documents"]] == ["daily-kgz-plot"]


def test_document_detail_offsets_point_at_their_text(client, store_events) -> None:
    for article in ARTICLES:
        body = client.get(f"/api/documents/{article['id']}").json()
        text = body["text"]
        expected = [e["id"] for e in store_events if e["doc_id"] == article["id"]]
        assert sorted(e["id"] for e in body["events"]) == sorted(expected)
        assert body["document"]["id"] == article["id"]
        assert body["document"]["title"] == article["title"]
        assert body["sentences"] and all(
            0 <= s["start"] < s["end"] <= len(text) for s in body["sentences"]
        )
        for event in body["events"]:
            evidence = event["evidence"]
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]
            if event["trigger"]:
                trigger = event["trigger"]
                assert text[trigger["start"] : trigger["end"]] == trigger["text"]
            for span in event["spans"]:
                assert span["role"] in {"actor", "recipient", "source", "place"}
                if span["start"] is not None and span["role"] != "place":
                    assert evidence["start"] <= span["start"] < span["end"] <= evidence["end"]
                if span["start"] is not None:
                    assert text[span["start"] : span["end"]].casefold() == span["text"].casefold()
        assert [a["event_id"] for a in body["attributions"]] == [e["id"] for e in body["events"]]
        for attribution in body["attributions"]:
            if attribution["cue"] and attribution["cue"]["start"] is not None:
                cue = attribution["cue"]
                assert text[cue["start"] : cue["end"]].casefold() == cue["text"].casefold()


def test_document_detail_locates_named_participants(client) -> None:
    body = client.get("/api/documents/georgia-march").json()
    spans = [s for e in body["events"] for s in e["spans"]]
    assert any(s["start"] is not None for s in spans)
    sources = [a["source"] for a in body["attributions"] if a["source"]]
    assert any(s["start"] is not None for s in sources)


def test_document_detail_has_a_place_span_per_located_event(client, store_events) -> None:
    located = 0
    for article in ARTICLES:
        body = client.get(f"/api/documents/{article['id']}").json()
        text = body["text"]
        records = {e["id"]: e for e in store_events if e["doc_id"] == article["id"]}
        for event in body["events"]:
            location = records[event["id"]].get("location")
            places = [s for s in event["spans"] if s["role"] == "place"]
            if not location:
                assert places == []
                continue
            assert len(places) == 1
            place = places[0]
            assert (place["name"], place["country"]) == (location["name"], location["country"])
            assert (place["lat"], place["lon"]) == (location["lat"], location["lon"])
            if place["start"] is not None:
                located += 1
                named = text[place["start"] : place["end"]].casefold()
                assert named in {(location["text"] or "").casefold(), location["name"].casefold()}
    assert located, "the canned articles name their places (Bishkek, Tbilisi, ...)"


def test_document_detail_lists_each_place_with_every_mention(client, store_events) -> None:
    body = client.get("/api/documents/wire-kgz-plot").json()
    text = body["text"]
    events = {e["id"] for e in store_events if e["doc_id"] == "wire-kgz-plot"}
    places = body["places"]
    assert places, "the events of this report resolve to Bishkek"
    for place in places:
        assert set(place["event_ids"]) <= events and place["event_ids"]
        for span in place["spans"]:
            assert text[span["start"] : span["end"]] == span["text"]
    bishkek = next(p for p in places if p["name"] == "Bishkek")
    starts = [s["start"] for s in bishkek["spans"]]
    # BISHKEK in the dateline and Bishkek in the second paragraph, as whole words.
    assert starts == sorted(starts) and len(starts) >= 2
    assert text.index("BISHKEK") in starts


@pytest.mark.parametrize(
    ("text", "location", "expected", "mentions"),
    [
        # In the evidence sentence (the second), not the first mention in the text.
        (
            "Rally in Osh. Police in Osh fired.",
            {"text": "Osh", "name": "Osh"},
            (24, 27),
            [(9, 12), (24, 27)],
        ),
        # Not inside a longer word ("Joshua"), and not in the sentence: the dateline.
        ("OSH — Joshua spoke.", {"text": None, "name": "Osh"}, (0, 3), [(0, 3)]),
        # Named nowhere: kept, without offsets.
        ("Joshua spoke.", {"text": None, "name": "Osh"}, None, []),
    ],
)
def test_annotations_place_span_prefers_the_evidence_then_whole_words(
    text, location, expected, mentions
) -> None:
    from eventwatch.serve.annotations import annotated_document

    sentence_start = text.index(".") + 2 if text.count(".") > 1 else 0
    record = {
        "id": "e1",
        "event_type": "PROTEST",
        "evidence": {"text": text[sentence_start:], "start": sentence_start, "end": len(text)},
        "location": {"country": "KGZ", "lat": 40.5, "lon": 72.8, **location},
    }

    class OneDocument:
        def get_document(self, doc_id):
            return {"id": doc_id, "text": text, "sentences": [(0, len(text))]}

    body = annotated_document(OneDocument(), "d1", events=[record])  # type: ignore[arg-type]
    place = next(s for s in body["events"][0]["spans"] if s["role"] == "place")
    got = None if place["start"] is None else (place["start"], place["end"])
    assert got == expected
    assert place["name"] == "Osh" and place["country"] == "KGZ"
    assert body["places"][0]["event_ids"] == ["e1"]
    assert [(s["start"], s["end"]) for s in body["places"][0]["spans"]] == mentions


def test_document_text_stays_a_json_string(client, db_path) -> None:
    from eventwatch.model import Document
    from eventwatch.store import open_store

    hostile = '<script>alert("x")</script> ünïcödé \u2028 "quoted" \\ backslash'
    with open_store(db_path) as store:
        store.add_document(
            Document(id="hostile", text=hostile), sentences=[(0, len(hostile))], events=[]
        )
    response = client.get("/api/documents/hostile")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.json()["text"] == hostile


def test_document_detail_unknown_id_is_404(client) -> None:
    assert_error(client.get("/api/documents/nope"), 404, "not_found")
