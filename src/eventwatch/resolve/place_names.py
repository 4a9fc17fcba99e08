"""Reading a place mention as written in news or event data.

The pieces of a mention the gazetteer looks up: the keys to try for it and the kind
of place each asks for ("Osh Region" is the region, "Osh city" the city), what a
pattern caught past its end ("Ar-Raqqa. Neither"), the shorter mentions of a site
or district inside a place ("Beirut-Mazraa", "Donetsk Airport"), the qualifiers'
division and direction words ("central Darfur state", "northern Iraq"), Arabic
articles ("Bahr el Ghazal" for "Bahr al Ghazal") and a spelling-blind skeleton for
spelling variants.  Used by :mod:`eventwatch.resolve.places`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from eventwatch.resolve.countries import normalize_name

# Letters a place name left after cutting a site word off must keep ("Ar Raboah Frontline").
MIN_SITE_NAME = 4
# A spelling-blind match of a qualifier needs this many consonants ("Hama" is no "Mau").
MIN_SKELETON = 3


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
    atlantic pacific indian arctic mediterranean federation association committee
    movement front league alliance coalition normal arab arabs
    """
)
_SKELETON_FOLDS = (("dzh", "j"), ("dj", "j"), ("ck", "k"))
# then q, c, x -> k, and vowels, h, w, y and spaces dropped
_SKELETON_LETTERS = str.maketrans({"q": "k", "c": "k", "x": "k", **dict.fromkeys("aeiouyhw ")})


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
