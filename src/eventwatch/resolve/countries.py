"""Country names, adjectives and capitals, offline.

The knowledge lives in ``data/countries.tsv``, a table the team writes and
ships: one row per ISO 3166 country or territory with its short English name,
capital, other names (official, older and colloquial forms), adjectives and
demonyms, and abbreviations.  It is read once, on first use.

Names and adjectives match case-insensitively and without accents, after a
leading "the" and a possessive "'s" are dropped.  Abbreviations ("US", "U.K.",
"DRC") and ISO alpha-3 codes match case-sensitively, so that the pronoun "us"
is not the United States.  Bare ISO codes are not names and do not match.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CountryMention",
    "capital_of",
    "country_code",
    "country_name",
    "find_countries",
    "iter_country_names",
    "normalize_name",
]

logger = logging.getLogger(__name__)

COUNTRIES_FILE = Path(__file__).parent / "data" / "countries.tsv"

# Letters that do not decompose under NFKD but have a plain Latin reading.
_LETTER_FOLDS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "ħ": "h",
        "ı": "i",
        "þ": "th",
        "ß": "ss",
    }
)
_APOSTROPHES = re.compile(r"['’‘`´ʻʼʿʾ]")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$", re.IGNORECASE)
_NON_WORD = re.compile(r"[\W_]+")
_LEADING_THE = re.compile(r"^the\s+")


def normalize_name(text: str) -> str:
    """Fold a place or country name into the key used for lookups.

    Accents are removed, apostrophes dropped, other punctuation turned into
    spaces, case folded, and a leading "the" and a trailing possessive removed.

    Args:
        text: A name as written, e.g. ``"the Kyrgyz Republic's"``.

    Returns:
        The lookup key, e.g. ``"kyrgyz republic"``; empty when nothing is left.
    """
    text = text.strip()
    if _POSSESSIVE.search(text):
        # "Russia's" -> "Russia"; "Philippines'" -> "Philippines"
        text = text[:-2] if text[-1] in "sS" else text[:-1]
    text = unicodedata.normalize("NFKD", text.translate(_LETTER_FOLDS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text).casefold()
    text = _NON_WORD.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


def _compact_abbreviation(text: str) -> str:
    """``"the U.S."`` -> ``"US"``: dots, spaces and a leading "the" removed, case kept."""
    text = re.sub(r"^[Tt]he\s+", "", text.strip())
    text = _POSSESSIVE.sub("", text)
    return re.sub(r"[.\s]", "", text)


@dataclass(frozen=True, slots=True)
class _CountryRecord:
    """One row of the country table."""

    iso3: str
    name: str
    capital: str | None
    other_names: tuple[str, ...]
    adjectives: tuple[str, ...]
    abbreviations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _CountryTable:
    """Lookup dicts built once from the country table."""

    records: dict[str, _CountryRecord]
    by_name: dict[str, str]
    by_adjective: dict[str, str]
    by_abbreviation: dict[str, str]


def _split_list(cell: str) -> tuple[str, ...]:
    """A ``;``-separated cell as a tuple of non-empty, stripped items."""
    return tuple(item.strip() for item in cell.split(";") if item.strip())


def _read_records(path: Path) -> list[_CountryRecord]:
    """Parse the country table, skipping comments and the header row."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("iso3\t") or not line.strip():
                continue
            iso3, name, capital, other, adjectives, abbreviations = line.rstrip("\n").split("\t")
            records.append(
                _CountryRecord(
                    iso3=iso3,
                    name=name,
                    capital=capital or None,
                    other_names=_split_list(other),
                    adjectives=_split_list(adjectives),
                    abbreviations=_split_list(abbreviations),
                )
            )
    return records


def _register(index: dict[str, str], key: str, iso3: str, *, what: str) -> None:
    """Add ``key`` to ``index``; the first country to claim a key keeps it."""
    if not key:
        return
    claimed = index.setdefault(key, iso3)
    if claimed != iso3:
        logger.debug("%s %r claimed by %s and %s; keeping %s", what, key, claimed, iso3, claimed)


@functools.cache
def _table() -> _CountryTable:
    """Read ``countries.tsv`` and build the lookup dicts (once per process)."""
    records = _read_records(COUNTRIES_FILE)
    by_name: dict[str, str] = {}
    by_adjective: dict[str, str] = {}
    by_abbreviation: dict[str, str] = {}
    for record in records:
        for name in (record.name, *record.other_names):
            _register(by_name, normalize_name(name), record.iso3, what="name")
        for adjective in record.adjectives:
            _register(by_adjective, normalize_name(adjective), record.iso3, what="adjective")
        for abbreviation in record.abbreviations:
            _register(
                by_abbreviation, _compact_abbreviation(abbreviation), record.iso3, what="code"
            )
    logger.debug("read %d countries from %s", len(records), COUNTRIES_FILE)
    return _CountryTable(
        records={record.iso3: record for record in records},
        by_name=by_name,
        by_adjective=by_adjective,
        by_abbreviation=by_abbreviation,
    )


def country_code(text: str, *, adjectives: bool = True) -> str | None:
    """The ISO 3166 alpha-3 code of a country named or described in ``text``.

    Accepts short, long, official and older names ("Kyrgyz Republic", "Burma",
    "Ivory Coast"), adjectives and demonyms, singular or plural ("Kyrgyz",
    "Pakistanis") and abbreviations ("the U.S.", "UK", "DRC").

    Args:
        text: The mention, e.g. ``"Russia's"`` or ``"the United States"``.
        adjectives: Also accept adjectives and demonyms; ``False`` for a place
            mention, where "Russian" is not a country.

    Returns:
        The alpha-3 code, e.g. ``"RUS"``, or ``None`` when no country matches.
    """
    table = _table()
    abbreviation = table.by_abbreviation.get(_compact_abbreviation(text))
    if abbreviation is not None:
        return abbreviation
    key = normalize_name(text)
    if not key:
        return None
    found = table.by_name.get(key)
    if found is None and adjectives:
        found = table.by_adjective.get(key)
    if found is None and adjectives and key.endswith("s"):
        # Plural demonyms: "Israelis", "Russians".
        found = table.by_adjective.get(key[:-1])
    return found


def country_name(iso3: str) -> str | None:
    """The short common English name of a country.

    Args:
        iso3: An ISO 3166 alpha-3 code, any case, e.g. ``"kgz"``.

    Returns:
        The name, e.g. ``"Kyrgyzstan"``, or ``None`` for an unknown code.
    """
    record = _table().records.get(iso3.strip().upper())
    return record.name if record else None


def capital_of(iso3: str) -> str | None:
    """The capital city of a country.

    Args:
        iso3: An ISO 3166 alpha-3 code, any case, e.g. ``"KGZ"``.

    Returns:
        The capital's name, e.g. ``"Bishkek"``, or ``None`` for an unknown code
        or a territory without one.
    """
    record = _table().records.get(iso3.strip().upper())
    return record.capital if record else None


def iter_country_names() -> Iterator[tuple[str, str]]:
    """Every name a country goes by (not adjectives or abbreviations).

    Returns:
        An iterator of ``(name, iso3)`` pairs, the short name of each country first.
    """
    for record in _table().records.values():
        for name in (record.name, *record.other_names):
            yield name, record.iso3


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country named or described in a text.

    ``how`` is ``"name"`` ("Pakistan", "the Kyrgyz Republic"), ``"adjective"``
    ("Turkish", "Israelis") or ``"abbreviation"`` ("U.S.", "DRC").
    """

    text: str
    start: int
    end: int
    country: str
    how: str


_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?")


@functools.cache
def _mention_index() -> tuple[dict[str, int], re.Pattern[str]]:
    """First word of a name or adjective -> most words such a name has; the abbreviations."""
    table = _table()
    longest: dict[str, int] = {}
    for key in (*table.by_name, *table.by_adjective):
        words = key.split()
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    abbreviations = []
    for record in table.records.values():
        for abbreviation in record.abbreviations:
            compact = _compact_abbreviation(abbreviation)
            if compact.isalpha():
                abbreviations.append(r"\.?".join(compact) + r"\.?")
            else:
                abbreviations.append(re.escape(compact))
    pattern = "|".join(sorted(set(abbreviations), key=len, reverse=True))
    return longest, re.compile(rf"(?<![\w.])({pattern})(?![\w])")


def find_countries(text: str) -> list[CountryMention]:
    """Every country named, described or abbreviated in ``text``, in text order.

    Names and adjectives count only when capitalised ("Chinese", not "china" the
    porcelain), plural adjectives too ("Israelis"); abbreviations match
    case-sensitively ("US", not "us").

    Args:
        text: Any text, e.g. ``"Turkish forces shelled villages in northern Syria"``.

    Returns:
        The mentions; of overlapping ones, only the longest.
    """
    longest, abbreviations = _mention_index()
    table = _table()
    words = list(_WORD.finditer(text))
    found: list[CountryMention] = []
    for index, first in enumerate(words):
        if not first.group()[0].isupper() or first.group().lower() == "the":
            continue
        head = normalize_name(first.group()).split(" ", 1)[0]
        most = longest.get(head) or longest.get(head[:-1] if head.endswith("s") else head)
        if not most:
            continue
        # the words that follow with nothing but spaces between: a name's longest reach
        reach = 1
        while (
            reach < most
            and index + reach < len(words)
            and text[words[index + reach - 1].end() : words[index + reach].start()].isspace()
        ):
            reach += 1
        for count in range(reach, 0, -1):
            end = words[index + count - 1].end()
            mention = _country_mention(text, first.start(), end, table)
            if mention is None and count == 1 and "-" in first.group():
                # "Saudi-led", "Iran-backed": the name before the hyphen
                end = first.start() + first.group().index("-")
                mention = _country_mention(text, first.start(), end, table)
            if mention is not None:
                found.append(mention)
                break
    for match in abbreviations.finditer(text):
        code = table.by_abbreviation.get(_compact_abbreviation(match.group(1)))
        if code is not None:
            found.append(CountryMention(match.group(1), *match.span(1), code, "abbreviation"))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[CountryMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _country_mention(
    text: str, start: int, end: int, table: _CountryTable
) -> CountryMention | None:
    """The country that ``text[start:end]`` names or describes, if any."""
    written = text[start:end].rstrip(".")
    if written.endswith(("'s", "’s")):
        written = written[:-2]  # "Saudi Arabia's" names Saudi Arabia
    key = normalize_name(written)
    code = table.by_name.get(key)
    if code is not None:
        return CountryMention(written, start, start + len(written), code, "name")
    code = table.by_adjective.get(key)
    if code is None and key.endswith("s"):
        code = table.by_adjective.get(key[:-1])
    if code is not None:
        return CountryMention(written, start, start + len(written), code, "adjective")
    return None
