"""Date expressions in a sentence → absolute ranges with a precision.

Expressions are found with patterns over the sentence text (spaCy's DATE entities
split ranges such as "between February 15 and 20") and resolved against the
publication date.  A year-less date is placed in the latest year that does not put
it more than a month after publication; "the day before" and "the next day" count
from the last date the document mentioned (the discourse anchor).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventwatch.model import DateRange

__all__ = ["DateMention", "find_dates", "published_range", "parse_iso"]

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = {
    name: index
    for index, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PART = r"(?P<part>early|mid|middle|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[-\s]+(?:of\s+)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "range_md",
        re.compile(
            rf"\b(?:between|from)\s+{_MONTH}\s+{_DAY}\s*(?:and|to|-|–)\s*(?:{_MONTH2}\s+)?{_DAY2}(?:,?\s+{_YEAR})?\b",
            re.I,
        ),
    ),
    (
        "range_dm",
        re.compile(
            rf"\b(?:between|from)\s+{_DAY}\s*(?:and|to|-|–)\s*{_DAY2}\s+{_MONTH}(?:,?\s+{_YEAR})?\b",
            re.I,
        ),
    ),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?\b", re.I)),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("part_month", re.compile(rf"\b{_PART}{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    (
        "month",
        re.compile(rf"\b(?:in|during|since|by|of|last|this)\s+{_MONTH}(?:,?\s+{_YEAR})?\b", re.I),
    ),
    ("month_year", re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I)),
    (
        "year",
        re.compile(
            rf"\b(?:in|during|since|of)\s+(?:early\s+|late\s+|mid-?)?{_YEAR}\b(?!\s*(?:report|election|budget|census))",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:on\s+|last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
            re.I,
        ),
    ),
    (
        "relative_day",
        re.compile(
            r"\b(?P<rel>yesterday|today|tonight|this\s+morning|this\s+evening|last\s+night|"
            r"the\s+day\s+before(?:\s+yesterday)?|the\s+(?:next|following)\s+day|"
            r"(?:a|one|two|three|four|five|six|seven|\d+)\s+days?\s+(?:later|earlier|ago|before)|"
            r"last\s+week|this\s+week|earlier\s+this\s+week|last\s+month|this\s+month|earlier\s+this\s+month|"
            r"last\s+year|this\s+year|earlier\s+this\s+year)\b",
            re.I,
        ),
    ),
]


@dataclass(slots=True)
class DateMention:
    """A date expression found in a sentence, with its resolved range."""

    start: int
    end: int
    range: DateRange
    anchored: bool = False  # resolved from the discourse anchor rather than publication


def parse_iso(value: str | None) -> date | None:
    """``YYYY-MM-DD`` (or a longer ISO timestamp) → date, else ``None``."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def published_range(published: str | None, precision: str | None = None) -> DateRange:
    """The fallback date of an event that the text does not date: the publication."""
    day = parse_iso(published)
    if day is None:
        return DateRange(None, None, None, "unknown", "published")
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return DateRange(
            None,
            day.replace(day=1).isoformat(),
            day.replace(day=last).isoformat(),
            "month",
            "published",
        )
    return DateRange(None, day.isoformat(), day.isoformat(), "day", "published")


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """Latest year that puts month/day at most ~a month after publication."""
    if published is None:
        return None
    year = published.year
    try:
        candidate = date(year, month, min(day, calendar.monthrange(year, month)[1]))
    except ValueError:
        return None
    if candidate - published > timedelta(days=31):
        year -= 1
    return year


def _month_bounds(year: int, month: int, part: str | None) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    if not part:
        return date(year, month, 1), date(year, month, last)
    part = " ".join(part.lower().split())
    if part == "early" or "beginning" in part or "start" in part:
        return date(year, month, 1), date(year, month, 10)
    if part in {"mid", "middle"}:
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), date(year, month, last)


def _range(text: str, start: date, end: date, precision: str) -> DateRange:
    return DateRange(text, start.isoformat(), end.isoformat(), precision, "text")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(
    kind: str, match: re.Match[str], published: date | None, anchor: date | None
) -> DateMention | None:
    """Turn one pattern match into a resolved mention, or ``None`` if it cannot be."""
    text = match.group(0)
    groups = match.groupdict()
    raw_month = groups.get("month") or ""
    if raw_month[:1].islower() and raw_month.lower() in {
        "may",
        "march",
        "mar",
        "jan",
        "dec",
        "sept",
    }:
        return None  # the modal "may", the verb "march": not months
    month = MONTHS.get((groups.get("month") or "").lower().rstrip("."))
    year = int(groups["year"]) if groups.get("year") else None
    anchored = False
    if kind == "iso":
        day = _safe_date(int(groups["year"]), int(groups["mnum"]), int(groups["day"]))
        return (
            DateMention(match.start(), match.end(), _range(text, day, day, "day")) if day else None
        )
    if kind in {"md", "dm"}:
        day_number = int(groups["day"])
        year = year or _infer_year(month, day_number, published)
        day = _safe_date(year, month, day_number) if year and month else None
        if day is None:
            return None
        return DateMention(match.start(), match.end(), _range(text, day, day, "day"))
    if kind in {"range_md", "range_dm"}:
        first, second = int(groups["day"]), int(groups["day2"])
        month2 = MONTHS.get((groups.get("month2") or "").lower().rstrip(".")) or month
        year = year or _infer_year(month, first, published)
        lo = _safe_date(year, month, first) if year and month else None
        hi = _safe_date(year, month2, second) if year and month2 else None
        if lo is None or hi is None or hi < lo:
            return None
        precision = "week" if (hi - lo).days <= 7 else "month"
        return DateMention(match.start(), match.end(), _range(text, lo, hi, precision))
    if kind in {"part_month", "month", "month_year"}:
        if month is None:
            return None
        year = year or _infer_year(month, 1, published)
        if year is None:
            return None
        lo, hi = _month_bounds(year, month, groups.get("part"))
        precision = (
            "month" if not groups.get("part") else "week" if (hi - lo).days < 11 else "month"
        )
        return DateMention(match.start(), match.end(), _range(text, lo, hi, precision))
    if kind == "year":
        return DateMention(
            match.start(), match.end(), _range(text, date(year, 1, 1), date(year, 12, 31), "year")
        )
    if kind == "weekday":
        if published is None:
            return None
        wanted = WEEKDAYS[groups["weekday"].lower()]
        back = (published.weekday() - wanted) % 7
        if text.lower().startswith("last") and back == 0:
            back = 7
        day = published - timedelta(days=back)
        return DateMention(match.start(), match.end(), _range(text, day, day, "day"))
    rel = " ".join(groups["rel"].lower().split())
    base = published
    if (
        rel.startswith("the day before")
        or rel.startswith("the next")
        or rel.startswith("the following")
    ):
        base, anchored = anchor or published, anchor is not None
    if base is None:
        return None
    if rel in {"today", "tonight", "this morning", "this evening"}:
        lo = hi = base
        precision = "day"
    elif rel in {"yesterday", "last night"}:
        lo = hi = base - timedelta(days=1)
        precision = "day"
    elif rel == "the day before yesterday":
        lo = hi = base - timedelta(days=2)
        precision = "day"
    elif rel == "the day before":
        lo = hi = base - timedelta(days=1)
        precision = "day"
    elif rel in {"the next day", "the following day"}:
        lo = hi = base + timedelta(days=1)
        precision = "day"
    elif "days" in rel or "day " in rel:
        count_word = rel.split()[0]
        count = int(count_word) if count_word.isdigit() else NUMBER_WORDS.get(count_word, 1)
        if rel.endswith("later"):
            base, anchored = anchor or published, anchor is not None
            if base is None:
                return None
            lo = hi = base + timedelta(days=count)
        elif rel.endswith("earlier") or rel.endswith("before"):
            base, anchored = anchor or published, anchor is not None
            if base is None:
                return None
            lo = hi = base - timedelta(days=count)
        else:
            lo = hi = base - timedelta(days=count)
        precision = "day"
    elif rel.endswith("week"):
        monday = base - timedelta(days=base.weekday())
        if rel == "last week":
            monday -= timedelta(days=7)
        lo, hi, precision = monday, min(monday + timedelta(days=6), base), "week"
    elif rel.endswith("month"):
        ref = base.replace(day=1)
        if rel == "last month":
            ref = (ref - timedelta(days=1)).replace(day=1)
        lo, hi = _month_bounds(ref.year, ref.month, None)
        precision = "month"
    else:  # year
        year_number = base.year - 1 if rel == "last year" else base.year
        lo, hi, precision = date(year_number, 1, 1), date(year_number, 12, 31), "year"
    return DateMention(match.start(), match.end(), _range(text, lo, hi, precision), anchored)


def find_dates(
    text: str, *, published: str | None, anchor: str | None = None, offset: int = 0
) -> list[DateMention]:
    """Every resolvable date expression in ``text``, longest first where they overlap.

    Args:
        text: a sentence.
        published: the document's publication date (ISO), the reference for relative dates.
        anchor: the last date the document mentioned before this sentence (ISO).
        offset: added to the mention offsets (the sentence's start in the document).
    """
    published_day = parse_iso(published)
    anchor_day = parse_iso(anchor)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            mention = _resolve(kind, match, published_day, anchor_day)
            if mention is None:
                continue
            taken.append((match.start(), match.end()))
            mention.start += offset
            mention.end += offset
            found.append(mention)
    found.sort(key=lambda m: m.start)
    return found
