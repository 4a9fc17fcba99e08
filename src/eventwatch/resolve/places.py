"""An offline gazetteer: place mentions to coordinates, country and admin-1.

The default gazetteer reads ``data/gazetteer.tsv.gz`` (GeoNames populated places of
500 people or more, their first-level divisions and the countries; see
``data/build_gazetteer.py``) once, on first use, and adds every country name the
country table knows.

``Gazetteer.lookup`` matches a name exactly (after ``normalize_name``);
``Gazetteer.resolve`` reads a mention as written in news or event data: it takes
"Kazan, Tatarstan" as Kazan qualified by its region, "Osh Region" as the region
and "Osh city" as the city, "southern Kyrgyzstan" as Kyrgyzstan, "Beirut-Mazraa"
and "Donetsk Airport" as the city they are in, and, given the countries in play,
tolerates spelling variants ("Quamishli" for Qamishli).

Among several places with the name, the choice goes to one named by a qualifier,
then one in the context countries (in their order), then one of the kind the
mention asks for, then a country over a region over a city (unless a big city,
or the city the region is named after, is the obvious reading), then the most
populous.
"""

from __future__ import annotations

import difflib
import functools
import gzip
import logging
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwatch.resolve.countries import (
    country_code,
    country_name,
    iter_country_names,
    normalize_name,
)

__all__ = ["Gazetteer", "Place", "default_gazetteer", "resolve"]

logger = logging.getLogger(__name__)

GAZETTEER_FILE = Path(__file__).parent / "data" / "gazetteer.tsv.gz"
KINDS = ("country", "admin1", "city")
_ADMIN1, _CITY = KINDS.index("admin1"), KINDS.index("city")
# A city this big is the obvious reading of a name it shares with a region.
BIG_CITY_POPULATION = 100_000
MILLION = 1_000_000
# A city found by one of its alternate names ranks as if this much smaller.
ALTERNATE_NAME_WEIGHT = 0.1
# How alike (difflib ratio) a spelling variant must be to the name it stands for.
FUZZY_MIN_RATIO = 0.85
# Letters a place name left after cutting a site word off must keep ("Ar Raboah Frontline").
MIN_SITE_NAME = 4


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


_DIRECTIONS = _words(
    """
    north south east west northern southern eastern western central centre center
    northeast northwest southeast southwest northeastern northwestern southeastern
    southwestern far
    """
)
_ADMIN_WORDS = _words(
    """
    region province oblast governorate district state county prefecture department rayon
    territory municipality division autonomous republic krai kray okrug
    """
)
# Words naming a site inside a place: "Donetsk Airport", "Tripoli Airport Road".
_FEATURE_WORDS = _words(
    """
    airport airbase base station road street avenue highway bridge checkpoint crossing
    port harbour harbor market square camp prison hospital university junction dam
    roundabout stadium mosque church factory mine plant refinery industrial zone area
    neighbourhood neighborhood quarter outskirts suburb suburbs village town hills hill
    mountain mountains border frontline front
    """
)
_AREA_PREFIX = re.compile(
    r"^(?:(?:coast|outskirts|suburbs|vicinity|environs|countryside|area|outside|near|around)"
    r"\s+(?:of\s+)?)+"
)
_PARENTHESES = re.compile(r"^(?P<outer>[^()]*)\((?P<inner>[^()]*)\)(?P<after>.*)$")
_DASH = re.compile(r"\s*[-–—]\s*")
_ARTICLES = _words("al el ar as ad an at az ash ath adh ed er es et ez en")
_SKELETON_FOLDS = (("dzh", "j"), ("dj", "j"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "k"))
_SKELETON_DROP = re.compile(r"[aeiouyhw]")
_DOUBLES = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class Place:
    """A place in the gazetteer.

    ``kind`` is ``"city"``, ``"admin1"`` or ``"country"``; ``country`` is an ISO
    alpha-3 code; ``admin1`` names the first-level division (its own name for an
    admin-1, ``None`` for a country); a country's point is its capital.
    """

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    kind: str
    population: int


def _without_article(key: str) -> str:
    """``"al atarib"`` -> ``"atarib"``: a leading Arabic article dropped."""
    article, _, rest = key.partition(" ")
    return rest if rest and article in _ARTICLES else key


def _skeleton(key: str) -> str:
    """A spelling-blind form of a key: no article, vowels, h/w/y or doubled letters."""
    text = _without_article(key).replace(" ", "")
    for written, folded in _SKELETON_FOLDS:
        text = text.replace(written, folded)
    return _DOUBLES.sub(r"\1", _SKELETON_DROP.sub("", text))


def _kind_hint(key: str) -> tuple[str, str] | None:
    """``"osh region"`` -> ``("osh", "admin1")``; ``"kazan city"`` -> ``("kazan", "city")``."""
    words = key.split()
    if len(words) > 2 and words[1] == "of" and words[0] in _ADMIN_WORDS | {"city"}:
        return " ".join(words[2:]), "city" if words[0] == "city" else "admin1"
    if len(words) > 1 and words[-1] == "city":
        return " ".join(words[:-1]), "city"
    end = len(words)
    while end > 1 and words[end - 1] in _ADMIN_WORDS:
        end -= 1
    if end < len(words):
        return " ".join(words[:end]), "admin1"
    return None


def _readings(text: str) -> Iterator[tuple[str, str | None]]:
    """Keys to try for a mention, with the kind each asks for, most literal first."""
    key = normalize_name(text)
    words = key.split()
    start = 0
    while start < len(words) - 1 and words[start] in _DIRECTIONS:
        start += 1
    stripped = "" if words and words[start] in _DIRECTIONS else " ".join(words[start:])
    for candidate in dict.fromkeys([key, stripped]):
        if not candidate:
            continue
        yield candidate, None
        hint = _kind_hint(candidate)
        if hint is not None:
            yield hint


def _site_variants(text: str) -> Iterator[str]:
    """Shorter mentions for a site or district inside a place, most specific first."""
    match = _PARENTHESES.match(text)
    if match:
        yield f"{match['outer']} {match['after']}".strip()
        yield match["inner"].strip()
    head = _DASH.split(text, maxsplit=1)[0]
    if head and head != text:
        yield head
    key = normalize_name(text)
    trimmed = _AREA_PREFIX.sub("", key)
    if trimmed != key:
        yield trimmed
    words = trimmed.split()
    for end in range(len(words) - 1, 0, -1):
        tail = words[end:]
        head_words = words[:end]
        if head_words[-1] in _ARTICLES or len("".join(head_words)) < MIN_SITE_NAME:
            continue
        if any(word in _FEATURE_WORDS or word.isdigit() for word in tail):
            yield " ".join(head_words)


class Gazetteer:
    """Places indexed by every name they go by.

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
        self._kinds = bytearray()
        self._lats = array("d")
        self._lons = array("d")
        self._populations = array("q")
        self._weights = array("q")  # ranks namesakes; see data/build_gazetteer.py
        self._row_keys: list[str] = []  # each place's own keys, "|"-joined
        # key -> position, or a list of positions when several places share the key
        self._index: dict[str, int | list[int]] = {}
        self._admin_keys: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._countries: dict[str, int] = {}
        self._skeletons: dict[str, dict[str, list[tuple[int, str]]]] = {}
        for place, keys in entries:
            self._add(place, keys)
        self._add_country_names()

    @classmethod
    def from_file(cls, path: Path = GAZETTEER_FILE) -> Gazetteer:
        """Load a gazetteer file written by ``data/build_gazetteer.py``.

        Args:
            path: The gzip-compressed, tab-separated place table.

        Returns:
            The gazetteer.
        """
        gazetteer = cls()
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            gazetteer._add_rows(handle)
        gazetteer._add_country_names()
        logger.debug("read %d places from %s", len(gazetteer), path)
        return gazetteer

    def _add(self, place: Place, keys: Sequence[str]) -> None:
        """Append one place and index its keys."""
        position = len(self._names)
        self._names.append(place.name)
        self._country_of.append(place.country)
        self._admin1_of.append(place.admin1)
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
            self._admin_keys[place.country, place.admin1].update(keys)

    def _add_rows(self, lines: Iterable[str]) -> None:
        """Append the rows of a gazetteer file (the fast path of ``_add``)."""
        interned: dict[str, str] = {}
        kind_codes = {kind: code for code, kind in enumerate(KINDS)}
        index = self._index
        position = len(self._names)
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            kind, name, iso3, admin1, lat, lon, population, weight, keys = fields
            iso3 = interned.setdefault(iso3, iso3)
            self._names.append(name)
            self._country_of.append(iso3)
            self._admin1_of.append(interned.setdefault(admin1, admin1) if admin1 else None)
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
                self._admin_keys[iso3, admin1].update(keys.split("|"))
            position += 1

    def _add_country_names(self) -> None:
        """Index every name of the country table for the countries present."""
        for name, iso3 in iter_country_names():
            if iso3 in self._countries:
                self._add_key(self._countries[iso3], normalize_name(name))

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
        )

    def __len__(self) -> int:
        """How many places the gazetteer holds."""
        return len(self._names)

    def candidates(self, name: str) -> list[Place]:
        """Every place called exactly ``name`` (after normalisation), likeliest first.

        Args:
            name: A place name, e.g. ``"Kazan"``.

        Returns:
            The places, ranked as ``lookup`` would rank them without context.
        """
        key = normalize_name(name)
        return [self._place(i) for i in self._ranked(self._positions(key), context=(), key=key)]

    def lookup(self, name: str, *, context_countries: Sequence[str] = ()) -> Place | None:
        """The likeliest place called exactly ``name`` (after normalisation).

        Args:
            name: A place name, e.g. ``"Haifa"``.
            context_countries: ISO alpha-3 codes (or country names) of the countries
                the text is about, in order of priority.

        Returns:
            The place, or ``None`` when no place has that name.
        """
        key = normalize_name(name)
        context = self._context(context_countries)
        ranked = self._ranked(self._positions(key), context=context, key=key)
        return self._place(ranked[0]) if ranked else None

    def resolve(self, text: str, *, context_countries: Sequence[str] = ()) -> Place | None:
        """The place a mention refers to, reading it as written in news or event data.

        Handles a qualifier after a comma ("Kazan, Tatarstan", "Paris, Texas"), a
        leading "the" and direction ("southern Kyrgyzstan"), kind words ("Osh
        Region", "Gaza City"), abbreviations ("the U.S."), sites and districts
        inside a place ("Beirut-Mazraa", "Donetsk Airport", "Coast of Tripoli") and,
        within ``context_countries``, spelling variants.

        Args:
            text: The mention, e.g. ``"Kazan, Tatarstan"``.
            context_countries: ISO alpha-3 codes (or country names) of the countries
                the text is about, in order of priority.

        Returns:
            The place, or ``None`` when nothing in the gazetteer fits.
        """
        head, *qualifier_parts = text.split(",")
        qualifiers = [normalize_name(part) for part in qualifier_parts]
        qualifiers = [qualifier for qualifier in qualifiers if qualifier]
        context = self._context(context_countries)
        exact, matched_key = self._resolve_readings(head, context, qualifiers)
        if exact is not None and self._settled(exact, matched_key, context, qualifiers):
            return self._place(exact)
        code = country_code(head, adjectives=False)
        if code in self._countries:
            return self._place(self._countries[code])
        for variant in _site_variants(head.strip()):
            found, _ = self._resolve_readings(variant, context, qualifiers)
            if found is not None and (not context or self._country_of[found] in context):
                return self._place(found)
        found = self._resolve_spelling(head, context)
        if found is None:
            # A small namesake abroad is the last resort when the context has nothing like it.
            found = exact
        return None if found is None else self._place(found)

    def _settled(
        self, position: int, key: str, context: tuple[str, ...], qualifiers: Sequence[str]
    ) -> bool:
        """Whether an exact match needs no second look: in context, qualified or notable.

        A city abroad is notable when big and called by its own name, or very big
        (GeoNames' alternate names include romanisations that collide: "Karama").
        """
        if not context or self._country_of[position] in context:
            return True
        if KINDS[self._kinds[position]] != "city":
            return True
        threshold = BIG_CITY_POPULATION if self._is_own_name(position, key) else MILLION
        return self._weights[position] >= threshold or self._qualified(position, qualifiers) > 0

    def _is_own_name(self, position: int, key: str) -> bool:
        """Whether ``key`` is the place's own name rather than an alternate."""
        return self._row_keys[position].partition("|")[0] == key

    def _resolve_readings(
        self, text: str, context: tuple[str, ...], qualifiers: Sequence[str]
    ) -> tuple[int | None, str]:
        """The best place for the first reading of ``text`` that names any, and its key."""
        for key, kind in _readings(text):
            positions = self._positions(key)
            if positions:
                ranked = self._ranked(
                    positions, context=context, qualifiers=qualifiers, kind=kind, key=key
                )
                return ranked[0], key
        return None, ""

    def _resolve_spelling(self, text: str, context: tuple[str, ...]) -> int | None:
        """A place in the context countries whose name is a spelling variant of ``text``.

        Candidates share the mention's skeleton; the closest (difflib ratio, articles
        aside) wins if it reaches ``FUZZY_MIN_RATIO``.
        """
        key = normalize_name(text)
        skeleton = _skeleton(key)
        if not context or len(skeleton) < 2:
            return None
        bare = _without_article(key)
        scored = []
        for rank, iso3 in enumerate(context):
            for position, name in self._spelling_index(iso3).get(skeleton, ()):
                ratio = difflib.SequenceMatcher(None, bare, _without_article(name)).ratio()
                if ratio >= FUZZY_MIN_RATIO:
                    scored.append((rank, -ratio, position))
        if not scored:
            return None
        best = min(scored)[:2]
        tied = [position for rank, ratio, position in scored if (rank, ratio) == best]
        return self._ranked(tied, context=context)[0]

    def _spelling_index(self, iso3: str) -> dict[str, list[tuple[int, str]]]:
        """Skeleton -> ``(position, key)`` for one country's places, built on first use."""
        if iso3 not in self._skeletons:
            index: dict[str, list[tuple[int, str]]] = defaultdict(list)
            for position, country in enumerate(self._country_of):
                if country == iso3:
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

    def _qualified(self, position: int, qualifiers: Sequence[str]) -> int:
        """How many qualifiers name the place's admin-1 or country."""
        country = self._country_of[position]
        admin_keys = self._admin_keys.get((country, self._admin1_of[position] or ""), set())
        hits = 0
        for qualifier in qualifiers:
            skeleton = _skeleton(qualifier)
            if (
                qualifier in admin_keys
                or country_code(qualifier) == country
                or any(skeleton == _skeleton(key) for key in admin_keys)
            ):
                hits += 1
        return hits

    def _ranked(
        self,
        positions: Sequence[int],
        *,
        context: tuple[str, ...],
        qualifiers: Sequence[str] = (),
        kind: str | None = None,
        key: str | None = None,
    ) -> list[int]:
        """``positions`` best first (see the module docstring for the order).

        ``kind`` is the kind the mention asks for; ``key`` the name it was found by,
        which counts for less when it is only an alternate name of a city.
        """
        unique = list(dict.fromkeys(positions))
        # A region yields to a city of the same country that lies in it (the region is
        # named after it) or that is big: "Osh", "Moscow", "Sanaa" are the cities.
        shadowing: set[tuple[str, str | None]] = set()
        for position in unique:
            if self._kinds[position] == _CITY:
                country = self._country_of[position]
                shadowing.add((country, self._admin1_of[position]))
                if self._weights[position] >= BIG_CITY_POPULATION:
                    shadowing.add((country, None))

        def sort_key(position: int) -> tuple[int, int, int, int, float]:
            country = self._country_of[position]
            kind_code = self._kinds[position]
            weight: float = self._weights[position]
            if kind_code == _ADMIN1 and (
                (country, self._admin1_of[position]) in shadowing or (country, None) in shadowing
            ):
                kind_code = len(KINDS)
            elif kind_code == _CITY and key is not None and not self._is_own_name(position, key):
                weight *= ALTERNATE_NAME_WEIGHT
            return (
                -self._qualified(position, qualifiers) if qualifiers else 0,
                context.index(country) if country in context else len(context),
                0 if kind is None or KINDS[self._kinds[position]] == kind else 1,
                kind_code,
                -weight,
            )

        return sorted(unique, key=sort_key)


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process.

    Returns:
        The shared ``Gazetteer`` built from ``data/gazetteer.tsv.gz``.
    """
    return Gazetteer.from_file(GAZETTEER_FILE)


def resolve(text: str, *, context_countries: Sequence[str] = ()) -> Place | None:
    """Resolve a place mention with the default gazetteer (see ``Gazetteer.resolve``).

    Args:
        text: The mention, e.g. ``"Osh Region"``.
        context_countries: ISO alpha-3 codes of the countries in play, by priority.

    Returns:
        The place, or ``None`` when nothing fits.
    """
    return default_gazetteer().resolve(text, context_countries=context_countries)
