"""A story: one real-world event, the reports of it, their independent sources and conflicts.

Corroboration counts independent outlets: reports of one outlet count once, and
so do syndicated copies (evidence that shares most of its words with an earlier
report).  Conflicting figures (dates, tolls, numbers detained, who did it) are
kept side by side, never averaged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from eventwatch.link.compare import MAX_SPAN_DAYS, interval, proper_name

__all__ = ["Story", "vaguely_dated"]

_WORD = re.compile(r"\w+")
_DATELINE = re.compile(r"^[^—–]{0,80}(?:—|–|--)\s*")
SYNDICATED_OVERLAP = 0.7  # share of words at which a report's evidence is a copy of an earlier one


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def vaguely_dated(event: dict[str, Any]) -> bool:
    """Whether an event is dated only to a month or a year (a span over MAX_SPAN_DAYS)."""
    days = interval(event)
    return days is not None and days[1] - days[0] > MAX_SPAN_DAYS


@dataclass(slots=True)
class Story:
    """One real-world event and the reports of it."""

    id: str
    event_type: str
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def doc_ids(self) -> list[str]:
        return sorted({e["doc_id"] for e in self.events})

    @property
    def country(self) -> str | None:
        return next(
            (c for e in self.events if (c := (e.get("location") or {}).get("country"))), None
        )

    def independent_sources(
        self, documents: Mapping[str, dict[str, Any]] | None = None
    ) -> list[str]:
        """One name per independent source.

        Reports of one outlet count once, and so do syndicated copies: a report whose
        evidence shares most of its words with an earlier outlet's is that outlet's copy.
        """
        sources: list[tuple[str, set[str]]] = []
        for event in sorted(self.events, key=lambda e: (e["date"]["start"] or "", e["doc_id"])):
            doc = event["doc_id"]
            outlet = ((documents or {}).get(doc) or {}).get("outlet") or event.get("outlet") or doc
            words = set(_WORD.findall(_DATELINE.sub("", event["evidence"]["text"]).lower()))
            copied = next(
                (name for name, seen in sources if _jaccard(words, seen) >= SYNDICATED_OVERLAP),
                None,
            )
            sources.append((copied or outlet, words))
        return sorted({name for name, _ in sources})

    def conflicts(self) -> dict[str, list[dict[str, Any]]]:
        """Fields on which the reports disagree, each value with the events that give it.

        A date given only as a month or a year is vaguer, not in conflict.
        """
        found: dict[str, list[dict[str, Any]]] = {}
        fields = {
            "date": lambda e: (
                e["date"]["start"]
                if e["date"]["basis"] == "text" and not vaguely_dated(e)
                else None
            ),
            **{
                key: (lambda e, k=key: e["counts"].get(k))
                for key in ("killed", "injured", "arrested")
            },
            "actor": lambda e: (
                (e.get("actor") or {}).get("name")
                if proper_name((e.get("actor") or {}).get("name") or "")
                else None
            ),
        }
        for name, read in fields.items():
            values: dict[Any, list[str]] = defaultdict(list)
            for event in self.events:
                value = read(event)
                if value is not None:
                    values[value].append(event["id"])
            if len(values) > 1 and not (name == "actor" and _names_nest(list(values))):
                found[name] = [
                    {"value": v, "event_ids": ids} for v, ids in sorted(values.items(), key=str)
                ]
        return found

    def earliest(self) -> str | None:
        """The earliest day a report gives (a month or a year only when no report gives better)."""
        precise = [e for e in self.events if not vaguely_dated(e)] or self.events
        starts = [e["date"]["start"] for e in precise if e["date"]["start"]]
        return min(starts) if starts else None

    def summary(self, documents: Mapping[str, dict[str, Any]] | None = None) -> dict[str, Any]:
        """The story as stored and shown: sources, earliest report, conflicts, members."""
        sources = self.independent_sources(documents)
        return {
            "id": self.id,
            "event_type": self.event_type,
            "country": self.country,
            "earliest": self.earliest(),
            "independent_sources": sources,
            "corroboration": len(sources),
            "conflicts": self.conflicts(),
            "event_ids": [e["id"] for e in self.events],
            "doc_ids": self.doc_ids,
        }


def _names_nest(names: list[str]) -> bool:
    """ "Japarov" and "Sadyr Japarov" are one name, not a conflict."""
    lowered = sorted((n.lower() for n in names), key=len)
    return all(short in lowered[-1] for short in lowered[:-1])
