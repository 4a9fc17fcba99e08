"""The readers and the harness on the real development data in ``../shared/data``.

Skipped when that folder is not beside the project (a fresh checkout).  Nothing
from it is copied here: the files are read in place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.config import Settings
from eventwatch.evaluate import acled, case, factbank, plover, polnear, run_eval
from eventwatch.evaluate.items import RunNotes

from .conftest import SHARED_DATA

pytestmark = pytest.mark.slow

PATHS = {
    "acled": "acled-dev/acled_2020_global.csv",
    "case": "case2021-task2",
    "plover": "plover-gsr",
    "polnear": "polnear",
    "factbank": "hedging-factbank",
}


@pytest.fixture(scope="module")
def data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside the project")
    return SHARED_DATA


@pytest.mark.parametrize(
    ("reader", "path", "at_least"),
    [
        (acled.read_items, PATHS["acled"], 5000),
        (case.read_items, PATHS["case"], 1000),
        (plover.read_items, PATHS["plover"], 300),
        (polnear.read_items, PATHS["polnear"], 80),
        (factbank.read_items, PATHS["factbank"], 100),
    ],
    ids=["acled", "case", "plover", "polnear", "factbank"],
)
def test_shared_data_readers_read_nearly_everything(
    data: Path, reader, path: str, at_least: int
) -> None:
    notes = RunNotes()
    items = list(reader(data / path, notes))
    assert len(items) >= at_least
    assert sum(notes.skipped.values()) <= len(items) // 100  # formats still understood
    assert len({item.document.id for item in items}) == len(items)


@pytest.mark.parametrize("dataset", sorted(PATHS))
def test_shared_data_harness_runs(data: Path, dataset: str) -> None:
    limit = 3 if dataset == "polnear" else 25
    report = run_eval(dataset, data / PATHS[dataset], settings=Settings(), limit=limit)
    items = report.n_items
    assert items >= limit if dataset == "factbank" else items == limit  # factbank counts sentences
    assert report.scores and all(0.0 <= v <= 1.0 for v in report.scores.values())
    assert report.worst is not None and len(report.worst) <= 20
    assert "Scores" in report.render()


def test_shared_data_seeds(data: Path) -> None:
    seeds = data.parent / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is absent")
    report = run_eval("seeds", seeds, settings=Settings())
    assert report.n_items >= 20
    assert report.scores["events.recall"] >= 0.5
