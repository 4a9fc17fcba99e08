"""When each event mention happened: the dates of its own clause, or a day just named before it."""

from __future__ import annotations

import re
from collections import defaultdict

from eventwatch.extract import EventMention, ExtractedDocument
from eventwatch.resolve.dates import DateMention, find_dates

__all__ = ["event_date", "sentence_dates"]

# "PORT SUDAN, Jan 26 (Nilewire) —": place, date, optional agency, then a dash.
_DATELINE = re.compile(
    r"^[A-Z][\w .'’-]*,(?:\s*[A-Z][\w .'’-]*,)?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)"
)

SentenceDates = dict[int, list[DateMention]]
CarriedDates = dict[int, list[tuple[DateMention, set[str]]]]


def sentence_dates(
    extracted: ExtractedDocument,
) -> tuple[SentenceDates, CarriedDates]:
    """Dates of every sentence, resolved in reading order (so "the day before" has its anchor).

    Also, per sentence, the dates the text has just given (a day or week named in one
    of the two sentences before, with the event types of that sentence): "Fourteen
    people were detained on Wednesday. Investigators confiscated firearms …" happened
    that day.  A dateline ("PESHAWAR,
    Nov 21 (Meridian) —") dates the report, not an event, and is skipped.
    """
    document = extracted.document
    text = document.text
    anchor: str | None = None
    by_start: dict[int, list[DateMention]] = {}
    carried: dict[int, list[tuple[DateMention, set[str]]]] = {}
    recent: list[tuple[int, DateMention]] = []  # (sentence number, date)
    types_at: dict[int, set[str]] = defaultdict(set)
    for mention in extracted.mentions:
        types_at[mention.sentence[0]].add(mention.event_type)
    for number, (start, end) in enumerate(extracted.sentences):
        recent = [(n, d) for n, d in recent if number - n <= 2]
        if recent:
            carried[start] = [(d, types_at[extracted.sentences[n][0]]) for n, d in reversed(recent)]
        found = find_dates(
            text[start:end], published=document.published, anchor=anchor, offset=start
        )
        found = [
            m
            for m in found
            if not _DATELINE.match(text[start : m.end + 30]) or m.start - start > 60
        ]
        by_start[start] = found
        for mention in found:
            if mention.range.precision in {"day", "week"} and mention.range.start:
                recent.append((number, mention))
            if mention.range.precision == "day" and mention.range.start:
                anchor = mention.range.start
    return by_start, carried


def _pick_date(mention: EventMention, dates: list[DateMention]) -> DateMention | None:
    """The date in the event's own clause or one above it, nearest the trigger."""
    if mention.background or not dates:
        return None
    sentence_start = (
        mention.sentence[0] + len(mention.sentence[2]) - len(mention.sentence[2].lstrip())
    )
    in_scope = [
        d
        for d in dates
        if any(s <= d.start < e or d.start <= s < d.end for s, e in mention.date_scope)
        or (d.start - sentence_start <= 40 and d.start < mention.trigger[0])
        # a date fronting the sentence ("Security measures: On 6 May 2020, …") dates all of it
    ]
    if not in_scope:
        return None
    trigger = mention.trigger[0]
    return min(in_scope, key=lambda d: abs(d.start - trigger))


def event_date(
    mention: EventMention, dates: SentenceDates, carried: CarriedDates
) -> DateMention | None:
    """The date a mention's text gives it, or None (the caller falls back to the report's date)."""
    own = dates.get(mention.sentence[0], [])
    picked = _pick_date(mention, own)
    if picked is None and not own and not mention.background:
        # a day named just before, for the same kind of event: "detained on Wednesday. … confiscated firearms"
        picked = next(
            (d for d, types in carried.get(mention.sentence[0], []) if mention.event_type in types),
            None,
        )
    return picked
