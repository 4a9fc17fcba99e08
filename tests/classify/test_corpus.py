"""The training sentences: every class well covered, loadable, and our own writing."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eventwatch.classify.corpus import (
    ACLED_LABELS,
    NO_EVENT,
    OTHER_LABELS,
    SENTENCES_PATH,
    TYPER_LABELS,
    load_sentences,
)
from eventwatch.errors import InputError
from tests.classify.harmless import harmless_texts

# Classes the ACLED rules confuse most, which need more examples than the rest.
CONFUSABLE = (
    "Armed clash",
    "Attack",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Air/drone strike",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
)


def test_corpus_covers_every_label_with_forty_sentences_or_more() -> None:
    counts = Counter(s.label for s in load_sentences())
    assert set(counts) == set(TYPER_LABELS)
    assert min(counts.values()) >= 40, counts.most_common()[-5:]
    assert all(counts[label] >= 60 for label in CONFUSABLE), {c: counts[c] for c in CONFUSABLE}
    assert counts[NO_EVENT] >= 300  # sport, markets, weather, culture, plans, …: many kinds


def test_corpus_leaves_the_harmless_test_texts_unseen() -> None:
    """The harmless texts measure the "no event" class, so none of them is trained on."""
    trained: set[str] = set()
    for sentence in load_sentences():
        trained |= _shingles(sentence.text)
    shared = [text for text in harmless_texts() if _shingles(text) & trained]
    assert len(harmless_texts()) >= 80
    assert not shared, shared[:5]


def test_corpus_rows_are_consistent_and_unique() -> None:
    rows = [json.loads(line) for line in SENTENCES_PATH.read_text(encoding="utf-8").splitlines()]
    texts = [row["text"] for row in rows]
    assert len(texts) == len(set(texts))
    for row in rows:
        if row["label"] in ACLED_LABELS:
            assert row["sub_event_type"] == row["label"]
            assert row["event_type"] == ACLED_LABELS[row["label"]]
        else:
            assert row["label"] in (*OTHER_LABELS, NO_EVENT)
            assert row["event_type"] is None and row["sub_event_type"] is None
        assert row["style"] in {"acled", "news"}


def test_corpus_mixes_coder_notes_and_news() -> None:
    styles = Counter(s.style for s in load_sentences())
    assert styles["acled"] >= 500 and styles["news"] >= 1000


def test_corpus_loader_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "Rebels shelled the town.", "label": "Shelling"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        load_sentences(path)


def _shingles(text: str, size: int = 8) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_corpus_shares_no_eight_word_run_with_the_shared_dev_data(shared_dir: Path) -> None:
    """Our sentences are written, not copied: no run of eight words from ACLED or CASE rows."""
    data = shared_dir / "data"
    theirs: set[str] = set()
    acled = data / "acled-dev" / "acled_2020_global.csv"
    if acled.exists():
        with open(acled, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                theirs |= _shingles(row.get("notes") or "")
    for tsv in (data / "case2021-task2").glob("*.tsv"):
        for line in tsv.read_text(encoding="utf-8", errors="replace").splitlines():
            cells = line.split("\t")
            theirs |= _shingles(cells[1] if len(cells) > 1 else "")
    if not theirs:
        pytest.skip("no ACLED or CASE rows beside the project")
    copied = [s.text for s in load_sentences() if _shingles(s.text) & theirs]
    assert not copied, copied[:5]
