"""Attributions found in the surface of the text, and the univocal rule.

Transcript labels ("PENCE: …"), a name and a colon before a quote ("- Jane Doe:
“…”"), dash credits after a quote ("“…” ― Jane Doe"), quotation regions, and the
rule that an attribution nested in a quotation or in another attribution's content
is part of that content (PolNeAR annotations are univocal).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span

__all__ = ["colon_quotes", "dash_credits", "quoted_regions", "speaker_label", "univocal"]

# "PENCE: …", "WALLACE: …" at the start of a line (a speaker label in a transcript).
_SPEAKER = re.compile(
    r"^\W{0,2}([A-Z][A-Z.'’ -]{1,30}[A-Z]|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}):\s+\S"
)
# A credit after a quote: '“…” ― Jane Doe' or '" -- John Smith, Ohio'.
_DASH_CREDIT = re.compile(
    r"[”\"]\s*(―|—|–|--)\s*((?:[A-Z][\w.'’-]*)(?:[ \u00a0](?:[A-Z][\w.'’-]*|de|da|van|von|del|la|bin|al))*)"
)
# A name and a colon before a quote, inside a line: '- Jane Doe: “…”', 'More from the report: "…"'.
_COLON_QUOTE = re.compile(
    r"(?:^|[-–—]\s|\bfrom\s)((?:[Tt]he\s)?[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|and|of|report|study|poll|survey)){0,5}):\s*[“\"]",
    re.M,
)
# Quotation marks: curly doubles, straight doubles and the `` … '' of some wires.
_QUOTE_MARK = re.compile(r"“|”|\"|``|''")


def speaker_label(sentence: Span, offset: int) -> dict[str, Any] | None:
    """Transcript lines and colon quotes: 'PENCE: Well, look, …' or 'The Times reports: …'."""
    match = _SPEAKER.match(sentence.text)
    if match is None:
        return None
    base = offset + sentence.start_char
    colon = base + match.end(1)
    return {
        "source": {"start": base + match.start(1), "end": colon, "text": match.group(1)},
        "cue": {"start": colon, "end": colon + 1, "text": ":"},
        "content": {
            "start": base + match.end() - 1,
            "end": base + len(sentence.text.rstrip()),
            "text": sentence.text[match.end() - 1 :].rstrip(),
        },
        "anonymous": False,
    }


def dash_credits(text: str) -> list[dict[str, Any]]:
    """Credits after a quote: '“We need jobs.” ― Jane Doe' (source Jane Doe, cue the dash)."""
    found = []
    for match in _DASH_CREDIT.finditer(text):
        name = match.group(2).rstrip(".")
        if not name:
            continue
        found.append(
            {
                "source": {
                    "start": match.start(2),
                    "end": match.start(2) + len(name),
                    "text": name,
                },
                "cue": {"start": match.start(1), "end": match.end(1), "text": match.group(1)},
                "content": None,
                "anonymous": False,
            }
        )
    return found


def colon_quotes(text: str) -> list[dict[str, Any]]:
    """'- Jane Doe: “…”': a name with a colon before a quote, inside a line."""
    found = []
    for match in _COLON_QUOTE.finditer(text):
        start, end = match.span(1)
        found.append(
            {
                "source": {"start": start, "end": end, "text": match.group(1)},
                "cue": {"start": end, "end": end + 1, "text": ":"},
                "content": None,
                "anonymous": False,
            }
        )
    return found


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, paragraph by paragraph.

    A quote left open at the end of a paragraph runs to its end (the convention for
    quotes that go on over several paragraphs).
    """
    regions: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        opened: int | None = None
        for match in _QUOTE_MARK.finditer(paragraph):
            mark = match.group(0)
            if opened is None and mark != "”":
                opened = match.end()
            elif opened is not None and mark not in {"“", "``"}:
                regions.append((start + opened, start + match.start()))
                opened = None
        if opened is not None:
            regions.append((start + opened, start + len(paragraph)))
        start += len(paragraph) + 1
    return regions


def _inside(span: dict[str, Any] | None, regions: Iterable[tuple[int, int]]) -> bool:
    """Whether a ``{"start", "end"}`` span lies within one of the regions."""
    if span is None:
        return False
    return any(a <= span["start"] and span["end"] <= b for a, b in regions)


def _bounds(span: dict[str, Any] | None) -> list[tuple[int, int]]:
    """A ``{"start", "end"}`` span as a list of one region (none for ``None``)."""
    return [] if span is None else [(span["start"], span["end"])]


def univocal(found: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Drop attributions nested in a quotation or in another attribution's content.

    "The coach said he thinks …": "thinks" is part of what the coach said.  Of two
    attributions whose contents hold each other's cue, both stay.
    """
    quotes = quoted_regions(text)
    kept = []
    for item in found:
        if _inside(item["cue"], quotes):
            continue
        outer = [
            region
            for other in found
            if other is not item and not _inside(other["cue"], _bounds(item["content"]))
            for region in _bounds(other["content"])
        ]
        if not _inside(item["cue"], outer):
            kept.append(item)
    return kept
