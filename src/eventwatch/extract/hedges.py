"""The hedge detector: which sentences present their content as uncertain, and why.

A cue is a word (or a short phrase) that makes a claim uncertain: a modal ("may",
"could", "would"), a conditional ("if", "unless"), an open question ("whether"), a
verb or noun of belief, expectation or suspicion ("expected", "believe",
"allegations"), or an adverb or adjective of likelihood ("probably", "possible").
Each cue gets a type: ``modal``, ``condition``, ``investigation``, ``doxastic`` or
``likelihood``.  Factuality (``extract.factuality``) builds on the same words.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from eventwatch.annotate import AnnotatedDocument
from eventwatch.extract.events import iter_sentences

__all__ = ["CUE_TYPES", "hedge_cues", "sentence_views"]

CUE_TYPES = ("modal", "condition", "investigation", "doxastic", "likelihood")

_MODALS = frozenset("may might could would should".split())
_CONDITIONS = frozenset("if unless until".split())
_QUESTIONS = frozenset("whether".split())
# Verbs of belief and expectation ("hope" and "wish" are wishes, not doubts: not here).
_DOXASTIC_VERBS = frozenset(
    """
    expect think believe suspect predict forecast anticipate allege suppose rumor rumour
    speculate assume presume doubt project estimate fear reckon guess foresee
    """.split()
)
# Belief verbs that also take a predicted thing as object: "expects margins of 10%".
_PREDICTION_VERBS = frozenset("expect predict forecast foresee anticipate".split())
_SEEM_VERBS = frozenset("seem appear suggest indicate look".split())
_DOXASTIC_NOUNS = frozenset(
    """
    possibility likelihood suspicion speculation allegation allegations rumor rumors rumour
    rumours assumption prediction predictions doubt doubts belief accusation accusations
    """.split()
)
_LIKELIHOOD_WORDS = frozenset(
    """
    likely unlikely possible possibly probable probably perhaps potential potentially
    apparently apparent seemingly presumably allegedly alleged reportedly supposedly
    purportedly maybe conceivably arguably suspected expected uncertain unclear
    """.split()
)
_PHRASES = re.compile(
    r"\b(?:in all likelihood|it remains to be seen|yet to be seen|not clear|unclear whether|"
    r"looked like|looks like|looks as though|looked as though|as though|is said to|are said to|"
    r"was said to|were said to|talking about)\b",
    re.I,
)


def _conditional(token: Token) -> bool:
    """ "would" in a conditional sentence or a counterfactual ("would have")."""
    sentence = token.sent
    if any(t.lower_ in _CONDITIONS or t.lower_ == "otherwise" for t in sentence):
        return True
    return any(c.lower_ == "have" and c.dep_ == "aux" for c in token.head.children)


def _would_be(token: Token) -> bool:
    """ "would-be robbers", "their would be neighbours": "would be" as an adjective."""
    doc = token.doc
    following = doc[token.i + 1 : token.i + 3]
    if len(following) and following[0].text in {"-", "–"}:
        return True
    return (
        len(following) == 2
        and following[0].lower_ == "be"
        and following[1].pos_ in {"NOUN", "PROPN"}
        and following[1].dep_ != "attr"
        and token.head.pos_ in {"NOUN", "PROPN"}
    )


def _belief_clause(token: Token) -> bool:
    """Whether a belief verb has what is believed: a clause ("think that …", "expected
    to rise"), not a thing ("assume duties", "believe this", "as expected")."""
    lemma = token.lemma_.lower()
    if any(c.dep_ in {"ccomp", "xcomp"} for c in token.children):
        return True
    if lemma in _PREDICTION_VERBS:
        if token.i > 0 and token.nbor(-1).lower_ in {"as", "than", "-"}:
            return False  # "as expected", "lower-than-expected"
        return any(c.dep_ in {"dobj", "prep", "npadvmod"} for c in token.children)
    return lemma in {"suspect", "allege", "rumor", "rumour", "speculate", "doubt"}


def _accusation(token: Token) -> bool:
    """ "accused of …", "charges that she lied": a claim, not a fact ("a $5m charge" is not)."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma == "accuse":
        return True
    if token.pos_ == "NOUN" and lemma == "charge":
        return any(
            c.dep_ in {"acl", "ccomp"} and any(g.lower_ == "that" for g in c.children)
            for c in token.children
        )
    return False


def _cue_type(token: Token) -> str | None:
    """The type of hedge a token is, or ``None``."""
    lower = token.lower_
    lemma = token.lemma_.lower()
    if token.tag_ == "MD" and lower in _MODALS:
        if lower == "would" and _would_be(token):
            return None
        if token.head.lemma_.lower() == "reach" and any(
            c.dep_ == "auxpass" for c in token.head.children
        ):
            return None  # "could not be reached for comment"
        if any(c.dep_ == "neg" for c in token.head.children) and lower in {"could", "would"}:
            return None  # "could not", "would not": a refusal or inability, stated as fact
        if lower == "would" and not _conditional(token) and token.head.lemma_.lower() != "be":
            return None  # "said it would raise prices": a reported plan, not a hedge ("would be" stays one)
        return "modal"
    if lower in _CONDITIONS and token.dep_ == "mark":
        return "condition"
    if lower in _QUESTIONS and token.dep_ in {"mark", "advmod", "nsubj", "dobj"}:
        return "investigation"
    if token.pos_ == "VERB" and lemma in _DOXASTIC_VERBS:
        # "estimated 40 people", "assume duties", "as expected": not a belief
        return "doxastic" if _belief_clause(token) else None
    if _accusation(token):
        return "doxastic"
    if token.pos_ in {"VERB", "AUX"} and lemma in _SEEM_VERBS:
        if any(c.dep_ in {"ccomp", "xcomp", "acomp", "attr", "oprd"} for c in token.children):
            return "likelihood"
        return None
    if token.pos_ == "NOUN" and lower in _DOXASTIC_NOUNS:
        return "doxastic"
    if (
        token.pos_ == "VERB"
        and lemma == "question"
        and any(c.dep_ == "ccomp" for c in token.children)
    ):
        return "investigation"  # "analysts questioned how much …"
    if lower in _LIKELIHOOD_WORDS and token.pos_ in {"ADJ", "ADV", "VERB"}:
        if lower == "expected" and token.dep_ == "amod":
            return None
        return "likelihood"
    return None


def hedge_cues(sentence: Span, offset: int = 0) -> list[dict[str, Any]]:
    """Every hedge cue in a sentence, with its type and document offsets."""
    cues: list[dict[str, Any]] = []
    taken: set[int] = set()
    for match in _PHRASES.finditer(sentence.text):
        start = offset + sentence.start_char + match.start()
        cues.append(
            {
                "text": match.group(0),
                "start": start,
                "end": start + len(match.group(0)),
                "type": "likelihood",
            }
        )
        taken.update(range(start, start + len(match.group(0))))
    for token in sentence:
        start = offset + token.idx
        if start in taken:
            continue
        kind = _cue_type(token)
        if kind is not None:
            cues.append(
                {"text": token.text, "start": start, "end": start + len(token.text), "type": kind}
            )
    cues.sort(key=lambda c: c["start"])
    return cues


def sentence_views(adoc: AnnotatedDocument) -> list[dict[str, Any]]:
    """The hedge detector's view of every sentence: ``{"doc_id", "start", "end", "hedged", "cues"}``."""
    views = []
    for offset, _paragraph, sentence in iter_sentences(adoc):
        text = sentence.text
        if not text.strip():
            continue
        lead = len(text) - len(text.lstrip())
        cues = hedge_cues(sentence, offset)
        views.append(
            {
                "doc_id": adoc.document.id,
                "start": offset + sentence.start_char + lead,
                "end": offset + sentence.start_char + len(text.rstrip()),
                "hedged": bool(cues),
                "cues": cues,
            }
        )
    return views
