"""extract_html and fragment_to_text."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.ingest import extract_html
from eventwatch.ingest.html import fragment_to_text, looks_like_markup


def test_html_extracts_text_and_metadata(fixtures: Path) -> None:
    page = (fixtures / "article.html").read_text(encoding="utf-8")
    text, metadata = extract_html(page, url="https://ledger.example/world/army-chief")
    assert metadata == {
        "title": "Army chief replaced in Dravonia",
        "author": "Tomas Reyna",
        "url": "https://ledger.example/world/army-chief",
        "outlet": "The Meridian Ledger",
        "published": "2025-03-10",
        "language": "en",
    }
    paragraphs = text.split("\n")
    assert paragraphs[0] == "Army chief replaced in Dravonia"
    assert len(paragraphs) == 6
    for furniture in ("Home", "Most read", "Weather warning", "Leave a comment", "Privacy"):
        assert furniture not in text


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   ",
        "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>",
        "<html><head><script>var a = 1;</script></head><body></body></html>",
    ],
    ids=["empty", "blank", "navigation only", "script only"],
)
def test_html_without_article_text_gives_empty_text(page: str) -> None:
    text, _ = extract_html(page)
    assert text == ""


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("Plain text stays as it is.", "Plain text stays as it is."),
        ("<p>First.</p><p>Second.</p>", "First.\n\nSecond."),
        ("Line one<br>line two", "Line one\nline two"),
        ("<p>Kept.</p><script>dropped()</script><style>p{}</style>", "Kept."),
        ("<ul><li>One</li><li>Two</li></ul>", "One\n\nTwo"),
        ("<p>Caf&eacute; &amp; bar</p>", "Café & bar"),
    ],
)
def test_html_fragment_to_text(fragment: str, expected: str) -> None:
    lines = [" ".join(line.split()) for line in fragment_to_text(fragment).split("\n")]
    collapsed = "\n".join(lines).strip()
    while "\n\n\n" in collapsed:
        collapsed = collapsed.replace("\n\n\n", "\n\n")
    assert collapsed == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("<p>x</p>", True), ("a <b>bold</b> claim", True), ("3 < 5 and 7 > 2", False), ("", False)],
)
def test_html_looks_like_markup(text: str, expected: bool) -> None:
    assert looks_like_markup(text) is expected
