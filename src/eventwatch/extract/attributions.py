"""Who says what: attribution spans (source, cue, content), PolNeAR-style.

Every reporting or belief verb with a subject and a clausal complement ("The Post has
learned that …", "… , sources said", "officials believe …") and every "according
to X" gives one attribution.  Offsets are document offsets; ``event_ids`` lists the
events whose evidence sentence overlaps the content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span, Token

from eventwatch.annotate import AnnotatedDocument
from eventwatch.extract.cues import ANONYMOUS_HEADS, REPORTING_VERBS
from eventwatch.extract.events import iter_sentences
from eventwatch.model import EventRecord

__all__ = ["ATTRIBUTION_VERBS", "attribution_spans"]

# Reporting verbs plus verbs of knowing, believing and wanting that PolNeAR-style
# annotation treats as attribution cues.
ATTRIBUTION_VERBS = REPORTING_VERBS | frozenset(
    """
    learn believe think argue insist predict acknowledge deny accuse ask urge vow promise
    want hope fear worry feel know expect estimate show find conclude contend concede
    recall complain boast charge question doubt assure reply respond suggest allege call cite
    agree plan support oppose demand pledge tout praise criticize criticise blast slam emphasize
    emphasise reiterate repeat signal hint dispute reject forecast project characterize label dub
    term vow warn threaten promise
    """.split()
)
_CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
# Verbs whose object can be the thing said: "reported her presence", "cited the poll".
_OBJECT_CUES = frozenset(
    "report cite claim announce reveal tweet post publish call label dub describe characterize".split()
)
# "PENCE: …", "WALLACE: …" at the start of a line (a speaker label in a transcript).
_SPEAKER = re.compile(
    r"^\W{0,2}([A-Z][A-Z.'’ -]{1,30}[A-Z]|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}):\s+\S"
)
# Nouns that carry what somebody says or believes: "Trump's claim that …"
_SAYING_NOUNS = frozenset(
    "claim claims statement assertion allegation allegations argument warning promise pledge view "
    "belief accusation accusations charge insistence contention suggestion demand call".split()
)
_EDGE_PUNCT = "\"“”‘’'«», ;:—–-"


def _trimmed(span: Span) -> tuple[int, int] | None:
    """Character bounds of a span without surrounding quotes and punctuation."""
    text = span.text
    left = len(text) - len(text.lstrip(_EDGE_PUNCT + " \n"))
    right = len(text.rstrip(_EDGE_PUNCT + " \n"))
    if right <= left:
        return None
    return span.start_char + left, span.start_char + right


def _part(span: Span, offset: int) -> dict[str, Any] | None:
    bounds = _trimmed(span)
    if bounds is None:
        return None
    start, end = bounds
    return {"start": offset + start, "end": offset + end, "text": span.doc.text[start:end]}


def _subtree(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _cue_span(verb: Token) -> Span:
    """The verb with its auxiliaries and negation on the left: "has learned", "did not say"."""
    start = verb.i
    for child in sorted(verb.children, key=lambda c: -c.i):
        if child.i == start - 1 and child.dep_ in {"aux", "auxpass", "neg"}:
            start = child.i
    return verb.doc[start : verb.i + 1]


def _anonymous(source: Span) -> bool:
    head = source.root
    named = any(t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in source)
    return head.lemma_.lower() in ANONYMOUS_HEADS and not named


def _from_verb(
    verb: Token, offset: int, previous: tuple[int, Span] | None
) -> dict[str, Any] | None:
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if (
        subject is None
        and verb.dep_ in {"advcl", "xcomp", "conj"}
        and verb.tag_ in {"VBG", "VBN", "VB", "VBD", "VBZ"}
    ):
        # "…, saying that …", "and added that …": the speaker is the subject of the clause above
        subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in {"that", "which", "what"}:
        return None
    content = next((c for c in verb.children if c.dep_ in _CONTENT_DEPS), None)
    if (
        content is None
        and verb.dep_ in {"parataxis", "advcl"}
        and verb.head.pos_ in {"VERB", "AUX"}
    ):
        content = verb.head  # '"We will not retreat," the minister said, …'
    if content is None:
        content = next(
            (c for c in verb.children if c.dep_ == "xcomp"), None
        )  # "tells supporters to …"
    if content is None and verb.lemma_.lower() in _OBJECT_CUES:
        content = next(
            (c for c in verb.children if c.dep_ == "dobj"), None
        )  # "reported her presence"
    content_span: Span | None = _subtree(content) if content is not None else None
    content_offset = offset
    if content is not None and verb.head is content:
        content_span = verb.doc[content.left_edge.i : verb.left_edge.i]
    if content_span is None and previous is not None and _ends_in_quote(previous[1]):
        content_offset, content_span = previous  # '"… our country?" he asks.' after the quote
    if content_span is None:
        return None
    source_span = _subtree(subject)
    return {
        "source": _part(source_span, offset),
        "cue": _part(_cue_span(verb), offset),
        "content": _part(content_span, content_offset),
        "anonymous": _anonymous(source_span),
    }


def _ends_in_quote(sentence: Span) -> bool:
    return sentence.text.rstrip()[-1:] in {"”", '"', "’"}


def _speaker_label(sentence: Span, offset: int) -> dict[str, Any] | None:
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
            "start": base + match.end(),
            "end": base + len(sentence.text.rstrip()),
            "text": sentence.text[match.end() :].rstrip(),
        },
        "anonymous": False,
    }


def _from_noun(noun: Token, offset: int) -> dict[str, Any] | None:
    """ "Trump's claim that there have been thousands of shootings": possessor, noun, clause."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next(
            (
                g
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ in {"by", "from"}
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    content = next(
        (
            c
            for c in noun.children
            if c.dep_ in {"acl", "ccomp"} and any(g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    if owner is None or content is None:
        return None
    source_span = _subtree(owner)
    return {
        "source": _part(source_span, offset),
        "cue": _part(noun.doc[noun.i : noun.i + 1], offset),
        "content": _part(_subtree(content), offset),
        "anonymous": _anonymous(source_span),
    }


def _from_according(prep: Token, offset: int) -> dict[str, Any] | None:
    to = next((c for c in prep.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    clause = prep.head
    doc = prep.doc
    source_span = _subtree(source)
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    pieces = [doc[start : prep.left_edge.i], doc[prep.right_edge.i + 1 : end]]
    content = max(pieces, key=len)
    return {
        "source": _part(source_span, offset),
        "cue": _part(doc[prep.i : to.i + 1], offset),
        "content": _part(content, offset) if len(content) else None,
        "anonymous": _anonymous(source_span),
    }


def attribution_spans(
    adoc: AnnotatedDocument, events: Iterable[EventRecord] = ()
) -> list[dict[str, Any]]:
    """Every attribution in a document, in text order.

    Args:
        adoc: the parsed document.
        events: its event records, to link each attribution to the events it covers.

    Returns:
        ``{"doc_id", "source", "cue", "content", "anonymous", "event_ids"}`` objects;
        ``source``/``cue``/``content`` are ``{"start", "end", "text"}`` or ``None``.
    """
    events = list(events)
    found: list[dict[str, Any]] = []
    previous: tuple[int, Span] | None = None
    for offset, _paragraph, sentence in iter_sentences(adoc):
        candidates: list[dict[str, Any] | None] = [_speaker_label(sentence, offset)]
        for token in sentence:
            if token.pos_ == "VERB" and token.lemma_.lower() in ATTRIBUTION_VERBS:
                candidates.append(_from_verb(token, offset, previous))
            elif token.lower_ == "according" and token.dep_ == "prep":
                candidates.append(_from_according(token, offset))
            elif token.pos_ == "NOUN" and token.lemma_.lower() in _SAYING_NOUNS:
                candidates.append(_from_noun(token, offset))
        previous = (offset, sentence)
        for item in candidates:
            if item is None or item["source"] is None:
                continue
            content = item["content"]
            item["event_ids"] = [
                e.id
                for e in events
                if content is not None
                and any(
                    ev.start < content["end"] and content["start"] < ev.end
                    for ev in [e.evidence, *e.mentions]
                )
            ]
            item["doc_id"] = adoc.document.id
            found.append(
                {
                    key: item[key]
                    for key in ("doc_id", "source", "cue", "content", "anonymous", "event_ids")
                }
            )
    return found
