"""Actors and places, tallied from the events of a snapshot.

An actor is an entity that appears as an event's actor, recipient or
attribution source, keyed by its entity id (or, lacking one, by a stable id of
its name and country).  A place is a location name within a country.  Both
tables are built once per snapshot (O(events)) and kept with it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from eventwatch.model import stable_id
from eventwatch.serve.catalog.filters import fold
from eventwatch.serve.catalog.snapshot import Snapshot

__all__ = ["Actor", "Place", "actor_table", "place_table"]

ROLES = ("actor", "recipient", "source")


@dataclass(slots=True)
class Actor:
    """One entity and the events it takes part in."""

    id: str
    names: Counter[str] = field(default_factory=Counter)
    aliases: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    positions: dict[str, list[int]] = field(default_factory=lambda: {r: [] for r in ROLES})
    search: str = ""
    event_count: int = 0
    row: dict[str, Any] | None = None

    @property
    def name(self) -> str:
        return self.names.most_common(1)[0][0] if self.names else ""

    @property
    def country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None

    @property
    def sector(self) -> str | None:
        return self.sectors.most_common(1)[0][0] if self.sectors else None

    def summary(self) -> dict[str, Any]:
        """The listing row (computed once)."""
        if self.row is None:
            self.row = self._summary()
        return self.row

    def _summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "aliases": sorted(self.aliases),
            "events": self.event_count,
            "as_actor": len(self.positions["actor"]),
            "as_recipient": len(self.positions["recipient"]),
            "as_source": len(self.positions["source"]),
        }


@dataclass(slots=True)
class Place:
    """One named place and how many events happened there."""

    id: str
    name: str
    country: str | None
    admin1: Counter[str] = field(default_factory=Counter)
    coordinates: Counter[tuple[float, float]] = field(default_factory=Counter)
    precisions: Counter[str] = field(default_factory=Counter)
    events: int = 0
    row: dict[str, Any] | None = None

    def summary(self) -> dict[str, Any]:
        """The listing row; coordinates are the ones most of its events give (computed once)."""
        if self.row is None:
            self.row = self._summary()
        return self.row

    def _summary(self) -> dict[str, Any]:
        lat, lon = self.coordinates.most_common(1)[0][0] if self.coordinates else (None, None)
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1.most_common(1)[0][0] if self.admin1 else None,
            "lat": lat,
            "lon": lon,
            "precision": self.precisions.most_common(1)[0][0] if self.precisions else None,
            "events": self.events,
        }


def _build_actors(snapshot: Snapshot) -> tuple[list[Actor], dict[str, Actor]]:
    actors: dict[str, Actor] = {}
    for position, entry in enumerate(snapshot.entries):
        for participant in entry.participants:
            actor = actors.get(participant.key)
            if actor is None:
                actor = actors[participant.key] = Actor(participant.key)
            if participant.name:
                actor.names[participant.name] += 1
            if participant.text:
                actor.aliases[participant.text] += 1
            if participant.country:
                actor.countries[participant.country] += 1
            if participant.sector:
                actor.sectors[participant.sector] += 1
            roles = actor.positions[participant.role]
            if not roles or roles[-1] != position:
                roles.append(position)
    for actor in actors.values():
        actor.event_count = len({p for positions in actor.positions.values() for p in positions})
        actor.search = fold("\x1e".join([*actor.names, *actor.aliases]))
    ordered = sorted(actors.values(), key=lambda a: (-a.event_count, a.name.casefold(), a.id))
    for actor in ordered:
        actor.summary()
    return ordered, actors


def actor_table(snapshot: Snapshot) -> tuple[list[Actor], dict[str, Actor]]:
    """Every actor of the snapshot, most events first, and the same by id."""
    return snapshot.derived("actors", _build_actors)  # type: ignore[no-any-return]


def _build_places(snapshot: Snapshot) -> list[Place]:
    places: dict[tuple[str, str | None], Place] = {}
    for entry in snapshot.entries:
        ref = entry.place
        if ref is None or not ref.name:
            continue
        key = (ref.name, ref.country)
        place = places.get(key)
        if place is None:
            place = places[key] = Place(
                stable_id("place", ref.name, ref.country), ref.name, ref.country
            )
        place.events += 1
        if ref.admin1:
            place.admin1[ref.admin1] += 1
        if ref.lat is not None and ref.lon is not None:
            place.coordinates[(ref.lat, ref.lon)] += 1
        if ref.precision:
            place.precisions[ref.precision] += 1
    ordered = sorted(places.values(), key=lambda p: (-p.events, p.name.casefold(), p.id))
    for place in ordered:
        place.summary()
    return ordered


def place_table(snapshot: Snapshot) -> list[Place]:
    """Every named place of the snapshot, most events first."""
    return snapshot.derived("places", _build_places)  # type: ignore[no-any-return]
