from __future__ import annotations

from eventwatch.config import Settings
from eventwatch.link import link_events
from eventwatch.model import Document
from eventwatch.pipeline import SAMPLE_CORPUS, extract_events, process_documents


def _events(*docs: tuple[str, str, str, str]) -> list[dict]:
    documents = [Document(id=i, text=t, outlet=o, published=p) for i, o, p, t in docs]
    return [
        e.to_dict() for p in process_documents(documents, settings=Settings()) for e in p.events
    ]


def test_link_joins_reports_of_one_attack_and_keeps_conflicting_tolls() -> None:
    events = _events(
        (
            "a",
            "Wire One",
            "2024-03-02",
            "Gunmen killed 12 people at a market in Kano on Friday, police said.",
        ),
        (
            "b",
            "Paper Two",
            "2024-03-03",
            "Gunmen shot dead 14 people at a market in Kano on Friday, residents said.",
        ),
        ("c", "Paper Two", "2024-03-03", "Police arrested the mayor of Lagos on Saturday."),
    )
    stories = link_events(events)
    attack = next(s for s in stories if s.event_type == "ASSAULT")
    assert attack.doc_ids == ["a", "b"]
    assert attack.independent_sources() == ["Paper Two", "Wire One"]
    assert {c["value"] for c in attack.conflicts()["killed"]} == {12, 14}
    assert all(s.doc_ids == ["c"] for s in stories if s.event_type == "COERCE")


def test_link_keeps_look_alike_events_months_apart_separate() -> None:
    events = _events(
        (
            "a",
            "Wire",
            "2024-01-20",
            "Security services said they had foiled a coup plot in Bishkek on January 15.",
        ),
        (
            "b",
            "Wire",
            "2024-06-10",
            "Security services said they had foiled a coup plot in Bishkek on June 5.",
        ),
    )
    coups = [s for s in link_events(events) if s.event_type == "COUP"]
    assert len(coups) == 2


def test_link_syndicated_copies_count_once() -> None:
    sources = sorted(str(p) for p in SAMPLE_CORPUS.iterdir() if p.suffix in {".txt", ".jsonl"})
    events = [e.to_dict() for e in extract_events(sources, settings=Settings())]
    convoy = [s for s in link_events(events) if s.event_type == "ASSAULT" and len(s.doc_ids) >= 3]
    assert convoy, "the three Kurram convoy reports should form one story"
    story = convoy[0]
    assert len(story.independent_sources()) < len(story.doc_ids)
    assert "killed" in story.conflicts()


def test_link_story_ids_are_stable() -> None:
    events = _events(("a", "Wire", "2024-03-02", "Police arrested the mayor of Lagos on Friday."))
    assert link_events(events)[0].id == link_events(list(reversed(events)))[0].id
