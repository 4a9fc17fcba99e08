"""Counts over a selection of events: facets, histograms, top lists.

A selection is what :func:`eventwatch.serve.queries.select_events` returns
(ranks in a sort order); :func:`positions_of` turns it into positions in the
snapshot.  Facets on coded columns (type, mode, factuality, countries) and on
dates are numpy counts over those positions (a few milliseconds for 100,000
events).  Participant names and days as integers are columns built once per snapshot
(:func:`page_columns`), so the actor and date facets are numpy counts too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwatch.serve.catalog import Catalog, Snapshot
from eventwatch.serve.catalog.stories import corroboration_column

__all__ = [
    "CORROBORATION_STEPS",
    "FacetValue",
    "PageColumns",
    "actor_facet",
    "coded_facet",
    "corroboration_facet",
    "corroboration_of",
    "country_facet",
    "date_span",
    "period_counts",
    "page_columns",
    "positions_of",
    "year_facet",
]

#: The corroboration facet's thresholds (at least N independent outlets).
CORROBORATION_STEPS = (1, 2, 3, 5, 10)

Positions = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet and how many selected events have it."""

    value: str
    count: int


def positions_of(snapshot: Snapshot, selection: Positions, sort: str) -> Positions:
    """Snapshot positions of the selected ranks (``select_events``' result)."""
    return snapshot.orders[sort][selection]


def _values_by_code(snapshot: Snapshot) -> list[str]:
    """The coded columns' values, indexed by code."""

    def build(snap: Snapshot) -> list[str]:
        vocabulary = snap.vocabularies["code"]
        values = [""] * len(vocabulary)
        for value, code in vocabulary.items():
            values[code] = value
        return values

    return snapshot.derived("pages:values_by_code", build)  # type: ignore[no-any-return]


def _tally(snapshot: Snapshot, codes: npt.NDArray[Any], limit: int | None) -> list[FacetValue]:
    """Facet values from an array of codes (``-1`` = none), most frequent first."""
    values = _values_by_code(snapshot)
    codes = codes[codes >= 0]
    if codes.size == 0:
        return []
    counts = np.bincount(codes, minlength=len(values))
    order = np.argsort(-counts, kind="stable")
    found = [FacetValue(values[i], int(counts[i])) for i in order.tolist() if counts[i] > 0]
    return found[:limit] if limit is not None else found


def coded_facet(
    snapshot: Snapshot, positions: Positions, column: str, *, limit: int | None = None
) -> list[FacetValue]:
    """Counts of a coded column (``event_type``, ``mode``, ``factuality``) over ``positions``."""
    return _tally(snapshot, snapshot.columns[column][positions], limit)


def country_facet(
    snapshot: Snapshot, positions: Positions, *, limit: int | None = None
) -> list[FacetValue]:
    """Events per country as the ``country`` filter counts them (place, actor or recipient)."""
    columns = snapshot.columns
    place = columns["location_country"][positions]
    actor = columns["actor_country"][positions]
    recipient = columns["recipient_country"][positions]
    actor = np.where(actor == place, -1, actor)
    recipient = np.where((recipient == place) | (recipient == actor), -1, recipient)
    return _tally(snapshot, np.concatenate((place, actor, recipient)), limit)


@dataclass(frozen=True, slots=True)
class PageColumns:
    """Columns the pages count on, built once per snapshot.

    Attributes:
        first_day: Each event's first day as ``YYYYMMDD`` (0 when undated).
        last_day: Each event's last day as ``YYYYMMDD`` (0 when undated).
        actor_name: Code of the actor's canonical name (-1 for none).
        recipient_name: Code of the recipient's canonical name (-1 for none).
        names: Participant names by code.
    """

    first_day: npt.NDArray[np.int64]
    last_day: npt.NDArray[np.int64]
    actor_name: npt.NDArray[np.int64]
    recipient_name: npt.NDArray[np.int64]
    names: list[str]


def _day_numbers(days: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
    """ISO days (``U10``, '' for none) as ``YYYYMMDD`` integers (0 for none), vectorised."""
    if days.size == 0:
        return np.zeros(0, dtype=np.int64)
    raw = np.frombuffer(days.astype("S10").tobytes(), dtype=np.uint8).reshape(-1, 10)
    digits = raw[:, [0, 1, 2, 3, 5, 6, 8, 9]].astype(np.int64) - 48
    valid = ((digits >= 0) & (digits <= 9)).all(axis=1)
    weights = 10 ** np.arange(7, -1, -1, dtype=np.int64)
    return np.where(valid, digits @ weights, 0)


def page_columns(snapshot: Snapshot) -> PageColumns:
    """The snapshot's :class:`PageColumns` (computed on first use)."""

    def build(snap: Snapshot) -> PageColumns:
        codes: dict[str, int] = {}
        actor = np.full(snap.event_count, -1, dtype=np.int64)
        recipient = np.full(snap.event_count, -1, dtype=np.int64)
        for position, entry in enumerate(snap.entries):
            for participant in entry.participants:
                if participant.role == "source":
                    continue
                name = participant.name or participant.text
                if not name:
                    continue
                code = codes.setdefault(name, len(codes))
                (actor if participant.role == "actor" else recipient)[position] = code
        return PageColumns(
            first_day=_day_numbers(snap.columns["date_first"]),
            last_day=_day_numbers(snap.columns["date_last"]),
            actor_name=actor,
            recipient_name=recipient,
            names=list(codes),
        )

    return snapshot.derived("pages:columns", build)  # type: ignore[no-any-return]


def _iso(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


def year_facet(snapshot: Snapshot, positions: Positions) -> list[FacetValue]:
    """Events per year of their start date, in calendar order (undated events left out)."""
    days = page_columns(snapshot).first_day[positions]
    years = days[days > 0] // 10000
    if years.size == 0:
        return []
    values, counts = np.unique(years, return_counts=True)
    return [
        FacetValue(f"{v:04d}", int(c))
        for v, c in zip(values.tolist(), counts.tolist(), strict=True)
    ]


def date_span(snapshot: Snapshot, positions: Positions) -> tuple[str | None, str | None]:
    """The earliest start and latest end date among ``positions``."""
    columns = page_columns(snapshot)
    firsts = columns.first_day[positions]
    lasts = columns.last_day[positions]
    firsts, lasts = firsts[firsts > 0], lasts[lasts > 0]
    return (
        _iso(int(firsts.min())) if firsts.size else None,
        _iso(int(lasts.max())) if lasts.size else None,
    )


def period_counts(
    snapshot: Snapshot, positions: Positions, *, period: str
) -> dict[str, Counter[str]]:
    """Events per period (``month``: ``YYYY-MM``, ``year``: ``YYYY``) per event type.

    Returns:
        Period → type → count, for dated events only.
    """
    days = page_columns(snapshot).first_day[positions]
    types = snapshot.columns["event_type"][positions].astype(np.int64)
    dated = days > 0
    keys = days[dated] // (100 if period == "month" else 10000)
    values = _values_by_code(snapshot)
    table: dict[str, Counter[str]] = {}
    if keys.size == 0:
        return table
    width = len(values) + 1
    pairs, counts = np.unique(keys * width + types[dated], return_counts=True)
    for pair, count in zip(pairs.tolist(), counts.tolist(), strict=True):
        key, code = divmod(pair, width)
        label = f"{key // 100:04d}-{key % 100:02d}" if period == "month" else f"{key:04d}"
        table.setdefault(label, Counter())[values[code]] += int(count)
    return table


def corroboration_of(catalog: Catalog, snapshot: Snapshot) -> npt.NDArray[np.int64] | None:
    """Each event's number of independent outlets, or None while stories are being linked."""
    stories = catalog.stories_if_ready()
    if stories is None:
        return None
    return corroboration_column(snapshot, stories)


def corroboration_facet(
    catalog: Catalog, snapshot: Snapshot, positions: Positions
) -> list[FacetValue] | None:
    """How many selected events have at least N independent outlets, per step; None if unknown."""
    column = corroboration_of(catalog, snapshot)
    if column is None:
        return None
    values = column[positions]
    return [FacetValue(str(step), int((values >= step).sum())) for step in CORROBORATION_STEPS]


def actor_facet(snapshot: Snapshot, positions: Positions, *, limit: int = 10) -> list[FacetValue]:
    """The most frequent actors and recipients (by canonical name) of the selection."""
    columns = page_columns(snapshot)
    actor = columns.actor_name[positions]
    recipient = columns.recipient_name[positions]
    recipient = np.where(recipient == actor, -1, recipient)
    codes = np.concatenate((actor, recipient))
    codes = codes[codes >= 0]
    if codes.size == 0:
        return []
    counts = np.bincount(codes, minlength=len(columns.names))
    top = np.argsort(-counts, kind="stable")[:limit]
    return [FacetValue(columns.names[i], int(counts[i])) for i in top.tolist() if counts[i] > 0]
