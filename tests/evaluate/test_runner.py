"""run_eval: dispatch, limits, progress, failures and the views switch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwatch.evaluate
from eventwatch.config import Settings
from eventwatch.errors import ConfigError, InputError
from eventwatch.evaluate import DATASETS, EvalReport, run_eval

from .conftest import make_event
from .test_acled import NEW_SCHEMA
from .test_case import TSV


def test_runner_public_api_is_complete() -> None:
    assert eventwatch.evaluate.__all__ == ["DATASETS", "EvalReport", "run_eval"]
    for name in eventwatch.evaluate.__all__:
        assert getattr(eventwatch.evaluate, name) is not None
    assert DATASETS == ("acled", "case", "plover", "polnear", "factbank", "seeds", "stories")


def test_runner_unknown_dataset(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown dataset 'gdelt'"):
        run_eval("gdelt", tmp_path, settings=Settings())


def test_runner_negative_limit(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="limit"):
        run_eval("acled", tmp_path, settings=Settings(), limit=-1)


def test_runner_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        run_eval("acled", tmp_path / "nowhere.csv", settings=Settings())


def test_runner_folder_without_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no CASE TSV"):
        run_eval("case", tmp_path, settings=Settings())


def test_runner_limit_progress_and_one_pipeline_call(tmp_path: Path, fake_pipeline) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(NEW_SCHEMA, encoding="utf-8")
    calls = fake_pipeline(
        lambda doc: {
            "events": [make_event("ASSAULT", doc_id=doc.id, acled=("Battles", "Armed clash"))]
        }
    )
    ticks: list[int] = []
    report = run_eval("acled", path, settings=Settings(), limit=1, progress=ticks.append)
    assert report.n_items == 1 and ticks == [1]
    assert calls == [{"views": False}]
    assert report.scores["event_type.accuracy"] == 1.0
    # the reader was closed at the limit, so its closing note is there
    assert any("1 row(s) had no `timestamp`" in note for note in report.notes)


def test_runner_failed_document_scores_as_nothing(tmp_path: Path, fake_pipeline) -> None:
    path = tmp_path / "case.tsv"
    path.write_text(TSV, encoding="utf-8")
    fake_pipeline(lambda doc: {"fail": True} if "flood" in doc.text else {"events": []})
    report = run_eval("case", path, settings=Settings())
    assert report.n_items == 4
    assert report.confusion["subtype"]["NATURAL_DISASTER"] == {"NONE": 1}
    assert any("extraction failed for 1 document(s)" in note for note in report.notes)


@pytest.mark.parametrize(
    ("dataset", "views"), [("polnear", True), ("factbank", True), ("seeds", False)]
)
def test_runner_asks_for_views_only_where_scored(
    tmp_path: Path, fake_pipeline, dataset: str, views: bool
) -> None:
    calls = fake_pipeline(lambda doc: {})
    if dataset == "polnear":
        for sub in ("text", "attributions"):
            (tmp_path / sub).mkdir()
        (tmp_path / "text" / "a.txt").write_text("He said so.", encoding="utf-8")
        (tmp_path / "attributions" / "a_x1.ann").write_text(
            "T1\tSource 0 2\tHe\n", encoding="utf-8"
        )
    elif dataset == "factbank":
        (tmp_path / "factbank_dev.xml").write_text(
            '<A><Document><DocID>d</DocID><Sentence id="S1">It may rain.</Sentence></Document></A>',
            encoding="utf-8",
        )
    else:
        (tmp_path / "s.txt").write_text("Troops were deployed to the border.\n", encoding="utf-8")
        (tmp_path / "seeds_gold.jsonl").write_text(
            json.dumps({"doc_id": "s", "event_type": "MOBILIZE"}) + "\n", encoding="utf-8"
        )
    report = run_eval(dataset, tmp_path, settings=Settings())
    assert calls == [{"views": views}]
    assert report.n_items == 1
    assert EvalReport.from_json(json.loads(json.dumps(report.to_json()))).dataset == dataset


@pytest.mark.slow
def test_runner_real_pipeline_on_canned_rows(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(NEW_SCHEMA, encoding="utf-8")
    report = run_eval("acled", path, settings=settings)
    assert report.n_items == 2
    assert 0.0 <= report.scores["event_type.macro_f1"] <= 1.0
    assert "Scores" in report.render()
