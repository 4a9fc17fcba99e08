"""/api/documents and /api/documents/{id}: listing and every annotation by offset."""

from __future__ import annotations

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
                assert span["role"] in {"actor", "recipient", "source"}
                if span["start"] is not None:
                    assert evidence["start"] <= span["start"] < span["end"] <= evidence["end"]
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
