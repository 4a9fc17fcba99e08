"""Story linking rules on hand-made event records (no parsing involved)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from eventwatch.link import Story, StoryLinker, link_events, linkable
from eventwatch.link.compare import Report, TermStats, evidence


def _event(
    event_id: str,
    doc_id: str,
    event_type: str,
    day: str,
    text: str,
    *,
    mode: str | None = None,
    end: str | None = None,
    basis: str = "text",
    actor: str | None = None,
    recipient: str | None = None,
    place: tuple[str | None, str, str, float, float] | None = None,
    precision: str = "city",
    factuality: str = "asserted",
    counts: dict[str, int] | None = None,
) -> dict[str, Any]:
    """An event record as ``EventRecord.to_dict()`` gives it, with what linking reads."""
    location = None
    if place is not None:
        written, name, country, lat, lon = place
        location = {
            "text": written,
            "name": name,
            "country": country,
            "admin1": None,
            "lat": lat,
            "lon": lon,
            "precision": precision,
        }
    return {
        "id": event_id,
        "doc_id": doc_id,
        "event_type": event_type,
        "mode": mode,
        "actor": {"text": actor, "name": actor, "id": None} if actor else None,
        "recipient": {"text": recipient, "name": recipient, "id": None} if recipient else None,
        "date": {"text": None, "start": day, "end": end or day, "precision": "day", "basis": basis},
        "location": location,
        "counts": counts or {},
        "factuality": factuality,
        "evidence": {"text": text, "start": 0, "end": len(text)},
        "mentions": [],
        "outlet": doc_id,
    }


NIAMEY = ("Niamey", "Niamey", "NER", 13.51, 2.11)
BISHKEK = (None, "Bishkek", "KGZ", 42.87, 74.59)


def _together(stories: list[Story], *ids: str) -> bool:
    return any({e["id"] for e in s.events} >= set(ids) for s in stories)


def test_link_joins_a_coup_told_as_the_presidents_detention() -> None:
    events = [
        _event(
            "a1",
            "a",
            "COUP",
            "2023-07-26",
            "Soldiers seized power in Niamey and detained President Mohamed Bazoum.",
            mode="realized",
            recipient="Mohamed Bazoum",
            place=NIAMEY,
        ),
        _event(
            "b1",
            "b",
            "COERCE",
            "2023-07-26",
            "Members of the presidential guard detained "
            "Mohamed Bazoum inside his residence in Niamey.",
            mode="arrest",
            recipient="Mohamed Bazoum",
            place=NIAMEY,
        ),
    ]
    assert _together(link_events(events), "a1", "b1")


def test_link_keeps_related_kinds_apart_without_shared_evidence() -> None:
    events = [
        _event(
            "a1",
            "a",
            "COUP",
            "2023-07-26",
            "Soldiers announced on television that they had taken power.",
            mode="realized",
            place=NIAMEY,
        ),
        _event(
            "b1",
            "b",
            "COERCE",
            "2023-07-26",
            "Police detained a trader at the market.",
            mode="arrest",
            recipient="Ali Moussa",
            place=NIAMEY,
        ),
    ]
    assert not _together(link_events(events), "a1", "b1")


def test_link_keeps_related_kinds_apart_when_days_apart() -> None:
    # a sentence five days after the arrest of the same person is another event
    events = [
        _event(
            "a1",
            "a",
            "COERCE",
            "2025-01-12",
            "Police arrested Mzia Amaglobeli in Batumi.",
            mode="arrest",
            recipient="Mzia Amaglobeli",
        ),
        _event(
            "b1",
            "b",
            "SANCTION",
            "2025-01-17",
            "A court in Batumi sentenced Mzia Amaglobeli.",
            mode="convict",
            recipient="Mzia Amaglobeli",
        ),
    ]
    assert not _together(link_events(events), "a1", "b1")


def test_link_joins_a_month_dated_look_back_that_names_the_same_person() -> None:
    events = [
        _event(
            "a1",
            "a",
            "COERCE",
            "2025-10-07",
            "Kyrgyz security officers detained Erlan Sultanov, an opposition blogger.",
            mode="arrest",
            recipient="Erlan Sultanov",
            place=BISHKEK,
        ),
        _event(
            "b1",
            "b",
            "COERCE",
            "2025-10-01",
            "Sultanov was detained in October on charges of calling for unrest.",
            mode="arrest",
            end="2025-10-31",
            place=BISHKEK,
        ),
    ]
    assert _together(link_events(events), "a1", "b1")


def test_link_keeps_a_vague_date_apart_without_evidence() -> None:
    events = [
        _event(
            "a1",
            "a",
            "COERCE",
            "2025-10-07",
            "Kyrgyz security officers detained Erlan Sultanov, an opposition blogger.",
            mode="arrest",
            recipient="Erlan Sultanov",
            place=BISHKEK,
        ),
        _event(
            "b1",
            "b",
            "COERCE",
            "2025-01-01",
            "Several critics were detained this year.",
            mode="arrest",
            end="2025-12-31",
            place=BISHKEK,
        ),
    ]
    stories = link_events(events)
    assert not _together(stories, "a1", "b1")
    assert all(linkable(e) for e in events)


def test_link_dateline_place_is_no_place_conflict() -> None:
    kyiv_dateline = "KYIV, Oct 22 (Wire) — A missile strike on Zaporizhzhia killed nine people."
    events = [
        _event(
            "a1",
            "a",
            "ASSAULT",
            "2024-10-22",
            kyiv_dateline,
            mode="aerial",
            place=("KYIV", "Kyiv", "UKR", 50.45, 30.52),
            counts={"killed": 9},
        ),
        _event(
            "b1",
            "b",
            "ASSAULT",
            "2024-10-22",
            "A missile strike on Zaporizhzhia killed nine people.",
            mode="aerial",
            place=("Zaporizhzhia", "Zaporizhzhia", "UKR", 47.85, 35.12),
            counts={"killed": 9},
        ),
    ]
    assert _together(link_events(events), "a1", "b1")


def test_link_stated_places_far_apart_stay_apart() -> None:
    events = [
        _event(
            "a1",
            "a",
            "PROTEST",
            "2024-06-25",
            "Thousands marched in Nairobi.",
            mode="demo",
            place=("Nairobi", "Nairobi", "KEN", -1.29, 36.82),
        ),
        _event(
            "b1",
            "b",
            "PROTEST",
            "2024-06-25",
            "Thousands marched in Mombasa.",
            mode="demo",
            place=("Mombasa", "Mombasa", "KEN", -4.04, 39.67),
        ),
    ]
    assert not _together(link_events(events), "a1", "b1")


def test_link_inferred_country_gives_way_to_the_country_the_text_names() -> None:
    events = [
        _event(
            "a1",
            "a",
            "COERCE",
            "2025-09-22",
            "Moldovan police detained 74 people in Chisinau.",
            mode="arrest",
            place=("Chisinau", "Chisinau", "MDA", 47.0, 28.86),
        ),
        _event(
            "b1",
            "b",
            "COERCE",
            "2025-09-22",
            "Moldova's police detained dozens of people.",
            mode="arrest",
            place=(None, "Russia", "RUS", 55.75, 37.62),
            precision="country",
        ),
    ]
    assert _together(link_events(events), "a1", "b1")


def test_link_two_arrests_of_different_people_on_one_day_stay_apart() -> None:
    events = [
        _event(
            "a1",
            "a",
            "COERCE",
            "2025-10-13",
            "Police arrested Gulnara Asanbekova.",
            mode="arrest",
            recipient="Gulnara Asanbekova",
            place=BISHKEK,
        ),
        _event(
            "b1",
            "b",
            "COERCE",
            "2025-10-13",
            "Police arrested Erlan Sultanov.",
            mode="arrest",
            recipient="Erlan Sultanov",
            place=BISHKEK,
        ),
        _event(
            "c1",
            "c",
            "COERCE",
            "2025-10-13",
            "G. Asanbekova was arrested by police.",
            mode="arrest",
            recipient="G. Asanbekova",
            place=BISHKEK,
        ),
    ]
    stories = link_events(events)
    assert _together(stories, "a1", "c1")
    assert not _together(stories, "a1", "b1")


def test_link_a_documents_second_mention_joins_through_other_reports() -> None:
    events = [
        _event(
            "a1",
            "a",
            "ASSAULT",
            "2024-08-02",
            "Gunmen opened fire on Lido beach in Mogadishu.",
            mode="firearms",
            place=("Lido beach", "Mogadishu", "SOM", 2.04, 45.34),
        ),
        _event(
            "a2",
            "a",
            "ASSAULT",
            "2024-08-03",
            "A suicide bomber struck Lido beach.",
            mode="explosives",
            place=("Lido beach", "Mogadishu", "SOM", 2.04, 45.34),
        ),
        _event(
            "b1",
            "b",
            "ASSAULT",
            "2024-08-02",
            "The attack on Lido beach in Mogadishu killed 37.",
            place=("Mogadishu", "Mogadishu", "SOM", 2.04, 45.34),
        ),
    ]
    assert _together(link_events(events), "a1", "a2", "b1")


def test_link_a_documents_mentions_of_two_kinds_keep_the_usual_window() -> None:
    # the arrests on Tuesday and the court's Thursday word on "the plot" of one report
    # were kept apart for their kinds, not their days: both join the plot's story
    events = [
        _event(
            "a1",
            "a",
            "COUP",
            "2024-03-05",
            "The security service said on Tuesday it had foiled a plot to seize power.",
            mode="conspiracy",
            actor="State Committee for National Security",
            place=BISHKEK,
        ),
        _event(
            "b1",
            "b",
            "COERCE",
            "2024-03-05",
            "Officers detained six men accused of plotting to seize power in Bishkek.",
            mode="arrest",
            actor="State Committee for National Security",
            place=BISHKEK,
        ),
        _event(
            "b2",
            "b",
            "COUP",
            "2024-03-07",
            "A court on Thursday kept the six men held over the plot to seize power in custody.",
            place=BISHKEK,
        ),
    ]
    stories = link_events(events)
    assert _together(stories, "a1", "b1", "b2")


def test_link_a_documents_two_mentions_of_one_kind_days_apart_stay_apart() -> None:
    events = [
        _event(
            "a1",
            "a",
            "COERCE",
            "2024-03-04",
            "Police detained a journalist on Monday.",
            mode="arrest",
            place=BISHKEK,
        ),
        _event(
            "a2",
            "a",
            "COERCE",
            "2024-03-07",
            "On Thursday police detained a lawyer.",
            mode="arrest",
            place=BISHKEK,
        ),
    ]
    assert not _together(link_events(events), "a1", "a2")


def test_link_outcome_does_not_depend_on_input_order() -> None:
    people = ["Ruslan Tashov", "Talant Myrzakulov", None]
    events = [
        _event(
            f"e{i}",
            f"d{i}",
            "COERCE",
            f"2025-06-{20 + i % 5:02d}",
            f"Security officers in Bishkek detained {people[i % 3] or 'a suspect'}.",
            mode="arrest",
            recipient=people[i % 3],
            place=BISHKEK,
        )
        for i in range(15)
    ]
    expected = sorted(sorted(e["id"] for e in s.events) for s in link_events(events))
    assert len(expected) > 1
    for seed in range(4):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(sorted(e["id"] for e in s.events) for s in link_events(shuffled)) == expected


def test_link_incremental_linker_joins_a_follow_up() -> None:
    linker = StoryLinker()
    first = _event(
        "a1",
        "a",
        "SANCTION",
        "2025-09-11",
        "The court sentenced Jair Bolsonaro to 27 years.",
        mode="convict",
        recipient="Jair Bolsonaro",
    )
    later = _event(
        "b1",
        "b",
        "SANCTION",
        "2025-09-12",
        "Brazil's top court has sentenced Jair Bolsonaro to 27 years.",
        mode="convict",
        recipient="Jair Bolsonaro",
        basis="published",
    )
    story = linker.add(first)
    assert linker.add(later) == story
    assert linker.stories[story].doc_ids == ["a", "b"]


def test_story_earliest_and_conflicts_ignore_a_vaguer_date() -> None:
    events = [
        _event(
            "a1",
            "a",
            "COUP",
            "2024-01-16",
            "The SCNS said it had foiled a plot to seize power.",
            mode="conspiracy",
            place=BISHKEK,
        ),
        _event(
            "b1",
            "b",
            "COUP",
            "2024-01-01",
            "It was the second time this year that the SCNS said it had uncovered a plot.",
            mode="conspiracy",
            end="2024-12-31",
            place=BISHKEK,
        ),
    ]
    story = next(s for s in link_events(events) if len(s.events) == 2)
    assert story.earliest() == "2024-01-16"
    assert "date" not in story.conflicts()


@pytest.mark.parametrize(
    ("first", "second", "stronger"),
    [
        # a rare shared name weighs more than a word every report uses
        ("Sultanov was detained in Bishkek.", "Police in Bishkek detained Sultanov.", True),
        ("Police in Bishkek detained a man.", "Police in Bishkek detained a woman.", False),
    ],
)
def test_evidence_weighs_rare_words_above_common_ones(
    first: str, second: str, stronger: bool
) -> None:
    stats = TermStats()
    common = [
        _event(f"x{i}", f"x{i}", "COERCE", "2025-01-01", "Bishkek police said.") for i in range(8)
    ]
    pair = [
        _event("a1", "a", "COERCE", "2025-01-01", first),
        _event("b1", "b", "COERCE", "2025-01-01", second),
    ]
    reports = [Report.of(e) for e in [*common, *pair]]
    for report in reports:
        stats.add(report.event["doc_id"], report.terms)
    score = evidence(reports[-2], reports[-1], stats)
    assert (score >= 1.0) is stronger
