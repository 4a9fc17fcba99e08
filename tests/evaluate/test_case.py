"""CASE 2021 reader, label mapping and scorer on canned snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.evaluate.case import ACLED_TO_CASE, CASE_LABELS, CaseScorer, case_label, read_items
from eventwatch.evaluate.items import Prediction, RunNotes

from .conftest import event_dict

TSV = (
    "id\tEventSnippet\tSubType\n"
    "1\tJets bombed a fuel depot outside the port city, killing four guards.\tAIR_STRIKE\n"
    "2\tStudents rallied peacefully in front of the ministry of education.\tPEACE_PROTEST\n"
    "3\t\tARREST\n"
    "4\tA flood swept away two bridges in the valley.\tNATURAL_DISASTER\n"
    "5\tThe two foreign ministers met to discuss the border dispute.\tDIPLO\n"
    "6\tSomething odd happened.\tNOT_A_LABEL\n"
    "7\tonly two columns\n"
)


def read(tmp_path: Path, content: str = TSV) -> tuple[list, RunNotes]:
    path = tmp_path / "case.tsv"
    path.write_text(content, encoding="utf-8")
    notes = RunNotes()
    return list(read_items(path, notes)), notes


def test_case_every_acled_sub_type_has_a_case_label() -> None:
    assert len(ACLED_TO_CASE) == 25
    assert len(set(ACLED_TO_CASE.values())) == 25
    assert len(CASE_LABELS) == 30 and set(ACLED_TO_CASE.values()) <= set(CASE_LABELS)


@pytest.mark.parametrize(
    ("event", "label"),
    [
        (
            event_dict("ASSAULT", acled=("Explosions/Remote violence", "Air/drone strike")),
            "AIR_STRIKE",
        ),
        (
            event_dict("COERCE", mode="arrest", acled=("Strategic developments", "Arrests")),
            "ARREST",
        ),
        (
            event_dict("PROTEST", acled=("Protests", "Excessive force against protesters")),
            "FORCE_AGAINST_PROTEST",
        ),
        (event_dict("CONSULT", mode="meet"), "DIPLO"),
        (event_dict("OFFICE", mode="appoint"), None),
    ],
)
def test_case_label_of_an_event(event: dict, label: str | None) -> None:
    assert case_label(event) == label


def test_case_read_skips_malformed_rows(tmp_path: Path) -> None:
    items, notes = read(tmp_path)
    assert [item.gold.label for item in items] == [
        "AIR_STRIKE",
        "PEACE_PROTEST",
        "NATURAL_DISASTER",
        "DIPLO",
    ]
    assert [item.gold.snippet_id for item in items] == ["1", "2", "4", "5"]
    rendered = " | ".join(notes.render())
    assert "row without snippet or label" in rendered
    assert "label not in the CASE set (NOT_A_LABEL)" in rendered
    assert "row with too few columns" in rendered


def test_case_read_without_header(tmp_path: Path) -> None:
    items, _ = read(tmp_path, "9\tRebels seized the town hall.\tNON_STATE_ACTOR_OVERTAKES_TER\n")
    assert [(i.gold.snippet_id, i.gold.label) for i in items] == [
        ("9", "NON_STATE_ACTOR_OVERTAKES_TER")
    ]


def test_case_scorer_by_hand(tmp_path: Path) -> None:
    items, notes = read(tmp_path)
    scorer = CaseScorer()
    answers = [
        [event_dict("ASSAULT", acled=("Explosions/Remote violence", "Air/drone strike"))],
        [
            event_dict("CONSULT", confidence=0.9),  # DIPLO, but the surer event wins
            event_dict("PROTEST", acled=("Protests", "Peaceful protest"), confidence=0.95),
        ],
        [],
        [event_dict("ASSAULT", acled=("Explosions/Remote violence", "Air/drone strike"))],
    ]
    for item, events in zip(items, answers, strict=True):
        scorer.add(item, Prediction(events=events))
    report = scorer.report(notes)
    # AIR_STRIKE: P 1/2 R 1 F 2/3; PEACE_PROTEST: 1; NATURAL_DISASTER: 0; DIPLO: 0
    assert report.scores["subtype.macro_f1"] == pytest.approx((2 / 3 + 1 + 0 + 0) / 4)
    assert report.scores["subtype.accuracy"] == pytest.approx(2 / 4)
    assert report.scores["coverage.labelled"] == pytest.approx(3 / 4)
    assert report.confusion["subtype"]["NATURAL_DISASTER"] == {"NONE": 1}
    assert report.per_class["subtype"]["AIR_STRIKE"]["support"] == 1
    assert [miss["id"] for miss in report.worst] == ["5", "4"]  # wrong label before silence
