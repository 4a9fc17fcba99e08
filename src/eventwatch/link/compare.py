"""Whether two event reports may be reports of one event, and how much they share.

The linker asks two questions of a pair of reports:

- *May* they be one event?  :func:`compatible` holds the hard rules: of one kind
  (or of related kinds, see :data:`RELATED_TYPES`), at compatible times, modes,
  participants and places.
- How much *evidence* says they are?  :func:`evidence` scores what they share:
  named participants, the place, the figures, and the rare words of their texts
  (names, numbers, places; weighted by how few documents use them,
  :class:`TermStats`).

Reports of the same kind at compatible times need no evidence beyond compatibility
(the index already made them close).  Two kinds of pair need more, because they
reach further: reports of *related* kinds (a coup reported as the arrest of the
president, a court sentence reported as a jailing, a protest reported through
the police shooting at it), and reports whose date is only a month or a year
("in January it detained seven people") — they link only when they share a named
participant or enough rare words (:data:`STRONG_EVIDENCE`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from eventwatch.geodesy import distance_km
from eventwatch.resolve.countries import country_code
from eventwatch.resolve.entities import (
    GENERIC_NOUNS,
    name_key,
    name_skeleton,
    person_names_agree,
)

__all__ = [
    "AGREE",
    "DISAGREE",
    "ON_EVIDENCE",
    "MAX_SPAN_DAYS",
    "RELATED_TYPES",
    "RELATED_WINDOW_DAYS",
    "STRONG_EVIDENCE",
    "UNDATED_LOOKBACK_DAYS",
    "VAGUE_SPAN_DAYS",
    "Report",
    "TermStats",
    "compatible",
    "evidence",
    "interval",
    "may_found_link",
    "related",
]

#: A report with no date of its own describes something up to this many days before publication.
UNDATED_LOOKBACK_DAYS = 6
#: Date ranges wider than this (a month, a year; not a week) are vague: they link only on
#: strong evidence.
MAX_SPAN_DAYS = 10
#: Date ranges wider than this are too vague to link at all.
VAGUE_SPAN_DAYS = 366
#: Evidence a pair needs when it reaches across kinds or from a vague date: one named
#: participant in common, or rare words worth as much (a rare name and a place, say).
STRONG_EVIDENCE = 1.0
#: Reports of related kinds must be this close in time (days between their ranges).
RELATED_WINDOW_DAYS = 1

_COMPATIBLE_MODES = {frozenset({"conspiracy", "attempt"})}
#: Types whose mode tells events apart (an appointment is not a dismissal); for the
#: others (a shooting called an attack with firearms or with explosives) reports differ.
_MODE_MATTERS = frozenset({"COUP", "OFFICE", "COERCE", "SANCTION", "AGREE", "REQUEST"})
#: Types whose participants play interchangeable parts ("A met B" is "B met A").
_SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Types that happen somewhere; for the others (a sanction decided in Abuja against
#: Niger) the place named is not the event's, and participants decide.
_PLACED = frozenset({"ASSAULT", "PROTEST", "COERCE", "COUP", "MOBILIZE", "RETREAT", "AID"})
_ANY = None
#: Kinds one event is often reported as, with the modes that may stand for it
#: (None: any mode).  Each reads both ways.
RELATED_TYPES: dict[frozenset[str], dict[str, frozenset[str] | None]] = {
    # a seizure of power told through the leader's detention ("soldiers detained the president")
    frozenset({"COUP", "COERCE"}): {"COUP": _ANY, "COERCE": frozenset({"arrest"})},
    # ... or through the leader's removal ("the army removed the president")
    frozenset({"COUP", "OFFICE"}): {
        "COUP": frozenset({"attempt", "realized"}),
        "OFFICE": frozenset({"dismiss", "resign"}),
    },
    # a court jailing someone (a sentence) told as a detention, a ban as a sanction
    frozenset({"COERCE", "SANCTION"}): {
        "COERCE": frozenset({"arrest", "ban", "censor", "seize"}),
        "SANCTION": frozenset({"convict", "ban", "embargo", "expel"}),
    },
    # a brief detention told through the release that ended it ("was detained, then freed")
    frozenset({"COERCE", "CONCEDE"}): {
        "COERCE": frozenset({"arrest"}),
        "CONCEDE": frozenset({"release"}),
    },
    # a protest told through the violence at it ("police fired at protesters")
    frozenset({"PROTEST", "ASSAULT"}): {"PROTEST": _ANY, "ASSAULT": _ANY},
}
_FUNCTION_WORDS = frozenset("of for the and de al".split())
#: How well two reports agree (:func:`compatible`).
DISAGREE, ON_EVIDENCE, AGREE = 0, 1, 2
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\d,.]*\d|\d")
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'-]{1,40}?)(?:,[^—–\n]{0,40})?\s*(?:—|–|--)\s*")
#: Capitalised words that name no particular event: calendar words, titles, pronouns,
#: sentence openers and the generic heads of institution names.
_COMMON = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    the a an in on at of for and but or as by to from with after before since during over
    he she it they we i his her its their this that these those there here
    earlier later last next then now today yesterday tonight also both all some many
    several most more other another one two three four five six seven eight nine ten
    if what why how not no yes after
    president prime minister ministers general gen col colonel major captain lieutenant
    mr mrs ms dr sir senator deputy chief head former acting interim new
    government ministry police court army parliament council committee state national
    republic federal security service services forces party office agency news wire
    according reuters afp ap said says also however meanwhile while when where who
    """.split()
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _ordinal(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


def interval(event: dict[str, Any]) -> tuple[int, int] | None:
    """The days an event may have happened on, as ordinals; None when unknown or too vague."""
    when = event["date"]
    start, end = _ordinal(when.get("start")), _ordinal(when.get("end"))
    if start is None or end is None or end < start:
        return None
    if when.get("basis") != "text":
        start = end - UNDATED_LOOKBACK_DAYS  # reported by this day, not necessarily on it
    if end - start > VAGUE_SPAN_DAYS:
        return None
    return start, end


_RELATED = {
    (first, second): modes
    for pair, modes in RELATED_TYPES.items()
    for first in pair
    for second in pair
    if first != second
}


def related(first: str, second: str) -> bool:
    """Whether reports of these two kinds may be reports of one event."""
    return (first, second) in _RELATED


# --------------------------------------------------------------------------- rare words


@lru_cache(maxsize=1 << 17)
def _fold(word: str) -> str:
    key = name_key(re.sub(r"['’]s$", "", word))
    return "".join(key)


@lru_cache(maxsize=1 << 16)
def _country(word: str) -> str | None:
    return country_code(word)


def _dateline(text: str) -> tuple[str, str]:
    """``(dateline place, rest)``: "BISHKEK, Jan 16 (Wire) — …" → ("BISHKEK", "…")."""
    match = _DATELINE.match(text)
    if match is None:
        return "", text
    return match.group(1).strip(), text[match.end() :]


def _terms(text: str) -> set[str]:
    """The rare-word candidates of a text: capitalised words and numbers (not years),
    folded so that spelling variants agree, and countries and their adjectives as
    the country ("Moldovan" and "Moldova's" are one term)."""
    found: set[str] = set()
    for word in _WORD.findall(text):
        word = word.rstrip(".,")
        if word[:1].isdigit():
            digits = word.replace(",", "")
            if not _YEAR.match(digits):
                found.add("#" + digits)
            continue
        lowered = word.lower().rstrip(".")
        if not word[:1].isupper() or lowered in _COMMON or lowered in GENERIC_NOUNS:
            continue
        bare = re.sub(r"['’]s$", "", word)
        country = _country(bare)
        folded = _fold(bare)
        if country:
            found.add("@" + country)
        elif len(folded) > 1:
            found.add(folded)
    return found


class TermStats:
    """How many documents use each rare word, to weigh what two reports share."""

    def __init__(self) -> None:
        self.documents: Counter[str] = Counter()
        self._seen: dict[str, set[str]] = {}
        self._weights: dict[str, float] = {}

    def add(self, doc_id: str, terms: Iterable[str]) -> None:
        known = self._seen.setdefault(doc_id, set())
        for term in terms:
            if term not in known:
                known.add(term)
                self.documents[term] += 1
        self._weights.clear()  # the collection grew: every weight changes

    def weight(self, term: str) -> float:
        """1 for a word only one document uses, falling towards 0 for words all use."""
        found = self._weights.get(term)
        if found is None:
            total = max(len(self._seen), 2)
            count = max(self.documents.get(term, 1), 1)
            found = self._weights[term] = math.log(1 + total / count) / math.log(1 + total)
        return found


# --------------------------------------------------------------------------- one report


@dataclass(slots=True)
class Report:
    """What the linker compares of one event record, computed once per event."""

    event: dict[str, Any]
    days: tuple[int, int]
    actor: dict[str, Any] | None  # named participants only
    recipient: dict[str, Any] | None
    terms: frozenset[str]
    words: frozenset[str]  # every folded word of the report's texts
    place_stated: bool  # the place is named in the report's sentence, not its dateline
    type: str
    mode: str | None
    doc_id: str
    vague: bool
    location: dict[str, Any]

    @classmethod
    def of(cls, event: dict[str, Any]) -> Report:
        days = interval(event)
        if days is None:
            raise ValueError(f"event {event.get('id')!r} has no usable date; check linkable()")
        dateline, opening = _dateline(event["evidence"]["text"])
        texts = [dateline, opening, *(m.get("text") or "" for m in event.get("mentions") or [])]
        actor = event.get("actor") if _named(event.get("actor")) else None
        recipient = event.get("recipient") if _named(event.get("recipient")) else None
        if actor and recipient and _same_participant(actor, recipient):
            actor = None  # "Boluarte removed Boluarte": the actor is a parsing slip
        terms: set[str] = set()
        words: set[str] = set()
        for text in texts:
            terms |= _terms(text)
            words.update(_fold(w) for w in _WORD.findall(text))
        location = event.get("location") or {}
        stated = bool(location.get("text")) and not (
            dateline and _fold(location["text"]) == _fold(dateline)
        )
        return cls(
            event,
            days,
            actor,
            recipient,
            frozenset(terms),
            frozenset(words),
            stated,
            str(event["event_type"]),
            event.get("mode"),
            str(event["doc_id"]),
            days[1] - days[0] > MAX_SPAN_DAYS,
            location,
        )

    def names_place(self, location: dict[str, Any]) -> bool:
        """Whether this report's text names a place (by its name or as another report wrote it)."""
        for name in (location.get("name"), location.get("text")):
            key = [_fold(w) for w in (name or "").split() if w.lower() not in _FUNCTION_WORDS]
            if key and all(k in self.words for k in key):
                return True
        return False


# --------------------------------------------------------------------------- participants


def proper_name(name: str) -> bool:
    """ "Mohamed Bazoum", "State Committee for National Security": a name, not a description."""
    words = [w for w in name.split() if w.lower() not in _FUNCTION_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words) and not words[0][:1].isdigit()


def _named(x: dict[str, Any] | None) -> bool:
    return bool(x) and _is_name((x or {}).get("name") or "")


@lru_cache(maxsize=1 << 16)
def _is_name(name: str) -> bool:
    return proper_name(name) and name.lower() not in GENERIC_NOUNS


def _same_participant(x: dict[str, Any] | None, y: dict[str, Any] | None) -> bool | None:
    """True/False when both are named; None when either is a description or missing."""
    if not (_named(x) and _named(y)):
        return None
    return _same(x, y)  # type: ignore[arg-type]


def _same(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Whether two named participants are one."""
    known = x.get("id")
    return bool(known and known == y.get("id")) or _same_name(x["name"], y["name"])


@lru_cache(maxsize=1 << 16)
def _same_name(first: str, second: str) -> bool:
    """ "Japarov" in "Sadyr Japarov", spelling variants, initials: one participant's names."""
    x, y = first.lower(), second.lower()
    if x in y or y in x or name_skeleton(x) == name_skeleton(y):
        return True
    return person_names_agree(first, second)


def _participants_agree(a: Report, b: Report) -> bool:
    if a.type in _SYMMETRIC and b.type in _SYMMETRIC:
        mine = [p for p in (a.actor, a.recipient) if p]
        theirs = [p for p in (b.actor, b.recipient) if p]
        if len(mine) == 2 and len(theirs) == 2:
            return any(_same(x, y) for x in mine for y in theirs)
        return True
    return (a.actor is None or b.actor is None or _same(a.actor, b.actor)) and (
        a.recipient is None or b.recipient is None or _same(a.recipient, b.recipient)
    )


def _shared_participants(a: Report, b: Report) -> int:
    return sum(
        1
        for x in (a.actor, a.recipient)
        if x and any(y and _same(x, y) for y in (b.actor, b.recipient))
    )


def _named_in_text(a: Report, b: Report) -> float:
    """Participants of one report that the other names without giving them a role
    (its parse missed them): 1 for a full name, 0.5 for a surname."""
    found = 0.0
    for mine, theirs in ((a, b), (b, a)):
        for participant in (mine.actor, mine.recipient):
            if not participant or any(
                p and _same(participant, p) for p in (theirs.actor, theirs.recipient)
            ):
                continue
            key = name_key(participant["name"])
            if len(key) > 1 and all(k in theirs.words for k in key):
                found += 1.0
            elif key and key[-1] in theirs.words and len(key[-1]) > 3:
                found += 0.5
    return found


# --------------------------------------------------------------------------- places and modes


def _modes_agree(a: Report, b: Report) -> bool:
    x, y = a.mode, b.mode
    if a.type != b.type:
        allowed = _RELATED[(a.type, b.type)]
        return all(allowed[r.type] is None or r.mode in allowed[r.type] for r in (a, b))  # type: ignore[operator]
    if a.type not in _MODE_MATTERS:
        return True
    return x is None or y is None or x == y or frozenset({x, y}) in _COMPATIBLE_MODES


def _places_agree(a: Report, b: Report) -> int:
    """:data:`AGREE`, :data:`ON_EVIDENCE` or :data:`DISAGREE` on where the event happened.

    Where an event happens, two known countries must be one, and places stated with
    both one area (within 100 km).  A place is not held against a report that names it
    too ("Lido beach in Mogadishu" against a Lido Beach put in New York), and a country
    one report only inferred (from its dateline, the document, an adjective) gives
    way to the country its own text names, or to strong evidence.  Elsewhere, two countries need a participant in common.
    """
    x, y = a.location, b.location
    countries = x.get("country"), y.get("country")
    if a.type not in _PLACED and b.type not in _PLACED:
        if None in countries or countries[0] == countries[1] or _shared_participants(a, b):
            return AGREE
        return DISAGREE
    if None not in countries and countries[0] != countries[1]:
        if a.names_place(y) and b.names_place(x):
            return AGREE
        if a.place_stated and b.place_stated:
            return DISAGREE
        if any(
            not mine.place_stated and "@" + theirs in mine.terms
            for mine, theirs in ((a, countries[1]), (b, countries[0]))
        ):
            return AGREE  # an inferred country, where the report names the other one
        return ON_EVIDENCE
    if not (a.place_stated and b.place_stated):
        return AGREE
    if None in (x.get("lat"), x.get("lon"), y.get("lat"), y.get("lon")):
        return AGREE
    if distance_km(x["lat"], x["lon"], y["lat"], y["lon"]) <= 100:
        return AGREE
    return AGREE if a.names_place(y) and b.names_place(x) else DISAGREE


# --------------------------------------------------------------------------- the pair


def evidence(a: Report, b: Report, stats: TermStats) -> float:
    """What two reports share: named participants (1 each, also when one report only
    names the other's participant in its text), rare words (up to 1 each, by
    rarity), the same place (0.5), the same figure (0.5 each)."""
    score = _shared_participants(a, b) + _named_in_text(a, b)
    score += sum(stats.weight(t) for t in a.terms & b.terms)
    x, y = a.location, b.location
    if x.get("name") and x.get("name") == y.get("name"):
        score += 0.5
    counts_a, counts_b = a.event.get("counts") or {}, b.event.get("counts") or {}
    score += 0.5 * sum(1 for k, v in counts_a.items() if v and counts_b.get(k) == v)
    return score


def compatible(a: Report, b: Report, *, window: int) -> int:
    """The hard rules: may ``a`` and ``b`` be reports of one event?

    Args:
        a: one report.
        b: another report.
        window: how many days apart their date ranges may be.

    Returns:
        :data:`AGREE`; :data:`ON_EVIDENCE` when only strong evidence lets them be
        one (a country one of them inferred differs); :data:`DISAGREE` when they
        cannot be.
    """
    if a.type != b.type and not related(a.type, b.type):
        return DISAGREE
    if a.doc_id == b.doc_id:
        # one document's two mentions of one kind, a day apart at most, with nothing
        # to tell them apart, may be one event told twice ("killed on Friday, police
        # said on Saturday") or two days of one (a protest and the next day's riot):
        # a story joined through other documents' reports takes both.  Mentions of
        # two kinds were kept apart for their kinds, not their days: the usual window
        # holds ("detained on Tuesday in a plot" and the court's Thursday hearing on
        # "the plot").  A vague date is a look back at another event than the
        # document's own.
        if a.vague != b.vague:
            return DISAGREE
        if a.type == b.type:
            window = min(window, RELATED_WINDOW_DAYS)
    if _gap(a, b) > window:
        return DISAGREE
    if not (_modes_agree(a, b) and _participants_agree(a, b)):
        return DISAGREE
    return _places_agree(a, b)


def may_found_link(a: Report, b: Report, level: int, score: float) -> bool:
    """Whether a compatible pair may join two stories on its own.

    Two reports of one document never do (extraction merged what it could tell was
    one event).  Pairs that reach further than the index's blocks need strong
    evidence: reports of related kinds (and then within a day of each other),
    reports dated only to a month or a year (and then of one kind), and reports
    whose inferred countries differ.
    """
    if level == DISAGREE or a.doc_id == b.doc_id:
        return False
    strong = score >= STRONG_EVIDENCE
    if a.type != b.type:
        return strong and not (a.vague or b.vague) and _gap(a, b) <= RELATED_WINDOW_DAYS
    if a.vague or b.vague or level == ON_EVIDENCE:
        return strong
    return True


def _gap(a: Report, b: Report) -> int:
    """Days between two reports' date ranges (0 when they overlap)."""
    return max(0, max(a.days[0], b.days[0]) - min(a.days[1], b.days[1]))
