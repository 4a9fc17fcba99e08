"""Quality gate on the shared dev data: every pinned score stays at or above its floor.

Runs ``eventwatch eval`` (the library function) on each labelled dataset in
``../shared/data`` and compares the scores with ``tests/gold/floors.json`` ("dev").
Floors only go up; lowering one needs a written reason in the commit message.
Skips when ``../shared/data`` is not beside the project.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.config import Settings
from eventwatch.evaluate import run_eval

FLOORS = json.loads((Path(__file__).parent / "gold" / "floors.json").read_text(encoding="utf-8"))[
    "dev"
]
DATASET_PATHS = {
    "acled": "acled-dev/acled_2020_global.csv",
    "case": "case2021-task2/test_set_final_release_with_labels.tsv",
    "plover": "plover-gsr/PLOVER_GSR_CAMEO.txt",
    "polnear": "polnear/dev",
    "factbank": "hedging-factbank/factbank_dev.xml",
}
_REPORTS: dict[str, dict[str, float]] = {}


def _scores(shared_dir: Path, dataset: str) -> dict[str, float]:
    if dataset not in _REPORTS:
        if dataset == "seeds":
            path = shared_dir / "seeds"
        else:
            path = shared_dir / "data" / DATASET_PATHS[dataset]
            if not path.exists():
                pytest.skip(f"{path} is not there")
        report = run_eval(dataset, path, settings=Settings())
        print(
            f"\n{dataset}: " + ", ".join(f"{k}={v:.3f}" for k, v in sorted(report.scores.items()))
        )
        _REPORTS[dataset] = report.scores
    return _REPORTS[dataset]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("dataset", "measure"),
    [(dataset, measure) for dataset, floors in FLOORS.items() for measure in floors],
)
def test_quality_gate_dev_score_stays_above_its_floor(
    shared_dir: Path, dataset: str, measure: str
) -> None:
    scores = _scores(shared_dir, dataset)
    floor = FLOORS[dataset][measure]
    assert scores[measure] >= floor, (
        f"{dataset} {measure} fell to {scores[measure]:.3f} (floor {floor})"
    )
