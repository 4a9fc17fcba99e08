"""PLOVER reader (old labels → PLOVER 2.0), type mapping and scorer on canned records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.evaluate.items import Prediction, RunNotes
from eventwatch.evaluate.plover import PloverScorer, old_label_map, plover_type, read_items

from .conftest import event_dict

CROSSWALK = """# a crosswalk in the published layout, shortened
08: CONCEDE
080: CONCEDE,   ,  # Yield
08: RETREAT
084: RETREAT,   ,  # Return, release
09: ACCUSE
10: REQUEST
100: REQUEST,  ,  # REQUEST
11: ACCUSE
19: ASSAULT
"""


def record(number: int, event: str, text: str, source=None, target=None) -> dict:
    out = {"id": f"T-{event}-{number}", "event": event, "text": text}
    if source is not None:
        out["source"] = [{"actorText": name} for name in source]
    if target is not None:
        out["target"] = target if target == "" else [{"actorText": name} for name in target]
    return out


RECORDS = [
    {"id": "T-DOC", "event": "DOCUMENT", "eventText": "header"},
    record(
        1,
        "DEMAND",
        "Villagers demanded that the governor reopen the clinic.",
        ["Villagers"],
        ["governor"],
    ),
    record(
        2,
        "FIGHT",
        "Government troops fought rebels in the hills.",
        ["Government troops"],
        ["rebels"],
    ),
    record(
        3,
        "AGREE",
        "Ruritania and Freedonia agreed to reopen trade talks.",
        ["Ruritania", "Freedonia"],
        "",
    ),
    record(4, "NOSUCH", "An unknown label.", ["Someone"]),
    {"id": "T-NOTEXT", "event": "AGREE"},
]


def write_gsr(folder: Path, *, broken: bool = False, crosswalk: bool = True) -> Path:
    body = ",\n".join(json.dumps(r) for r in RECORDS)
    if broken:
        body = body.replace('"FIGHT",', '"FIGHT" "oops",')
    (folder / "PLOVER_GSR_CAMEO.txt").write_text(f"[\n{body}\n]\n", encoding="utf-8")
    if crosswalk:
        (folder / "CAMEO2PLOVER-2021.txt").write_text(CROSSWALK, encoding="utf-8")
    return folder


@pytest.mark.parametrize("with_file", [True, False])
def test_plover_old_labels_to_current_types(tmp_path: Path, with_file: bool) -> None:
    path = tmp_path / "x.txt"
    path.write_text(CROSSWALK, encoding="utf-8")
    mapping = old_label_map(path if with_file else None)
    assert mapping["DEMAND"] == "REQUEST"
    assert mapping["DISAPPROVE"] == "ACCUSE"
    assert mapping["INVESTIGATE"] == "ACCUSE"
    assert mapping["FIGHT"] == "ASSAULT"
    assert mapping["RETREAT"] == "RETREAT" and mapping["CONCEDE"] == "CONCEDE"


@pytest.mark.parametrize(
    ("event_type", "mode", "expected"),
    [
        ("ASSAULT", None, "ASSAULT"),
        ("COUP", "attempt", "COERCE"),
        ("OFFICE", "resign", "CONCEDE"),
        ("OFFICE", "dismiss", "COERCE"),
        ("OFFICE", "appoint", None),
    ],
)
def test_plover_type_of_our_events(event_type: str, mode: str | None, expected: str | None) -> None:
    assert plover_type(event_dict(event_type, mode=mode)) == expected


def test_plover_read_converts_and_skips(tmp_path: Path) -> None:
    notes = RunNotes()
    items = list(read_items(write_gsr(tmp_path), notes))
    assert [(i.gold.old_label, i.gold.event_type) for i in items] == [
        ("DEMAND", "REQUEST"),
        ("FIGHT", "ASSAULT"),
        ("AGREE", "AGREE"),
    ]
    assert items[2].gold.sources == ["Ruritania", "Freedonia"] and items[2].gold.targets == []
    rendered = " | ".join(notes.render())
    assert "unknown PLOVER label (NOSUCH)" in rendered
    assert "record without event or text" in rendered


def test_plover_read_survives_a_broken_record(tmp_path: Path) -> None:
    notes = RunNotes()
    items = list(read_items(write_gsr(tmp_path, broken=True, crosswalk=False), notes))
    assert [i.gold.old_label for i in items] == ["DEMAND", "AGREE"]
    rendered = " | ".join(notes.render())
    assert "malformed JSON record" in rendered and "built-in label conversion" in rendered


def test_plover_scorer_by_hand(tmp_path: Path) -> None:
    notes = RunNotes()
    items = list(read_items(write_gsr(tmp_path), notes))
    scorer = PloverScorer()
    scorer.add(
        items[0],
        Prediction(events=[event_dict("REQUEST", actor="the villagers", recipient="the governor")]),
    )
    scorer.add(items[1], Prediction(events=[event_dict("COUP", mode="attempt", actor="troops")]))
    scorer.add(items[2], Prediction())
    report = scorer.report(notes)
    # REQUEST right; ASSAULT predicted COERCE; AGREE predicted NONE
    assert report.scores["event_type.accuracy"] == pytest.approx(1 / 3)
    # classes AGREE 0, ASSAULT 0, COERCE 0, REQUEST 1 -> 1/4
    assert report.scores["event_type.macro_f1"] == pytest.approx(1 / 4)
    # sources: 1.0, "troops" vs "Government troops" 2/3, nothing 0.0
    assert report.scores["source.token_f1"] == pytest.approx((1 + 2 / 3 + 0) / 3)
    # targets scored on the first two records: 1.0 and 0.0
    assert report.scores["target.token_f1"] == pytest.approx(0.5)
    assert report.worst[0]["id"] == "T-AGREE-3"
