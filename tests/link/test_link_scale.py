"""The scale benchmark's synthetic collections, and linking them, on a hand-made template."""

from __future__ import annotations

import random
from datetime import date

from eventwatch.bench_feed import DOCS_PER_DAY, Template, synthetic_collection
from eventwatch.link import link_events
from eventwatch.resolve.entities import LocalEntity

_TEXT = "ELDERTON — Gunmen killed 120 people in Elderton on Monday, police chief Amos Tandoru said."


def _template() -> Template:
    attack = {
        "id": "t-attack",
        "doc_id": "t",
        "event_type": "ASSAULT",
        "mode": None,
        "actor": {"text": "Gunmen", "name": "gunmen", "country": None, "sector": None, "id": "a"},
        "recipient": None,
        "date": {"text": "on Monday", "start": "2024-05-06", "end": "2024-05-06", "basis": "text"},
        "location": {
            "text": "Elderton",
            "name": "Elderton",
            "country": "NGA",
            "admin1": None,
            "lat": 6.0,
            "lon": 7.0,
        },
        "counts": {"killed": 120},
        "factuality": "asserted",
        "attribution": {
            "source": {
                "text": "police chief Amos Tandoru",
                "name": "Amos Tandoru",
                "country": "NGA",
                "sector": "GOV",
                "id": "g",
            }
        },
        "evidence": {"text": _TEXT, "start": 0, "end": len(_TEXT)},
        "mentions": [],
    }
    entities = [
        LocalEntity(name="Amos Tandoru", kind="person", mentions=[(72, 84, "Amos Tandoru")]),
        LocalEntity(name="Elderton", kind="place", mentions=[(39, 47, "Elderton")]),
    ]
    return Template(
        "t",
        [attack],
        entities,
        given={"Amos"},
        surnames={"Tandoru", "Elderton"},
        anchor=date(2024, 5, 6),
        figures={120},
        countries={"NGA"},
    )


def test_link_scale_collection_grows_in_time_not_in_density() -> None:
    small_events, _, small = synthetic_collection([_template()], 200)
    large_events, _, large = synthetic_collection([_template()], 2000)
    assert small["days"] == 200 // DOCS_PER_DAY
    assert large["days"] == 10 * small["days"]
    assert 7 * small["real_events"] <= large["real_events"] <= 13 * small["real_events"]
    span = sorted(e["date"]["start"] for e in large_events)
    first, last = date.fromisoformat(span[0]), date.fromisoformat(span[-1])
    assert (last - first).days >= 0.8 * large["days"]


def test_link_scale_events_are_recast_with_their_own_names_and_figures() -> None:
    events, named, facts = synthetic_collection([_template()], 300)
    surnames = {e["attribution"]["source"]["name"].split()[-1] for e in events}
    assert "Tandoru" not in surnames
    assert len(surnames) >= facts["real_events"] * 0.8  # a few respellings, rare namesakes
    assert all("Elderton" not in e["evidence"]["text"] for e in events)
    assert len({e["counts"]["killed"] for e in events}) > 10
    assert all(len(locals_) == 2 for _, locals_ in named)


def test_link_scale_stories_do_not_depend_on_input_order() -> None:
    events, _, facts = synthetic_collection([_template()], 400)
    shuffled = list(events)
    random.Random(1).shuffle(shuffled)
    stories = link_events(events)
    assert {s.id: len(s.events) for s in stories} == {
        s.id: len(s.events) for s in link_events(shuffled)
    }
    assert any(len(s.doc_ids) > 1 for s in stories)  # follow-ups join their event's story
    assert len(stories) >= facts["real_events"] * 0.6  # distinct events mostly stay apart
