"""The API's read model of the store: snapshots of every event, indexed, kept fresh.

Modules: ``filters`` (:class:`EventFilters`, the query parameters and their
meaning), ``entries`` (one event as held in memory), ``snapshot`` (indexes,
selections, pages), ``aggregates`` (actors and places), ``stories`` (linked
stories and corroboration), ``holder`` (:class:`Catalog`: refreshes in the background).
"""

from __future__ import annotations

from eventwatch.serve.catalog.aggregates import Actor, Place, actor_table, place_table
from eventwatch.serve.catalog.entries import EventEntry
from eventwatch.serve.catalog.filters import SORTS, EventFilters
from eventwatch.serve.catalog.holder import Catalog
from eventwatch.serve.catalog.snapshot import Snapshot
from eventwatch.serve.catalog.stories import StoryIndex, StorySummary

__all__ = [
    "SORTS",
    "Actor",
    "Catalog",
    "EventEntry",
    "EventFilters",
    "Place",
    "Snapshot",
    "StoryIndex",
    "StorySummary",
    "actor_table",
    "place_table",
]
