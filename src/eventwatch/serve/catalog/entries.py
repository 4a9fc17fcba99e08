"""One event as the API's read model holds it: the fields it filters and sorts on, plus its JSON.

An :class:`EventEntry` keeps what the filters compare (folded for
case-insensitive search, exactly as the store folds), what the listings show
(date, place, participants) and the whole record as UTF-8 JSON, ready to be
spliced into a response without being parsed again.  Short categorical strings
(types, modes, countries, sectors, dates) are interned: a store repeats them
on every event.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

from eventwatch.model import stable_id
from eventwatch.serve.catalog.filters import fold

__all__ = ["EventEntry", "IndexedRecord", "Participant", "PlaceRef", "entity_key", "index_record"]


@dataclass(frozen=True, slots=True)
class Participant:
    """One actor, recipient or attribution source of an event."""

    role: str
    key: str
    text: str
    name: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """An event's location, as the places listing groups it."""

    name: str
    text: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str | None


def _intern(value: Any) -> Any:
    """The interned copy of a short string (categorical values repeat on every event)."""
    return sys.intern(value) if isinstance(value, str) and len(value) <= 24 else value


def entity_key(entity: dict[str, Any]) -> str:
    """An entity's id, or a stable one made from its name and country when it has none."""
    return str(entity.get("id") or stable_id("entity", entity.get("name"), entity.get("country")))


@dataclass(slots=True)
class EventEntry:
    """An event in the read model.  ``json`` is the stored record, serialised as UTF-8 JSON."""

    id: str
    doc_id: str
    evidence_start: int
    event_type: str
    mode: str | None
    factuality: str
    confidence: float
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    location_country: str | None
    party_countries: tuple[str, ...]
    place: PlaceRef | None
    participants: tuple[Participant, ...]
    json: bytes

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> EventEntry:
        """Build the entry for one stored event record (``EventRecord.to_dict()`` shape)."""
        date = record.get("date") or {}
        location = record.get("location") or None
        attribution = record.get("attribution") or {}
        evidence = record.get("evidence") or {}
        participants = []
        for role, entity in (
            ("actor", record.get("actor")),
            ("recipient", record.get("recipient")),
            ("source", attribution.get("source")),
        ):
            if entity:
                participants.append(
                    Participant(
                        role=role,
                        key=entity_key(entity),
                        text=entity.get("text") or "",
                        name=entity.get("name") or "",
                        country=_intern(entity.get("country")),
                        sector=_intern(entity.get("sector")),
                    )
                )
        parties = [p for p in participants if p.role != "source"]
        place = None
        if location and (location.get("name") or location.get("text")):
            place = PlaceRef(
                name=location.get("name") or location.get("text") or "",
                text=location.get("text"),
                country=_intern(location.get("country")),
                admin1=_intern(location.get("admin1")),
                lat=location.get("lat"),
                lon=location.get("lon"),
                precision=_intern(location.get("precision")),
            )
        return cls(
            id=record["id"],
            doc_id=record["doc_id"],
            evidence_start=int(evidence.get("start") or 0),
            event_type=_intern(record["event_type"]),
            mode=_intern(record.get("mode")),
            factuality=_intern(record.get("factuality") or "asserted"),
            confidence=float(record.get("confidence") or 0.0),
            date_start=_intern(date.get("start")),
            date_end=_intern(date.get("end")),
            date_precision=_intern(date.get("precision")),
            location_country=_intern((location or {}).get("country")),
            party_countries=tuple(p.country for p in parties if p.country),
            place=place,
            participants=tuple(participants),
            json=json.dumps(
                record, ensure_ascii=False, allow_nan=False, separators=(",", ":")
            ).encode("utf-8"),
        )

    def folded_parties(self) -> str:
        """Actor and recipient as the store's actor filter sees them: ``text\\x1fname``, folded."""
        return "\x1e".join(
            fold(f"{p.text}\x1f{p.name}") for p in self.participants if p.role != "source"
        )

    def folded_place(self) -> str:
        """The location's name and text as written, folded."""
        if self.place is None:
            return ""
        return fold(f"{self.place.name}\x1f{self.place.text or ''}")

    def folded_search(self, evidence: str) -> str:
        """What ``q`` searches: the evidence sentence, every participant and the place, folded."""
        people = "\x1e".join(fold(f"{p.text}\x1f{p.name}") for p in self.participants)
        return "\x1e".join((fold(evidence), people, self.folded_place()))

    def record(self) -> dict[str, Any]:
        """The full event record, parsed."""
        return json.loads(self.json)  # type: ignore[no-any-return]

    def brief(self) -> dict[str, Any]:
        """A short summary for listings (actor pages, search hits, stories)."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "factuality": self.factuality,
            "date": {
                "start": self.date_start,
                "end": self.date_end,
                "precision": self.date_precision,
            },
            "place": self.place.name if self.place else None,
            "country": self.location_country,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class IndexedRecord:
    """A new event for a snapshot: its entry and the folded texts its filters search."""

    entry: EventEntry
    search: str
    parties: str
    place: str


def index_record(record: dict[str, Any]) -> IndexedRecord:
    """The entry and the searchable texts of one stored event record."""
    entry = EventEntry.from_record(record)
    evidence = (record.get("evidence") or {}).get("text")
    return IndexedRecord(
        entry=entry,
        search=entry.folded_search(evidence or ""),
        parties=entry.folded_parties(),
        place=entry.folded_place(),
    )
