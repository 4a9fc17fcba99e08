"""The attribution and hedge views that factuality builds on (``extract --format attributions|sentences``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwatch.cli import main
from eventwatch.config import Settings
from eventwatch.model import Document
from eventwatch.pipeline import process_documents


def views_of(text: str):
    [processed] = list(
        process_documents(
            [Document("v", text, published="2025-05-02")], settings=Settings(), views=True
        )
    )
    return processed


@pytest.mark.parametrize(
    ("sentence", "hedged", "cue"),
    [
        ("The talks may resume next week.", True, "may"),
        ("Officials believe the convoy was attacked by militants.", True, "believe"),
        ("It is unclear whether the minister will resign.", True, "unclear whether"),
        ("If the army moves in, the capital could fall.", True, "If"),
        ("The rebels are probably regrouping near the border.", True, "probably"),
        ("Police arrested nine people on Friday.", False, None),
        ("The company said it would raise prices in June.", False, None),
        ("The mayor could not attend the ceremony.", False, None),
    ],
)
def test_views_hedge_detector(sentence: str, hedged: bool, cue: str | None) -> None:
    [view] = views_of(sentence).sentence_views
    assert view["hedged"] is hedged
    if cue:
        assert cue in [c["text"] for c in view["cues"]]
        first = next(c for c in view["cues"] if c["text"] == cue)
        assert sentence[first["start"] : first["end"]] == cue


def test_views_attribution_spans_source_cue_content() -> None:
    text = "The interior ministry said that police had detained 14 protesters in Tbilisi."
    processed = views_of(text)
    [item] = processed.attributions
    assert item["source"]["text"] == "The interior ministry"
    assert item["cue"]["text"] == "said"
    assert item["content"]["text"].startswith("that police had detained")
    for part in ("source", "cue", "content"):
        span = item[part]
        assert text[span["start"] : span["end"]] == span["text"]
    assert item["event_ids"] == [processed.events[0].id]
    assert item["anonymous"] is False


@pytest.mark.parametrize(
    ("text", "source", "cue", "anonymous"),
    [
        (
            '"We will not leave the square," a protest organiser said.',
            "a protest organiser",
            "said",
            True,
        ),
        (
            "According to two officials, the cabinet will meet on Monday.",
            "two officials",
            "according to",
            True,
        ),
        ("WALLACE: Let me ask you about the debate.", "WALLACE", ":", False),
        ('"Where is the money?" he asks.', "he", "asks", False),
    ],
)
def test_views_attribution_shapes(text: str, source: str, cue: str, anonymous: bool) -> None:
    found = views_of(text).attributions
    assert any(
        a["source"]["text"] == source
        and a["cue"]["text"].lower() == cue
        and a["anonymous"] is anonymous
        for a in found
    ), found


def test_views_cli_formats(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Officials said the vote may be delayed. Police arrested two men.", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["extract", "--format", "sentences", str(path)])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["hedged"] for r in rows] == [True, False]
    result = CliRunner().invoke(main, ["extract", "--format", "attributions", str(path)])
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(row) == {"doc_id", "source", "cue", "content", "anonymous", "event_ids"}
