"""``/actors`` and ``/actors/{id}``: actors with their event counts; one actor and its network.

The listing and the detail are :func:`queries.actors_page` and
:func:`queries.actor_detail` as they are; fields the read model may add later
(``offices``) are shown when present.  The interaction network is drawn on the
server from the actor's events (as actor and as recipient): the actor in the
middle, its counterparts around it, edges as wide as their event counts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from eventwatch.serve import queries
from eventwatch.serve.catalog import Snapshot
from eventwatch.serve.errors import Unprocessable
from eventwatch.serve.pages.params import read_int, read_text, url
from eventwatch.serve.pages.rendering import guarded, render
from eventwatch.serve.pages.vocabulary import type_class
from eventwatch.serve.state import ServerState

__all__ = ["counterparts", "network_layout", "office_rows", "router"]

router = APIRouter(include_in_schema=False)

_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
_SECTOR = re.compile(r"^[A-Za-z]{2,8}$")
_NETWORK_NODES = 16
_DETAIL_LIMIT = 200


def counterparts(
    snapshot: Snapshot, actor_id: str, event_ids: Iterable[str]
) -> list[dict[str, Any]]:
    """The actor's counterparts in ``event_ids``: who it acted on and who acted on it.

    Returns:
        ``{"id", "name", "country", "count", "as_actor", "as_recipient"}`` per
        counterpart, most shared events first.
    """
    tally: dict[str, dict[str, Any]] = {}
    for event_id in dict.fromkeys(event_ids):
        entry = snapshot.entry(event_id)
        if entry is None:
            continue
        roles = {p.role: p for p in entry.participants if p.role != "source"}
        for mine, theirs in (("actor", "recipient"), ("recipient", "actor")):
            me, other = roles.get(mine), roles.get(theirs)
            if me is None or other is None or me.key != actor_id or other.key == actor_id:
                continue
            found = tally.setdefault(
                other.key,
                {
                    "id": other.key,
                    "name": other.name or other.text,
                    "country": other.country,
                    "count": 0,
                    "as_actor": 0,
                    "as_recipient": 0,
                },
            )
            found["count"] += 1
            found["as_recipient" if theirs == "recipient" else "as_actor"] += 1
    return sorted(tally.values(), key=lambda c: (-c["count"], c["name"]))


def network_layout(
    name: str, others: list[dict[str, Any]], *, width: int = 640, height: int = 420
) -> dict[str, Any]:
    """The actor in the middle, up to 16 counterparts on a circle, edge widths by count."""
    shown = others[:_NETWORK_NODES]
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 60
    top = max((o["count"] for o in shown), default=1)
    nodes = []
    for index, other in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(shown), 1)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        nodes.append(
            {
                **other,
                "x": round(x, 1),
                "y": round(y, 1),
                "edge": round(1 + 7 * other["count"] / top, 2),
                "anchor": "start"
                if math.cos(angle) > 0.2
                else "end"
                if math.cos(angle) < -0.2
                else "middle",
                "label_x": round(x + 12 * math.cos(angle), 1),
                "label_y": round(y + 12 * math.sin(angle) + 4, 1),
                "short": other["name"] if len(other["name"]) <= 28 else other["name"][:27] + "…",
            }
        )
    return {
        "width": width,
        "height": height,
        "cx": cx,
        "cy": cy,
        "name": name,
        "nodes": nodes,
        "hidden": max(0, len(others) - len(shown)),
    }


def office_rows(offices: Any) -> list[str]:
    """Offices as lines of text, whatever shape the read model gives them (none → [])."""
    if not offices:
        return []
    if isinstance(offices, str | Mapping):
        offices = [offices]
    rows = []
    for office in offices:
        if isinstance(office, Mapping):
            title = (
                office.get("office")
                or office.get("title")
                or office.get("post")
                or office.get("name")
            )
            rest = [
                f"{k}: {v}"
                for k, v in office.items()
                if v not in (None, "", [], {}) and k not in ("office", "title", "post", "name")
            ]
            rows.append(" · ".join(str(x) for x in (title, *rest) if x))
        else:
            rows.append(str(office))
    return [r for r in rows if r]


def _brief_rows(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            **event,
            "type_class": type_class(event.get("event_type")),
            "date_text": (event.get("date") or {}).get("start") or "undated",
        }
        for event in events
    ]


@router.get("/actors", response_class=HTMLResponse)
@guarded
def actors_view(request: Request) -> HTMLResponse:
    """Actors, most events first."""
    server: ServerState = request.app.state.server
    params = request.query_params
    q = read_text(params, "q")
    country = read_text(params, "country")
    sector = read_text(params, "sector", max_length=64)
    if country is not None and not _COUNTRY.match(country):
        raise Unprocessable(f"country: {country!r} is not an ISO 3166 alpha-3 code; use e.g. KGZ")
    if sector is not None and not _SECTOR.match(sector):
        raise Unprocessable(f"sector: {sector!r} is not a PLOVER sector code such as GOV or MIL")
    limit = read_int(params, "limit", low=1, high=500, default=50) or 50
    cursor = read_text(params, "cursor")
    found = queries.actors_page(
        server.catalog, q=q, country=country, sector=sector, limit=limit, cursor=cursor
    )
    state = {"q": q, "country": country, "sector": sector}
    return render(
        request,
        "actors.html",
        {
            "title": "Actors",
            "state": state,
            "actors": found["actors"],
            "total": found["total"],
            "next_href": url(
                "/actors", state, cursor=found["next_cursor"], limit=params.get("limit")
            )
            if found["next_cursor"]
            else None,
            "first_href": url("/actors", state) if cursor else None,
        },
    )


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
@guarded
def actor_view(request: Request, actor_id: str) -> HTMLResponse:
    """One actor."""
    server: ServerState = request.app.state.server
    detail = queries.actor_detail(
        server.catalog, actor_id, limit=_DETAIL_LIMIT, store=server.reader()
    )
    actor = detail["actor"]
    events = detail.get("events") or {}
    snapshot = server.catalog.snapshot()
    ids = [e["id"] for role in ("actor", "recipient") for e in events.get(role) or []]
    others = counterparts(snapshot, actor_id, ids)
    offices = office_rows(detail.get("offices") or actor.get("offices"))
    return render(
        request,
        "actor.html",
        {
            "title": actor.get("name") or actor_id,
            "actor": actor,
            "aliases": detail.get("aliases") or actor.get("aliases") or [],
            "offices": offices,
            "as_actor": _brief_rows(events.get("actor") or []),
            "as_recipient": _brief_rows(events.get("recipient") or []),
            "as_source": _brief_rows(events.get("source") or []),
            "limit": _DETAIL_LIMIT,
            "network": network_layout(actor.get("name") or actor_id, others),
            "counterparts": others,
            "events_href": url("/events", actor=actor.get("name")),
        },
    )
