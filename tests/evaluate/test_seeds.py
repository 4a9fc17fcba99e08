"""Seeds scoring: gold rows matched field by field, on a canned folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.evaluate.items import Prediction, RunNotes
from eventwatch.evaluate.seeds import SeedsScorer, field_agrees, find_gold, read_items

from .conftest import event_dict

ARTICLE = (
    "Police detained three activists in Tbilisi on 2 March 2025, the interior ministry said.\n"
    "The president met the visiting prime minister the next day.\n"
)
GOLD = [
    {
        "doc_id": "s1",
        "event_type": "COERCE",
        "mode": "arrest",
        "counts": {"arrested": 3},
        "location": "Tbilisi",
    },
    {"doc_id": "s1", "event_type": "CONSULT", "actor": "president", "factuality": "asserted"},
    {"doc_id": "s1", "event_type": "PROTEST"},
]


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    (tmp_path / "s1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "s1.meta.json").write_text(
        json.dumps({"id": "s1", "outlet": "Test Wire", "published": "2025-03-03"}), encoding="utf-8"
    )
    lines = [json.dumps(row) for row in GOLD] + ["{not json", json.dumps({"doc_id": "s9"})]
    (tmp_path / "seeds_gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


ARREST = event_dict(
    "COERCE", doc_id="s1", mode="arrest", place=("Tbilisi", "GEO", 41.7, 44.8), confidence=0.8
)
ARREST["counts"] = {"arrested": 3}


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("mode", "arrest", True),
        ("location", "tbilisi", True),
        ("country", "GEO", True),
        ("counts", {"arrested": 3}, True),
        ("counts", {"arrested": 4}, False),
        ("actor", "police", False),
        ("via", [], True),
        ("date_start", "2025-03-02", False),
        ("no_such_field", 1, False),
    ],
)
def test_seeds_field_agrees(name: str, value: object, expected: bool) -> None:
    assert field_agrees(name, value, ARREST) is expected


def test_seeds_find_gold_prefers_the_folder(seeds_dir: Path) -> None:
    assert find_gold(seeds_dir) == seeds_dir / "seeds_gold.jsonl"


def test_seeds_read_uses_ingest_and_groups_gold(seeds_dir: Path) -> None:
    notes = RunNotes()
    [item] = list(read_items(seeds_dir, notes))
    assert item.document.id == "s1" and item.document.published == "2025-03-03"
    assert [row["event_type"] for row in item.gold.rows] == ["COERCE", "CONSULT", "PROTEST"]
    rendered = " | ".join(notes.render())
    assert "malformed gold line" in rendered
    assert "gold row without doc_id or event_type" in rendered


def test_seeds_scorer_by_hand(seeds_dir: Path) -> None:
    notes = RunNotes()
    [item] = list(read_items(seeds_dir, notes))
    meeting = event_dict("CONSULT", doc_id="s1", actor="prime minister", factuality="asserted")
    spurious = event_dict("ASSAULT", doc_id="s1")
    scorer = SeedsScorer()
    scorer.add(item, Prediction(events=[ARREST, meeting, spurious]))
    report = scorer.report(notes)
    s = report.scores
    assert s["events.recall"] == pytest.approx(1 / 3)  # only the arrest matches in full
    assert s["events.precision"] == pytest.approx(1 / 3)
    assert s["type.recall"] == pytest.approx(2 / 3)  # no PROTEST event at all
    assert s["field.mode"] == 1.0 and s["field.counts"] == 1.0
    assert s["field.actor"] == 0.0 and s["field.factuality"] == 1.0
    assert report.per_class["event_type"]["COERCE"]["f1"] == 1.0
    assert report.per_class["event_type"]["ASSAULT"]["precision"] == 0.0
    assert [m["predicted"] and m["predicted"]["wrong"] for m in report.worst] == [None, ["actor"]]
