"""clean_text: page furniture goes, article sentences stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.ingest import clean_text

from .conftest import SHARED

OPENING = (
    "The governor of the northern province declared a state of emergency on Monday after "
    "three nights of clashes between police and residents of the mining town of Korvel."
)
CLOSING = (
    "Local officials said schools in the town would stay closed until the end of the week, "
    "and that the regional parliament would meet in an emergency session on Wednesday to "
    "discuss the situation."
)


def _around(line: str) -> str:
    """A line between two long paragraphs (so only the cue lexicon can drop it)."""
    return f"{OPENING}\n\n{line}\n\n{CLOSING}"


@pytest.mark.parametrize(
    "line",
    [
        "Leave a comment",
        "Yorum gönder",
        "Kommentar schreiben",
        "Laisser un commentaire",
        "Deja un comentario",
        "Оставить комментарий",
        "Comments (12)",
        "• Comment on articles",
        "Share this article",
        "Share | Tweet | Email",
        "Follow us on Telegram",
        "Subscribe to our newsletter",
        "Sign up for our daily briefing newsletter",
        "Already a subscriber? Log in",
        "Read more",
        "Read more: Parliament approves the new budget",
        "About the writer",
        "By Anna Petrova and Jon Ruiz",
        "Advertisement",
        "Do you have a story we should be covering? Write to the newsroom.",
        "To see how we correct mistakes, click here.",
        "© 2025 Meridian Media",
        "Copyright 2024 Velgrad Wire. All rights reserved.",
        "This website uses cookies to give you the best experience.",
        "• Ad-free browsing on every device",
        "Topics: Dravonia, security, protests",
    ],
)
def test_furniture_cue_lines_are_dropped_anywhere(line: str) -> None:
    assert clean_text(_around(line)) == f"{OPENING}\n\n{CLOSING}"


@pytest.mark.parametrize(
    "line",
    [
        "The newsletter of the banned party called for a general strike.",
        "Comments by the minister angered opposition deputies.",
        "By the end of June, most of the troops had left the region.",
        "Related protests broke out in two other cities.",
        "Many residents follow opposition bloggers on Telegram.",
        "Reply from the ministry came two days later.",
        "Copyright law was amended by parliament last year.",
        "The detained man is a reporter based in Korvel, his employer said.",
        "Subscribers to the channel were questioned by police.",
    ],
)
def test_furniture_article_sentences_are_kept(line: str) -> None:
    assert clean_text(_around(line)) == _around(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("\n\n  \n", ""),
        ("Leave a comment\n© 2025 Meridian Media", ""),
        ("One  line\twith\u00a0odd   spacing.  ", "One line with odd spacing."),
        ("First paragraph.\r\n\r\n\r\nSecond paragraph.", "First paragraph.\n\nSecond paragraph."),
        ("Headline\nFirst line.\nSecond line.", "Headline\nFirst line.\nSecond line."),
        ("Same line.\n\nOther line.\n\nSame line.", "Same line.\n\nOther line."),
        ("zero\u200bwidth and soft\u00adhyphen", "zerowidth and softhyphen"),
    ],
)
def test_furniture_whitespace_and_repeats(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_furniture_trailing_block_takes_unlabelled_lines() -> None:
    text = f"{OPENING}\n\nLeave a comment\nThe Korvel Courier\nIndependent since 1991."
    assert clean_text(text) == OPENING


def test_furniture_trailing_only_cue_is_dropped_at_the_end() -> None:
    bio = "Mara Lind is a correspondent based in Korvel."
    assert clean_text(f"{OPENING}\n\n{bio}") == OPENING
    assert clean_text(_around(bio)) == _around(bio)


def test_furniture_short_closing_paragraphs_without_furniture_are_kept() -> None:
    text = f"{OPENING}\n\nTwo people were hurt.\n\nPolice made no arrests.\n\nThe town is calm."
    assert clean_text(text) == text


def test_furniture_trailing_block_stops_at_a_run_of_plain_lines() -> None:
    short = ["Two people were hurt.", "Police made no arrests.", "The town is calm."]
    text = "\n\n".join([OPENING, "Read more", *short, "Leave a comment"])
    assert clean_text(text) == "\n\n".join([OPENING, *short])


def test_furniture_fixture_matches_expected(fixtures: Path) -> None:
    raw = (fixtures / "furniture_article.txt").read_text(encoding="utf-8")
    expected = (fixtures / "furniture_article.expected.txt").read_text(encoding="utf-8")
    assert clean_text(raw) == expected


def test_furniture_is_idempotent(fixtures: Path) -> None:
    once = clean_text((fixtures / "furniture_article.txt").read_text(encoding="utf-8"))
    assert clean_text(once) == once


SEEDS = SHARED / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_furniture_seed_news_page_ends_with_last_paragraph() -> None:
    raw = (SEEDS / "000_cd40a9a812a20dfa.txt").read_text(encoding="utf-8")
    last_paragraph = next(line for line in raw.splitlines() if "seven-year" in line).strip()
    cleaned = clean_text(raw)
    assert cleaned.endswith(last_paragraph)
    assert "Read more" not in cleaned
    assert "Comment on articles" not in cleaned


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_furniture_seed_blog_post_ends_with_signature() -> None:
    stem = SEEDS / "003_9e42613316378326"
    raw = stem.with_suffix(".txt").read_text(encoding="utf-8")
    author = json.loads(stem.with_suffix(".meta.json").read_text(encoding="utf-8"))["author"]
    cleaned = clean_text(raw)
    lines = cleaned.splitlines()
    assert lines[-1].startswith(author)
    raw_lines = [line for line in raw.splitlines() if line.strip()]
    assert len(lines) == len(raw_lines) - 1  # only the comment button went
