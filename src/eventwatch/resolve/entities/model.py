"""What the entity stages produce: one document's entities, canonical entities, linked mentions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from eventwatch.model import Entity, EventRecord
from eventwatch.resolve.entities.names import _alias_like
from eventwatch.resolve.places import Place


@dataclass(slots=True)
class LocalEntity:
    """One entity as one document names it, with its mentions there."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    offices: list[dict[str, Any]] = field(default_factory=list)
    place: Place | None = None
    tentative: bool = False  # found by its shape alone; kept only if a known entity has the name

    @property
    def aliases(self) -> list[str]:
        """The names the document uses ("Japarov", "SNCS"), not descriptions around them."""
        return list(dict.fromkeys(text for _, _, text in self.mentions if _alias_like(text)))


@dataclass(slots=True)
class CanonicalEntity:
    """An entity across documents: its best name, aliases, country, sector and offices."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: Counter[str] = field(default_factory=Counter)
    offices: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "aliases": [alias for alias, _ in self.aliases.most_common()],
            "offices": self.offices,
            "documents": self.documents,
        }

    def add_office(self, office: dict[str, Any]) -> None:
        """Keep one office per title and status: the earliest report dates it."""
        for known in self.offices:
            if (
                known["title"].lower() == office["title"].lower()
                and known["status"] == office["status"]
            ):
                if (office.get("as_of") or "9999") < (known.get("as_of") or "9999"):
                    known.update(as_of=office.get("as_of"), doc_id=office.get("doc_id"))
                return
        self.offices.append(dict(office))
        self.offices.sort(key=lambda o: (o.get("as_of") or "", o["title"]))


@dataclass(frozen=True, slots=True)
class LinkedMention:
    """A named mention in a document and the canonical entity it refers to."""

    doc_id: str
    start: int
    end: int
    text: str
    entity_id: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entity_id": self.entity_id,
            "kind": self.kind,
        }


def _participants(record: EventRecord) -> list[Entity]:
    found = [record.actor, record.recipient]
    if record.attribution is not None:
        found.append(record.attribution.source)
    return [e for e in found if e is not None]
