"""``/map``: the filtered events on a world map with an offline base layer.

The base layer is ``static/map/world-110m.json`` (Natural Earth 1:110m country
outlines, public domain; see ``static/map/SOURCES.md`` and the build script
beside it), drawn server-side as SVG paths in an equirectangular projection
(``x = lon``, ``y = -lat``).  Countries are shaded by how many events of the
whole selection they hold and link to the map filtered to them; markers are one
page of events (``limit``, default 500), coloured by type, sized by
corroboration, each a link to its event.  Events at the same place are spread
on a small spiral so every marker stays clickable.  ``static/js/map.js`` adds
zoom and pan.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from eventwatch.serve.pages import facets
from eventwatch.serve.pages.charts import marker_radius
from eventwatch.serve.pages.params import url
from eventwatch.serve.pages.rendering import guarded, render
from eventwatch.serve.pages.static import static_files
from eventwatch.serve.pages.timeline import page_points

__all__ = ["MAP_FILE", "country_shapes", "markers", "router", "shade"]

router = APIRouter(include_in_schema=False)

#: The base layer, below ``serve/static``.
MAP_FILE = "map/world-110m.json"
#: The map's frame in projected units: longitude -180..180, latitude 84 N..60 S.
VIEWBOX = (-180.0, -84.0, 360.0, 144.0)
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@lru_cache(maxsize=1)
def country_shapes() -> tuple[dict[str, Any], ...]:
    """Every country outline of the base layer: ``{"iso3", "name", "d"}``."""
    data = json.loads(static_files()[MAP_FILE].body)
    return tuple(data["countries"])


def shade(count: int, top: int) -> str:
    """The CSS class of a country holding ``count`` of at most ``top`` events (log scale)."""
    if count <= 0 or top <= 0:
        return "c0"
    level = 1 + int(4 * math.log1p(count) / math.log1p(top))
    return f"c{min(level, 5)}"


def markers(rows: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """Map markers for point rows with coordinates; and how many rows had none."""
    placed: list[dict[str, Any]] = []
    stacked: Counter[tuple[float, float]] = Counter()
    missing = 0
    for row in rows:
        lat, lon = row.get("lat"), row.get("lon")
        if lat is None or lon is None:
            missing += 1
            continue
        spot = (round(float(lat), 1), round(float(lon), 1))
        slot = stacked[spot]
        stacked[spot] += 1
        distance = 0.9 * math.sqrt(slot)
        angle = slot * _GOLDEN_ANGLE
        placed.append(
            {
                **row,
                "x": round(float(lon) + distance * math.cos(angle), 3),
                "y": round(-float(lat) + distance * math.sin(angle), 3),
                "r": marker_radius(row.get("corroboration"), base=1.1),
            }
        )
    placed.sort(key=lambda m: -m["r"])  # big markers first, so small ones stay on top
    return placed, missing


@router.get("/map", response_class=HTMLResponse)
@guarded
def map_view(request: Request) -> HTMLResponse:
    """The map."""
    found = page_points(request, "/map", "-date")
    params = found["params"]
    counts = {v.value: v.count for v in facets.country_facet(found["snapshot"], found["positions"])}
    top = max(counts.values(), default=0)
    countries = [
        {
            "name": shape["name"],
            "iso3": shape["iso3"],
            "d": shape["d"],
            "count": counts.get(shape["iso3"] or "", 0),
            "css": shade(counts.get(shape["iso3"] or "", 0), top),
            "href": url("/map", params, country=shape["iso3"], cursor=None)
            if shape["iso3"]
            else None,
        }
        for shape in country_shapes()
    ]
    placed, missing = markers(found["rows"])
    places = Counter((m["place"], m["country"]) for m in placed if m["place"])
    return render(
        request,
        "map.html",
        {
            "title": "Map",
            **found,
            "viewbox": " ".join(f"{v:g}" for v in VIEWBOX),
            "countries": countries,
            "markers": placed,
            "unplaced": missing,
            "places": [
                {
                    "name": name,
                    "country": country,
                    "count": count,
                    "href": url("/events", params, place=name),
                }
                for (name, country), count in places.most_common(15)
            ],
            "top_countries": sorted(counts.items(), key=lambda kv: -kv[1])[:10],
            "timeline_href": url("/timeline", params),
        },
    )
