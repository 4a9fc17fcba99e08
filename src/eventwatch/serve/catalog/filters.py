"""The event filters of the API, checked once, and what each one means.

:class:`EventFilters` carries the query parameters shared by ``/api/events``,
``/api/export`` and the dashboard.  The fields that :class:`~eventwatch.store.EventQuery`
has keep its exact meaning (``tests/serve/test_catalog.py`` checks the two
agree on a table of queries); ``place``, ``q`` and ``min_corroboration`` are the
API's own, because the store cannot filter on them yet.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, fields

from eventwatch.model import FACTUALITY_VALUES
from eventwatch.serve.errors import Unprocessable
from eventwatch.store import EventQuery
from eventwatch.store.queries import iso_date_bound

__all__ = ["SORTS", "EventFilters", "date_bound", "fold"]

#: Accepted ``sort`` values; ``doc`` is the store's order (document, then position).
SORTS = ("doc", "date", "-date", "confidence", "-confidence")

_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
_EVENT_TYPE = re.compile(r"^[A-Za-z_]{1,32}$")


def fold(text: str | None) -> str:
    """Case-folded text, as the store folds it for case-insensitive search."""
    return (text or "").casefold()


def date_bound(value: str, *, end: bool) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a full ISO day (first or last); else None.

    The store's own reading of a date filter, so the read model and the store agree.
    """
    return iso_date_bound(value, end=end)


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Filters on events; unset fields (None) do not filter; set fields combine with AND.

    Attributes:
        event_type: PLOVER type, ``COUP`` or ``OFFICE`` (case-insensitive).
        mode: Exact mode, e.g. ``conspiracy``.
        country: ISO 3166 alpha-3 of the place or of the actor or recipient.
        actor: Case-insensitive substring of the actor's or recipient's text or name.
        place: Case-insensitive substring of the location's name or its text as written.
        date_from: ``YYYY[-MM[-DD]]``; events whose date range ends on or after it.
        date_to: ``YYYY[-MM[-DD]]``; events whose date range starts on or before it.
        factuality: One of the factuality values.
        q: Case-insensitive substring of the evidence sentence, a participant
            (actor, recipient, source: text or name) or the place name.
        min_corroboration: Events whose story has at least this many independent sources.
        doc_id: Only the events of this document (its exact id).
    """

    event_type: str | None = None
    mode: str | None = None
    country: str | None = None
    actor: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    factuality: str | None = None
    q: str | None = None
    min_corroboration: int | None = None
    doc_id: str | None = None

    @classmethod
    def checked(cls, **values: str | int | None) -> EventFilters:
        """Build filters from request parameters, rejecting bad values with a clear message.

        Args:
            **values: Field values; empty strings count as unset.

        Returns:
            The filters, normalised (type and country upper-case).

        Raises:
            Unprocessable: A value has the wrong form; the message names it and the rule.
        """
        clean = {k: (None if v == "" else v) for k, v in values.items()}
        event_type = clean.get("event_type")
        if isinstance(event_type, str):
            if not _EVENT_TYPE.match(event_type):
                raise Unprocessable(
                    f"type: {event_type!r} is not an event type; use a PLOVER type such as "
                    "COERCE or ASSAULT, or COUP / OFFICE"
                )
            clean["event_type"] = event_type.upper()
        country = clean.get("country")
        if isinstance(country, str):
            if not _COUNTRY.match(country):
                raise Unprocessable(
                    f"country: {country!r} is not an ISO 3166 alpha-3 code; use e.g. KGZ or PAK"
                )
            clean["country"] = country.upper()
        factuality = clean.get("factuality")
        if factuality is not None and factuality not in FACTUALITY_VALUES:
            raise Unprocessable(
                f"factuality: {factuality!r} is not one of {', '.join(FACTUALITY_VALUES)}"
            )
        for name in ("date_from", "date_to"):
            value = clean.get(name)
            if isinstance(value, str) and date_bound(value, end=name == "date_to") is None:
                raise Unprocessable(
                    f"{name}: {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY"
                )
        minimum = clean.get("min_corroboration")
        if minimum is not None and (not isinstance(minimum, int) or minimum < 1):
            raise Unprocessable(f"min_corroboration: must be a whole number >= 1, got {minimum!r}")
        return cls(**clean)  # type: ignore[arg-type]

    def is_empty(self) -> bool:
        """True when no field filters."""
        return all(getattr(self, f.name) is None for f in fields(self))

    def key(self) -> str:
        """A short stable digest of the filters (cache keys, cursor binding)."""
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=True)
        return hashlib.sha1(payload.encode("ascii")).hexdigest()[:12]

    def to_event_query(self) -> EventQuery:
        """The store query for the fields the store can filter on (the rest are the API's)."""
        return EventQuery(
            event_type=self.event_type,
            mode=self.mode,
            country=self.country,
            actor=self.actor,
            date_from=self.date_from,
            date_to=self.date_to,
            factuality=self.factuality,
            doc_id=self.doc_id,
        )
