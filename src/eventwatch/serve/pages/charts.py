"""Geometry of the dashboard's small SVG charts, computed on the server.

The functions return plain numbers and links; the templates draw them as SVG
elements with CSS classes (no inline styles, no scripts needed), so every bar
and dot is a link into a filtered view and the charts work without JavaScript.

* :func:`stacked_periods`: events per month (or year) stacked by type;
* :class:`TimeScale` and :func:`timeline_points`: events as dots on a time axis,
  one lane per type, sized by corroboration.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwatch.resolve.dates import parse_iso
from eventwatch.serve.pages.vocabulary import EVENT_TYPES, type_class

__all__ = [
    "TimeScale",
    "marker_radius",
    "nice_ticks",
    "period_range",
    "stacked_periods",
    "timeline_points",
]

_MAX_MONTHS = 72


def marker_radius(corroboration: int | None, *, base: float = 3.0) -> float:
    """A marker's radius: grows with the square root of the independent outlets."""
    outlets = max(1, corroboration or 1)
    return round(min(base * 3.5, base + 2.2 * math.sqrt(outlets - 1)), 2)


def nice_ticks(top: int, count: int = 3) -> list[int]:
    """Up to ``count`` round tick values from 0 to at least ``top``."""
    if top <= 0:
        return [0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    return list(range(0, top + step, step))[: count + 2]


def period_range(first: str, last: str, *, period: str) -> list[str]:
    """Every period from ``first`` to ``last`` inclusive (``YYYY-MM`` or ``YYYY``)."""
    if period == "year":
        return [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    found = []
    while (year, month) <= end:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _fold_years(table: Mapping[str, Counter[str]]) -> dict[str, Counter[str]]:
    years: dict[str, Counter[str]] = {}
    for key, counts in table.items():
        years.setdefault(key[:4], Counter()).update(counts)
    return years


def stacked_periods(
    months: Mapping[str, Counter[str]],
    link: Callable[[str, str | None], str],
    *,
    width: int = 720,
    height: int = 200,
) -> dict[str, Any]:
    """Bars of events per period stacked by type.

    Args:
        months: ``YYYY-MM`` → type → count (see :func:`facets.period_counts`).
        link: ``(period, type or None)`` → the URL of those events.
        width: The chart's width in SVG units.
        height: Its height.

    Returns:
        ``{"width", "height", "period", "bars": [{"period", "x", "width", "total",
        "href", "segments": [{"type", "css", "y", "height", "count", "href"}]}],
        "ticks": [{"value", "y"}], "labels": [{"text", "x"}], "plot": {...}}``;
        no bars when nothing is dated.
    """
    left, right, top, bottom = 40, 8, 8, 22
    plot_w, plot_h = width - left - right, height - top - bottom
    chart: dict[str, Any] = {"width": width, "height": height, "bars": [], "ticks": []}
    chart["labels"] = []
    chart["plot"] = {"left": left, "top": top, "bottom": top + plot_h, "right": left + plot_w}
    if not months:
        chart["period"] = "month"
        return chart
    keys = sorted(months)
    period = "month"
    table: Mapping[str, Counter[str]] = months
    if len(period_range(keys[0], keys[-1], period="month")) > _MAX_MONTHS:
        period, table = "year", _fold_years(months)
        keys = sorted(table)
    periods = period_range(keys[0], keys[-1], period=period)
    chart["period"] = period
    tallest = max(sum(c.values()) for c in table.values())
    ticks = nice_ticks(tallest)
    scale_top = max(ticks[-1], 1)
    step = plot_w / len(periods)
    gap = min(2.0, step * 0.15)
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    for index, key in enumerate(periods):
        counts = table.get(key, Counter())
        x = left + index * step
        y = float(top + plot_h)
        segments = []
        for event_type in sorted(counts, key=lambda t: (order.get(t, len(order)), t)):
            count = counts[event_type]
            h = plot_h * count / scale_top
            y -= h
            segments.append(
                {
                    "type": event_type,
                    "css": type_class(event_type),
                    "y": round(y, 2),
                    "height": round(h, 2),
                    "count": count,
                    "href": link(key, event_type),
                }
            )
        chart["bars"].append(
            {
                "period": key,
                "x": round(x + gap / 2, 2),
                "width": round(max(step - gap, 0.5), 2),
                "total": sum(counts.values()),
                "href": link(key, None),
                "segments": segments,
            }
        )
    chart["ticks"] = [
        {"value": v, "y": round(top + plot_h - plot_h * v / scale_top, 2)} for v in ticks
    ]
    every = max(1, math.ceil(len(periods) / 10))
    chart["labels"] = [
        {"text": key, "x": round(left + (i + 0.5) * step, 2)}
        for i, key in enumerate(periods)
        if i % every == 0
    ]
    return chart


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Days mapped linearly onto ``left``..``right``."""

    first: date
    last: date
    left: float
    right: float

    def x(self, day: date) -> float:
        """The x of a day."""
        span = max((self.last - self.first).days, 1)
        return round(self.left + (self.right - self.left) * (day - self.first).days / span, 2)

    def ticks(self, count: int = 8) -> list[dict[str, Any]]:
        """Month or year starts inside the scale, at most about ``count``, with their x."""
        months = period_range(self.first.isoformat(), self.last.isoformat(), period="month")
        period = "month" if len(months) <= count * 3 else "year"
        keys = (
            months
            if period == "month"
            else period_range(self.first.isoformat(), self.last.isoformat(), period="year")
        )
        every = max(1, math.ceil(len(keys) / count))
        found = []
        for key in keys[::every]:
            day = date(int(key[:4]), int(key[5:7]) if period == "month" else 1, 1)
            if self.first <= day <= self.last:
                found.append({"text": key, "x": self.x(day)})
        return found


def timeline_points(
    rows: Sequence[Mapping[str, Any]],
    *,
    width: int = 960,
    lane_height: int = 26,
    first: date | None = None,
    last: date | None = None,
) -> dict[str, Any]:
    """Events as dots: x by start date, one lane per type, radius by corroboration.

    Args:
        rows: Dicts with ``id``, ``event_type``, ``start`` (ISO day), ``corroboration``,
            ``label`` (tooltip) and ``href``.
        width: Chart width.
        lane_height: Height of one type's lane.
        first: Start of the axis (default: the earliest row).
        last: End of the axis (default: the latest row).

    Returns:
        ``{"width", "height", "lanes": [{"type", "css", "y"}], "points": [...],
        "ticks": [...], "undated": int}``.
    """
    dated = [(parse_iso(r.get("start")), r) for r in rows]
    usable = [(d, r) for d, r in dated if d is not None]
    undated = len(rows) - len(usable)
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    types = sorted(
        {str(r.get("event_type")) for _, r in usable}, key=lambda t: (order.get(t, 99), t)
    )
    left, right, top = 110, width - 16, 10
    height = top + lane_height * max(len(types), 1) + 26
    chart: dict[str, Any] = {
        "width": width,
        "height": height,
        "lanes": [],
        "points": [],
        "ticks": [],
        "undated": undated,
        "axis_y": height - 24,
        "left": left,
        "right": right,
    }
    if not usable:
        return chart
    days = [d for d, _ in usable]
    scale = TimeScale(first or min(days), last or max(days), left, right)
    if scale.last <= scale.first:
        scale = TimeScale(scale.first, date.fromordinal(scale.first.toordinal() + 1), left, right)
    lanes = {t: top + lane_height * (i + 0.5) for i, t in enumerate(types)}
    chart["lanes"] = [
        {"type": t, "css": type_class(t), "y": round(y, 2), "top": round(y - lane_height / 2, 2)}
        for t, y in lanes.items()
    ]
    stacked: Counter[tuple[str, int]] = Counter()
    points = []
    for day, row in usable:
        event_type = str(row.get("event_type"))
        x = scale.x(day)
        slot = stacked[(event_type, round(x))]
        stacked[(event_type, round(x))] += 1
        step = ((slot + 1) // 2) * (1 if slot % 2 else -1) * 4.0  # 0, +4, -4, +8, ...
        offset = max(-lane_height / 2 + 3, min(lane_height / 2 - 3, step))
        points.append(
            {
                "id": row["id"],
                "x": x,
                "y": round(lanes[event_type] + offset, 2),
                "r": marker_radius(row.get("corroboration")),
                "css": type_class(event_type),
                "claim": row.get("claim", ""),
                "label": row.get("label", ""),
                "href": row["href"],
            }
        )
    points.sort(key=lambda p: -p["r"])  # big dots first, so small ones stay clickable on top
    chart["points"] = points
    chart["ticks"] = scale.ticks()
    return chart
