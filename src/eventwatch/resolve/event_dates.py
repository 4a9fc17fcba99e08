"""When each event mention happened: the dates of its own clause, or a day just named before it."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from eventwatch.extract import EventMention, ExtractedDocument
from eventwatch.resolve.dates import DateMention, find_dates

__all__ = ["CarriedDate", "event_date", "passage_date", "sentence_dates"]

# "PORT SUDAN, Jan 26 (Nilewire) —": place, date, optional agency, then a dash.
_DATELINE = re.compile(
    r"^[A-Z][\w .'’-]*,(?:\s*[A-Z][\w .'’-]*,)?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)"
)
#: A date this close to its sentence's start, before the event word, fronts the sentence
#: ("On 6 May 2020, …", "Arrests: On 8 May, …", "Around 8 May 2020 (as reported), …")
#: and dates all of it.
FRONT_CHARS = 40
#: At most this many words ("As reported on", "On the night of") before a date that opens
#: its sentence (past a label such as "Arrests:").
OPENING_WORDS = 4
_LABEL = re.compile(r"[A-Z][\w ,/-]{0,40}:\s*")
_SET_OFF = re.compile(r"[^.;:!?]{0,30}?[,(—–]")
#: How far after "four days after" its clause's event word may come.
INTRODUCED_CHARS = 80
#: How many sentences back a day the text has just named still dates a sentence with none
#: (a day that opens its sentence dates the rest of its paragraph, however long).
CARRY_SENTENCES = 2
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n\s{2,}|\n(?=\s*[-•*])")


@dataclass(slots=True)
class CarriedDate:
    """A day or week named in a sentence shortly before, offered to the undated sentences after it."""

    date: DateMention
    types: set[str] = field(default_factory=set)  # the event types of its sentence
    opens: bool = False  # it opens its sentence, so it dates the whole passage


SentenceDates = dict[int, list[DateMention]]
CarriedDates = dict[int, list[CarriedDate]]


def _text_start(sentence: tuple[int, int, str]) -> int:
    """Where a sentence's text starts, past leading white space."""
    return sentence[0] + len(sentence[2]) - len(sentence[2].lstrip())


def sentence_dates(
    extracted: ExtractedDocument,
) -> tuple[SentenceDates, CarriedDates]:
    """Dates of every sentence, resolved in reading order (so "the day before" has its anchor).

    Also, per sentence, the dates the text has just given (a day or week named in one
    of the two sentences before, or one that opened a sentence earlier in the
    paragraph; with the event types of its sentence and whether it opened it):
    "Fourteen people were detained on Wednesday. Investigators confiscated firearms …"
    happened that day.  A dateline ("PESHAWAR, Nov 21 (Meridian) —") dates the report,
    not an event: its date is skipped (not the dates after it in the sentence).
    "Four days after …" dates only the clause it introduces, so it is neither carried
    nor an anchor.
    """
    document = extracted.document
    text = document.text
    anchor: str | None = None
    by_start: dict[int, list[DateMention]] = {}
    carried: CarriedDates = {}
    recent: list[tuple[int, int, CarriedDate]] = []  # (sentence number, paragraph, date)
    types_at: dict[int, set[str]] = defaultdict(set)
    for mention in extracted.mentions:
        types_at[mention.sentence[0]].add(mention.event_type)
    paragraph, previous_end = 0, 0
    for number, (start, end) in enumerate(extracted.sentences):
        if _PARAGRAPH_BREAK.search(text[previous_end : start + 1]):
            paragraph += 1
        previous_end = end
        recent = [
            (n, p, d)
            for n, p, d in recent
            if number - n <= CARRY_SENTENCES or (d.opens and p == paragraph)
        ]
        if recent:
            # the latest sentence first; within one, the date that opens it
            ordered = sorted(recent, key=lambda r: (-r[0], not r[2].opens))
            carried[start] = [d for _, _, d in ordered]
        found = find_dates(
            text[start:end], published=document.published, anchor=anchor, offset=start
        )
        opening = start + len(text[start:end]) - len(text[start:end].lstrip())
        dateline = _DATELINE.match(text[opening:end])
        if dateline is not None:  # its date is the report's, not an event's
            found = [m for m in found if m.start >= opening + dateline.end()]
        by_start[start] = found
        for mention in found:
            if mention.introduces:
                continue  # it dates a subordinate clause, not the passage
            if mention.range.precision in {"day", "week"} and mention.range.start:
                opens = _opens(mention, text, opening)
                recent.append((number, paragraph, CarriedDate(mention, types_at[start], opens)))
            if mention.range.precision == "day" and mention.range.start:
                anchor = mention.range.start
    return by_start, carried


def _opens(date: DateMention, text: str, opening: int, offset: int = 0) -> bool:
    """Whether a date opens the sentence starting at ``opening`` of ``text`` (``offset``:
    where ``text`` starts in the document): a phrase of a few words set off by a comma
    or a bracket ("On 8 May 2020, …", "Arrests: Around 8 May (as reported) …", "As
    reported on 30 April, …", "Late on Monday, …"), not a date inside the first
    clause ("police said on Monday.", "A court on Thursday ordered")."""
    start, end = date.start - offset, date.end - offset
    label = _LABEL.match(text, opening, start)
    before = text[label.end() if label else opening : start]
    words = len(before.split())
    if words > OPENING_WORDS or "," in before:
        return False
    return words <= 1 or bool(_SET_OFF.match(text, end))


def _fronting(mention: EventMention, dates: list[DateMention]) -> list[DateMention]:
    """The dates that open the mention's sentence before its event word."""
    opening = _text_start(mention.sentence)
    return [d for d in dates if d.start - opening <= FRONT_CHARS and d.start < mention.trigger[0]]


def _pick_date(mention: EventMention, dates: list[DateMention]) -> DateMention | None:
    """The date in the event's own clause or one fronting its sentence, nearest the trigger.

    "Four days after" just before the event word dates its clause alone.  An event
    named in passing ("leaving one officer injured", "the already detained leader")
    takes only a date that opens the whole sentence: its own clause has none.  A date
    in brackets gives way to one outside them, which it only qualifies.
    """
    if not dates:
        return None
    trigger = mention.trigger[0]
    introduced = _introduced(mention, dates)
    if introduced is not None:
        return introduced
    dates = [d for d in dates if not d.introduces]
    fronting = _fronting(mention, dates)
    if mention.background:
        start, _, text = mention.sentence
        opening = _text_start(mention.sentence) - start
        in_scope = [d for d in fronting if _opens(d, text, opening, start)]
    else:
        in_scope = [
            d
            for d in dates
            if any(s <= d.start < e or d.start <= s < d.end for s, e in mention.date_scope)
            or d in fronting
        ]
    if not in_scope:
        return None
    # a date in brackets qualifies another ("Around 2 May 2020 (from 2 - 4 May), …")
    return min(in_scope, key=lambda d: (_bracketed(d, mention.sentence), abs(d.start - trigger)))


def _bracketed(date: DateMention, sentence: tuple[int, int, str]) -> bool:
    """Whether a date stands inside brackets in its sentence."""
    before = sentence[2][: date.start - sentence[0]]
    return before.count("(") > before.count(")")


def _introduced(mention: EventMention, dates: list[DateMention]) -> DateMention | None:
    """The "four days after …" just before the event word, whose clause it is in."""
    trigger = mention.trigger[0]
    before = [d for d in dates if d.end <= trigger]
    if not before:
        return None
    last = max(before, key=lambda d: d.end)
    between = mention.sentence[2][last.end - mention.sentence[0] : trigger - mention.sentence[0]]
    if last.introduces and len(between) <= INTRODUCED_CHARS and not re.search(r"[,;:—–]", between):
        return last
    return None


def event_date(
    mention: EventMention, dates: SentenceDates, carried: CarriedDates
) -> DateMention | None:
    """The date a mention's text gives it, or None (the caller falls back to the report's date).

    A sentence with no date of its own goes on from the one before: it takes the
    latest day just named for the same kind of event ("detained on Wednesday. …
    confiscated firearms"), else the latest day that opened a sentence just before
    ("On 8 May, police raided a farm. A man was arrested.") — the only one an event
    named in passing takes.
    """
    own = dates.get(mention.sentence[0], [])
    picked = _pick_date(mention, own)
    if picked is None and not own:
        recent = carried.get(mention.sentence[0], [])
        if not mention.background:  # named in passing: only the passage's opening date
            picked = next((c.date for c in recent if mention.event_type in c.types), None)
        if picked is None:
            picked = next(
                (c.date for c in recent if c.opens and c.date.range.precision == "day"), None
            )
    return picked


def passage_date(
    sentence_start: int, dates: SentenceDates, carried: CarriedDates
) -> DateMention | None:
    """The date of a sentence as a whole, for an event no single word names: its first
    date that is not "four days after …", else a day that opened a sentence just before
    in the paragraph ("On 8 May 2020, …"), else None."""
    own = [d for d in dates.get(sentence_start, []) if d.range.start and not d.introduces]
    if own:
        return own[0]
    return next(
        (
            c.date
            for c in carried.get(sentence_start, [])
            if c.opens and c.date.range.precision == "day"
        ),
        None,
    )
