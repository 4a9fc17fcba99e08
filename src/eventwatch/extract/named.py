"""Every named mention of a document, with the office a person is said to hold.

Event arguments name only the participants of events; entity resolution needs
every person, organisation and place the text names, with character offsets,
so that "Japarov" in one report and "President Sadyr Japarov" in another can be
joined.  For people, the office the text gives is read off the same noun
phrase: a title before the name ("the new speaker Marlen Mamataliev",
"Interior Minister Ulan Niyazbekov") or an apposition after it ("Imamidin
Tashov, a former presidential candidate").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["NAMED_LABELS", "NamedSpan", "OfficeMention", "named_spans", "office_status"]

#: spaCy entity labels kept as named mentions.
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})

#: Head words of an office ("minister", "speaker", "candidate").
OFFICE_WORDS = frozenset(
    """president vice-president president-elect premier minister speaker deputy governor mayor
    ambassador envoy chairman chairwoman chairperson chair head chief director commander general
    colonel lieutenant judge prosecutor prosecutor-general attorney-general senator lawmaker
    legislator mp candidate leader secretary spokesman spokeswoman spokesperson adviser advisor
    king queen emir sultan chancellor ombudsman governor-general founder member officer
    inspector mufti imam bishop patriarch rector editor editor-in-chief presenter coach
    representative commissioner administrator councillor councilor sheriff marshal admiral""".split()
)
_FORMER = frozenset({"former", "ex", "ex-", "late", "then", "outgoing", "erstwhile", "previous"})
_NEW = frozenset({"new", "newly", "incoming", "appointed", "elected", "designate", "nominated"})
_ACTING = frozenset({"acting", "interim", "caretaker", "provisional"})
_QUALIFIERS = _FORMER | _NEW | _ACTING | {"current", "sitting", "incumbent", "longtime", "veteran"}
_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "det", "poss", "nummod", "npadvmod", "punct"})
_MAX_TITLE_WORDS = 8


@dataclass(frozen=True, slots=True)
class OfficeMention:
    """An office a person is said to hold: ``title`` ("interior minister") and ``status``.

    ``status`` is ``"current"``, ``"new"`` (just appointed or elected),
    ``"acting"`` or ``"former"``; ``text`` is the phrase as written.
    """

    title: str
    status: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "status": self.status, "text": self.text}


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """A named mention: document character offsets, text, spaCy label, and a person's office."""

    start: int
    end: int
    text: str
    label: str
    office: OfficeMention | None = None


def office_status(words: list[str]) -> str:
    """ "former", "new", "acting" or "current", from the qualifiers of a title."""
    lowered = {w.lower().rstrip("-") for w in words} | {w.lower() for w in words}
    if lowered & _FORMER:
        return "former"
    if lowered & _ACTING:
        return "acting"
    if lowered & _NEW:
        return "new"
    return "current"


def _title(tokens: list[Any], offset: int) -> OfficeMention | None:
    """An office from the tokens of a title phrase, or None if it names no office."""
    words = [t for t in tokens if t.text not in {",", "'s"}]
    while words and (words[0].dep_ in {"det", "poss"} or words[0].ent_type_ in {"NORP", "GPE"}):
        words = words[1:]  # "the Kyrgyz President": article and nationality are not the title
    if not words or len(words) > _MAX_TITLE_WORDS:
        return None
    if not any(t.lower_ in OFFICE_WORDS or t.lemma_.lower() in OFFICE_WORDS for t in words):
        return None
    status = office_status([t.text for t in words])
    title_words = [
        t.text
        if t.ent_type_ in {"ORG", "GPE", "NORP", "LOC", "FAC"} and t.i > words[0].i
        else t.lower_
        for t in words
        if t.lower_.rstrip("-") not in _QUALIFIERS
    ]
    title = " ".join(title_words).strip(" ,")
    if not title:
        return None
    first, last = tokens[0], tokens[-1]
    start = offset + first.idx
    end = offset + last.idx + len(last.text)
    return OfficeMention(
        title=title,
        status=status,
        text=first.doc.text[first.idx : last.idx + len(last.text)],
        start=start,
        end=end,
    )


def _left_title(ent: Any, offset: int) -> OfficeMention | None:
    """ "the new speaker Marlen Mamataliev": the title words before a name."""
    doc = ent.doc
    inside = set(range(ent.start, ent.end))
    taken: list[Any] = []
    i = ent.start - 1
    while i >= 0 and len(taken) < _MAX_TITLE_WORDS + 2:
        token = doc[i]
        if token.dep_ not in _LEFT_DEPS or token.is_sent_start and token.dep_ == "punct":
            break
        if token.head.i not in inside and token.head.i not in {t.i for t in taken}:
            break
        if token.ent_type_ in {"PERSON", "GPE", "ORG"} and token.dep_ == "poss":
            break
        taken.insert(0, token)
        i -= 1
    while taken and taken[0].dep_ in {"punct"}:
        taken.pop(0)
    root = ent.root
    if not taken and root.dep_ == "appos" and root.head.i == ent.start - 1:
        # "the new speaker Marlen Mamataliev": the parser hangs the name on the title
        head = root.head
        taken = [t for t in head.subtree if head.left_edge.i <= t.i <= head.i]
    return _title(taken, offset) if taken else None


def _apposition(ent: Any, offset: int) -> OfficeMention | None:
    """ "Imamidin Tashov, a former presidential candidate": the apposition after a name."""
    root = ent.root
    for child in root.children:
        if child.dep_ != "appos" or child.i < ent.end:
            continue
        keep = [t for t in child.subtree if t.dep_ not in {"relcl", "acl"}]
        # stop at a relative clause or a comma that closes the apposition
        tokens = []
        for token in keep:
            if token.i > child.i and token.text == ",":
                break
            tokens.append(token)
        return _title(tokens, offset)
    return None


def named_spans(chunks: list[Any]) -> list[NamedSpan]:
    """Named mentions of every chunk of an annotated document, in text order.

    Args:
        chunks: ``AnnotatedDocument.chunks`` (each with ``doc`` and ``offset``).

    Returns:
        One span per named entity spaCy finds; people carry their office when the
        same noun phrase gives one.
    """
    spans: list[NamedSpan] = []
    for chunk in chunks:
        for ent in chunk.doc.ents:
            text = ent.text.strip()
            if ent.label_ not in NAMED_LABELS or not text:
                continue
            office = None
            if ent.label_ == "PERSON" or ent.label_ == "ORG" and len(ent) == 1:
                office = _left_title(ent, chunk.offset) or _apposition(ent, chunk.offset)
            start = chunk.offset + ent.start_char
            spans.append(NamedSpan(start, start + len(ent.text.rstrip()), text, ent.label_, office))
    return spans
