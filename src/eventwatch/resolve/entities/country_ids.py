"""An ordered set of entity ids grouped by country, for the registry's key indexes.

A key such as the organisation name "national security service" is shared by one
entity per country (some 250 at most), but a lookup only wants those of the
entity's own country and those of no known country: :class:`CountryIds` hands
those over without visiting the rest, in the order the ids were first added, so a
lookup costs the same however many countries share the name.  Most keys hold one
or two ids; only a set past ``GROUP_FROM`` ids is grouped, so the many small ones
cost no more than a plain dict.  An :class:`IdIndex` (key → ids) holds the id of a key
with one id as a bare string, with no set around it: most keys of a large registry
have one id, and a set each would make the collection's memory and the garbage
collector's work several times larger.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from typing import TypeVar

Key = TypeVar("Key")

#: A set of more ids than this is grouped by country; a smaller one is read whole.
GROUP_FROM = 8


class CountryIds(dict[str, int]):
    """Entity ids, each with its place in the order they were first added.

    Past ``GROUP_FROM`` ids they are also grouped by country: by the country each
    entity had when grouped.  The registry only ever sets a missing country, never
    changes one, so an entity grouped under a country keeps it, and one grouped
    under ``None`` may have gained one since: ``compatible`` returns a superset of
    the ids whose entities' countries now fit, and the caller checks each entity's
    current country.
    """

    #: country (``None``: none known) -> its ids in order; ``None`` until grouped
    groups: dict[str | None, list[str]] | None = None

    def add(
        self, entity_id: str, country: str | None, country_of: Callable[[str], str | None]
    ) -> None:
        """Add an id (once; a second add keeps its first place and group).

        Args:
            entity_id: The id to add.
            country: Its entity's country.
            country_of: The current country of the entity of an id already held,
                read when the set grows large enough to be grouped.
        """
        if entity_id in self:
            return
        self[entity_id] = len(self)
        if self.groups is not None:
            self.groups.setdefault(country, []).append(entity_id)
        elif len(self) > GROUP_FROM:
            groups: dict[str | None, list[str]] = {}
            for held in self:
                groups.setdefault(country if held == entity_id else country_of(held), []).append(
                    held
                )
            self.groups = groups

    def compatible(self, country: str | None) -> Iterable[str]:
        """The ids that may fit ``country``, in the order first added.

        Args:
            country: An ISO alpha-3 code, or ``None`` for an entity of no known
                country (which fits every id).

        Returns:
            With a country and a grouped set, the ids grouped under it and those
            grouped under no country; otherwise every id.
        """
        if country is None or self.groups is None:
            return self
        unplaced = self.groups.get(None, ())
        own = self.groups.get(country, ())
        if not unplaced or not own:
            return own or unplaced
        return heapq.merge(unplaced, own, key=self.__getitem__)


class IdIndex(dict[Key, str | CountryIds]):
    """Keys and the entity ids under each: a bare id for a key with one, else ``CountryIds``."""

    def add(
        self,
        key: Key,
        entity_id: str,
        country: str | None,
        country_of: Callable[[str], str | None],
    ) -> None:
        """Add an id under a key (once; see ``CountryIds.add``)."""
        held = self.get(key)
        if held is None:
            self[key] = entity_id
        elif isinstance(held, str):
            if held != entity_id:
                ids = CountryIds()
                ids.add(held, country_of(held), country_of)
                ids.add(entity_id, country, country_of)
                self[key] = ids
        else:
            held.add(entity_id, country, country_of)

    def compatible(self, key: Key, country: str | None) -> Iterable[str]:
        """The ids under ``key`` that may fit ``country`` (see ``CountryIds.compatible``)."""
        held = self.get(key)
        if held is None:
            return ()
        if isinstance(held, str):
            return (held,)
        return held.compatible(country)

    def ids(self, key: Key) -> Iterable[str]:
        """Every id under ``key``, in the order first added."""
        return self.compatible(key, None)

    def holds(self, key: Key, entity_id: str) -> bool:
        """Whether ``entity_id`` is under ``key``."""
        held = self.get(key)
        return (
            held == entity_id if isinstance(held, str) else held is not None and entity_id in held
        )


def compatible_ids(index: IdIndex[Key], key: Key, country: str | None) -> Iterable[str]:
    """The ids under ``key`` in ``index`` that may fit ``country`` (see ``CountryIds``)."""
    return index.compatible(key, country)
