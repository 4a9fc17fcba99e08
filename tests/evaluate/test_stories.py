"""The story scorer: B-cubed over gold reports and entity-linking accuracy on the team's corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.config import Settings
from eventwatch.errors import InputError
from eventwatch.evaluate import run_eval
from eventwatch.evaluate.stories import _anchor_event, bcubed

CORPUS = Path(__file__).resolve().parents[1] / "gold" / "stories"
FLOORS = json.loads((Path(__file__).resolve().parents[1] / "gold" / "floors.json").read_text())


def test_bcubed_is_one_for_the_gold_clustering_and_lower_for_a_merge_or_split() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}

    assert bcubed(dict(gold), gold) == (1.0, 1.0, 1.0)
    merged = bcubed({"a": "x", "b": "x", "c": "x"}, gold)
    split = bcubed({"a": "x", "b": "y", "c": "z"}, gold)
    assert merged[1] == 1.0 and merged[0] < 1.0
    assert split[0] == 1.0 and split[1] < 1.0


def _event(event_id: str, event_type: str, start: int, end: int) -> dict[str, object]:
    return {
        "id": event_id,
        "event_type": event_type,
        "evidence": {"start": start, "end": end},
        "mentions": [],
    }


def test_a_report_is_scored_on_the_event_that_reads_its_anchor() -> None:
    text = "Soldiers detained the president on Wednesday. Later the junta said it had taken power."
    detention = _event("e1", "COERCE", 0, 46)
    takeover = _event("e2", "COUP", 47, 70)  # "Later the junta said it"
    meeting = _event("e3", "CONSULT", 0, 46)
    # the phrase was read as a detention: that is the system's report of the coup
    assert _anchor_event(text, "detained the president", "COUP", [detention, takeover]) is detention
    # of two events reading the phrase, the one of the story's kind, then of a related kind
    assert (
        _anchor_event(text, "detained the president", "COERCE", [meeting, detention]) is detention
    )
    assert _anchor_event(text, "detained the president", "COUP", [meeting, detention]) is detention
    # no event reads the phrase: the nearest of the story's kind
    assert _anchor_event(text, "taken power", "COUP", [detention, takeover]) is takeover
    assert _anchor_event(text, "taken power", "PROTEST", [detention]) is None
    assert _anchor_event(text, "not in the text", "COUP", [takeover]) is None


def test_a_report_is_scored_first_on_the_event_whose_word_lies_in_the_anchor() -> None:
    text = "Police detained two men after the blast that killed four people in the market."
    arrest = {**_event("e1", "COERCE", 0, 79), "trigger": {"start": 7, "end": 15}}
    bombing = {**_event("e2", "ASSAULT", 0, 79), "trigger": {"start": 33, "end": 38}}
    # both events read the sentence; the anchor names the blast, not the arrest
    assert _anchor_event(text, "the blast that killed", "COERCE", [arrest, bombing]) is bombing
    assert _anchor_event(text, "detained two men", "ASSAULT", [bombing, arrest]) is arrest


def test_stories_eval_refuses_a_folder_without_the_corpus_files(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        run_eval("stories", tmp_path, settings=Settings())


def test_stories_eval_on_a_tiny_corpus_scores_entities_and_stories(tmp_path: Path) -> None:
    text_1 = "Police in Osh detained the blogger Azamat Tokonov on Monday, June 2."
    text_2 = "Azamat Tokonov was detained by police in Osh on Monday, June 2, his lawyer said."
    docs = [
        {"id": "d1", "outlet": "One", "published": "2025-06-03", "text": text_1},
        {"id": "d2", "outlet": "Two", "published": "2025-06-03", "text": text_2},
    ]
    (tmp_path / "documents.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    story = {
        "story": "S1",
        "event_type": "COERCE",
        "reports": [
            {"doc_id": "d1", "anchor": "detained the blogger"},
            {"doc_id": "d2", "anchor": "was detained by police"},
        ],
    }
    (tmp_path / "stories.jsonl").write_text(json.dumps(story) + "\n")
    entity = {
        "entity": "E1",
        "name": "Azamat Tokonov",
        "kind": "person",
        "mentions": [
            {"doc_id": "d1", "text": "Azamat Tokonov"},
            {"doc_id": "d2", "text": "Azamat Tokonov"},
        ],
    }
    (tmp_path / "entities.jsonl").write_text(json.dumps(entity) + "\n")

    report = run_eval("stories", tmp_path, settings=Settings())

    assert report.scores["stories.bcubed_f1"] == 1.0
    assert report.scores["entities.accuracy"] == 1.0


@pytest.mark.skipif(
    not (CORPUS / "set_a").is_dir(), reason="the story corpus is not in this checkout"
)
def test_story_corpus_meets_its_floors() -> None:
    report = run_eval("stories", CORPUS, settings=Settings())

    for name, floor in FLOORS["stories"].items():
        assert report.scores[name] >= floor, (
            f"{name} {report.scores[name]:.3f} fell below its floor {floor}"
        )
