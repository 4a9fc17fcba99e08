"""/api/actors, /api/actors/{id} and /api/places."""

from __future__ import annotations

from tests.serve.conftest import assert_error


def _participants(store_events, roles=("actor", "recipient", "source")):
    found = []
    for event in store_events:
        entities = {
            "actor": event.get("actor"),
            "recipient": event.get("recipient"),
            "source": (event.get("attribution") or {}).get("source"),
        }
        found += [
            (role, entity, event) for role, entity in entities.items() if entity and role in roles
        ]
    return found


def test_actors_count_every_participant(client, store_events) -> None:
    body = client.get("/api/actors", params={"limit": 500}).json()
    actors = body["actors"]
    assert body["total"] == len(actors) > 0
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    roles = sum(a["as_actor"] + a["as_recipient"] + a["as_source"] for a in actors)
    assert roles == len(_participants(store_events))
    japarov = next(a for a in actors if a["name"] == "Sadyr Japarov")
    assert japarov["as_actor"] >= 1


def test_actors_filters(client) -> None:
    everyone = client.get("/api/actors", params={"limit": 500}).json()["actors"]
    by_q = client.get("/api/actors", params={"q": "JAPAROV"}).json()["actors"]
    assert by_q and all("japarov" in (a["name"] + " ".join(a["aliases"])).lower() for a in by_q)
    kgz = client.get("/api/actors", params={"country": "kgz", "limit": 500}).json()["actors"]
    assert kgz and {a["id"] for a in kgz} == {a["id"] for a in everyone if a["country"] == "KGZ"}
    sector = next(a["sector"] for a in everyone if a["sector"])
    by_sector = client.get("/api/actors", params={"sector": sector, "limit": 500}).json()["actors"]
    assert {a["id"] for a in by_sector} == {a["id"] for a in everyone if a["sector"] == sector}


def test_actors_pages_round_trip(client) -> None:
    everyone = [a["id"] for a in client.get("/api/actors", params={"limit": 500}).json()["actors"]]
    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/actors", params=params).json()
        seen += [a["id"] for a in body["actors"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == everyone


def test_actor_detail_lists_aliases_and_dated_events_by_role(client, store_events) -> None:
    actors = client.get("/api/actors", params={"limit": 500}).json()["actors"]
    actor = max(actors, key=lambda a: a["as_recipient"] + a["as_actor"])
    body = client.get(f"/api/actors/{actor['id']}").json()
    assert body["actor"] == actor
    assert body["aliases"] == actor["aliases"]
    assert set(body["events"]) == {"actor", "recipient", "source"}
    assert len(body["events"]["actor"]) == actor["as_actor"]
    assert len(body["events"]["recipient"]) == actor["as_recipient"]
    by_id = {e["id"]: e for e in store_events}
    for role, events in body["events"].items():
        for brief in events:
            event = by_id[brief["id"]]
            entity = event.get(role) if role != "source" else event["attribution"]["source"]
            assert entity["text"] in actor["aliases"]
            assert brief["date"]["start"] == event["date"]["start"]


def test_actor_detail_unknown_id_is_404(client) -> None:
    assert_error(client.get("/api/actors/nope"), 404, "not_found")


def test_places_have_counts_and_coordinates(client, store_events) -> None:
    body = client.get("/api/places", params={"limit": 500}).json()
    places = body["places"]
    located = [e for e in store_events if (e.get("location") or {}).get("name")]
    assert sum(p["events"] for p in places) == len(located)
    bishkek = next(p for p in places if p["name"] == "Bishkek")
    assert bishkek["country"] == "KGZ"
    assert 42 < bishkek["lat"] < 43.5 and 74 < bishkek["lon"] < 75.5
    pak = client.get("/api/places", params={"country": "PAK"}).json()["places"]
    assert pak and all(p["country"] == "PAK" for p in pak)
    assert [
        p["name"] for p in client.get("/api/places", params={"q": "bish"}).json()["places"]
    ] == ["Bishkek"]
