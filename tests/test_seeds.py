"""The two seed articles, end to end, against the team's gold coding of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwatch.pipeline import extract_events

GOLD = Path(__file__).parent / "gold" / "seeds_gold.jsonl"


def _name_matches(wanted: str, entity: dict[str, Any] | None) -> bool:
    if entity is None:
        return False
    return wanted.lower() in entity["name"].lower() or wanted.lower() in entity["text"].lower()


def matches(gold: dict[str, Any], event: dict[str, Any]) -> bool:
    """Every field the gold row gives agrees with the event."""
    checks = {
        "doc_id": lambda v: event["doc_id"] == v,
        "event_type": lambda v: event["event_type"] == v,
        "mode": lambda v: event["mode"] == v,
        "date_start": lambda v: event["date"]["start"] == v,
        "date_end": lambda v: event["date"]["end"] == v,
        "country": lambda v: (event["location"] or {}).get("country") == v,
        "location": lambda v: v.lower() in ((event["location"] or {}).get("name") or "").lower(),
        "actor": lambda v: _name_matches(v, event["actor"]),
        "recipient": lambda v: _name_matches(v, event["recipient"]),
        "source": lambda v: _name_matches(v, event["attribution"]["source"]),
        "via": lambda v: all(x in event["attribution"]["via"] for x in v),
        "counts": lambda v: all(event["counts"].get(k) == n for k, n in v.items()),
        "factuality": lambda v: event["factuality"] == v,
        "anonymous": lambda v: event["attribution"]["anonymous"] == v,
        "acled_sub_event_type": lambda v: (event["acled"] or {}).get("sub_event_type") == v,
    }
    return all(checks[key](value) for key, value in gold.items())


@pytest.fixture(scope="module")
def seed_events(shared_dir: Path, settings) -> list[dict[str, Any]]:
    return [e.to_dict() for e in extract_events([str(shared_dir / "seeds")], settings=settings)]


GOLD_ROWS = [
    json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
]


@pytest.mark.parametrize(
    "gold",
    GOLD_ROWS,
    ids=lambda g: f"{g['doc_id'][:3]}-{g['event_type']}-{g.get('mode')}-{g.get('date_start', '')}",
)
def test_seeds_gold_event_found_with_its_fields(
    gold: dict[str, Any], seed_events: list[dict[str, Any]]
) -> None:
    candidates = [
        e
        for e in seed_events
        if e["doc_id"] == gold["doc_id"] and e["event_type"] == gold["event_type"]
    ]
    assert any(matches(gold, e) for e in candidates), (
        f"no event matches {gold}; candidates: {json.dumps(candidates, indent=1)[:3000]}"
    )


def test_seeds_news_report_has_no_spurious_events(seed_events: list[dict[str, Any]]) -> None:
    doc = "000_cd40a9a812a20dfa"
    gold = [g for g in GOLD_ROWS if g["doc_id"] == doc]
    found = [e for e in seed_events if e["doc_id"] == doc]
    unmatched = [e for e in found if not any(matches(g, e) for g in gold)]
    assert len(unmatched) <= 1, [(e["event_type"], e["evidence"]["text"][:80]) for e in unmatched]


def test_seeds_no_event_from_page_furniture(seed_events: list[dict[str, Any]]) -> None:
    for event in seed_events:
        text = event["evidence"]["text"].lower()
        assert (
            "newsweek is committed" not in text
            and "yorum" not in text
            and "about the writer" not in text
        )


def test_seeds_evidence_offsets_point_into_the_stored_text(shared_dir: Path, settings) -> None:
    from eventwatch.ingest import iter_documents
    from eventwatch.model import Document
    from eventwatch.pipeline import process_documents

    documents = [d for d in iter_documents([str(shared_dir / "seeds")]) if isinstance(d, Document)]
    for processed in process_documents(documents, settings=settings):
        for event in processed.events:
            span = processed.document.text[event.evidence.start : event.evidence.end]
            assert span == event.evidence.text
            assert event.trigger_span is not None
            start, end = event.trigger_span
            assert processed.document.text[start:end] == event.trigger
