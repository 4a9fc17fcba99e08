"""What extraction finds in one sentence, before resolution gives it names and places."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

__all__ = ["Argument", "EventMention", "RawAttribution", "argument_from_span"]


@dataclass(slots=True)
class Argument:
    """A participant or place as written: text, document offsets and parse facts."""

    text: str
    start: int
    end: int
    head_lemma: str
    label: str | None = None  # spaCy entity label of the head, if any
    modifiers: list[str] = field(default_factory=list)  # NORP/GPE words inside ("Kyrgyz")
    is_pronoun: bool = False
    name: str | None = None  # the proper name the phrase refers to, when the parse shows one


@dataclass(slots=True)
class RawAttribution:
    source: Argument | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    via: list[str] = field(default_factory=list)
    anonymous: bool = False
    hedged: bool = False


@dataclass(slots=True)
class EventMention:
    """One event found in one sentence."""

    doc_id: str
    sentence_index: int
    paragraph_index: int
    sentence: tuple[int, int, str]
    trigger: tuple[int, int, str]
    event_type: str
    mode: str | None
    acled: tuple[str, str] | None
    weight: float
    actor: Argument | None = None
    recipient: Argument | None = None
    places: list[Argument] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    factuality: str = "asserted"
    attribution: RawAttribution = field(default_factory=RawAttribution)
    contexts: list[str] = field(default_factory=list)
    definite: bool = False  # "the riots": points back to an event already mentioned
    date_scope: list[tuple[int, int]] = field(
        default_factory=list
    )  # where this event's date may stand
    topic: bool = False  # what another event is about ("protest against the arrest")
    depth: int = 0  # how deep the trigger sits below its sentence's root
    background: bool = False  # named in passing inside a phrase ("the already arrested head")
    carrier_via: list[str] = field(default_factory=list)  # "reports of the coup came via X"
    trigger_token: Token | None = None


def argument_from_span(span: Span, offset: int) -> Argument:
    """Build an :class:`Argument` from a phrase span of a chunk starting at ``offset``."""
    head = span.root
    modifiers = [t.text for t in span if t.ent_type_ in {"NORP", "GPE"} and t.i != head.i]
    return Argument(
        text=span.text,
        start=offset + span.start_char,
        end=offset + span.end_char,
        head_lemma=head.lemma_.lower(),
        label=head.ent_type_ or None,
        modifiers=modifiers,
        is_pronoun=head.pos_ == "PRON",
    )
