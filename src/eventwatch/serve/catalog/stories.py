"""Stories of a snapshot: the stories stored with the events, summarised.

Events are linked into stories when they are stored (see
:meth:`eventwatch.store.Store.link_stories`); here they are grouped by their
``story_id`` and summarised once per snapshot, in the background: ids,
sources, conflicts.  Events of an older store without story ids are linked
with :func:`eventwatch.link.link_events`.  An event's *corroboration* is the number of
independent sources of its story, computed over the whole store, so it does
not change with the filters of a query.  Events that link_events leaves out
(hypothetical, negated or planned) have corroboration 0; events stored after
the stories were computed count 1 until the next computation.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwatch.link import Story, link_events
from eventwatch.serve.catalog.entries import EventEntry
from eventwatch.serve.catalog.snapshot import Snapshot

__all__ = ["StoryIndex", "StorySummary", "build_story_index", "corroboration_column"]

logger = logging.getLogger(__name__)

_UNLINKED_FACTUALITY = frozenset({"hypothetical", "negated", "planned"})


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One story: the reports of one real-world event."""

    id: str
    event_type: str
    country: str | None
    earliest: str | None
    sources: tuple[str, ...]
    conflicts: dict[str, list[dict[str, Any]]]
    event_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]

    @property
    def corroboration(self) -> int:
        return len(self.sources)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "country": self.country,
            "earliest": self.earliest,
            "independent_sources": list(self.sources),
            "corroboration": self.corroboration,
            "conflicts": self.conflicts,
            "event_ids": list(self.event_ids),
            "doc_ids": list(self.doc_ids),
        }


class StoryIndex:
    """The stories of one snapshot, by id and by event."""

    def __init__(self, stories: list[StorySummary], *, serial: int, seconds: float) -> None:
        self.serial = serial
        self.seconds = seconds
        self.stories = stories
        self.by_id = {story.id: story for story in stories}
        self.rank = {story.id: index for index, story in enumerate(stories)}
        self._story_of = {event_id: story for story in stories for event_id in story.event_ids}

    def story_of(self, event_id: str) -> StorySummary | None:
        """The story an event belongs to, if it was linked."""
        return self._story_of.get(event_id)

    def corroboration(self, entry: EventEntry) -> int:
        """Independent sources of the event's story (see the module notes for the edge cases)."""
        story = self._story_of.get(entry.id)
        if story is not None:
            return story.corroboration
        return 0 if entry.factuality in _UNLINKED_FACTUALITY else 1


def build_story_index(snapshot: Snapshot) -> StoryIndex:
    """The stories of ``snapshot``: the store's stories, plus links for events not yet stored as linked.

    Events that carry a ``story_id`` (linked when they were stored) keep their
    story, so the API shows the same stories as ``eventwatch stories``; events
    without one (a store written by an older version) are linked here.

    Args:
        snapshot: The events and documents to summarise.

    Returns:
        The stories, earliest first.
    """
    started = time.perf_counter()
    records = [entry.record() for entry in snapshot.entries]
    grouped: dict[str, Story] = {}
    loose = []
    for record in records:
        story_id = record.get("story_id")
        if story_id:
            grouped.setdefault(
                story_id, Story(id=story_id, event_type=record["event_type"])
            ).events.append(record)
        else:
            loose.append(record)
    stories = [*grouped.values(), *link_events(loose)]
    stories.sort(key=lambda story: (story.earliest() or "9999", story.id))
    summaries = []
    for story in stories:
        summaries.append(
            StorySummary(
                id=story.id,
                event_type=story.event_type,
                country=story.country,
                earliest=story.earliest(),
                sources=tuple(story.independent_sources(snapshot.document_by_id)),
                conflicts=story.conflicts(),
                event_ids=tuple(e["id"] for e in story.events),
                doc_ids=tuple(story.doc_ids),
            )
        )
    seconds = time.perf_counter() - started
    logger.info("linked %d events into %d stories in %.1f s", len(records), len(summaries), seconds)
    return StoryIndex(summaries, serial=snapshot.serial, seconds=seconds)


def corroboration_column(snapshot: Snapshot, stories: StoryIndex) -> npt.NDArray[np.int64]:
    """Each event's corroboration (by position), computed once per snapshot and stories."""

    def build(snap: Snapshot) -> npt.NDArray[np.int64]:
        return np.fromiter(
            (stories.corroboration(entry) for entry in snap.entries),
            dtype=np.int64,
            count=snap.event_count,
        )

    return snapshot.derived(f"corroboration:{stories.serial}", build)  # type: ignore[no-any-return]
