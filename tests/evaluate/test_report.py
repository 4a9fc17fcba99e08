"""EvalReport: the text report's sections and the JSON round trip."""

from __future__ import annotations

import json

from eventwatch.evaluate import EvalReport


def small_report() -> EvalReport:
    return EvalReport(
        dataset="acled",
        n_items=3,
        scores={"event_type.macro_f1": 0.5, "date.exact": 1.0},
        per_class={
            "event_type": {
                "Protests": {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2.0},
                "Riots": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1.0},
            }
        },
        confusion={
            "event_type": {"Protests": {"Protests": 1, "NONE": 1}, "Riots": {"Protests": 1}}
        },
        worst=[
            {
                "id": "row-7",
                "text": "Villagers marched to the district office on Monday.",
                "gold": {"event_type": "Riots"},
                "predicted": {"event_type": "Protests"},
                "loss": 1.0,
            }
        ],
        notes=["an invented note"],
    )


def test_report_render_has_every_section() -> None:
    text = small_report().render()
    for heading in (
        "Evaluation on acled: 3 item(s)",
        "Scores",
        "Per-class scores: event_type",
        "Confusion: event_type",
        "Worst misses",
        "Notes",
    ):
        assert heading in text
    assert "event_type.macro_f1" in text and "0.500" in text
    assert "Protests" in text and "0.667" in text
    assert "Villagers marched" in text
    assert "- an invented note" in text


def test_report_render_small_confusion_as_grid() -> None:
    lines = small_report().render().splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Confusion"))
    grid = lines[header + 2 : header + 5]
    assert grid[0].split() == ["gold", "NONE", "Protests"]
    assert grid[1].split() == ["Protests", "1", "1"]
    assert grid[2].split() == ["Riots", "0", "1"]


def test_report_render_large_confusion_as_top_list() -> None:
    labels = [f"L{i:02d}" for i in range(14)]
    matrix = {g: {labels[(i + 1) % 14]: i + 1, g: 5} for i, g in enumerate(labels)}
    text = EvalReport("case", 10, confusion={"subtype": matrix}).render()
    assert "14 classes; the 25 most frequent confusions:" in text
    assert "    14  L13 -> L00" in text  # the most frequent confusion first
    assert "L00 -> L00" not in text  # the diagonal is not a confusion


def test_report_render_empty_report() -> None:
    text = EvalReport("seeds", 0).render()
    assert "(none)" in text and text.endswith("\n")


def test_report_json_round_trip() -> None:
    report = small_report()
    data = json.loads(json.dumps(report.to_json()))
    again = EvalReport.from_json(data)
    assert again.to_json() == report.to_json()
    assert again.dataset == "acled" and again.n_items == 3
    assert again.worst[0]["id"] == "row-7"


def test_report_json_rounds_scores() -> None:
    report = EvalReport("plover", 1, scores={"event_type.macro_f1": 1 / 3})
    assert report.to_json()["scores"] == {"event_type.macro_f1": 0.3333}
