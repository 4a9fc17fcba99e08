"""Exports with one row per story: the reports of one real-world event across outlets.

Rows carry the story's id, type, country, earliest report, independent outlets,
the number of reports and documents, the conflicting figures (each value with
the reports that give it) and the member event ids.  JSON Lines keeps the
structure; CSV flattens lists with `` | `` and is guarded against formula
injection like the event CSV.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any, Protocol

from eventwatch.errors import ConfigError
from eventwatch.export.acled_csv import csv_cell
from eventwatch.export.output import open_target

__all__ = ["STORY_COLUMNS", "STORY_FORMATS", "export_stories", "story_row"]

STORY_FORMATS = ("jsonl", "csv")
STORY_COLUMNS = (
    "story_id",
    "event_type",
    "country",
    "earliest",
    "corroboration",
    "independent_sources",
    "reports",
    "documents",
    "conflicts",
    "event_ids",
)


class StorySource(Protocol):
    def story(self, story_id: str) -> dict[str, Any] | None: ...


def story_row(story: Mapping[str, Any]) -> dict[str, Any]:
    """A story summary as one flat CSV row."""
    conflicts = "; ".join(
        f"{name}: " + " vs ".join(str(v["value"]) for v in values)
        for name, values in (story.get("conflicts") or {}).items()
    )
    return {
        "story_id": story["id"],
        "event_type": story["event_type"],
        "country": story.get("country"),
        "earliest": story.get("earliest"),
        "corroboration": story["corroboration"],
        "independent_sources": " | ".join(story["independent_sources"]),
        "reports": len(story["event_ids"]),
        "documents": len(story["doc_ids"]),
        "conflicts": conflicts,
        "event_ids": " | ".join(story["event_ids"]),
    }


def export_stories(
    store: StorySource,
    events: Iterable[Mapping[str, Any]],
    out: str | Path | IO[Any],
    *,
    format: str,
) -> int:
    """Write the stories of ``events`` (each once, in the order first met) to ``out``.

    Args:
        store: Where story summaries are read (a :class:`~eventwatch.store.Store`).
        events: The selected event records; events not linked into a story are skipped.
        out: A file path (written atomically), ``"-"`` or an open text handle.
        format: ``"jsonl"`` or ``"csv"``.

    Returns:
        The number of stories written.

    Raises:
        ConfigError: Another format was asked for.
    """
    if format not in STORY_FORMATS:
        raise ConfigError(
            f"stories export as {' or '.join(STORY_FORMATS)}, not {format!r}; "
            "use --per event for other formats"
        )
    seen: set[str] = set()
    count = 0
    with open_target(out) as handle:
        writer = csv.DictWriter(handle, fieldnames=STORY_COLUMNS) if format == "csv" else None
        if writer is not None:
            writer.writeheader()
        for event in events:
            story_id = event.get("story_id")
            if not story_id or story_id in seen:
                continue
            seen.add(story_id)
            story = store.story(story_id)
            if story is None:
                continue
            story.pop("events", None)
            if writer is not None:
                writer.writerow({k: csv_cell(v) for k, v in story_row(story).items()})
            else:
                handle.write(json.dumps(story, ensure_ascii=False) + "\n")
            count += 1
    return count
