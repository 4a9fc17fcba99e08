"""Quality gate: the bundled sample corpus against the team's gold coding of it.

A gold row names its sentence by a distinctive substring; the event that carries
that sentence (as evidence or as a merged mention) with the gold type is its match.
Floors live in ``tests/gold/floors.json`` and only go up.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from eventwatch.config import Settings
from eventwatch.pipeline import SAMPLE_CORPUS, extract_events

GOLD_DIR = Path(__file__).parent / "gold"
FLOORS = json.loads((GOLD_DIR / "floors.json").read_text(encoding="utf-8"))["sample"]


def _sentences(event: dict[str, Any]) -> list[str]:
    return [event["evidence"]["text"], *(m["text"] for m in event["mentions"])]


def _name_ok(wanted: str | None, entity: dict[str, Any] | None) -> bool:
    if wanted is None:
        return True
    return entity is not None and (
        wanted.lower() in entity["name"].lower() or wanted.lower() in entity["text"].lower()
    )


def _field_checks(gold: dict[str, Any], event: dict[str, Any]) -> dict[str, bool]:
    return {
        "mode": event["mode"] == gold["mode"],
        "factuality": event["factuality"] == gold["factuality"],
        "date": gold.get("date_start") is None or event["date"]["start"] == gold["date_start"],
        "country": gold.get("country") is None
        or (event["location"] or {}).get("country") == gold["country"],
        "actor": _name_ok(gold.get("actor"), event["actor"]),
        "recipient": _name_ok(gold.get("recipient"), event["recipient"]),
        "counts": all(event["counts"].get(k) == v for k, v in (gold.get("counts") or {}).items()),
    }


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    gold_rows = [
        json.loads(line)
        for line in (GOLD_DIR / "sample_gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    sources = sorted(
        str(p) for p in SAMPLE_CORPUS.iterdir() if p.suffix in {".txt", ".html", ".jsonl"}
    )
    predicted = [e.to_dict() for e in extract_events(sources, settings=Settings())]
    matched: set[str] = set()
    right: Counter[str] = Counter()
    found = 0
    for gold in gold_rows:
        candidates = [
            e
            for e in predicted
            if e["doc_id"] == gold["doc_id"]
            and e["event_type"] == gold["event_type"]
            and any(gold["evidence_contains"] in s for s in _sentences(e))
        ]
        if not candidates:
            continue
        found += 1
        event = candidates[0]
        matched.add(event["id"])
        right.update(k for k, ok in _field_checks(gold, event).items() if ok)
    result = {"recall": found / len(gold_rows), "precision": len(matched) / max(1, len(predicted))}
    result.update(
        {
            k: right[k] / max(1, found)
            for k in ("mode", "factuality", "date", "country", "actor", "recipient", "counts")
        }
    )
    print("sample gold scores:", {k: round(v, 3) for k, v in result.items()})
    return result


@pytest.mark.parametrize("measure", list(FLOORS))
def test_sample_gold_score_stays_above_its_floor(scores: dict[str, float], measure: str) -> None:
    assert scores[measure] >= FLOORS[measure], (
        f"{measure} fell to {scores[measure]:.3f} (floor {FLOORS[measure]})"
    )
