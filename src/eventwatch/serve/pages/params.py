"""Query strings of the pages: the JSON API's parameter names, checked the API's way.

Every filter state of the dashboard is a URL.  The pages read the same
parameters as ``/api/events`` (``type``, ``mode``, ``country``, ``actor``,
``place``, ``date_from``, ``date_to``, ``factuality``, ``q``,
``min_corroboration``, ``doc``, ``sort``, ``cursor``, ``limit``) and check them with
:meth:`EventFilters.checked`, so a URL moves between the dashboard and the API
unchanged.  A bad value raises :class:`~eventwatch.serve.errors.Unprocessable`
(shown as a 400 page).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlencode

from eventwatch.serve.catalog import SORTS, EventFilters
from eventwatch.serve.errors import Unprocessable

__all__ = [
    "FILTER_PARAMS",
    "EventQuery",
    "filter_params",
    "read_event_query",
    "read_int",
    "read_text",
    "url",
]

#: Filter field → query parameter name (the JSON API's names).
FILTER_PARAMS = {
    "event_type": "type",
    "mode": "mode",
    "country": "country",
    "actor": "actor",
    "place": "place",
    "date_from": "date_from",
    "date_to": "date_to",
    "factuality": "factuality",
    "q": "q",
    "min_corroboration": "min_corroboration",
    "doc_id": "doc",
}
# Longer than any valid value, so a wrong value gets the filters' own message (what the rule is).
_MAX_LENGTH = {
    "type": 64,
    "mode": 64,
    "country": 64,
    "date_from": 64,
    "date_to": 64,
    "cursor": 1024,
    "sort": 64,
    "doc": 300,
}
_MAX_TEXT = 200


def read_text(params: Mapping[str, str], name: str, *, max_length: int | None = None) -> str | None:
    """A text parameter, None when absent or empty.

    Raises:
        Unprocessable: The value is longer than allowed or holds a NUL character.
    """
    value = params.get(name)
    if value is None or value == "":
        return None
    limit = max_length or _MAX_LENGTH.get(name, _MAX_TEXT)
    if len(value) > limit:
        raise Unprocessable(f"{name}: at most {limit} characters, got {len(value)}")
    if "\x00" in value:
        raise Unprocessable(f"{name}: must not contain NUL characters")
    return value


def read_int(
    params: Mapping[str, str], name: str, *, low: int, high: int, default: int | None = None
) -> int | None:
    """A whole-number parameter within ``low``..``high``; ``default`` when absent.

    Raises:
        Unprocessable: The value is not a whole number in range.
    """
    text = read_text(params, name, max_length=12)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        raise Unprocessable(f"{name}: {text!r} is not a whole number") from None
    if not low <= value <= high:
        raise Unprocessable(f"{name}: must be between {low} and {high}, got {value}")
    return value


@dataclass(frozen=True, slots=True)
class EventQuery:
    """A page's event filters, order, page size and cursor."""

    filters: EventFilters
    sort: str
    limit: int
    cursor: str | None

    def params(self, **changes: Any) -> dict[str, Any]:
        """The query parameters of this state (defaults left out), with ``changes`` applied."""
        values: dict[str, Any] = filter_params(self.filters)
        if self.sort != "doc":
            values["sort"] = self.sort
        values.update(changes)
        return {k: v for k, v in values.items() if v is not None and v != ""}


def read_event_query(
    params: Mapping[str, str],
    *,
    default_sort: str = "doc",
    default_limit: int = 50,
    max_limit: int = 500,
) -> EventQuery:
    """The event filters, sort, limit and cursor of a request's query string.

    Raises:
        Unprocessable: A value is malformed; the message names it.
    """
    values: dict[str, Any] = {
        field: read_text(params, name)
        for field, name in FILTER_PARAMS.items()
        if name != "min_corroboration"
    }
    values["min_corroboration"] = read_int(params, "min_corroboration", low=1, high=1000)
    filters = EventFilters.checked(**values)
    sort = read_text(params, "sort") or default_sort
    if sort not in SORTS:
        raise Unprocessable(f"sort: {sort!r} is not one of {', '.join(SORTS)}")
    limit = read_int(params, "limit", low=1, high=max_limit, default=default_limit)
    return EventQuery(filters, sort, limit or default_limit, read_text(params, "cursor"))


def filter_params(filters: EventFilters) -> dict[str, Any]:
    """The query parameters of ``filters`` (set fields only), by API name."""
    return {
        FILTER_PARAMS[field]: value for field, value in asdict(filters).items() if value is not None
    }


def url(path: str, params: Mapping[str, Any] | None = None, **changes: Any) -> str:
    """``path`` with a query string of ``params`` updated by ``changes`` (None drops a key)."""
    merged = {**(params or {}), **changes}
    items = [(k, str(v)) for k, v in merged.items() if v is not None and v != ""]
    return path + ("?" + urlencode(items) if items else "")
