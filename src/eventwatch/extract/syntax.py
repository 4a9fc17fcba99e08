"""Small helpers over spaCy parses: phrase spans, clause paths, numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

__all__ = [
    "NAMED_LABELS",
    "clause_path",
    "number_value",
    "phrase_span",
    "subject_of",
]

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_KEEP_LEFT = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case"})
_KEEP_LEFT |= {"advmod", "npadvmod", "predet", "punct"}
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "ROOT", "csubj"})
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12, "a hundred": 100,
}  # fmt: skip
_SCALES = {"thousand": 1_000, "million": 1_000_000, "hundred": 100, "dozen": 12}


def number_value(token: Token) -> int | None:
    """The integer a number token stands for ("Five" → 5, "3,000" → 3000), else ``None``."""
    text = token.text.lower().replace(",", "")
    value: int | None = None
    if re.fullmatch(r"\d+", text):
        value = int(text)
    elif text in _NUMBER_WORDS:
        value = _NUMBER_WORDS[text]
    elif "-" in text:
        parts = text.split("-")
        if all(p in _NUMBER_WORDS for p in parts):
            value = sum(_NUMBER_WORDS[p] for p in parts)
    if value is None:
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if (
        nxt is not None
        and nxt.lower_ in _SCALES
        and nxt.head == token
        or (nxt is not None and nxt.lower_ in {"thousand", "million"})
    ):
        value *= _SCALES[nxt.lower_]
    return value


def _entity_bounds(token: Token) -> tuple[int, int] | None:
    if token.ent_type_ in NAMED_LABELS:
        doc = token.doc
        start = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = token.i
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        return start, end
    return None


def phrase_span(head: Token, *, max_tokens: int = 14) -> Span:
    """The noun phrase headed by ``head``: modifiers, "of"-complements, whole entities.

    Relative clauses, appositions and other clauses are left out, so "a group that
    had plans to …" gives "a group".
    """
    lo = hi = head.i
    bounds = _entity_bounds(head)
    if bounds:
        lo, hi = bounds
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            keep = child.dep_ in _KEEP_LEFT and child.i < head.i
            if child.dep_ == "prep" and child.lower_ in {"of", "from"} and child.i > token.i:
                keep = True
            if child.dep_ == "pobj" and token.dep_ == "prep":
                keep = True
            if child.dep_ in {"compound", "amod", "nummod", "flat", "poss"} and child.i > token.i:
                keep = True
            if child.dep_ == "case":
                keep = True
            if keep:
                stack.append(child)
                lo, hi = min(lo, child.i), max(hi, child.i)
                child_bounds = _entity_bounds(child)
                if child_bounds:
                    lo, hi = min(lo, child_bounds[0]), max(hi, child_bounds[1])
    doc = head.doc
    while lo < head.i and (doc[lo].is_punct and doc[lo].text not in '“"' or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > head.i and (doc[hi].is_punct or doc[hi].dep_ in {"cc", "prep"}):
        hi -= 1
    if hi - lo + 1 > max_tokens:
        if bounds:
            lo, hi = bounds
        else:
            lo = max(lo, head.i - max_tokens + 1)
            hi = min(hi, lo + max_tokens - 1)
    return doc[lo : hi + 1]


def clause_path(token: Token) -> Iterator[tuple[Token, str]]:
    """Walk from ``token`` to the root: yields each ancestor and the dependency crossed."""
    current = token
    steps = 0
    while current.head is not current and steps < 30:
        yield current.head, current.dep_
        current = current.head
        steps += 1


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, following xcomp/conj/relcl links upward."""
    current = verb
    for _ in range(5):
        for child in current.children:
            if child.dep_ in {"nsubj", "csubj"}:
                if child.lower_ in {"that", "who", "which"} and current.dep_ == "relcl":
                    return current.head
                return child
        if current.dep_ in {"xcomp", "conj", "acl", "advcl"} and current.head is not current:
            if current.dep_ == "acl" and current.head.pos_ in {"NOUN", "PROPN"}:
                return None
            current = current.head
            continue
        if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head
        return None
    return None


def is_clause_boundary(dep: str) -> bool:
    return dep in _CLAUSE_DEPS
