"""Publication dates from metadata, in one shape: ``YYYY-MM-DD``.

Metadata arrives in many spellings: ISO 8601 with or without a time and zone
(``2024-07-15T09:30:00+06:00``), RFC 822 dates from RSS (``Mon, 15 Jul 2024
09:30:00 GMT``), and the forms people type into spreadsheets (``15 July 2024``,
``July 15, 2024``, ``15.07.2024``, ``2024/07/15``).  A date with a time keeps
its own calendar day; it is not shifted to UTC.

A value that names only a month or a year (``2024-07``, ``July 2024``,
``2024``) becomes the first day of that period, and :func:`parse_date` reports
the precision so the caller can record it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from eventwatch.errors import InputError

__all__ = ["normalise_date", "parse_date"]

# strptime formats tried in order, each with the precision it implies.
_FORMATS: tuple[tuple[str, str], ...] = (
    ("%Y/%m/%d", "day"),
    ("%Y.%m.%d", "day"),
    ("%d.%m.%Y", "day"),
    ("%d/%m/%Y", "day"),
    ("%d-%m-%Y", "day"),
    ("%d %B %Y", "day"),
    ("%d %b %Y", "day"),
    ("%B %d %Y", "day"),
    ("%b %d %Y", "day"),
    ("%A %d %B %Y", "day"),
    ("%A %B %d %Y", "day"),
    ("%a %d %b %Y", "day"),
    ("%Y-%m", "month"),
    ("%Y/%m", "month"),
    ("%B %Y", "month"),
    ("%b %Y", "month"),
    ("%Y", "year"),
)

_ORDINAL_SUFFIX = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")
_EARLIEST_YEAR = 1000
_LATEST_YEAR = 2999


def parse_date(value: str | None) -> tuple[str, str] | None:
    """Parse a metadata date into an ISO day and the precision it was given with.

    Args:
        value: The date as found in metadata; ``None`` or blank means unknown.

    Returns:
        ``(iso_day, precision)`` with precision ``"day"``, ``"month"`` or
        ``"year"``, or ``None`` when ``value`` is empty.

    Raises:
        InputError: ``value`` is not empty but is not a date in any known form.
    """
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    parsed = _parse_iso(text) or _parse_rfc822(text) or _parse_formats(text)
    if parsed is None:
        raise InputError(
            repr(value),
            "not a recognised date; use ISO 8601 (YYYY-MM-DD) or an RFC 822 date",
        )
    day, precision = parsed
    if not _EARLIEST_YEAR <= day.year <= _LATEST_YEAR:
        raise InputError(repr(value), f"year {day.year} is out of range; check the date")
    return day.isoformat(), precision


def normalise_date(value: str | None) -> str | None:
    """Turn a metadata date into ``YYYY-MM-DD``.

    Month-only and year-only values become the first day of the period; use
    :func:`parse_date` to learn the precision as well.

    Args:
        value: The date as found in metadata; ``None`` or blank means unknown.

    Returns:
        The ISO day, or ``None`` when ``value`` is empty.

    Raises:
        InputError: ``value`` is not empty but is not a date in any known form.

    Example:
        >>> normalise_date("Mon, 15 Jul 2024 09:30:00 GMT")
        '2024-07-15'
    """
    parsed = parse_date(value)
    return parsed[0] if parsed else None


def _parse_iso(text: str) -> tuple[date, str] | None:
    """ISO 8601 dates and date-times (``Z`` and offsets allowed)."""
    if not _ISO_PREFIX.match(text) and not re.fullmatch(r"\d{8}", text):
        return None
    try:
        return datetime.fromisoformat(text).date(), "day"
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10]), "day"
    except ValueError:
        return None


def _parse_rfc822(text: str) -> tuple[date, str] | None:
    """RFC 822 / 2822 dates, as used by RSS ``pubDate``."""
    if not re.search(r"\d{1,2}:\d{2}", text):
        return None
    try:
        return parsedate_to_datetime(text).date(), "day"
    except (TypeError, ValueError, IndexError):
        return None


def _parse_formats(text: str) -> tuple[date, str] | None:
    """The hand-typed forms in ``_FORMATS``."""
    cleaned = _ORDINAL_SUFFIX.sub(r"\1", text).replace(",", " ")
    cleaned = " ".join(cleaned.split())
    for fmt, precision in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date(), precision
        except ValueError:
            continue
    return None
