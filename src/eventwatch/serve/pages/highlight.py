"""Highlighted text as plain data: runs of text, each with the claims and roles covering it.

Article text is hostile.  This module never produces markup: it cuts the text
at the offsets of the annotations into :class:`Run` s (a stretch covered by
the same events' evidence) made of :class:`Part` s (a stretch with the same
roles: actor, source, cue, ...) made of :class:`Token` s (plain text, or one
invisible control character shown by its code point).  The templates escape
every token.  Bidirectional overrides and zero-width characters are shown as
visible ``U+202E``-style labels, so they can neither reorder the page nor hide
text; the stylesheet also isolates each run's direction.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "CLAIM_PRIORITY",
    "Layer",
    "Part",
    "Run",
    "Token",
    "claim_class",
    "cut",
    "reveal",
    "tokens",
]

#: When one sentence carries several claims, the most hedged one sets its style.
CLAIM_PRIORITY = (
    "f-alleged",
    "f-denied",
    "f-negated",
    "f-hypothetical",
    "f-planned",
    "f-attributed",
    "f-asserted",
    "f-other",
)

# Bidi embeddings/overrides/isolates, zero-width space/joiner-likes, BOM, C0/C1 controls
# other than tab and newline, and the line/paragraph separators.
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e"
    "\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


@dataclass(frozen=True, slots=True)
class Token:
    """Plain text, or one invisible character (``control`` holds its label)."""

    text: str
    control: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Layer:
    """One annotation: a character range with an event, a role or both.

    Attributes:
        start: First character (offset into the text).
        end: One past the last character.
        kind: ``evidence`` (an event's sentence), ``mention`` (another sentence
            reporting it) or ``part`` (a role inside a sentence).
        event_id: The event it belongs to.
        css: CSS class: the claim's factuality class for evidence and mentions,
            ``role-actor`` etc. for parts.
        label: A short description for the tooltip.
    """

    start: int
    end: int
    kind: str
    event_id: str
    css: str
    label: str = ""


@dataclass(slots=True)
class Part:
    """A stretch of a run with the same roles."""

    tokens: list[Token]
    css: str
    label: str


@dataclass(slots=True)
class Run:
    """A stretch of text covered by the same events' evidence (none for plain text)."""

    parts: list[Part]
    events: tuple[str, ...]
    css: str
    anchors: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    start: int = 0


def tokens(text: str) -> list[Token]:
    """``text`` as tokens, each invisible control character on its own."""
    found: list[Token] = []
    position = 0
    for match in _INVISIBLE.finditer(text):
        if match.start() > position:
            found.append(Token(text[position : match.start()]))
        char = match.group()
        name = unicodedata.name(char, "control character")
        found.append(Token("", control=f"U+{ord(char):04X}", name=name))
        position = match.end()
    if position < len(text):
        found.append(Token(text[position:]))
    return found


def reveal(text: str) -> str:
    """``text`` with every invisible control character replaced by a visible ``⟨U+202E⟩``."""
    return _INVISIBLE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def claim_class(classes: Iterable[str]) -> str:
    """The style of a stretch carrying claims with these factuality classes (most hedged wins)."""
    present = set(classes)
    for css in CLAIM_PRIORITY:
        if css in present:
            return css
    return "f-other" if present else ""


def _clip(layers: Iterable[Layer], size: int) -> list[Layer]:
    kept = []
    for layer in layers:
        start, end = max(0, layer.start), min(size, layer.end)
        if start < end:
            kept.append(Layer(start, end, layer.kind, layer.event_id, layer.css, layer.label))
    return kept


def cut(text: str, layers: Sequence[Layer], *, event_order: Sequence[str] = ()) -> list[Run]:
    """Cut ``text`` into runs and parts at every annotation boundary.

    Args:
        text: The text (a document or one sentence).
        layers: Its annotations; offsets are clipped to the text.
        event_order: Event ids in display order (tags at the end of a sentence follow it).

    Returns:
        Runs covering the whole text in order; joining every token's text
        (and each control token's character) gives ``text`` back.
    """
    kept = _clip(layers, len(text))
    bounds = sorted({0, len(text), *(x.start for x in kept), *(x.end for x in kept)})
    order = {event_id: i for i, event_id in enumerate(event_order)}
    runs: list[Run] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        covering = [x for x in kept if x.start <= start and end <= x.end]
        claims = [x for x in covering if x.kind in ("evidence", "mention")]
        events = tuple(sorted({x.event_id for x in claims}, key=lambda e: (order.get(e, 0), e)))
        roles = sorted({x.css for x in covering if x.kind == "part"})
        labels = sorted({x.label for x in covering if x.kind == "part" and x.label})
        part = Part(tokens(text[start:end]), " ".join(roles), "; ".join(labels))
        if runs and runs[-1].events == events:
            runs[-1].parts.append(part)
        else:
            css = claim_class(x.css for x in claims)
            if claims and all(x.kind == "mention" for x in claims):
                css += " mention"
            runs.append(Run([part], events, css.strip(), start=start))
    for run in runs:
        run.anchors = [x.event_id for x in kept if x.kind == "evidence" and x.start == run.start]
    for index, run in enumerate(runs):
        run_end = runs[index + 1].start if index + 1 < len(runs) else len(text)
        ending = {x.event_id for x in kept if x.kind == "evidence" and x.end == run_end}
        run.ends = sorted(ending, key=lambda e: (order.get(e, 0), e))
    return runs
