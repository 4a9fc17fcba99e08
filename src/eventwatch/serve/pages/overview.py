"""``/``: the overview — events over time by type, top countries and actors, latest stories.

Everything links into a filtered ``/events`` view.  The whole-store counts are
computed once per snapshot (numpy over coded columns), the stories are read
without waiting (the page says when they are still being linked).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from eventwatch.serve import queries
from eventwatch.serve.catalog import Catalog, Snapshot, StoryIndex
from eventwatch.serve.pages import facets
from eventwatch.serve.pages.charts import stacked_periods
from eventwatch.serve.pages.params import url
from eventwatch.serve.pages.rendering import guarded, render
from eventwatch.serve.pages.rows import date_label, entity_label
from eventwatch.serve.state import ServerState

__all__ = ["latest_stories", "router", "story_headline", "store_summary"]

router = APIRouter(include_in_schema=False)


def store_summary(snapshot: Snapshot) -> dict[str, Any]:
    """Whole-store counts for the overview (computed once per snapshot)."""

    def build(snap: Snapshot) -> dict[str, Any]:
        everything = np.arange(snap.event_count, dtype=np.int64)
        return {
            "months": facets.period_counts(snap, everything, period="month"),
            "types": facets.coded_facet(snap, everything, "event_type"),
            "factuality": facets.coded_facet(snap, everything, "factuality"),
            "countries": facets.country_facet(snap, everything, limit=12),
            "span": facets.date_span(snap, everything),
        }

    return snapshot.derived("pages:overview", build)  # type: ignore[no-any-return]


def story_headline(snapshot: Snapshot, story: dict[str, Any]) -> dict[str, Any]:
    """A story's listing row: what happened (from its first report), where, how corroborated."""
    first = next(
        (e for e in (snapshot.entry(i) for i in story.get("event_ids") or []) if e is not None),
        None,
    )
    record = first.record() if first is not None else {}
    conflicts = story.get("conflicts") or {}
    return {
        "id": story["id"],
        "event_type": story.get("event_type"),
        "mode": record.get("mode"),
        "country": story.get("country"),
        "earliest": story.get("earliest"),
        "date": date_label(record.get("date")) or story.get("earliest") or "",
        "actor": entity_label(record.get("actor")),
        "recipient": entity_label(record.get("recipient")),
        "place": ((record.get("location") or {}).get("name")) or "",
        "corroboration": story.get("corroboration"),
        "sources": list(story.get("independent_sources") or []),
        "reports": len(story.get("event_ids") or []),
        "documents": len(story.get("doc_ids") or []),
        "conflicts": sorted(conflicts),
    }


def latest_stories(
    snapshot: Snapshot, stories: StoryIndex, *, limit: int = 8
) -> list[dict[str, Any]]:
    """The stories with the latest dates, newest first."""

    def build(snap: Snapshot) -> list[str]:
        dated = [s for s in stories.stories if s.earliest]
        dated.sort(key=lambda s: (s.earliest or "", s.corroboration), reverse=True)
        return [s.id for s in dated[:50]]

    ids = snapshot.derived(f"pages:latest_stories:{stories.serial}", build)
    return [story_headline(snapshot, stories.by_id[i].to_dict()) for i in ids[:limit]]


def _top_actors(catalog: Catalog) -> list[dict[str, Any]]:
    return list(queries.actors_page(catalog, limit=10)["actors"])


@router.get("/", response_class=HTMLResponse)
@guarded
def overview_view(request: Request) -> HTMLResponse:
    """The overview page."""
    server: ServerState = request.app.state.server
    catalog = server.catalog
    snapshot = catalog.snapshot()
    summary = store_summary(snapshot)

    def link(period: str, event_type: str | None) -> str:
        return url("/events", type=event_type, date_from=period, date_to=period)

    stories = catalog.stories_if_ready()
    documents = list(reversed(snapshot.documents[-8:]))
    return render(
        request,
        "overview.html",
        {
            "title": "Overview",
            "events": snapshot.event_count,
            "document_count": snapshot.document_count,
            "story_count": len(stories.stories) if stories is not None else None,
            "chart": stacked_periods(summary["months"], link, width=1200, height=220),
            "span": summary["span"],
            "types": summary["types"],
            "factuality": summary["factuality"],
            "countries": summary["countries"],
            "actors": _top_actors(catalog),
            "stories": latest_stories(snapshot, stories) if stories is not None else None,
            "documents": documents,
        },
    )
