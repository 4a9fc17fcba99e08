"""Plain data records shared by every stage.

The pipeline passes these between stages; the store and the exporters turn them
into rows and files.  ``EventRecord.to_dict`` gives the JSON Lines shape of
DESIGN.md, with every key present.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Attribution",
    "DateRange",
    "Document",
    "EVENT_TYPES",
    "Entity",
    "EventRecord",
    "Evidence",
    "IngestFailure",
    "Location",
    "PLOVER_TYPES",
    "content_hash",
    "stable_id",
]

#: The 16 PLOVER 2.0 event types.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
#: Every event type eventwatch gives: PLOVER's, then the two extensions of DESIGN.md.
EVENT_TYPES: tuple[str, ...] = (*PLOVER_TYPES, "COUP", "OFFICE")

FACTUALITY_VALUES = (
    "asserted",
    "attributed",
    "alleged",
    "denied",
    "planned",
    "hypothetical",
    "negated",
)
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
COUNT_KEYS = ("killed", "injured", "arrested", "participants")


def content_hash(text: str) -> str:
    """SHA-256 of whitespace-normalised text: the key for exact duplicates."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id that depends only on ``parts`` (same input, same id)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


@dataclass(slots=True)
class Document:
    """One article, cleaned and ready for annotation.

    ``text`` is the stored (cleaned) text; every offset in the project refers to it.
    ``published`` is an ISO date (``YYYY-MM-DD``) or ``None`` when unknown.
    """

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_precision: str | None = None
    language: str | None = "en"
    source_path: str | None = None
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class IngestFailure:
    """An input that could not be turned into a Document, and why."""

    source: str
    reason: str
    stage: str = "ingest"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class Entity:
    """A participant as written, with what we know of it."""

    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    id: str | None = None
    start: int | None = None
    end: int | None = None
    named: bool = False  # a proper name, not a description ("12 people")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "id": self.id,
        }


@dataclass(slots=True)
class DateRange:
    text: str | None
    start: str | None
    end: str | None
    precision: str = "unknown"
    basis: str = "published"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "basis": self.basis,
        }


@dataclass(slots=True)
class Location:
    text: str | None
    name: str | None
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
        }


@dataclass(slots=True)
class Attribution:
    source: Entity | None = None
    cue: str | None = None
    via: list[str] = field(default_factory=list)
    anonymous: bool = False
    source_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue,
            "via": list(self.via),
            "anonymous": self.anonymous,
        }


@dataclass(slots=True)
class Evidence:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class EventRecord:
    """One event mention, in the shape of DESIGN.md's event record."""

    id: str
    doc_id: str
    event_type: str
    mode: str | None
    evidence: Evidence
    trigger: str | None = None
    trigger_span: tuple[int, int] | None = None
    contexts: list[str] = field(default_factory=list)
    acled: dict[str, str] | None = None
    # a kind of event ACLED does not code ("Natural disaster", "Diplomacy", …; see
    # eventwatch.classify.OTHER_LABELS), as the event typer reads the sentence, else None
    category: str | None = None
    actor: Entity | None = None
    recipient: Entity | None = None
    date: DateRange | None = None
    location: Location | None = None
    counts: dict[str, int] = field(default_factory=dict)
    factuality: str = "asserted"
    attribution: Attribution = field(default_factory=Attribution)
    confidence: float = 0.5
    outlet: str | None = None
    mentions: list[Evidence] = field(default_factory=list)  # other sentences reporting it
    story_id: str | None = None  # the story it was linked into (set by linking)

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines record: every key present, null where unknown."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "acled": dict(self.acled) if self.acled else None,
            "category": self.category,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "date": (self.date or DateRange(None, None, None)).to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "counts": {k: self.counts[k] for k in COUNT_KEYS if k in self.counts},
            "factuality": self.factuality,
            "attribution": self.attribution.to_dict(),
            "evidence": self.evidence.to_dict(),
            "trigger": (
                {"text": self.trigger, "start": self.trigger_span[0], "end": self.trigger_span[1]}
                if self.trigger and self.trigger_span
                else None
            ),
            "confidence": round(self.confidence, 3),
            "outlet": self.outlet,
            "mentions": [m.to_dict() for m in self.mentions],
            "story_id": self.story_id,
        }
