"""PolNeAR reader (brat standoff) and span scorer on a canned mini-corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.errors import InputError
from eventwatch.evaluate.items import Prediction, RunNotes
from eventwatch.evaluate.polnear import PolnearScorer, parse_ann, read_items

ARTICLE = (
    "Council vote delayed.\n"
    "The mayor said the vote would wait until spring. "
    "Residents, according to a local survey, oppose the plan."
)


def span(text: str, part: str) -> tuple[int, int]:
    start = ARTICLE.index(text) if part == "first" else ARTICLE.rindex(text)
    return start, start + len(text)


def ann_file() -> str:
    source = span("The mayor", "first")
    cue = span("said", "first")
    content = span("the vote would wait until spring", "first")
    cue2 = span("according to", "first")
    source2 = span("a local survey", "first")
    content_a = span("Residents", "first")
    content_b = span("oppose the plan", "first")
    return (
        f"T1\tSource {source[0]} {source[1]}\tThe mayor\n"
        f"T2\tCue {cue[0]} {cue[1]}\tsaid\n"
        f"T3\tContent {content[0]} {content[1]}\tthe vote would wait until spring\n"
        f"T4\tAttribution {cue[0]} {cue[1]}\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        f"T5\tCue {cue2[0]} {cue2[1]}\taccording to\n"
        f"T6\tSource {source2[0]} {source2[1]}\ta local survey\n"
        f"T7\tContent {content_a[0]} {content_a[1]};{content_b[0]} {content_b[1]}\tResidents oppose the plan\n"
        "T8\tSource 5000 5010\tbeyond the text\n"
        "T9\tCue x y\tbroken\n"
        "T10\tDiscuss 0 7\tCouncil\n"
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "polnear"
    for sub in ("dev/text", "dev/attributions"):
        (root / sub).mkdir(parents=True)
    (root / "dev/text/paper_2016-10-01_council.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "dev/attributions/paper_2016-10-01_council_ab12.ann").write_text(
        ann_file(), encoding="utf-8"
    )
    (root / "dev/attributions/paper_2016-10-01_council_zz99.ann").write_text("", encoding="utf-8")
    (root / "dev/text/paper_2016-10-02_orphan.txt").write_text("No annotation.", encoding="utf-8")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\ttitle\n"
        "dev\tpaper_2016-10-01_council\tpaper\t2016-10-01\tCouncil vote delayed\n",
        encoding="utf-8",
    )
    return root


def test_polnear_parse_ann_roles_discontinuous_and_bad_lines() -> None:
    spans, bad = parse_ann(ann_file(), text_length=len(ARTICLE))
    assert spans["source"] == [span("The mayor", "first"), span("a local survey", "first")]
    assert spans["cue"] == [span("said", "first"), span("according to", "first")]
    residents, plan = span("Residents", "first"), span("oppose the plan", "first")
    assert spans["content"][1] == (residents[0], plan[1])  # the extent of both fragments
    assert bad == 2  # out of range, unparseable offsets


@pytest.mark.parametrize("sub", ["", "dev"])
def test_polnear_read_root_or_dev(corpus: Path, sub: str) -> None:
    notes = RunNotes()
    [item] = list(read_items(corpus / sub if sub else corpus, notes))
    assert item.document.text == ARTICLE
    assert item.document.published == "2016-10-01" and item.document.outlet == "paper"
    assert len(item.gold.spans["source"]) == 2
    rendered = " | ".join(notes.render())
    assert "several annotators" in rendered
    assert "article without an annotation file" in rendered


def test_polnear_read_rejects_other_folders(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a PolNeAR folder"):
        list(read_items(tmp_path, RunNotes()))


def test_polnear_scorer_by_hand(corpus: Path) -> None:
    notes = RunNotes()
    [item] = list(read_items(corpus, notes))
    mayor, said = span("The mayor", "first"), span("said", "first")
    survey = span("local survey", "first")  # overlaps "a local survey", not exact
    wrong = span("Council", "first")
    prediction = Prediction(
        attributions=[
            {
                "source": {"start": mayor[0], "end": mayor[1], "text": "The mayor"},
                "cue": {"start": said[0], "end": said[1], "text": "said"},
                "content": None,
            },
            {"source": {"start": survey[0], "end": survey[1]}, "cue": None, "content": None},
            {"source": {"start": wrong[0], "end": wrong[1]}, "cue": None, "content": None},
            {"source": {"start": 0, "end": 9999}, "cue": None, "content": None},  # out of range
        ]
    )
    scorer = PolnearScorer()
    scorer.add(item, prediction)
    report = scorer.report(notes)
    scores = report.scores
    # sources: gold 2, predicted 3 valid; exact 1 -> P 1/3 R 1/2 F 0.4
    assert scores["source.exact_f1"] == pytest.approx(0.4)
    # overlap: 2 of 3 predicted touch gold, both gold touched -> P 2/3 R 1 F 0.8
    assert scores["source.overlap_f1"] == pytest.approx(0.8)
    # cues: gold 2, predicted 1 exact -> P 1 R 1/2
    assert scores["cue.exact_precision"] == 1.0 and scores["cue.exact_recall"] == 0.5
    assert scores["content.overlap_recall"] == 0.0
    assert report.per_class["attribution"]["source (exact)"]["support"] == 2
    assert report.worst[0]["predicted"]["n_sources"] == 3


def test_polnear_parse_ann_multiline_span_text() -> None:
    # brat writes a span's text as it is, line breaks included: the continuation of the
    # text is not an annotation line, even when it starts with a "T".
    text = "He said.\n\nThe talks will go on.\u2028Then more."
    ann = f"T1\tContent 0 {len(text)}\t{text}\nT2\tSource 0 2\tHe\nT3\tCue 3 7\tsaid\n"
    spans, bad = parse_ann(ann, text_length=len(text))
    assert spans == {"source": [(0, 2)], "cue": [(3, 7)], "content": [(0, len(text))]}
    assert bad == 0
