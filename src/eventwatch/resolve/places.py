"""An offline gazetteer: place mentions to coordinates, country and divisions.

The default gazetteer reads ``data/gazetteer.tsv.gz`` (GeoNames populated places of
500 people or more, first- and second-level divisions and the countries; see
``data/build_gazetteer.py``) once, on first use, and adds every country name the
country table knows, and the settlements of national registers that GeoNames lacks
(``EXTRA_FILES``: every village of Ukraine), placed at the centre of their community
and marked ``Place.approximate``.

``Gazetteer.lookup`` matches a name exactly (after ``normalize_name``);
``Gazetteer.resolve`` reads a mention as written in news or event data: it takes
"Kazan, Tatarstan" as Kazan qualified by its region, "Osh Region" as the region,
"Osh city" as the city and "Qaatabah district" as the district, "southern
Kyrgyzstan" as Kyrgyzstan, "Beirut-Mazraa" and "Donetsk Airport" as the city they
are in, "Jhudo, Mirpurkhas, Sindh" (with no Jhudo known) as what the qualifiers
name, and tolerates spelling variants ("Quamishli" for Qamishli): of any place in
the countries in play, of a big place anywhere when none are.  Arabic names are
found with or without the article and with -a, -ah or -eh ("Hoceima",
"Al-Hasakeh", "Bahr el Ghazal" for "Bahr al Ghazal").

Among several places with the name, the choice goes to the one the qualifiers fit
best (they name its country, a division it lies in or a place near it; a qualifier
naming only places far from it counts against it), then one in the context
countries (in their order), then one in the regions the text is about (the Donbas
for a report on its front line), then one of the kind the mention asks for, then a
country over a region over a district or city (unless a big city, or the city the
division is named after, is the obvious reading), then the most populous.

``Gazetteer.country_weights`` says, without context, how likely each country is
for a mention; ``eventwatch.resolve.geography`` adds them up over a document.
"""

from __future__ import annotations

import difflib
import functools
import gzip
import itertools
import logging
import math
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

__all__ = ["Gazetteer", "Place", "default_gazetteer", "is_neighbourhood", "resolve"]

logger = logging.getLogger(__name__)

GAZETTEER_FILE = Path(__file__).parent / "data" / "gazetteer.tsv.gz"
# Settlements of national registers that GeoNames lacks, placed at the centre of the
# community they belong to (``Place.approximate``); see data/SOURCES.md.
EXTRA_FILES = (Path(__file__).parent / "data" / "gazetteer_ukraine.tsv.gz",)
# Short forms of divisions that only qualify a place ("Pratapgarh, UP"); see the file.
ABBREVIATIONS_FILE = Path(__file__).parent / "data" / "admin1_abbreviations.tsv"
KINDS = ("country", "admin1", "admin2", "city")
_COUNTRY, _ADMIN1, _ADMIN2, _CITY = range(len(KINDS))
# A city this big is the obvious reading of a name it shares with a region.
BIG_CITY_POPULATION = 100_000
MILLION = 1_000_000
# A city found by one of its alternate names ranks as if this much smaller.
ALTERNATE_NAME_WEIGHT = 0.1
# How alike (difflib ratio) a spelling variant must be to the name it stands for.
FUZZY_MIN_RATIO = 0.85
# ... and how big a city must be to be read for one.
FUZZY_MIN_WEIGHT = 1_000
# With no country in play, only places this big are read for a spelling variant.
GLOBAL_FUZZY_MIN_WEIGHT = 20_000
GLOBAL_SPELLING = "*"  # the key of the all-country spelling index
# In ``country_weights``: what a spelling variant of a big place counts for.
SPELLING_VARIANT_SHARE = 0.5
# Letters a place name left after cutting a site word off must keep ("Ar Raboah Frontline").
MIN_SITE_NAME = 4
# A spelling-blind match of a qualifier needs this many consonants ("Hama" is no "Mau").
MIN_SKELETON = 3
# A qualifier naming a place this close counts like one naming the division: "Al Farnaj, Tripoli".
QUALIFIER_NEAR_KM = 60.0
# A qualifier naming only places farther than this says the place is another namesake.
CONTRADICTION_KM = 150.0
# In ``country_weights``: how much a place counts when a qualifier fits it (per qualifier),
# and when it is not of the kind the mention asks for.
QUALIFIED_SHARE = 30.0
MISFIT_KIND_SHARE = 0.2
# ... and how much more a mention counts when only its qualifiers are known ("Kerawa
# village, Kolofata, Mayo-Sava, Extreme-Nord"): they say where it is.
QUALIFIER_ONLY_SHARE = 1.5
EARTH_RADIUS_KM = 6371.0


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
# Words naming a division of the first level, of the second, or of either (it varies
# by country: a "department" is an admin-1 in Colombia and an admin-2 in France).
_ADMIN1_WORDS = _words(
    "region province oblast governorate state republic krai kray okrug autonomous emirate"
)
_ADMIN2_WORDS = _words(
    """
    district county municipality rayon raion subdivision arrondissement commune upazila
    tehsil taluka taluk lga municipio township subcounty
    """
)
_ANY_ADMIN_WORDS = _words("department prefecture territory division")
_ADMIN_WORDS = _ADMIN1_WORDS | _ADMIN2_WORDS | _ANY_ADMIN_WORDS
# Words naming a site inside a place: "Donetsk Airport", "Tripoli Airport Road".
_FEATURE_WORDS = _words(
    """
    airport airbase base station road street avenue highway bridge checkpoint crossing
    port harbour harbor market square camp prison hospital university junction dam
    roundabout stadium mosque church factory mine plant refinery industrial zone area
    neighbourhood neighborhood quarter outskirts suburb suburbs village town hills hill
    mountain mountains border frontline front countryside
    """
)
# Words that open the name of a part of a town: "Colonia Pemex", "Barrio Obrero".
_NEIGHBOURHOOD_WORDS = _words(
    "colonia col barrio bairro jardim vila villa mohalla hay quartier fraccionamiento sector"
)
# Words that are no place name on their own, after directions are stripped ("the North Zone").
_GENERIC_WORDS = _FEATURE_WORDS | _ADMIN_WORDS | _words("zone part side city region districts")
_SENTENCE_BREAK = re.compile(r"\.\s+(?=[A-Z])")
# Lower-case words a capitalised-name pattern can leave at the end ("Atenango de").
_TRAILING_PARTICLES = _words("de del la las los da do dos das du des le les of al el the and in")
_AREA_PREFIX = re.compile(
    r"^(?:(?:coast|outskirts|suburbs|vicinity|environs|countryside|area|outside|near|around|rural)"
    r"\s+(?:of\s+)?)+"
)
_PARENTHESES = re.compile(r"^(?P<outer>[^()]*)\((?P<inner>[^()]*)\)(?P<after>.*)$")
_DASH = re.compile(r"\s*[-–—]\s*")
_ARTICLES = _words("al el ar as ad an at az ash ath adh ed er es et ez en")
_FOLDED_ARTICLES = _ARTICLES - {"al", "en", "es", "et"}
# Capitalised words of news prose that GeoNames also has as the name of some village
# ("Police" in Poland, "Is" in Russia): never read as a place on their own.
_NOT_PLACE_NAMES = _words(
    """
    a an the is it its as at be by do go he if in me my no of on or so to up us we am are was
    were has had have not but and for nor yet all any can did get got let may new now old one
    out see she two six ten who why how man men mr mrs ms dr sir saint san santa los las el la
    le de del da police army navy state government president minister ministry court council
    party union group company bank office university school college hospital church mosque
    temple market street road avenue square park station airport bridge centre center city
    town village district province region county capital border security military forces
    force troops soldiers protest protesters people residents workers students farmers
    women children men youth members leaders officials authorities victims suspects gunmen
    militants rebels unknown unidentified several many some most other others local national
    federal central regional general public private social popular democratic republican
    liberal labour labor justice peace freedom liberty victory unity progress hope faith
    grace mercy best good fine long little great grand high low north south east west
    friday monday tuesday wednesday thursday saturday sunday january february march april may
    june july august september october november december spring summer autumn winter
    christmas easter ramadan eid covid corona coronavirus health water power energy oil gas
    gold silver iron star sun moon sky sea ocean lake river mount mountain island
    atlantic pacific indian arctic mediterranean
    """
)
_SKELETON_FOLDS = (("dzh", "j"), ("dj", "j"), ("ck", "k"))
# then q, c, x -> k, and vowels, h, w, y and spaces dropped
_SKELETON_LETTERS = str.maketrans({"q": "k", "c": "k", "x": "k", **dict.fromkeys("aeiouyhw ")})


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


def _without_article(key: str) -> str:
    """``"al atarib"`` -> ``"atarib"``: a leading Arabic article dropped."""
    article, _, rest = key.partition(" ")
    return rest if rest and article in _ARTICLES else key


def _skeleton(key: str) -> str:
    """A spelling-blind form of a key: no article, vowels, h/w/y or doubled letters."""
    text = _without_article(key).replace(" ", "")
    for written, folded in _SKELETON_FOLDS:
        text = text.replace(written, folded)
    return "".join(letter for letter, _ in itertools.groupby(text.translate(_SKELETON_LETTERS)))


def is_neighbourhood(text: str) -> bool:
    """Whether a mention names a part of a town: "Colonia Pemex", "Barrio Obrero", "Colonia".

    Args:
        text: A mention, or the word written before one.

    Returns:
        True when its first word is one that opens the name of a neighbourhood.
    """
    words = normalize_name(text).split()
    return bool(words) and words[0] in _NEIGHBOURHOOD_WORDS


def _admin_kind(word: str) -> str:
    """The kind of division an admin word names: ``"admin1"``, ``"admin2"`` or ``"admin"``."""
    if word in _ADMIN1_WORDS:
        return "admin1"
    return "admin2" if word in _ADMIN2_WORDS else "admin"


def _kind_hint(key: str) -> tuple[str, str] | None:
    """``"osh region"`` -> ``("osh", "admin1")``; ``"kazan city"`` -> ``("kazan", "city")``.

    ``"admin"`` stands for a division of either level ("Mayo-Sava department").
    """
    words = key.split()
    if len(words) > 2 and words[1] == "of" and words[0] in _ADMIN_WORDS | {"city"}:
        return " ".join(words[2:]), "city" if words[0] == "city" else _admin_kind(words[0])
    if len(words) > 1 and words[-1] in {"city", "town", "village"}:
        return " ".join(words[:-1]), "city"
    end = len(words)
    while end > 1 and words[end - 1] in _ADMIN_WORDS:
        end -= 1
    if end < len(words):
        return " ".join(words[:end]), _admin_kind(words[end])
    return None


def _readings(text: str) -> Iterator[tuple[str, str | None]]:
    """Keys to try for a mention, with the kind each asks for, most literal first."""
    key = normalize_name(text)
    words = key.split()
    start = 0
    while start < len(words) - 1 and words[start] in _DIRECTIONS:
        start += 1
    stripped = "" if words and words[start] in _DIRECTIONS else " ".join(words[start:])
    candidates = [
        candidate
        for candidate in dict.fromkeys([key, stripped])
        if candidate
        # "the North Zone" names no place called "Zone", "Police" no town in Poland
        and not all(word in _GENERIC_WORDS for word in candidate.split())
        and candidate not in _NOT_PLACE_NAMES
    ]
    for candidate in candidates:
        hint = _kind_hint(candidate)
        if hint is not None and hint[1] != "city":
            yield hint  # "Bolivar state" is the state, though a city goes by that name too
        yield candidate, None
        if hint is not None and hint[1] == "city":
            yield hint
    for candidate in candidates:
        # "Bahr el Ghazal" for "Bahr al Ghazal": the article as GeoNames writes it
        folded = fold_articles(candidate)
        if folded != candidate:
            yield folded, None
            hint = _kind_hint(folded)
            if hint is not None:
                yield hint


def _without_admin_words(key: str) -> str:
    """``"central darfur state"`` -> ``"central darfur"``; the key when nothing would be left."""
    words = [word for word in key.split() if word not in _ADMIN_WORDS]
    return " ".join(words) if words else key


def _without_directions(key: str) -> str:
    """``"northern iraq"`` -> ``"iraq"``; the key when nothing would be left."""
    words = key.split()
    start = 0
    while start < len(words) - 1 and words[start] in _DIRECTIONS:
        start += 1
    return " ".join(words[start:])


def fold_articles(key: str) -> str:
    """A key with every Arabic article written "al": ``"bahr el ghazal"`` -> ``"bahr al ghazal"``."""
    words = key.split()
    if not any(word in _FOLDED_ARTICLES for word in words):
        return key
    return " ".join("al" if word in _FOLDED_ARTICLES else word for word in words)


def _clean_mention(text: str) -> str:
    """A mention without what a pattern caught past its end: "Ar-Raqqa. Neither" -> "Ar-Raqqa"."""
    text = _SENTENCE_BREAK.split(text, maxsplit=1)[0]
    words = text.split()
    while len(words) > 1 and words[-1] in _TRAILING_PARTICLES:
        words.pop()
    return " ".join(words).rstrip(".")


def _site_variants(text: str) -> Iterator[str]:
    """Shorter mentions for a site or district inside a place, most specific first."""
    match = _PARENTHESES.match(text)
    if match:
        yield f"{match['outer']} {match['after']}".strip()
        yield match["inner"].strip()
    head = _DASH.split(text, maxsplit=1)[0]
    if (
        head
        and head != text
        and len(head) >= MIN_SITE_NAME
        and normalize_name(head) not in _ARTICLES
    ):
        yield head  # "Beirut-Mazraa", not the "Ar" of "Ar-Raqqa"
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
        if all(word in _DIRECTIONS or word in _GENERIC_WORDS for word in head_words):
            continue  # "West Zone" is no place called "West"
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

    @classmethod
    def from_file(
        cls, path: Path = GAZETTEER_FILE, *, approximate: Sequence[Path] = ()
    ) -> Gazetteer:
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

    def candidates(self, name: str) -> list[Place]:
        """Every place called exactly ``name`` (after normalisation), likeliest first.

        Args:
            name: A place name, e.g. ``"Kazan"``.

        Returns:
            The places, ranked as ``lookup`` would rank them without context.
        """
        key = normalize_name(name)
        return [self._place(i) for i in self._ranked(self._positions(key), context=(), key=key)]

    def lookup(
        self,
        name: str,
        *,
        context_countries: Sequence[str] = (),
        context_regions: Iterable[tuple[str, str]] = (),
    ) -> Place | None:
        """The likeliest place called exactly ``name`` (after normalisation).

        Args:
            name: A place name, e.g. ``"Haifa"``.
            context_countries: ISO alpha-3 codes (or country names) of the countries
                the text is about, in order of priority.
            context_regions: ``(iso3, admin1)`` of the first-level divisions the text
                is about: of a country's namesakes, those in them come first.

        Returns:
            The place, or ``None`` when no place has that name.
        """
        key = normalize_name(name)
        context = self._context(context_countries)
        ranked = self._ranked(
            self._positions(key), context=context, key=key, regions=frozenset(context_regions)
        )
        return self._place(ranked[0]) if ranked else None

    def resolve(
        self,
        text: str,
        *,
        context_countries: Sequence[str] = (),
        context_regions: Iterable[tuple[str, str]] = (),
    ) -> Place | None:
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
            context_regions: ``(iso3, admin1)`` of the first-level divisions the text
                is about ("Serhiivka" in a report on the Donbas front is the one in
                Donetsk oblast, not one of the twenty elsewhere in Ukraine).

        Returns:
            The place, or ``None`` when nothing in the gazetteer fits.
        """
        head, *qualifier_parts = _clean_mention(text).split(",")
        qualifiers = [normalize_name(part) for part in qualifier_parts]
        qualifiers = [qualifier for qualifier in qualifiers if qualifier]
        context = self._context(context_countries)
        regions = frozenset(context_regions)
        exact, matched_key = self._resolve_readings(head, context, qualifiers, regions)
        if (
            exact is not None
            and self._fits(exact, qualifiers)
            and self._settled(exact, matched_key, context, qualifiers)
        ):
            return self._place(exact)
        code = country_code(head, adjectives=False)
        if code in self._countries:
            return self._place(self._countries[code])
        words = normalize_name(head).split()
        if len(words) > 1 and words[0] in _NEIGHBOURHOOD_WORDS:
            # "Colonia Las Tinas", "Barrio Obrero": a part of a town that the gazetteer
            # does not know; a like-named place elsewhere is no answer.
            return self._broader(qualifier_parts, context) if qualifiers else None
        for variant in _site_variants(head.strip()):
            found, _ = self._resolve_readings(variant, context, qualifiers, regions)
            if (
                found is not None
                and (not context or self._country_of[found] in context)
                and self._fits(found, qualifiers)
            ):
                return self._place(found)
        found = self._resolve_spelling(head, context, regions)
        if found is not None and not self._fits(found, qualifiers):
            found = None
        if found is None and qualifiers:
            # "Jhudo, Mirpurkhas, Sindh" with no Jhudo known there: the qualifiers,
            # narrowest first, rather than a namesake that lies elsewhere (but "Iquique,
            # Tarapaca" stays the city, whatever else is called Tarapaca).
            broader = self.resolve(",".join(qualifier_parts), context_countries=context)
            if broader is not None and self._broader_wins(broader, exact, matched_key, context):
                return broader
        if found is None:
            # A small namesake abroad is the last resort when the context has nothing like it.
            found = exact
        return None if found is None else self._place(found)

    def country_weights(self, text: str) -> dict[str, float]:
        """Which countries a place mention may be in, and how likely each is, without context.

        Every place the mention can name counts by the square root of its size (so a
        city of a million outweighs a village of 500 forty-five times), less when it is
        found only by an alternate name or is not of the kind asked for ("Bui
        department"), far more when a qualifier names its division or a place near it
        ("Masisi, Nord-Kivu").  A qualified mention weighs twice.

        Args:
            text: A place mention, e.g. ``"Masisi, Nord-Kivu"``.

        Returns:
            ISO alpha-3 code -> weight; the weights add up to 1, or 2 for a mention
            whose qualifier fits; empty when no place has the name.
        """
        head, *qualifier_parts = _clean_mention(text).split(",")
        qualifiers = [q for q in (normalize_name(part) for part in qualifier_parts) if q]
        shares: dict[str, float] = {}
        for reading in (head, *_site_variants(head.strip())):
            best_fit = 0.0
            best_shares: dict[str, float] = {}
            for key, kind in _readings(reading):
                positions = self._positions(key)
                if not positions:
                    continue
                found, fit = self._country_shares(positions, key, kind, qualifiers)
                if not qualifiers:
                    return found
                shares = shares or found
                # "Hyderabad city, Hyderabad, TS": the reading the qualifiers fit best
                if fit > best_fit:
                    best_fit, best_shares = fit, found
            if best_shares:
                return best_shares
            if shares:
                break
        if qualifier_parts:
            # none of the places called so lies where the qualifiers say: trust the
            # qualifiers, which say where the place is as plainly as a fitting one would
            broader = self.country_weights(",".join(qualifier_parts))
            if broader and (not shares or max(broader.values()) >= max(shares.values())):
                return {code: QUALIFIER_ONLY_SHARE * share for code, share in broader.items()}
        if not shares:
            # no place is called so: a big place spelt so ("Qalqiliyah" for Qalqilya)
            # says as much, at half the weight of an exact name
            variant = self._resolve_spelling(head, ())
            if variant is not None:
                shares = {self._country_of[variant]: SPELLING_VARIANT_SHARE}
        return shares

    def _country_shares(
        self, positions: Sequence[int], key: str, kind: str | None, qualifiers: Sequence[str]
    ) -> tuple[dict[str, float], float]:
        """The weights of ``country_weights`` for the places found by one key, and
        how well the qualifiers fit the best of them (0 when none fits).

        The weights add up to the fit of the likeliest reading: a name found only as
        a village, or not as the kind of place the mention asks for, is weak evidence.
        """
        best: dict[str, float] = {}
        fit = 0.0
        best_hits = 0.0
        for position in dict.fromkeys(positions):
            kind_code = self._kinds[position]
            weight = max(self._weights[position], 1)
            score = math.sqrt(weight)
            if kind_code == _CITY and not self._is_own_name(position, key):
                score *= math.sqrt(ALTERNATE_NAME_WEIGHT)
            kind_fit = (1.0, MISFIT_KIND_SHARE, MISFIT_KIND_SHARE)[_kind_mismatch(kind, kind_code)]
            score *= kind_fit
            size_fit = 1.0 if kind_code != _CITY else min(1.0, math.log10(weight + 1) / 6)
            if qualifiers:
                hits = self._qualified(position, qualifiers)
                best_hits = max(best_hits, hits)
                score *= QUALIFIED_SHARE**hits
                if hits:
                    size_fit = 1.0
            fit = max(fit, kind_fit * size_fit)
            country = self._country_of[position]
            best[country] = max(best.get(country, 0.0), score)
        total = sum(best.values())
        scale = 2.0 if best_hits > 0 else fit
        return {country: scale * score / total for country, score in best.items()}, best_hits

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
        self,
        text: str,
        context: tuple[str, ...],
        qualifiers: Sequence[str],
        regions: frozenset[tuple[str, str]] = frozenset(),
    ) -> tuple[int | None, str]:
        """The best place for the first reading of ``text`` that names any, and its key.

        With qualifiers, a later reading whose best place they fit better wins:
        "Hyderabad city, Hyderabad, TS" is the Indian city, though only the one in
        Pakistan goes by "Hyderabad City".
        """
        best: tuple[int | None, str] = (None, "")
        best_fit = 0.0
        for key, kind in _readings(text):
            positions = self._positions(key)
            if positions:
                ranked = self._ranked(
                    positions,
                    context=context,
                    qualifiers=qualifiers,
                    kind=kind,
                    key=key,
                    regions=regions,
                )
                if not qualifiers:
                    return ranked[0], key
                fit = self._qualified(ranked[0], qualifiers)
                if best[0] is None or fit > best_fit:
                    best, best_fit = (ranked[0], key), fit
        return best

    def _resolve_spelling(
        self,
        text: str,
        context: tuple[str, ...],
        regions: frozenset[tuple[str, str]] = frozenset(),
    ) -> int | None:
        """A place whose name is a spelling variant of ``text``: in the context
        countries, or, with no context, a big place anywhere ("Quamishli city").

        Candidates share the mention's skeleton; the closest (difflib ratio, articles
        aside) wins if it reaches ``FUZZY_MIN_RATIO``.
        """
        key = normalize_name(text)
        hint = _kind_hint(key)
        keys = [key] if hint is None else [key, hint[0]]
        scored = []
        for key in keys:
            skeleton = _skeleton(key)
            if (
                len(skeleton) < (2 if context else MIN_SKELETON)
                or key in _NOT_PLACE_NAMES
                or all(word in _GENERIC_WORDS for word in key.split())
            ):
                continue  # "Police" is no misspelt place
            bare = _without_article(key)
            indexes = (
                [self._spelling_index(iso3) for iso3 in context]
                if context
                else [self._global_spelling_index()]
            )
            for rank, index in enumerate(indexes):
                for position, name in index.get(skeleton, ()):
                    if (
                        self._kinds[position] == _CITY
                        and self._weights[position] < FUZZY_MIN_WEIGHT
                        and (self._country_of[position], self._admin1_of[position]) not in regions
                    ):
                        # a village is too likely a different place with a like name,
                        # unless it lies in the region the text is about
                        continue
                    ratio = difflib.SequenceMatcher(None, bare, _without_article(name)).ratio()
                    if ratio >= FUZZY_MIN_RATIO:
                        scored.append((rank, -ratio, position))
        if not scored:
            return None
        best = min(scored)[:2]
        tied = [position for rank, ratio, position in scored if (rank, ratio) == best]
        return self._ranked(tied, context=context, regions=regions)[0]

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

    def _broader(self, qualifier_parts: Sequence[str], context: tuple[str, ...]) -> Place | None:
        """The place the qualifiers name, when it lies in the context (or there is none)."""
        broader = self.resolve(",".join(qualifier_parts), context_countries=context)
        if broader is None or (context and broader.country not in context):
            return None
        return broader

    def _broader_wins(
        self, broader: Place, exact: int | None, key: str, context: tuple[str, ...]
    ) -> bool:
        """Whether the place the qualifiers name beats an exact match they do not fit."""
        if context and broader.country not in context and broader.kind != "country":
            return False
        if exact is None or broader.country == self._country_of[exact]:
            return True
        big = self._weights[exact] >= BIG_CITY_POPULATION and self._is_own_name(exact, key)
        return not (big and (not context or self._country_of[exact] in context))

    def _fits(self, position: int, qualifiers: Sequence[str]) -> bool:
        """Whether a place fits the qualifiers of its mention (or there are none)."""
        return not qualifiers or self._qualified(position, qualifiers) > 0

    def _qualified(self, position: int, qualifiers: Sequence[str]) -> float:
        """How well the qualifiers fit a place: one per qualifier that names its country,
        a division it lies in or a place near it, and a half more for a named place near
        it ("Yasne, Donetsk": the Yasne by Donetsk city, of the several in Donetsk Oblast);
        one less per qualifier that names only places far from it.
        """
        country = self._country_of[position]
        admin_keys = self._admin_keys.get(
            (country, _ADMIN1, self._admin1_of[position] or ""), set()
        )
        admin2 = self._admin2_of[position]
        if admin2:
            admin_keys = admin_keys | self._admin_keys.get((country, _ADMIN2, admin2), set())
        hits = 0.0
        for written in qualifiers:
            qualifier = _without_directions(_without_admin_words(written))  # "Northern Iraq"
            skeleton = _skeleton(qualifier)
            # a village placed at its community's centre is too roughly placed to be "near"
            near = not self._is_approximate(position) and self._near_namesake(position, qualifier)
            if (
                qualifier in admin_keys
                or written in admin_keys
                or country_code(qualifier) == country
                or (
                    len(skeleton) >= MIN_SKELETON
                    and any(skeleton == _skeleton(key) for key in admin_keys)
                )
            ):
                hits += 1.5 if near else 1.0
            elif near:
                hits += 1.0
            elif self._names_place_far_from(position, qualifier):
                hits -= 1.0  # "Palanpur area, Surat": a Palanpur far from Surat is another one
        return hits

    def _names_place_far_from(self, position: int, key: str) -> bool:
        """Whether ``key`` names places, none of them within ``CONTRADICTION_KM`` of the place."""
        others = [other for other in self._positions(key) if self._kinds[other] != _COUNTRY]
        return bool(others) and not any(
            self._country_of[other] == self._country_of[position]
            and _distance_km(
                self._lats[position], self._lons[position], self._lats[other], self._lons[other]
            )
            <= CONTRADICTION_KM
            for other in others
        )

    def _near_namesake(self, position: int, key: str) -> bool:
        """Whether a place called ``key`` (its division, its city) lies near the place."""
        for other in self._positions(key):
            if (
                other != position
                and self._country_of[other] == self._country_of[position]
                and self._kinds[other] in (_CITY, _ADMIN2)
                and _distance_km(
                    self._lats[position], self._lons[position], self._lats[other], self._lons[other]
                )
                <= QUALIFIER_NEAR_KM
            ):
                return True
        return False

    def _ranked(
        self,
        positions: Sequence[int],
        *,
        context: tuple[str, ...],
        qualifiers: Sequence[str] = (),
        kind: str | None = None,
        key: str | None = None,
        regions: frozenset[tuple[str, str]] = frozenset(),
    ) -> list[int]:
        """``positions`` best first (see the module docstring for the order).

        ``kind`` is the kind the mention asks for (``"admin"``: a division of either
        level); ``key`` the name it was found by, which counts for less when it is
        only an alternate name of a city; ``regions`` the ``(iso3, admin1)`` the
        text is about, whose cities and towns come before their namesakes elsewhere
        in the country (a big city is the obvious reading wherever it lies).
        """
        unique = list(dict.fromkeys(positions))
        # A division yields to a city of the same country that lies in it (the division
        # is named after it) or that is big: "Osh", "Moscow", "Sanaa" are the cities.
        shadowing: set[tuple[str, int, str | None]] = set()
        for position in unique:
            if self._kinds[position] == _CITY:
                country = self._country_of[position]
                shadowing.add((country, _ADMIN1, self._admin1_of[position]))
                shadowing.add((country, _ADMIN2, self._admin2_of[position]))
                if self._weights[position] >= BIG_CITY_POPULATION:
                    shadowing.add((country, _ADMIN1, None))
                    shadowing.add((country, _ADMIN2, None))

        def outside_regions(position: int) -> int:
            if (
                not regions
                or self._kinds[position] != _CITY
                or (self._country_of[position], self._admin1_of[position]) in regions
            ):
                return 0
            big = self._weights[position] >= BIG_CITY_POPULATION
            return 0 if big and (key is None or self._is_own_name(position, key)) else 1

        def spread(position: int) -> float:
            # like-named villages of one region, placed roughly: the one nearer the
            # heart of the region (its big cities) is the likelier subject of news
            if not self._is_approximate(position):
                return 0.0
            centre = self._division_point(self._country_of[position], self._admin1_of[position])
            if centre is None:
                return 0.0
            return _distance_km(
                self._lats[position], self._lons[position], self._lats[centre], self._lons[centre]
            )

        def sort_key(position: int) -> tuple[float, int, int, int, int, float, float]:
            country = self._country_of[position]
            kind_code = self._kinds[position]
            weight: float = self._weights[position]
            if kind_code in (_ADMIN1, _ADMIN2):
                own = (
                    self._admin1_of[position] if kind_code == _ADMIN1 else self._admin2_of[position]
                )
                if (country, kind_code, own) in shadowing or (
                    country,
                    kind_code,
                    None,
                ) in shadowing:
                    rank = len(KINDS)
                else:
                    rank = kind_code if kind_code == _ADMIN1 else _CITY
            else:
                rank = kind_code
                if kind_code == _CITY and key is not None and not self._is_own_name(position, key):
                    weight *= ALTERNATE_NAME_WEIGHT
            return (
                -self._qualified(position, qualifiers) if qualifiers else 0,
                context.index(country) if country in context else len(context),
                outside_regions(position),
                _kind_mismatch(kind, kind_code),
                rank,
                -weight,
                spread(position),
            )

        return sorted(unique, key=sort_key)


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


def _kind_mismatch(wanted: str | None, kind_code: int) -> int:
    """0 when a place is of the kind a mention asks for, 1 for the other division level, else 2."""
    if wanted is None:
        return 0
    kind = KINDS[kind_code]
    if kind == wanted or (wanted == "admin" and kind_code in (_ADMIN1, _ADMIN2)):
        return 0
    return 1 if wanted.startswith("admin") and kind_code in (_ADMIN1, _ADMIN2) else 2


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process.

    Returns:
        The shared ``Gazetteer`` built from ``data/gazetteer.tsv.gz`` and the
        approximately placed settlements of ``EXTRA_FILES``.
    """
    return Gazetteer.from_file(GAZETTEER_FILE, approximate=EXTRA_FILES)


def resolve(text: str, *, context_countries: Sequence[str] = ()) -> Place | None:
    """Resolve a place mention with the default gazetteer (see ``Gazetteer.resolve``).

    Args:
        text: The mention, e.g. ``"Osh Region"``.
        context_countries: ISO alpha-3 codes of the countries in play, by priority.

    Returns:
        The place, or ``None`` when nothing fits.
    """
    return default_gazetteer().resolve(text, context_countries=context_countries)
