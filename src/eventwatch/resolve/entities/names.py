"""Names as keys: folding spelling variants, skeletons, name shapes and the keys
the registry indexes entities by."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwatch.model import Entity
from eventwatch.resolve.actors import acronym_of, strip_name
from eventwatch.resolve.countries import country_code

if TYPE_CHECKING:
    from eventwatch.resolve.entities.model import LocalEntity

KINDS = ("person", "organization", "place")
#: Entries of each cache of per-name work (folding, keys): the distinct names of a
#: collection of some 100k documents, so that a large registry does not refold them.
_NAME_CACHE = 1 << 18
#: Nouns for groups and things: written alone with a capital, they open a sentence
#: ("Police fired…", "Crowds stormed…") and name no one in particular.
GENERIC_NOUNS = frozenset(
    """
    police army military troops soldiers forces officers officials authorities government
    prosecutors investigators judges court courts lawmakers legislators deputies ministers
    protesters demonstrators crowds crowd students residents witnesses villagers civilians
    people activists journalists reporters militants rebels gunmen attackers assailants
    insurgents fighters guards guardsmen security sources diplomats observers analysts
    critics supporters opponents relatives families lawyers doctors medics rescuers
    meeting treaty agreement talks photographs videos reports statement
    """.split()
)
_SPELLING = [
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"dzh"), "j"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"iy|yi"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"(\w)\1"), r"\1"),
]


@lru_cache(maxsize=_NAME_CACHE)
def _fold_word(word: str) -> str:
    """ "Tashiyev" → "tashiev", "Mohammed" → "mohamed": spelling variants of one name."""
    text = unicodedata.normalize("NFKD", word.lower())
    text = "".join(c for c in text if c.isalnum())
    for pattern, replacement in _SPELLING:
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=_NAME_CACHE)
def name_skeleton(name: str) -> str:
    """A spelling-blind form of a name: folded words without vowels, h, w or y.

    "Rached"/"Rachid" and "Saied"/"Saïed" agree.  Too coarse to decide alone
    ("Tashov" and "Tashiev" share one); used only when nothing closer matches.
    """
    words = []
    for word in name_key(name):
        skeleton = re.sub(r"[aeiouhwy]", "", word)
        words.append(re.sub(r"(\w)\1", r"\1", skeleton) or word)
    return " ".join(words)


@lru_cache(maxsize=_NAME_CACHE)
def name_key(name: str) -> tuple[str, ...]:
    """The folded words of a name, for matching across documents."""
    return tuple(w for w in (_fold_word(p) for p in re.split(r"[\s\-‐]+", name)) if w)


def _one_edit(a: str, b: str) -> bool:
    """At most one letter inserted, dropped or changed."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=1 << 16)
def _word_variants(a: str, b: str) -> bool:
    """Two folded words one transliteration apart: "gutul"/"gutsul", "tiani"/"tchiani"
    (not "hasina"/"sana": alike without their vowels, but two letters apart)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    x, y = name_skeleton(a), name_skeleton(b)
    if x == y and len(x) >= 3:
        return True  # "ievgenia"/"evghenia": the same consonants in the same order
    if not _one_edit_or_digraph(a, b):
        return False
    return x == y or (min(len(x), len(y)) >= 3 or min(len(a), len(b)) >= 5) and _one_edit(x, y)


def _one_edit_or_digraph(a: str, b: str) -> bool:
    """The full spellings differ by one letter or by a letter pair ("q"/"gh", "ts"/"t")."""
    if _one_edit(a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) > 2:
        return False
    head = next(
        (i for i, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short)
    )
    tail = 0
    while tail < len(short) - head and short[-1 - tail] == long_[-1 - tail]:
        tail += 1
    return len(long_) - head - tail <= 2 and len(short) - head - tail <= 1


#: Particles that belong to a surname ("de Moraes", "bin Salman"), not given names.
_PARTICLES = frozenset("de da do dos del della di van von der bin ben ibn al el la le".split())


@lru_cache(maxsize=1 << 16)
def person_names_agree(first: str, second: str) -> bool:
    """Whether two written names may be one person's.

    The surnames agree, allowing one transliteration slip ("Gutul"/"Gutsul",
    "Araghchi"/"Araqchi"), and so do the given names where both are written: the
    same name, a spelling variant of it, or its initial ("G. Asanbekova").  A
    different given name keeps two namesakes apart ("Thaksin" and "Paetongtarn
    Shinawatra").  Particles ("De Moraes") are part of the surname.

    Args:
        first: one name as written (titles stripped).
        second: another.

    Returns:
        True when nothing in the two names tells them apart.
    """
    a, b = name_key(first), name_key(second)
    if not a or not b or not _word_variants(a[-1], b[-1]):
        return False
    given_a = [w for w in a[:-1] if w not in _PARTICLES]
    given_b = [w for w in b[:-1] if w not in _PARTICLES]
    if not given_a or not given_b:
        return True
    x, y = given_a[0], given_b[0]
    if len(x) == 1 or len(y) == 1:  # an initial
        return x[0] == y[0]
    return _word_variants(x, y)


def _alias_like(text: str) -> bool:
    """A name as written ("Japarov", "the SNCS"), not a description ("the previous prime minister")."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    return bool(bare) and bare[:1].isupper()


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


#: Words that make a name a division of a country ("Osh Region", "Vasylivka district").
_DIVISION_WORDS = frozenset(
    """region oblast province state district governorate county township prefecture
    municipality raion rayon territory""".split()
)
#: Words that make a name a site ("Sabreen market", "Slavija square", "Gazela bridge").
_SITE_WORDS = frozenset(
    """market square bridge street avenue road park airport camp beach stadium palace
    prison""".split()
)
#: Words that make a name an organisation's rather than a person's.
_BODY_WORDS = frozenset(
    """committee ministry service agency department council court parliament assembly office
    directorate bureau commission police army government guard forces party league front
    movement union bank group company corporation brotherhood tribunal inspectorate centre
    center network association federation organisation organization institute foundation
    coalition alliance congress senate kenesh duma cabinet presidency administration
    authority board university school news times post press television radio""".split()
)
#: Words before a name that are not part of it.
_TITLE_WORDS = frozenset(
    """president prime minister general gen gen. colonel col col. major captain lieutenant
    mr mrs ms dr sir senator sen sen. speaker chairman king queen prince sheikh emir judge
    former acting new deputy head chief leader late premier civilian interim security""".split()
)
_PLACE_WORDS = _DIVISION_WORDS | _SITE_WORDS


_COMMON_OPENERS = frozenset("the a an in on at of for and but as by to from with near".split())


def _last_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


@lru_cache(maxsize=_NAME_CACHE)
def _bare(text: str) -> str:
    """ "the Gazela bridge" → "Gazela bridge", "Khartoum State's" → "Khartoum State"."""
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"['’]s?$", "", text).strip(" ,.;:\"'“”")


#: A hyphenated description before a name: "Islamist-inspired", "Kremlin-backed".
_DESCRIPTOR = re.compile(r"[A-Z][\w']*-[a-z][\w-]*")


@lru_cache(maxsize=_NAME_CACHE)
def _bare_person(text: str) -> str:
    """A person's name without the titles and descriptions before it."""
    words = _bare(text).split()
    while len(words) > 1 and (
        words[0].lower() in _TITLE_WORDS
        or not words[0][:1].isupper()
        or _DESCRIPTOR.fullmatch(words[0])
    ):
        words = words[1:]
    return " ".join(words)


def _is_body(text: str) -> bool:
    return any(w in _BODY_WORDS for w in re.findall(r"[a-z]+", text.lower()))


@lru_cache(maxsize=_NAME_CACHE)
def _acronyms(name: str) -> frozenset[str]:
    """The letters an organisation's name may be shortened to: an acronym itself
    ("SCNS"), or the initials of the name's words, with and without its small words
    ("ECWAS", "ECOWAS" for the Economic Community of West African States)."""
    compact = strip_name(name).replace(".", "").strip()
    if compact.isupper() and compact.isalpha():
        return frozenset({compact})
    words = re.findall(r"[\w']+", strip_name(name))
    if len(words) < 2:
        return frozenset()
    found = {acronym_of(name), "".join(w[0] for w in words).upper()}
    return frozenset(letters for letters in found if len(letters) >= 2)


@lru_cache(maxsize=_NAME_CACHE)
def _alias_key(name: str) -> str:
    """ "the Chișinău" and "Chisinau" are one alias."""
    return " ".join(name_key(_bare(name)))


@lru_cache(maxsize=_NAME_CACHE)
def _spelling_keys(word: str) -> frozenset[str]:
    """Keys that any two folded words :func:`person_names_agree` takes for one share.

    The word is folded again first, as :func:`person_names_agree` folds the names it
    compares; then :func:`_word_keys`.
    """
    return _word_keys("".join(name_key(word)))


@lru_cache(maxsize=_NAME_CACHE)
def _word_keys(word: str) -> frozenset[str]:
    """Keys that any two words :func:`_word_variants` takes for one share.

    The word itself, its one-letter deletions (4 letters or more), its deletions of
    two adjacent letters (5 or more: "q"/"gh", "t"/"ts" differences) and its
    skeleton (marked by a leading "="): an index on these finds every spelling
    variant of a word without scanning the words of similar skeletons.
    """
    keys = {word}
    if len(word) >= 4:
        keys.update(word[:i] + word[i + 1 :] for i in range(len(word)))
    if len(word) >= 5:
        keys.update(word[:i] + word[i + 2 :] for i in range(len(word) - 1))
    skeleton = name_skeleton(word)
    if len(skeleton) >= 3:
        keys.add("=" + skeleton)
    return frozenset(keys)


def _variants(skeleton: str) -> list[str]:
    """The skeleton and its one-letter deletions: spellings one slip apart share one."""
    if len(skeleton) < 3:
        return [skeleton]
    return [skeleton, *{skeleton[:i] + skeleton[i + 1 :] for i in range(len(skeleton))}]


@lru_cache(maxsize=_NAME_CACHE)
def _org_keys(name: str) -> tuple[tuple[str, ...], ...]:
    """The keys an organisation's name is known by: as written, without the country it
    belongs to ("… of the Kyrgyz Republic"), without a trailing "party" or "movement",
    a court without the kind of its district ("Meshchansky District Court")."""
    keys = [name_key(name), name_key(_without_country(name))]
    words = _without_country(name).split()
    if len(words) > 1 and words[-1].lower() in {"party", "movement"}:
        keys.append(name_key(" ".join(words[:-1])))
    if len(words) > 2 and words[-1].lower() == "court":
        keys.append(
            name_key(" ".join(w for w in words if w.lower() not in _DIVISION_WORDS | {"city"}))
        )
    return tuple(dict.fromkeys(k for k in keys if k))


def _without_country(name: str) -> str:
    """ "State Committee for National Security of the Kyrgyz Republic" → without the country."""
    match = re.match(r"^(.+?)\s+of\s+(?:the\s+)?(.+)$", name)
    if match and country_code(match.group(2), adjectives=False):
        return match.group(1)
    return name


def _participant_name(participant: Entity) -> str:
    """The name a participant goes by; the one written, when the resolver grouped a
    different person under it by surname ("Choguel Maïga" under "Abdoulaye Maïga")."""
    written = _bare_person(participant.text)
    if (
        len(written.split()) > 1
        and all(w[:1].isupper() for w in written.split())
        and not _is_body(written)
        and not person_names_agree(written, participant.name)
        and person_names_agree(written.split()[-1], participant.name.split()[-1])
    ):
        return written
    return participant.name


def _local_key(entity: LocalEntity) -> tuple[str, str]:
    """The key of a document's entity in what ``EntityRegistry.link`` returns."""
    return entity.kind, entity.name.lower()


def _contained(linked: dict[tuple[str, str], str], name: str) -> str | None:
    """The id of the longest linked person or organisation name inside ``name``."""
    inside = [
        (len(n), i)
        for (kind, n), i in linked.items()
        if kind in {"person", "organization"} and len(n) > 3 and n in name
    ]
    return max(inside)[1] if inside else None
