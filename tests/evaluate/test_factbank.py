"""Szeged-uncertainty reader and hedging scorer on canned XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from eventwatch.evaluate.factbank import FactbankScorer, read_items, sentence_text
from eventwatch.evaluate.items import Prediction, RunNotes

XML = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet>
<Document type="unknown"><DocID type="FILENAME">A.txt</DocID><DocumentPart type="unknown">
<Sentence id="S1.1">The dam <ccue type="speculation_modal_possible_">may</ccue> fail.</Sentence>
<Sentence id="S1.2">Engineers inspected it on Monday.</Sentence>
</DocumentPart></Document>
<Document type="unknown"><DocID type="FILENAME">B.txt</DocID><DocumentPart type="unknown">
<Sentence id="S1.1">Officials <ccue type="speculation_hypo_doxastic _">believe</ccue> the road is safe.</Sentence>
<Sentence id="S1.2"><xcope id="X1">It is <cue type="speculation" ref="X1">unclear whether</cue> rain</xcope> will come.</Sentence>
<Sentence id="S1.3">   </Sentence>
</DocumentPart></Document>
</DocumentSet></Annotation>
"""


@pytest.fixture
def xml_file(tmp_path: Path) -> Path:
    path = tmp_path / "factbank_dev.xml"
    path.write_text(XML, encoding="utf-8")
    return path


def test_factbank_sentence_text_with_cue_offsets() -> None:
    element = ET.fromstring('<Sentence id="x">They <ccue type="t_">might</ccue> go.</Sentence>')
    text, cues = sentence_text(element)
    assert text == "They might go."
    assert cues == [(5, 10, "t")]
    assert text[5:10] == "might"


def test_factbank_read_documents_keyed_by_document_and_id(xml_file: Path) -> None:
    notes = RunNotes()
    first, second = list(read_items(xml_file.parent, notes))
    assert first.document.text == "The dam may fail.\nEngineers inspected it on Monday."
    assert [s.sentence_id for s in first.gold.sentences] == ["S1.1", "S1.2"]
    assert [s.sentence_id for s in second.gold.sentences] == ["S1.1", "S1.2"]
    assert first.document.id != second.document.id
    for item in (first, second):
        for sentence in item.gold.sentences:
            for start, end, _kind in sentence.cues:
                assert start >= sentence.start and end <= sentence.end
    cue_texts = [second.document.text[a:b] for s in second.gold.sentences for a, b, _ in s.cues]
    assert cue_texts == ["believe", "unclear whether"]
    assert [kind for s in second.gold.sentences for _, _, kind in s.cues] == [
        "speculation_hypo_doxastic",
        "speculation",
    ]
    assert "skipped 1 item(s): empty sentence" in notes.render()


def test_factbank_read_stops_cleanly_on_broken_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    cut = XML.index('<Document type="unknown"><DocID type="FILENAME">B.txt')
    path.write_text(XML[:cut] + "<Document><oops></Document>", encoding="utf-8")
    notes = RunNotes()
    items = list(read_items(path, notes))
    assert len(items) == 1
    assert any("not well-formed XML" in line for line in notes.render())


def view(text: str, sentence: str, hedged: bool, cues: list[str]) -> dict:
    start = text.index(sentence)
    return {
        "start": start,
        "end": start + len(sentence),
        "hedged": hedged,
        "cues": [
            {"text": c, "start": text.index(c), "end": text.index(c) + len(c), "type": "x"}
            for c in cues
        ],
    }


def test_factbank_scorer_by_hand(xml_file: Path) -> None:
    notes = RunNotes()
    first, second = list(read_items(xml_file, notes))
    scorer = FactbankScorer()
    a = first.document.text
    scorer.add(
        first,
        Prediction(
            sentence_views=[
                view(a, "The dam may fail.", True, ["may"]),
                view(a, "Engineers inspected it on Monday.", True, ["Monday"]),  # false alarm
            ]
        ),
    )
    b = second.document.text
    scorer.add(
        second,
        Prediction(
            sentence_views=[
                view(b, "Officials believe the road is safe.", True, ["believe the"]),
                view(b, "It is unclear whether rain will come.", False, []),
            ]
        ),
    )
    report = scorer.report(notes)
    s = report.scores
    # sentences: gold hedged 3 (S1.1 A, S1.1 B, S1.2 B); predicted hedged 3, right 2
    assert s["sentence.hedged_precision"] == pytest.approx(2 / 3)
    assert s["sentence.hedged_recall"] == pytest.approx(2 / 3)
    assert s["sentence.accuracy"] == pytest.approx(2 / 4)
    # cues: gold 3; predicted may (exact), Monday (wrong), "believe the" (overlap only)
    assert s["cue.exact_precision"] == pytest.approx(1 / 3)
    assert s["cue.overlap_precision"] == pytest.approx(2 / 3)
    assert s["cue.overlap_recall"] == pytest.approx(2 / 3)
    assert s["cue.overlap_recall.speculation"] == 0.0
    assert report.confusion["sentence"] == {
        "certain": {"hedged": 1},
        "hedged": {"hedged": 2, "certain": 1},
    }
    assert report.worst[0]["gold"]["cues"] == ["unclear whether"]  # missed hedges first
    assert report.n_items == 4
