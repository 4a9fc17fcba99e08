"""The gazetteer's places and the indexes it finds them by.

``PlaceIndex`` keeps the places in columns (a list or array per field, so some
240,000 places load quickly and stay small), indexes them by every lookup key they
go by, by the divisions' keys (for qualifiers: "Kazan, Tatarstan") and, built on
first use, by the spelling-blind skeletons of their keys (for spelling variants).
``Place`` is the record a lookup returns.  The ranking of namesakes is in
:mod:`eventwatch.resolve.place_ranking`, the reading of mentions in
:mod:`eventwatch.resolve.places`.
"""

from __future__ import annotations

import functools
import gzip
import logging
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from eventwatch.resolve.countries import (
    capital_of,
    country_code,
    country_name,
    iter_country_names,
    normalize_name,
)
from eventwatch.resolve.place_names import _skeleton

logger = logging.getLogger(__name__)

GAZETTEER_FILE = Path(__file__).parent / "data" / "gazetteer.tsv.gz"
# Settlements of national registers that GeoNames lacks, placed at the centre of the
# community they belong to (``Place.approximate``); see data/SOURCES.md.
EXTRA_FILES = (Path(__file__).parent / "data" / "gazetteer_ukraine.tsv.gz",)
# Short forms of divisions that only qualify a place ("Pratapgarh, UP"); see the file.
ABBREVIATIONS_FILE = Path(__file__).parent / "data" / "admin1_abbreviations.tsv"
KINDS = ("country", "admin1", "admin2", "city")
_COUNTRY, _ADMIN1, _ADMIN2, _CITY = range(len(KINDS))
# With no country in play, only places this big are read for a spelling variant.
GLOBAL_FUZZY_MIN_WEIGHT = 20_000
GLOBAL_SPELLING = "*"  # the key of the all-country spelling index
# A country's capital ranks among its namesakes as if this many times its size: news
# name capitals far more often than their population says ("San Juan" is Puerto Rico's).
CAPITAL_WEIGHT = 3


@dataclass(frozen=True, slots=True)
class Place:
    """A place in the gazetteer.

    ``kind`` is ``"city"``, ``"admin2"`` (a district, county, municipality …),
    ``"admin1"`` (a province, state, region …) or ``"country"``; ``country`` is an ISO
    alpha-3 code; ``admin1`` and ``admin2`` name the divisions the place lies in (a
    division's own name for itself, ``None`` when unknown or for a country); a
    country's point is its capital, a division's the centroid of its cities.
    ``approximate`` marks a settlement placed at the centre of its community (a
    Ukrainian hromada) rather than at its own point.
    """

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    kind: str
    population: int
    admin2: str | None = None
    approximate: bool = False


class PlaceIndex:
    """Places indexed by every name they go by (the storage under ``Gazetteer``).

    Places are kept in columns and built on demand, so the default gazetteer of
    some 240,000 places loads quickly and stays small.

    Args:
        entries: ``(place, keys)`` pairs; ``keys`` are the place's lookup keys, as
            ``normalize_name`` makes them.  Countries also get every name in the
            country table.
    """

    def __init__(self, entries: Iterable[tuple[Place, Sequence[str]]] = ()) -> None:
        self._names: list[str] = []
        self._country_of: list[str] = []
        self._admin1_of: list[str | None] = []
        self._admin2_of: list[str | None] = []
        self._kinds = bytearray()
        self._lats = array("d")
        self._lons = array("d")
        self._populations = array("q")
        self._weights = array("q")  # ranks namesakes; see data/build_gazetteer.py
        self._approximate_from = -1  # positions from here on are approximate (EXTRA_FILES)
        self._admin1_points: dict[tuple[str, str], int] | None = None  # built on first use
        self._row_keys: list[str] = []  # each place's own keys, "|"-joined
        # key -> position, or a list of positions when several places share the key
        self._index: dict[str, int | list[int]] = {}
        # (country, kind code, division name) -> the division's lookup keys
        self._admin_keys: dict[tuple[str, int, str], set[str]] = defaultdict(set)
        self._countries: dict[str, int] = {}
        self._skeletons: dict[str, dict[str, list[tuple[int, str]]]] = {}
        self._by_country: dict[str, list[int]] | None = None  # built with the first skeletons
        for place, keys in entries:
            self._add(place, keys)
        self._add_country_names()
        self._add_abbreviations()
        self._weigh_capitals()

    @classmethod
    def from_file(cls, path: Path = GAZETTEER_FILE, *, approximate: Sequence[Path] = ()) -> Self:
        """Load a gazetteer file written by ``data/build_gazetteer.py``.

        Args:
            path: The gzip-compressed, tab-separated place table.
            approximate: Tables of the same form whose places are placed only
                approximately (``Place.approximate``), e.g. ``EXTRA_FILES``.

        Returns:
            The gazetteer.
        """
        gazetteer = cls()
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            gazetteer._add_rows(handle)
        gazetteer._approximate_from = len(gazetteer)
        for extra in approximate:
            with gzip.open(extra, "rt", encoding="utf-8") as handle:
                gazetteer._add_rows(handle)
        gazetteer._add_country_names()
        gazetteer._add_abbreviations()
        gazetteer._weigh_capitals()
        logger.debug("read %d places from %s", len(gazetteer), path)
        return gazetteer

    def _add(self, place: Place, keys: Sequence[str]) -> None:
        """Append one place and index its keys."""
        position = len(self._names)
        self._names.append(place.name)
        self._country_of.append(place.country)
        self._admin1_of.append(place.admin1)
        self._admin2_of.append(place.admin2)
        self._kinds.append(KINDS.index(place.kind))
        self._lats.append(place.lat)
        self._lons.append(place.lon)
        self._populations.append(place.population)
        self._weights.append(place.population)
        self._row_keys.append("|".join(keys))
        for key in dict.fromkeys(keys):
            self._add_key(position, key)
        if place.kind == "country":
            self._countries.setdefault(place.country, position)
        elif place.kind == "admin1" and place.admin1:
            self._admin_keys[place.country, _ADMIN1, place.admin1].update(keys)
        elif place.kind == "admin2" and place.admin2:
            self._admin_keys[place.country, _ADMIN2, place.admin2].update(keys)

    def _add_rows(self, lines: Iterable[str]) -> None:
        """Append the rows of a gazetteer file (the fast path of ``_add``)."""
        interned: dict[str, str] = {}
        kind_codes = {kind: code for code, kind in enumerate(KINDS)}
        index = self._index
        position = len(self._names)
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            kind, name, iso3, admin1, admin2, lat, lon, population, weight, keys = fields
            iso3 = interned.setdefault(iso3, iso3)
            self._names.append(name)
            self._country_of.append(iso3)
            self._admin1_of.append(interned.setdefault(admin1, admin1) if admin1 else None)
            self._admin2_of.append(interned.setdefault(admin2, admin2) if admin2 else None)
            self._kinds.append(kind_codes[kind])
            self._lats.append(float(lat))
            self._lons.append(float(lon))
            self._populations.append(int(population))
            self._weights.append(int(weight))
            self._row_keys.append(keys)
            for key in keys.split("|"):
                held = index.get(key)
                if held is None:
                    index[key] = position
                elif isinstance(held, int):
                    if held != position:
                        index[key] = [held, position]
                elif held[-1] != position:
                    held.append(position)
            if kind == "country":
                self._countries.setdefault(iso3, position)
            elif kind == "admin1":
                self._admin_keys[iso3, _ADMIN1, admin1].update(keys.split("|"))
            elif kind == "admin2":
                self._admin_keys[iso3, _ADMIN2, admin2].update(keys.split("|"))
            position += 1

    def _add_country_names(self) -> None:
        """Index every name of the country table for the countries present."""
        for name, iso3 in iter_country_names():
            if iso3 in self._countries:
                self._add_key(self._countries[iso3], normalize_name(name))

    def _add_abbreviations(self) -> None:
        """Let the short forms of divisions ("UP", "TS", "KPK") qualify places in them.

        They go into the keys a qualifier is checked against, never into the name
        index: "MP" alone is a member of parliament, not Madhya Pradesh.
        """
        for iso3, admin1, abbreviation in _abbreviations():
            keys = self._admin_keys.get((iso3, _ADMIN1, admin1))
            if keys is not None:
                keys.add(abbreviation)

    def _weigh_capitals(self) -> None:
        """Give each country's capital ``CAPITAL_WEIGHT`` times its ranking weight."""
        for iso3 in self._countries:
            capital = capital_of(iso3)
            cities = [
                position
                for position in self._positions(normalize_name(capital or ""))
                if self._country_of[position] == iso3 and self._kinds[position] == _CITY
            ]
            if cities:
                position = max(cities, key=lambda city: self._weights[city])
                self._weights[position] *= CAPITAL_WEIGHT

    def _add_key(self, position: int, key: str) -> None:
        """Index ``key`` for the place at ``position`` (once)."""
        if not key:
            return
        held = self._index.get(key)
        if held is None:
            self._index[key] = position
        elif isinstance(held, int):
            if held != position:
                self._index[key] = [held, position]
        elif position not in held:
            held.append(position)

    def _positions(self, key: str) -> Sequence[int]:
        """Positions of the places with lookup key ``key``."""
        held = self._index.get(key)
        if held is None:
            return ()
        return (held,) if isinstance(held, int) else held

    def _place(self, position: int) -> Place:
        """The ``Place`` at ``position``."""
        return Place(
            name=self._names[position],
            country=self._country_of[position],
            admin1=self._admin1_of[position],
            lat=self._lats[position],
            lon=self._lons[position],
            kind=KINDS[self._kinds[position]],
            population=self._populations[position],
            admin2=self._admin2_of[position],
            approximate=self._is_approximate(position),
        )

    def _division_point(self, country: str, admin1: str | None) -> int | None:
        """The position of a first-level division (by its own name), if known."""
        if self._admin1_points is None:
            self._admin1_points = {
                (self._country_of[i], self._admin1_of[i] or ""): i
                for i in range(len(self._names))
                if self._kinds[i] == _ADMIN1
            }
        return self._admin1_points.get((country, admin1 or ""))

    def _is_approximate(self, position: int) -> bool:
        """Whether the place at ``position`` came from an approximate table."""
        return 0 <= self._approximate_from <= position

    def __len__(self) -> int:
        """How many places the gazetteer holds."""
        return len(self._names)

    def _is_own_name(self, position: int, key: str) -> bool:
        """Whether ``key`` is the place's own name rather than an alternate."""
        return self._row_keys[position].partition("|")[0] == key

    def _global_spelling_index(self) -> dict[str, list[tuple[int, str]]]:
        """Skeleton -> ``(position, key)`` for the big places of every country, built on
        first use (some 20,000 places: a fraction of a second, a few MB)."""
        if GLOBAL_SPELLING not in self._skeletons:
            index: dict[str, list[tuple[int, str]]] = defaultdict(list)
            for position, kind in enumerate(self._kinds):
                if kind == _COUNTRY or self._weights[position] < GLOBAL_FUZZY_MIN_WEIGHT:
                    continue
                for key in self._row_keys[position].split("|"):
                    index[_skeleton(key)].append((position, key))
            self._skeletons[GLOBAL_SPELLING] = dict(index)
        return self._skeletons[GLOBAL_SPELLING]

    def _spelling_index(self, iso3: str) -> dict[str, list[tuple[int, str]]]:
        """Skeleton -> ``(position, key)`` for one country's places, built on first use."""
        if iso3 not in self._skeletons:
            if self._by_country is None:
                self._by_country = defaultdict(list)
                for position, country in enumerate(self._country_of):
                    self._by_country[country].append(position)
            index: dict[str, list[tuple[int, str]]] = defaultdict(list)
            for position in self._by_country.get(iso3, ()):
                for key in self._row_keys[position].split("|"):
                    index[_skeleton(key)].append((position, key))
            self._skeletons[iso3] = dict(index)
        return self._skeletons[iso3]

    def _context(self, countries: Sequence[str]) -> tuple[str, ...]:
        """Context countries as ISO alpha-3 codes, unknown ones dropped."""
        codes = []
        for country in countries:
            code = country.upper() if country_name(country) else country_code(country)
            if code:
                codes.append(code)
        return tuple(dict.fromkeys(codes))


@functools.cache
def _abbreviations() -> tuple[tuple[str, str, str], ...]:
    """``(iso3, admin1 name, short form key)`` from ``ABBREVIATIONS_FILE``."""
    rows = []
    with ABBREVIATIONS_FILE.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            iso3, admin1, cell = line.rstrip("\n").split("\t")
            for written in cell.split(";"):
                key = normalize_name(written)
                if key:
                    rows.append((iso3, admin1, key))
    return tuple(rows)
