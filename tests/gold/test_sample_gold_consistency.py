"""The bundled sample corpus and its gold file agree with each other.

These checks read the files directly (no pipeline code), so they hold however the
ingest stage evolves: every gold row points at a real document, its evidence
substring occurs exactly once in that document's article text, and every field
uses the vocabulary of DESIGN.md.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "src" / "eventwatch" / "sample"
GOLD = Path(__file__).resolve().parent / "sample_gold.jsonl"

MODES = {
    "COUP": {"conspiracy", "attempt", "realized"},
    "OFFICE": {"appoint", "elect", "dismiss", "resign"},
    "CONSULT": {"visit", "host", "meet", "phone"},
    "COERCE": {"arrest", "seize", "ban", "deport", "censor"},
    "ASSAULT": {"beat", "firearms", "explosives", "aerial", "primitive"},
    "PROTEST": {"demo", "march", "riot", "strike"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue", "embargo"},
    "ACCUSE": {"allege", "investigate", "disapprove"},
    "AID": {"economic", "military", "humanitarian"},
    "MOBILIZE": {"troops", "police"},
}
OTHER_TYPES = {
    "AGREE",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "RETREAT",
    "REQUEST",
    "REJECT",
    "THREATEN",
}
FACTUALITY = {"asserted", "attributed", "alleged", "denied", "planned", "hypothetical", "negated"}
PRECISION = {"day", "week", "month", "year", "unknown"}
COUNT_KEYS = {"killed", "injured", "arrested", "participants"}
META_KEYS = {"id", "url", "outlet", "title", "author", "published", "language"}
WIRE_KEYS = {"id", "outlet", "title", "published", "url", "text"}


def _article_text_from_html(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    body = re.search(r'<div class="story-body">(.*?)</div>', html, re.S)
    assert body, f"{path.name}: no story body"
    paragraphs = re.findall(r"<p>(.*?)</p>", body.group(1), re.S)
    return "\n\n".join(re.sub(r"<[^>]+>", "", p).strip() for p in paragraphs)


def load_documents() -> dict[str, dict]:
    docs: dict[str, dict] = {}
    for meta_path in sorted(SAMPLE.glob("*.meta.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        stem = meta_path.name[: -len(".meta.json")]
        txt, html = SAMPLE / f"{stem}.txt", SAMPLE / f"{stem}.html"
        text = txt.read_text(encoding="utf-8") if txt.exists() else _article_text_from_html(html)
        docs[meta["id"]] = {"meta": meta, "text": text}
    for line in (SAMPLE / "wire.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            docs[rec["id"]] = {"meta": rec, "text": rec["text"]}
    return docs


_DOCS = load_documents()


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_corpus_shape():
    docs = load_documents()
    assert len(docs) == 12
    assert len(list(SAMPLE.glob("*.txt"))) == 8
    assert len(list(SAMPLE.glob("*.html"))) == 1
    for doc_id, doc in docs.items():
        meta = doc["meta"]
        keys = WIRE_KEYS if "text" in meta else META_KEYS
        assert keys <= set(meta), doc_id
        dt.date.fromisoformat(meta["published"])
        assert re.match(r"https://([a-z0-9-]+\.)*example\.(org|com)/", meta["url"]), doc_id
        words = len(doc["text"].split())
        assert 150 <= words <= 450, (doc_id, words)


def _row_id(row: dict) -> str:
    return f"{row['doc_id']}:{row['evidence_contains'][:30]}"


@pytest.mark.parametrize("row", load_gold(), ids=_row_id)
def test_gold_row(row):
    docs = _DOCS
    assert row["doc_id"] in docs
    text = docs[row["doc_id"]]["text"]
    assert text.count(row["evidence_contains"]) == 1, "evidence must occur exactly once"
    etype, mode = row["event_type"], row["mode"]
    if etype in MODES:
        assert mode in MODES[etype] or mode is None
    else:
        assert etype in OTHER_TYPES and mode is None
    assert row["factuality"] in FACTUALITY
    assert row["date_precision"] in PRECISION
    if row["date_start"] is None:
        assert row["date_precision"] == "unknown"
    else:
        start = dt.date.fromisoformat(row["date_start"])
        published = dt.date.fromisoformat(docs[row["doc_id"]]["meta"]["published"])
        if row["factuality"] != "planned":
            assert start <= published
    assert set(row["counts"]) <= COUNT_KEYS
    assert all(isinstance(v, int) and v > 0 for v in row["counts"].values())
    for key in ("actor", "recipient", "location"):
        if row[key] is not None:
            assert row[key].lower() in text.lower(), f"{key} {row[key]!r} not in document"
    assert row["country"] is None or re.fullmatch(r"[A-Z]{3}", row["country"])


def test_gold_size_and_factuality_mix():
    gold = load_gold()
    assert 40 <= len(gold) <= 60
    assert {r["factuality"] for r in gold} == FACTUALITY
