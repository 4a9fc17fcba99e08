"""Date expressions in a sentence → absolute ranges with a precision.

Expressions are found with patterns over the sentence text (spaCy's DATE entities
split ranges such as "between February 15 and 20") and resolved against the
publication date.  A year-less date is placed in the latest year that does not put
it more than a month after publication; "the day before", "the next day" and "the same
day" count from the last day named before them (earlier in the sentence, else the
document's discourse anchor).  "Four days after …" dates the clause it introduces
(:attr:`DateMention.introduces`), "overnight into Tuesday" spans two days, and date-like
parts of names ("the 25 of March sector", "Mar del Plata") are no dates.
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
NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_COUNT = r"(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
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
            rf"\b(?:between|from|the\s+night\s+of)\s+{_DAY}\s*(?:and|to|-|–)\s*{_DAY2}\s+{_MONTH}(?:,?\s+{_YEAR})?\b",
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
    # "overnight on Monday to Tuesday", "on the night of Friday into Saturday", "overnight
    # into Tuesday": the two days the night spans
    (
        "overnight",
        re.compile(
            rf"\b(?:overnight|(?:on\s+)?the\s+night)\s+(?:(?:on|of|from|between)\s+)?"
            rf"(?:(?P<weekday>{_WEEKDAY})\s+)?(?:to|into|and)\s+(?P<weekday2>{_WEEKDAY})\b",
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
    # "on Monday, four days after the court sentenced him": the clause that follows
    # happened that long before the day just named
    (
        "after",
        re.compile(
            rf"\b{_COUNT}\s+(?P<unit>days?|weeks?|months?)\s+after\b(?!\s*(?:that|this)\b)", re.I
        ),
    ),
    (
        "relative_day",
        re.compile(
            r"\b(?P<rel>yesterday|today|tonight|this\s+morning|this\s+evening|last\s+night|"
            r"the\s+day\s+before(?:\s+yesterday)?|the\s+(?:next|following)\s+day|"
            r"the\s+previous\s+(?:day|morning|afternoon|evening|night)|"
            r"the\s+(?:night|evening)\s+before|"
            r"the\s+same\s+day|that\s+same\s+day|"
            r"(?:a|one|two|three|four|five|six|seven|\d+)\s+days?\s+(?:later|earlier|ago|before)|"
            r"last\s+week|this\s+week|earlier\s+this\s+week|last\s+month|this\s+month|earlier\s+this\s+month|"
            r"last\s+year|this\s+year|earlier\s+this\s+year)\b",
            re.I,
        ),
    ),
]


#: A date followed by one of these names a place or a group, not a day: "the 25 of March
#: sector", "July 7 neighbourhood", "the 6 April movement", "26 July Avenue".
_NAMED_AFTER = re.compile(
    r"\s+(?:sector|neighbou?rhoods?|district|quarter|street|st\.|avenue|ave\.|road|boulevard|"
    r"square|bridge|camp|stadium|park|city|village|town|compound|mosque|school|university|"
    r"hospital|movement|alliance|coalition|brigade|battalion|front|revolution|areas?)\b",
    re.I,
)
#: ... and so does one after "at" ("fired at 7 July and College areas"), and a bare month
#: abbreviation starting a name ("in Mar del Plata").
_NAMED_BEFORE = re.compile(r"\bat\s*$", re.I)
_NAME_AFTER_ABBREVIATION = re.compile(r"\s+(?:de|del|da|do|di|la|el|[A-Z][a-z])")
#: Relative days counted from the last day named before them, not from publication.
_FROM_ANCHOR = (
    "the day before",
    "the next",
    "the following",
    "the same day",
    "that same day",
    "the previous",
    "the night before",
    "the evening before",
)
_DAY_BEFORE = ("the day before", "the previous", "the night before", "the evening before")


@dataclass(slots=True)
class DateMention:
    """A date expression found in a sentence, with its resolved range."""

    start: int
    end: int
    range: DateRange
    anchored: bool = False  # resolved from the discourse anchor rather than publication
    introduces: bool = False  # "four days after …": dates the clause that follows, not its own


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
    if kind == "overnight":
        if published is None:
            return None
        wanted = WEEKDAYS[groups["weekday2"].lower()]
        hi = published - timedelta(days=(published.weekday() - wanted) % 7)
        lo = hi - timedelta(days=1)
        return DateMention(match.start(), match.end(), _range(text, lo, hi, "week"))
    if kind == "weekday":
        if published is None:
            return None
        wanted = WEEKDAYS[groups["weekday"].lower()]
        back = (published.weekday() - wanted) % 7
        if text.lower().startswith("last") and back == 0:
            back = 7
        day = published - timedelta(days=back)
        return DateMention(match.start(), match.end(), _range(text, day, day, "day"))
    if kind == "after":
        base = anchor or published
        if base is None:
            return None
        count_word = groups["count"].lower()
        count = int(count_word) if count_word.isdigit() else NUMBER_WORDS[count_word]
        unit = groups["unit"].lower()
        if unit.startswith("month"):  # "two months after": that month, roughly
            months = base.year * 12 + base.month - 1 - count
            lo, hi = _month_bounds(months // 12, months % 12 + 1, None)
            found = _range(text, lo, hi, "month")
        else:
            day = base - timedelta(days=count * 7 if unit.startswith("week") else count)
            found = _range(text, day, day, "day")
        return DateMention(
            match.start(), match.end(), found, anchored=anchor is not None, introduces=True
        )
    rel = " ".join(groups["rel"].lower().split())
    base = published
    if rel.startswith(_FROM_ANCHOR):
        base, anchored = anchor or published, anchor is not None
    if base is None:
        return None
    if rel in {"today", "tonight", "this morning", "this evening", "the same day", "that same day"}:
        lo = hi = base
        precision = "day"
    elif rel in {"yesterday", "last night"}:
        lo = hi = base - timedelta(days=1)
        precision = "day"
    elif rel == "the day before yesterday":
        lo = hi = base - timedelta(days=2)
        precision = "day"
    elif rel.startswith(_DAY_BEFORE):
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


def _names_something(kind: str, match: re.Match[str], text: str) -> bool:
    """Whether a date-like phrase is part of a name: "the 25 of March sector", "July 7
    neighbourhood", "at 7 July and College areas", "in Mar del Plata"."""
    after = _NAMED_AFTER.match(text, match.end())
    if kind == "weekday":  # "Monday Avenue", not "on Monday city officials"
        return after is not None and text[after.end() - len(after.group().strip())].isupper()
    if kind not in {"md", "dm", "month", "part_month"} or match.groupdict().get("year"):
        return False  # "8 May 2020 area residents": a date
    if after is not None:
        return True
    if kind in {"md", "dm"} and _NAMED_BEFORE.search(text, 0, match.start()):
        return True
    month = match.groupdict().get("month") or ""
    return (
        kind in {"month", "part_month"}
        and len(month) <= 4
        and month.lower() not in {"may", "june", "july"}  # whole names, not abbreviations
        and match.end() == match.end("month")
        and bool(_NAME_AFTER_ABBREVIATION.match(text, match.end()))
    )


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
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            if _names_something(kind, match, text):
                taken.append((match.start(), match.end()))  # a name: no shorter date inside it
                continue
            # "… who had been arrested the day before": the day this sentence named first
            earlier = [
                m for m in found if m.start - offset < match.start() and m.range.precision == "day"
            ]
            latest = max(earlier, key=lambda m: m.start).range.start if earlier else anchor
            anchor_day = parse_iso(latest)
            mention = _resolve(kind, match, published_day, anchor_day)
            if mention is None:
                continue
            taken.append((match.start(), match.end()))
            mention.start += offset
            mention.end += offset
            found.append(mention)
    found.sort(key=lambda m: m.start)
    return found
