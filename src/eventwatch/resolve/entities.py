"""Named mentions → canonical entities, within a document and across documents.

Within a document, :func:`document_entities` groups every named mention the way
the actor resolver does ("Japarov" with "Sadyr Japarov", "SNCS" with "State
Committee for National Security") and resolves places in the gazetteer.  It reads
the NER labels with care (a capital tagged as a person is a place, "Osh Region"
is not the city of Osh, "the Kyrgyz Republic Sadyr Japarov" names a person) and
adds the mentions the NER model missed: other occurrences of the document's own
names (a surname, an acronym defined in brackets), named sites and divisions
("Sabreen market", "Depayin township"), acronyms, and — as *tentative* entities,
kept only when the registry knows them — other capitalised names.

Across documents, an :class:`EntityRegistry` holds the canonical entities seen so
far and joins a document's entity to one of them when names and context agree:
the same full name (spelling variants folded: "Tashiyev" is "Tashiev"; one
transliteration slip allowed: "Gutul"/"Gutsul", "Araghchi"/"Araqchi"), an
initial for the given name ("S. Japarov"), a surname or a given name that only
one known person of a compatible country carries, the initials of a full name
("MBS"), an acronym or expansion of a known organisation ("ECOWAS"), a body's
name with or without its country ("… of the Kyrgyz Republic").  Entities are kept
apart when they do not agree: a different given name ("Imamidin Tashov" is not
"Kamchybek Tashiev", "Thaksin" is not "Paetongtarn Shinawatra"), a different
country, a different place in the gazetteer ("Osh" the city is not "Osh Region").
Each canonical entity keeps its aliases, its country and sector, and the offices
the texts give it with their dates.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eventwatch.extract import ExtractedDocument
from eventwatch.extract.named import NamedSpan
from eventwatch.model import Entity, EventRecord, stable_id
from eventwatch.resolve.actors import ActorResolver, acronym_of, close_acronym, strip_name
from eventwatch.resolve.countries import country_code
from eventwatch.resolve.places import Gazetteer, Place

__all__ = [
    "GENERIC_NOUNS",
    "CanonicalEntity",
    "EntityRegistry",
    "LinkedMention",
    "LocalEntity",
    "document_entities",
    "name_key",
    "name_skeleton",
    "person_names_agree",
]

KINDS = ("person", "organization", "place")
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


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    """ "Tashiyev" → "tashiev", "Mohammed" → "mohamed": spelling variants of one name."""
    text = unicodedata.normalize("NFKD", word.lower())
    text = "".join(c for c in text if c.isalnum())
    for pattern, replacement in _SPELLING:
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=1 << 16)
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


@lru_cache(maxsize=1 << 16)
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


@dataclass(slots=True)
class LocalEntity:
    """One entity as one document names it, with its mentions there."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    offices: list[dict[str, Any]] = field(default_factory=list)
    place: Place | None = None
    tentative: bool = False  # found by its shape alone; kept only if a known entity has the name

    @property
    def aliases(self) -> list[str]:
        """The names the document uses ("Japarov", "SNCS"), not descriptions around them."""
        return list(dict.fromkeys(text for _, _, text in self.mentions if _alias_like(text)))


@dataclass(slots=True)
class CanonicalEntity:
    """An entity across documents: its best name, aliases, country, sector and offices."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: Counter[str] = field(default_factory=Counter)
    offices: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "aliases": [alias for alias, _ in self.aliases.most_common()],
            "offices": self.offices,
            "documents": self.documents,
        }

    def add_office(self, office: dict[str, Any]) -> None:
        """Keep one office per title and status: the earliest report dates it."""
        for known in self.offices:
            if (
                known["title"].lower() == office["title"].lower()
                and known["status"] == office["status"]
            ):
                if (office.get("as_of") or "9999") < (known.get("as_of") or "9999"):
                    known.update(as_of=office.get("as_of"), doc_id=office.get("doc_id"))
                return
        self.offices.append(dict(office))
        self.offices.sort(key=lambda o: (o.get("as_of") or "", o["title"]))


@dataclass(frozen=True, slots=True)
class LinkedMention:
    """A named mention in a document and the canonical entity it refers to."""

    doc_id: str
    start: int
    end: int
    text: str
    entity_id: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entity_id": self.entity_id,
            "kind": self.kind,
        }


# --------------------------------------------------------------------------- one document

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
_ADJECTIVE_ENDINGS = ("ist", "ists", "ic", "an", "ans", "ian", "ians", "ese", "ish", "i")
_JOINERS = r"(?:of|the|for|de|del|al|bin|ben|el|da|do|dos|van|von|y|la|du)"
_CAPITALISED_RUN = re.compile(
    rf"(?<![\w'’-])[A-Z][\w'’.-]*(?:[ \t]+(?:{_JOINERS}[ \t]+)*[A-Z][\w'’.-]*)*"
)
_NAMED_PLACE = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]+[ \t]+){1,3}?)"
    rf"(?i:({'|'.join(sorted(_DIVISION_WORDS | _SITE_WORDS))}))\b"
)
#: Place mentions found by their shape resolve only to places this large, or in the
#: document's countries: "Sana" the surname is not Sanaa, Yemen.
_FAMOUS_PLACE = 500_000


def _place_name(place: Place) -> str:
    """The name an entity of this place goes by; a division is never named like its city."""
    if place.kind == "country":
        return place.name
    if place.kind in {"admin1", "admin2"}:
        return place.name if _last_word(place.name) in _DIVISION_WORDS else f"{place.name} (region)"
    if not place.admin1 or place.admin1 == place.name:
        return place.name
    return f"{place.name}, {place.admin1}"


def _last_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


@lru_cache(maxsize=1 << 16)
def _bare(text: str) -> str:
    """ "the Gazela bridge" → "Gazela bridge", "Khartoum State's" → "Khartoum State"."""
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"['’]s?$", "", text).strip(" ,.;:\"'“”")


#: A hyphenated description before a name: "Islamist-inspired", "Kremlin-backed".
_DESCRIPTOR = re.compile(r"[A-Z][\w']*-[a-z][\w-]*")


@lru_cache(maxsize=1 << 16)
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


@dataclass(slots=True)
class _Page:
    """What reading one document's names needs from the whole document."""

    text: str
    gazetteer: Gazetteer
    countries: Sequence[str]
    person_words: dict[str, set[str]]  # folded word → the PERSON spans (texts) holding it
    name_parts: set[str]  # folded words of PERSON spans of two words or more

    @classmethod
    def of(
        cls, extracted: ExtractedDocument, gazetteer: Gazetteer, countries: Sequence[str]
    ) -> _Page:
        person_words: dict[str, set[str]] = defaultdict(set)
        name_parts: set[str] = set()
        for span in extracted.named:
            bare = _bare_person(span.text)
            if span.label != "PERSON" or _is_body(bare) or _last_word(bare) in _PLACE_WORDS:
                continue
            words = name_key(bare)
            for word in words:
                person_words[word].add(bare.lower())
            if len(words) > 1:
                name_parts.update(words)
        return cls(extracted.document.text, gazetteer, countries, person_words, name_parts)

    def place(self, text: str) -> Place | None:
        return self.gazetteer.resolve(text, context_countries=self.countries)

    def known_place(self, text: str) -> Place | None:
        """A place ``text`` names exactly, large enough (or local enough) to be the reading."""
        key = "".join(name_key(text))
        for place in self.gazetteer.candidates(text)[:3]:
            known = "".join(name_key(place.name))
            spelled = known == key or len(key) >= 5 and _word_variants(key, known)
            if not spelled and place.kind != "country":  # "Konaev" is Konayev, "Sana" not Sanaa
                continue
            if (
                place.kind in {"country", "admin1"}
                or place.country in self.countries
                or place.population >= _FAMOUS_PLACE
            ):
                return place
        return None

    def names_person(self, text: str, *, inside: bool = False) -> bool:
        """Whether a word of ``text`` belongs to a person the document names otherwise
        (``inside``: also in a shorter name within ``text``, "Tokayev" in "Kassym-Jomart
        Tokayev"; else not: "Gazela" tagged a person is no person in "Gazela bridge")."""
        lowered = text.lower()
        return any(
            t != lowered and (inside or t not in lowered)
            for w in name_key(text)
            for t in self.person_words.get(w, ())
        )

    def following(self, end: int) -> tuple[str, int]:
        """The word right after offset ``end`` (after a space) and where it ends; ("", end)."""
        match = re.match(r"[ \t]+([\w'’-]+)", self.text[end : end + 40])
        return (match.group(1), end + match.end()) if match else ("", end)


@dataclass(slots=True)
class _Reading:
    """How one named span is read: its kind, the part of it that names, its place."""

    kind: str
    start: int
    end: int
    text: str
    place: Place | None = None
    tentative: bool = False  # shape only: joins a known entity of that name (else see kind)


def _without_country_prefix(span: NamedSpan) -> tuple[int, str] | None:
    """ "the Kyrgyz Republic Sadyr Japarov" → the offset and text of "Sadyr Japarov"."""
    words = list(re.finditer(r"\S+", span.text))
    for cut in range(len(words) - 2, 0, -1):
        head = span.text[: words[cut - 1].end()]
        rest = span.text[words[cut].start() :]
        if country_code(head, adjectives=False) and all(w[:1].isupper() for w in rest.split()):
            return span.start + words[cut].start(), rest
    return None


def _given_name_before(start: int, page: _Page) -> int | None:
    """Where a given name right before ``start`` begins ("Mahamadou" of "Mahamadou Sana"):
    a capitalised word, not a title, a country, a place or a possessive; opening a
    sentence, only a word the text never writes in lower case ("Yesterday Sana…")."""
    match = re.search(
        r"(?<![\w'’.-])([A-Z][a-zà-ÿ]+)[ \t]+$", page.text[max(0, start - 40) : start]
    )
    if match is None:
        return None
    word = match.group(1)
    begin = start - len(match.group())
    before = page.text[:begin].rstrip(" \t")
    opening = not before or before[-1] in '.!?:;"“\n—–(-'
    if (
        word.lower() in _TITLE_WORDS | _COMMON_OPENERS | GENERIC_NOUNS
        or country_code(word)
        or opening
        and re.search(rf"\b{word.lower()}\b", page.text)  # "Yesterday", a common word
        or page.known_place(word) is not None
    ):
        return None
    return begin


def _widened(start: int, text: str, page: _Page) -> str:
    """A span cut short by the tokenizer, made whole: "Pakistan Tehreek" + "-e-Insaf"."""
    end = start + len(text)
    match = re.match(r"(?:-[\w'’]+)+", page.text[end : end + 40])
    return text + match.group() if match else text


def _read_span(span: NamedSpan, page: _Page) -> _Reading | None:
    """The kind of a named span, correcting the labels a small NER model confuses."""
    start, text, label = span.start, _widened(span.start, span.text.rstrip(), page), span.label
    if label in {"PERSON", "ORG", "GPE"}:
        trimmed = _without_country_prefix(span)
        if trimmed is not None:  # "President of the Kyrgyz Republic Sadyr Japarov"
            start, text = trimmed
            label = "ORG" if _is_body(text) else "PERSON"
    if label in {"PERSON", "GPE", "ORG"} and len(text.split()) == 1:
        given = _given_name_before(start, page)
        if given is not None and page.place(page.text[given : start + len(text)]) is None:
            # "Mahamadou Sana" with only "Sana" tagged (as a place): one person's name
            text, start, label = page.text[given : start + len(text)], given, "PERSON"
    if "(" in text:  # "the National Council for the Safeguard of the Homeland (CNSP"
        text = text.split("(", 1)[0].rstrip()
    after, after_end = page.following(start + len(text))
    possessive = re.search(r"['’]s?$", text) is not None
    if (
        not possessive
        and not _is_body(text)
        and (
            after.lower() in _DIVISION_WORDS
            or after.lower() in _SITE_WORDS
            and page.known_place(_bare(text)) is None
        )
    ):
        # "Macomia district", "Gazela bridge" (but "a Bogotá park" is in Bogotá)
        text, label = page.text[start:after_end], "GPE"
    elif (
        after.lower() in _BODY_WORDS
        and label in {"PERSON", "NORP"}
        and not possessive
        and not page.known_place(_bare(text))
    ):
        text, label = page.text[start:after_end], "ORG"  # "Meshchansky court"
    bare = _bare(text)
    end = start + len(text)
    if not bare or not bare[:1].isalnum():
        return None
    words = name_key(bare)
    if label == "NORP":
        if country_code(bare, adjectives=False):
            label = "GPE"
        elif country_code(bare) or not bare[:1].isupper():
            return None  # "Russian", "pro-European": a people, not a body
        elif after[:1].isupper():  # "Marat" of "Marat Sultanov"
            whole = re.match(r"[\w'’-]+(?:[ \t]+[A-Z][\w'’-]*)+", page.text[start:])
            if whole is None:
                return None
            text = whole.group()
            return _Reading(
                "organization" if _is_body(text) else "person", start, start + len(text), text
            )
        elif (place := page.known_place(bare)) is not None:
            return _Reading("place", start, end, text, place, tentative=True)
        elif bare.lower().endswith(_ADJECTIVE_ENDINGS) or set(words) & page.name_parts:
            return None  # "Islamist", or a part of a person's name
        else:
            return _Reading("organization", start, end, text)  # "Ennahdha"
    if label in {"PERSON", "ORG"}:
        body = _is_body(bare)
        if _last_word(bare) in _DIVISION_WORDS and not _is_body(bare.rsplit(" ", 1)[0]):
            # "Osh Region" or "Khartoum State's" tagged as a body or a person
            place = page.place(bare)
            if place is not None:
                return _Reading("place", start, end, text, place)
        if not body and not page.names_person(bare):
            # "Bishkek", "Vilnius" tagged as a body or person: a place, unless the
            # collection knows someone by that name ("Kellogg")
            place = page.known_place(bare)
            if place is not None and not (label == "PERSON" and len(words) > 1):
                return _Reading("place", start, end, text, place, tentative=True)
        if label == "ORG" and not body and page.names_person(bare, inside=True):
            return _Reading("person", start, end, text)  # "Sviatlana Tsikhanouskaya's"
        return _Reading("person" if label == "PERSON" else "organization", start, end, text)
    if label not in {"GPE", "LOC", "FAC"}:
        return None
    place = page.place(bare)
    if place is not None and _last_word(bare) in _DIVISION_WORDS and place.kind == "city":
        place = None  # "Almaty Region" is not the city of Almaty
    if place is not None:
        return _Reading("place", start, end, text, place)
    if page.names_person(bare) or set(words) & page.name_parts:
        return _Reading("person", start, end, text)  # "Ormonov" of "Bakyt Ormonov"
    # a place the gazetteer lacks ("D-Chowk"), unless the collection knows the name
    # as someone's ("Thaksin" tagged as a place)
    return _Reading("place", start, end, text, tentative=len(words) == 1)


def document_entities(
    extracted: ExtractedDocument,
    actors: ActorResolver,
    records: Sequence[EventRecord],
    *,
    gazetteer: Gazetteer,
    countries: Sequence[str],
) -> list[LocalEntity]:
    """Group a document's named mentions into its entities.

    The NER labels are read with care: a span naming a large place (or a place of the
    document's countries) is a place whatever its label, a division ("Osh Region")
    is not its city, a country before a name is not part of it ("the Kyrgyz
    Republic Sadyr Japarov").  Mentions the NER model missed are added: other
    occurrences of the document's own names (a surname, an acronym), named sites
    and divisions ("Sabreen market", "Depayin township"), and — as tentative
    entities, which the registry keeps only when it knows the name — other
    capitalised names.

    Args:
        extracted: the document's extraction (its ``named`` spans).
        actors: the resolver that resolved the document's event participants.
        records: the document's event records (participants join their entities).
        gazetteer: the place index.
        countries: the document's countries, most prominent first.

    Returns:
        One local entity per person, organisation and place the document names.
    """
    local: dict[tuple[str, str], LocalEntity] = {}
    document = extracted.document
    published = document.published
    page = _Page.of(extracted, gazetteer, countries)

    def entity(name: str, kind: str, *, tentative: bool = False) -> LocalEntity:
        key = (kind, name.lower())
        if key not in local:
            local[key] = LocalEntity(name=name, kind=kind, tentative=tentative)
        local[key].tentative = local[key].tentative and tentative  # a surer reading wins
        return local[key]

    for span in extracted.named:
        reading = _read_span(span, page)
        if reading is None:
            continue
        mention = (reading.start, reading.end, reading.text)
        if reading.tentative:
            found = entity(_bare(reading.text), reading.kind, tentative=True)
            if reading.place is not None:
                found.place, found.country = reading.place, reading.place.country
            found.country = found.country or (countries[0] if countries else None)
            found.mentions.append(mention)
            continue
        if reading.kind == "place":
            _add_place(entity, reading, countries)
            continue
        person = reading.kind == "person"
        resolved = actors.canonical(reading.text, person=person)
        if resolved is None:
            continue
        name, country, sector = resolved
        if not person and country_code(name, adjectives=False):
            continue  # "Kyrgyzstan" tagged as an organisation is a place, not a body
        if person:
            name = _bare_person(name)
            written = _bare_person(reading.text)
            if len(written.split()) > 1 and not person_names_agree(written, name):
                name = written  # "Choguel Maïga" grouped under "Abdoulaye Maïga" by surname
        tentative = (
            person
            and len(name.split()) == 1
            and not name.isupper()
            and not set(name_key(name)) & page.name_parts
        )
        # a lone word the document gives no fuller name ("Ennahda", "Slavija" tagged as
        # people): whoever the collection knows by it, else a person
        found = entity(name, reading.kind, tentative=tentative)
        if not person and country is None and sector in _STATE_SECTORS and countries:
            country = countries[0]  # "the Supreme Court" of the country the text is about
        found.country = found.country or country
        found.sector = found.sector or sector
        found.mentions.append(mention)
        if span.office is not None and person:
            office = {**span.office.to_dict(), "as_of": published, "doc_id": document.id}
            if span.office.status == "new":
                office["since"] = published
            found.offices.append(office)
            nationality = country_code(span.office.text.split()[0]) if span.office.text else None
            found.country = found.country or nationality
    places = sorted((s, e) for f in local.values() if f.kind == "place" for s, e, _ in f.mentions)
    for record in records:
        for participant in _participants(record):
            if not participant.named or participant.start is None:
                continue
            end = participant.end if participant.end is not None else participant.start
            if not _free(places, participant.start, end):
                continue  # a place taken for a participant ("Zaporizhzhia Oblast" struck)
            known = _participant_entity(participant, local)
            if known is None:
                continue
            found = entity(*known)
            found.country = found.country or participant.country
            found.sector = found.sector or participant.sector
            found.mentions.append((participant.start, end, participant.text))
    _add_named_places(entity, page, countries, _covered(local.values()))
    _add_defined_acronyms(list(local.values()), page.text)
    _add_other_occurrences(list(local.values()), page.text)
    _add_capitalised_names(entity, page, _covered(local.values()), countries)
    _add_defined_acronyms(list(local.values()), page.text)
    for found in local.values():
        found.mentions = sorted(set(found.mentions))
    return [e for e in local.values() if e.mentions]


def _add_place(
    entity: Callable[..., LocalEntity], reading: _Reading, countries: Sequence[str]
) -> None:
    """A place mention: a gazetteer place, else a place known by its name alone."""
    mention = (reading.start, reading.end, reading.text)
    if reading.place is not None:
        found = entity(_place_name(reading.place), "place")
        found.place, found.country = reading.place, reading.place.country
    else:
        found = entity(_bare(reading.text), "place")
        found.country = found.country or (countries[0] if countries else None)
    found.mentions.append(mention)


def _covered(entities: Iterable[LocalEntity]) -> list[tuple[int, int]]:
    return sorted((start, end) for e in entities for start, end, _ in e.mentions)


#: No name is longer than this many characters: spans starting further back end before.
_LONGEST_NAME = 300


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps none of the sorted ``spans``."""
    at = bisect.bisect_left(spans, (end, end))
    first = bisect.bisect_left(spans, (start - _LONGEST_NAME, 0), 0, at)
    return not any(start < e for _, e in spans[first:at])


def _add_named_places(
    entity: Callable[..., LocalEntity],
    page: _Page,
    countries: Sequence[str],
    covered: list[tuple[int, int]],
) -> None:
    """Named divisions and sites the NER model missed: "Depayin township", "Osh Region"."""
    for match in _NAMED_PLACE.finditer(page.text):
        proper = match.group(1).split()
        while proper and (
            proper[0].lower() in _COMMON_OPENERS | _TITLE_WORDS
            or re.search(r"['’]s$", proper[0])  # "Ukraine's Zaporizhzhia region"
            or page.known_place(proper[0]) is not None
            and len(proper) > 1
        ):
            proper = proper[1:]
        if not proper or match.group(2).lower() in _SITE_WORDS and page.known_place(proper[-1]):
            continue  # "a Bogotá park" is in Bogotá, not a place of its own
        text = " ".join([*proper, match.group(2)])
        start = match.end() - len(text)
        if page.text[start : match.end()] != text or not _free(covered, start, match.end()):
            continue
        place = page.place(text) if match.group(2).lower() in _DIVISION_WORDS else None
        if place is not None and place.kind == "city":
            place = None
        _add_place(entity, _Reading("place", start, match.end(), text, place), countries)


_COMMON_OPENERS = frozenset("the a an in on at of for and but as by to from with near".split())


_DEFINED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]{1,7})\s*\)")


def _add_defined_acronyms(entities: list[LocalEntity], text: str) -> None:
    """An acronym in brackets right after a name is that name's: "Federal Police (PF)"
    (an entity the acronym alone made gives its mentions to the name's)."""
    ends = {end: e for e in entities if e.kind != "place" for _, end, _ in e.mentions}
    for match in _DEFINED_ACRONYM.finditer(text):
        letters = match.group(1)
        owner = ends.get(len(text[: match.start()].rstrip()))
        if owner is None or sum(c.isupper() for c in letters) < 2:
            continue
        spot = (match.start(1), match.end(1))
        holders = [
            e for e in entities if any(s < spot[1] and spot[0] < t for s, t, _ in e.mentions)
        ]
        if not holders:
            owner.mentions.append((*spot, letters))
        for holder in holders:
            if holder is not owner and _bare(holder.name) == letters:
                owner.mentions.extend(holder.mentions)
                holder.mentions.clear()


def _add_other_occurrences(entities: list[LocalEntity], text: str) -> None:
    """Every other occurrence of a name the document gives an entity: a mention the NER
    model tagged once but not everywhere, a person's surname (when only one person of
    the document bears it), a dateline's place in capitals written again normally."""
    aliases: dict[str, LocalEntity | None] = {}

    def offer(alias: str, found: LocalEntity) -> None:
        if len(alias) < 3 or not alias[:1].isupper():
            return
        known = aliases.get(alias, found)
        aliases[alias] = found if known is found else None  # two entities: ambiguous

    for found in entities:
        if found.tentative and found.place is None:
            continue  # a name no one is known by yet
        for alias in found.aliases:
            bare = _bare(alias) if found.kind != "person" else _bare_person(alias)
            offer(bare, found)
            if bare.isupper() and found.kind == "place":
                offer(bare.title(), found)
        if found.kind == "person" and len(found.name.split()) > 1:
            offer(found.name, found)
            offer(found.name.split()[-1], found)
    usable = {alias: found for alias, found in aliases.items() if found is not None}
    if not usable:
        return
    pattern = re.compile(
        r"(?<![\w'’-])("
        + "|".join(re.escape(a) for a in sorted(usable, key=len, reverse=True))
        + r")(?![\w-])"
    )
    covered = _covered(entities)
    for match in pattern.finditer(text):
        if _free(covered, match.start(), match.end()):
            usable[match.group(1)].mentions.append((match.start(), match.end(), match.group(1)))


def _add_capitalised_names(
    entity: Callable[..., LocalEntity],
    page: _Page,
    covered: list[tuple[int, int]],
    countries: Sequence[str],
) -> None:
    """Capitalised names no entity of the document covers.

    A run of capitalised words ending in an institution's word is an organisation
    ("General Police Inspectorate"), and so is an acronym ("ECOWAS"; not a country's
    "US", nor a dateline's "TUNIS"); other names become tentative entities, which
    the registry keeps when it knows them ("Japarov" named in other documents).
    """
    text = page.text
    for run in _CAPITALISED_RUN.finditer(text):
        for start, name in _run_names(run.start(), run.group()):
            end = start + len(name)
            if len(name) < 2 or not _free(covered, start, end):
                continue
            words = name.split()
            if len(words) == 1 and name.lower() in _TITLE_WORDS | _COMMON_OPENERS:
                continue
            dateline = (
                start == 0 or text[start - 1] == "\n" and re.match(r"\s*(?:,|—|–|--)", text[end:])
            )
            if len(words) > 1 and _last_word(name) in _BODY_WORDS:
                found = entity(name, "organization")  # "General Police Inspectorate"
            elif name.isupper() and name.isalpha() and 3 <= len(name) <= 8 and not dateline:
                if country_code(name, adjectives=False):
                    continue
                found = entity(name, "organization")  # "ECOWAS", "GKNB"
            else:
                if name.isupper() and dateline:
                    name = name.title()  # "TUNIS —": the place named again as "Tunis"
                place = None
                if name.lower() not in GENERIC_NOUNS and not set(name_key(name)) & set(
                    page.person_words
                ):
                    place = page.known_place(name)
                # a known place ("A Chișinău court"), unless the collection knows someone
                # by the name; any other name only if the collection knows it
                found = entity(name, "place" if place else "unknown", tentative=True)
                if place is not None and found.place is None:
                    found.place, found.country = place, place.country
                found.country = found.country or (countries[0] if countries else None)
            found.mentions.append((start, end, text[start:end]))


def _run_names(start: int, run: str) -> list[tuple[int, str]]:
    """The names in a run of capitalised words, cut at titles between them ("Khyber
    Pakhtunkhwa Chief Minister Ali Amin Gandapur" → two names), determiners dropped."""
    whole = _bare(run)
    if len(whole.split()) > 1 and _last_word(whole) in _BODY_WORDS:
        return [(start + run.find(whole), whole)]  # "General Police Inspectorate"
    names: list[tuple[int, str]] = []
    current: list[re.Match[str]] = []
    for word in [*re.finditer(r"\S+", run), None]:
        if word is None or word.group().lower().strip(".,") in _TITLE_WORDS:
            if current:
                first, last = current[0], current[-1]
                piece = run[first.start() : last.end()]
                bare = _bare(piece)
                offset = start + first.start() + piece.find(bare)
                if bare:
                    names.append((offset, bare))
            current = []
        else:
            current.append(word)
    return names


def _participants(record: EventRecord) -> list[Entity]:
    found = [record.actor, record.recipient]
    if record.attribution is not None:
        found.append(record.attribution.source)
    return [e for e in found if e is not None]


def _participant_entity(
    participant: Entity, local: dict[tuple[str, str], LocalEntity]
) -> tuple[str, str] | None:
    """``(name, kind)`` of the entity an event participant names, or None for a description.

    A name the document already gave a person or organisation wins ("Armenian Prime
    Minister Nikol Pashinyan" is the person Nikol Pashinyan); otherwise the kind is
    guessed from the shape of the name.  A group noun opening a sentence ("Police
    fired…", "Crowds stormed…") names no one.
    """
    name = _participant_name(participant)
    lowered = name.lower()
    for kind in KINDS:
        if (kind, lowered) in local:
            return name, kind
    inside = [
        e
        for (kind, known), e in local.items()
        if kind in {"person", "organization"} and len(known) > 3 and known in lowered
    ]
    if inside:
        best = max(inside, key=lambda e: len(e.name))
        return best.name, best.kind
    if participant.sector == "CVL" or not name[:1].isupper() or lowered in GENERIC_NOUNS:
        return None
    words = name.split()
    if name.isupper() or len(words) > 3 or participant.sector in _BODIES and len(words) != 2:
        return name, "organization"
    return (name, "person") if all(w[:1].isupper() for w in words) else None


_BODIES = frozenset({"GOV", "SPY", "COP", "MIL", "JUD", "LEG", "PTY", "NGO", "BUS", "JRN"})
_STATE_SECTORS = frozenset({"GOV", "SPY", "COP", "MIL", "JUD", "LEG"})


# --------------------------------------------------------------------------- many documents


class EntityRegistry:
    """The canonical entities of a collection, joined across documents.

    Args:
        entities: canonical entities already known (e.g. read from the store).
    """

    def __init__(self, entities: Iterable[CanonicalEntity] = ()) -> None:
        self.entities: dict[str, CanonicalEntity] = {}
        self._by_full: dict[tuple[str, ...], dict[str, None]] = defaultdict(dict)
        self._by_surname: dict[str, dict[str, None]] = defaultdict(dict)
        self._by_given: dict[str, dict[str, None]] = defaultdict(dict)
        self._by_initials: dict[str, dict[str, None]] = defaultdict(dict)
        self._by_ends: dict[tuple[str, ...], dict[str, None]] = defaultdict(dict)
        self._by_surname_variant: dict[str, dict[str, None]] = defaultdict(dict)
        self._by_org: dict[tuple[str, ...], dict[str, None]] = defaultdict(dict)
        self._by_acronym: dict[str, dict[str, None]] = defaultdict(dict)
        self._by_skeleton: dict[str, dict[str, None]] = defaultdict(dict)
        self._by_alias: dict[str, dict[str, None]] = defaultdict(dict)
        self.changed: set[str] = set()
        for canonical in entities:
            self._add(canonical)
            for alias in canonical.aliases:
                self._index(canonical, alias)

    def __len__(self) -> int:
        return len(self.entities)

    def _add(self, canonical: CanonicalEntity) -> None:
        self.entities[canonical.id] = canonical
        self._index(canonical, canonical.name)

    def _index(self, canonical: CanonicalEntity, name: str) -> None:
        bare = _bare_person(name) if canonical.kind == "person" else strip_name(name)
        key = name_key(bare)
        if not key:
            return
        _append(self._by_alias[_alias_key(name)], canonical.id)
        if canonical.kind == "person":
            _append(self._by_skeleton[name_skeleton(bare)], canonical.id)
        elif canonical.kind == "organization":
            for org_key in _org_keys(bare):
                _append(self._by_skeleton[name_skeleton(" ".join(org_key))], canonical.id)
        if canonical.kind == "place" and len(key) > 1 and _last_word(bare) in _SITE_WORDS:
            _append(self._by_alias[_alias_key(bare.rsplit(" ", 1)[0])], canonical.id)  # "Slavija"
        if canonical.kind == "person":
            if len(key) >= 2:
                _append(self._by_full[key], canonical.id)
                _append(self._by_full[(key[0], key[-1])], canonical.id)
                _append(self._by_initials["".join(w[0] for w in key)], canonical.id)
                if len(key[0]) > 1:
                    _append(self._by_given[key[0]], canonical.id)
            if len(key) >= 3:  # "Hassan Sheikh …", "… Khan Kamal": the ends of a long name
                _append(self._by_ends[("<", *key[:2])], canonical.id)
                _append(self._by_ends[(">", *key[-2:])], canonical.id)
            _append(self._by_surname[key[-1]], canonical.id)
            for variant in _variants(name_skeleton(key[-1])):
                _append(self._by_surname_variant[variant], canonical.id)
        elif canonical.kind == "organization":
            for org_key in _org_keys(bare):
                _append(self._by_org[org_key], canonical.id)
            for letters in _acronyms(name):
                _append(self._by_acronym["".join(sorted(letters))], canonical.id)

    def _candidates(self, ids: Iterable[str], entity: LocalEntity) -> list[CanonicalEntity]:
        return [
            self.entities[i]
            for i in dict.fromkeys(ids)
            if self.entities[i].kind == entity.kind
            and _compatible(self.entities[i].country, entity.country)
        ]

    def _surname_matches(self, entity: LocalEntity, surname: str) -> list[CanonicalEntity]:
        """Known people whose surname is ``surname`` or a spelling variant of it."""
        exact = self._candidates(self._by_surname.get(surname, ()), entity)
        if exact:
            return exact
        ids = [
            i
            for v in _variants(name_skeleton(surname))
            for i in self._by_surname_variant.get(v, ())
        ]
        return [
            c
            for c in self._candidates(ids, entity)
            if person_names_agree(surname, name_key(_bare_person(c.name))[-1])
        ]

    def _match_person(self, entity: LocalEntity) -> CanonicalEntity | None:
        written = _bare_person(entity.name)
        if written.isupper() and written.isalpha() and 2 <= len(written) <= 5:
            # "MBS", "AMLO": a person known by the initials of the full name
            found = self._candidates(self._by_initials.get(written.lower(), ()), entity)
            return found[0] if len(found) == 1 else None
        key = name_key(written)
        if key and key[0] in _PARTICLES:
            key = key[-1:]  # "De Moraes": a surname alone
        if not key:
            return None
        if len(key) >= 2:
            if len(key[0]) == 1:  # "S. Japarov": one known person with that surname and initial
                found = [
                    c
                    for c in self._surname_matches(entity, key[-1])
                    if len(known := name_key(_bare_person(c.name))) == 1 or known[0][:1] == key[0]
                ]
                return found[0] if len(found) == 1 else None
            found = self._candidates(self._by_full.get(key, ()), entity) or self._candidates(
                self._by_full.get((key[0], key[-1]), ()), entity
            )
            if found:
                return found[0]
            if len(key) == 2:
                # "Hassan Sheikh" for "Hassan Sheikh Mohamud", "Khan Kamal" for
                # "Asaduzzaman Khan Kamal"
                longer = self._candidates(self._by_ends.get(("<", *key), ()), entity)
                longer = longer or self._candidates(self._by_ends.get((">", *key), ()), entity)
                if len(longer) == 1:
                    return longer[0]
            # a spelling variant ("Rachid"/"Rached Ghannouchi", "Sadyr Zhaparov"), or a
            # person known so far by the surname alone
            found = [
                c
                for c in self._surname_matches(entity, key[-1])
                if person_names_agree(written, _bare_person(c.name))
            ]
            return found[0] if len(found) == 1 else None
        namesakes = self._surname_matches(entity, key[0])
        if not namesakes:  # "Paetongtarn", "Abiy": a given name used alone
            namesakes = self._candidates(self._by_given.get(key[0], ()), entity)
        if len(namesakes) == 1:
            return namesakes[0]
        if entity.country is not None:
            same = [c for c in namesakes if c.country == entity.country]
            if len(same) == 1:
                return same[0]
        return max(namesakes, key=lambda c: c.documents) if namesakes else None

    def _match_org(self, entity: LocalEntity) -> CanonicalEntity | None:
        for alias in [entity.name, *entity.aliases]:
            for key in _org_keys(strip_name(alias)):
                found = self._candidates(self._by_org.get(key, ()), entity)
                if found:
                    return found[0]
        bare = strip_name(entity.name)
        found = self._candidates(self._by_skeleton.get(name_skeleton(bare), ()), entity)
        if len(name_key(bare)) == 1 and not bare.isupper():  # one word: a spelling slip at most
            word = name_key(bare)[0]
            found = [
                c
                for c in found
                if any(
                    len(k) == 1 and _word_variants(word, k[0])
                    for k in _org_keys(strip_name(c.name))
                )
            ]
        if len(found) == 1:
            return found[0]  # "Ennahda" and "Ennahdha (movement)"
        for alias in [entity.name, *entity.aliases]:
            for letters in _acronyms(alias):
                if len(letters) < 3:
                    continue
                found = [
                    c
                    for c in self._candidates(
                        self._by_acronym.get("".join(sorted(letters)), ()), entity
                    )
                    if any(
                        close_acronym(letters, theirs)
                        for known in [c.name, *c.aliases]
                        for theirs in _acronyms(known)
                    )
                ]
                if found:
                    return found[0]
        if not _is_body(bare) and not bare.isupper():
            # "María Corina Machado", "Bazoum" tagged as an organisation: a known person
            probe = LocalEntity(name=bare, kind="person", country=entity.country)
            person = self._match_person(probe)
            if person is not None and (len(name_key(bare)) > 1 or person.documents > 1):
                return person
        return None

    def _match_unplaced(self, entity: LocalEntity) -> CanonicalEntity | None:
        """A place the gazetteer lacks ("D-Chowk"): the one known place of that name."""
        found = {
            c.id: c
            for c in self._candidates(self._by_alias.get(_alias_key(entity.name), ()), entity)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _match_tentative(self, entity: LocalEntity) -> CanonicalEntity | None:
        """A name read from its shape alone: the known entity it most likely is.

        A lone word tagged as a person is first a known person (by surname); a place
        read from a word the NER model took for a person or body is first a known
        person or body of that name ("Kellogg"); otherwise the one known entity that
        goes by the name (one named so before one with it as an alias), or for a lone
        word the one known person of that surname or body of that spelling.
        """
        name = _bare(entity.name)
        if name.lower() in GENERIC_NOUNS | _TITLE_WORDS:
            return None
        if entity.kind == "person":
            person = self._match_person(entity)
            if person is not None:
                return person
        found = {
            c.id: c
            for c in (self.entities[i] for i in self._by_alias.get(_alias_key(name), ()))
            if _compatible(c.country, entity.country)
            and (entity.kind != "place" or c.kind != "place" or entity.place is None)
        }
        if not found and len(name.split()) == 1 and not name.isupper():
            probe = LocalEntity(name=name, kind="person", country=entity.country)
            found = {c.id: c for c in self._surname_matches(probe, name_key(name)[-1])}
            probe.kind = "organization"
            body = self._match_org(probe) if not found else None
            if body is None and not found and len(name) <= 8:  # "Ecowas", "Nato": an acronym
                probe.name = name.upper()
                body = self._match_org(probe)
                if body is not None and name.upper() not in _acronyms(body.name):
                    body = None
            if body is not None and body.kind == "organization":
                found[body.id] = body
        if len(found) > 1:
            named = {i: c for i, c in found.items() if _alias_key(c.name) == _alias_key(name)}
            found = named or found
        if len(found) != 1:
            return None
        canonical = next(iter(found.values()))
        if name.isupper() and not any(
            a.isupper() and a.lower() == name.lower() for a in canonical.aliases
        ):
            return None  # an acronym matches only the same acronym
        return canonical

    def _new_id(self, entity: LocalEntity) -> str:
        if entity.place is not None:
            p = entity.place
            return stable_id("place", p.country, p.admin1, p.name, p.kind)
        return stable_id(
            "entity", entity.kind, entity.country or "", " ".join(name_key(entity.name))
        )

    def link(self, doc_id: str, entities: Sequence[LocalEntity]) -> dict[tuple[str, str], str]:
        """Join a document's entities to canonical ones, creating those not known yet.

        Tentative entities (names found by their shape alone) join a known entity
        that goes by the name, or are dropped.

        Args:
            doc_id: the document's id.
            entities: its entities from :func:`document_entities`.

        Returns:
            ``(kind, local name lowered) → canonical entity id`` for every entity kept.
        """
        linked: dict[tuple[str, str], str] = {}
        order = sorted(entities, key=lambda e: (e.tentative, -len(name_key(e.name))))
        for entity in order:
            canonical: CanonicalEntity | None
            if entity.tentative:
                canonical = self._match_tentative(entity)
                if canonical is not None:
                    self._absorb(canonical, entity)
                    linked[_local_key(entity)] = canonical.id
                    continue
                if entity.kind == "unknown":
                    continue  # a capitalised word no one is known by
            if entity.kind == "place":
                canonical = self.entities.get(self._new_id(entity))
                if canonical is None and entity.place is None:
                    canonical = self._match_unplaced(entity)
            elif entity.kind == "person":
                canonical = self._match_person(entity)
                if canonical is None and len(name_key(entity.name)) >= 2:
                    # a full name an earlier text's parser took for a body: it is this person
                    canonical = next(
                        (
                            self.entities[i]
                            for i in self._by_org.get(name_key(strip_name(entity.name)), ())
                            if self.entities[i].kind == "organization"
                        ),
                        None,
                    )
                    if canonical is not None:
                        canonical.kind = "person"
                        self._index(canonical, canonical.name)
            else:
                canonical = self._match_org(entity)
                if canonical is None and len(name_key(entity.name)) >= 2:
                    # one text's parser takes a full name for a body, another's for a person
                    canonical = next(
                        (
                            self.entities[i]
                            for i in self._by_full.get(name_key(entity.name), ())
                            if self.entities[i].kind == "person"
                        ),
                        None,
                    )
            if canonical is None:
                canonical = CanonicalEntity(
                    id=self._new_id(entity),
                    name=entity.name,
                    kind=entity.kind,
                    country=entity.country,
                    sector=entity.sector,
                )
                if canonical.id in self.entities:  # same id, e.g. countries disagree on a namesake
                    canonical = self.entities[canonical.id]
                else:
                    self._add(canonical)
            self._absorb(canonical, entity)
            linked[_local_key(entity)] = canonical.id
        return linked

    def _absorb(self, canonical: CanonicalEntity, entity: LocalEntity) -> None:
        """Add what a document says of an entity to its canonical record."""
        if (
            entity.kind == "person" == canonical.kind
            and not entity.tentative
            and len(name_key(_bare_person(entity.name)))
            > len(name_key(_bare_person(canonical.name)))
            and len(name_key(entity.name)[0]) > 1
        ):
            canonical.name = entity.name  # a fuller form of the name
        elif (
            entity.kind == "organization" == canonical.kind
            and canonical.name.replace(".", "").isupper()
            and not entity.name.isupper()
        ):
            canonical.name = entity.name  # an expansion replaces an acronym
        canonical.country = canonical.country or entity.country
        canonical.sector = canonical.sector or entity.sector
        canonical.documents += 1
        for alias in [entity.name, *entity.aliases]:
            if alias not in canonical.aliases:
                self._index(canonical, alias)
            canonical.aliases[alias] += 1
        for office in entity.offices:
            canonical.add_office(office)
        self.changed.add(canonical.id)

    def apply(
        self, doc_id: str, entities: Sequence[LocalEntity], records: Sequence[EventRecord]
    ) -> list[LinkedMention]:
        """Link a document's entities and give its records' participants the canonical ids.

        Returns:
            Every named mention of the document with its canonical entity id.
        """
        linked = self.link(doc_id, entities)
        for record in records:
            for participant in _participants(record):
                if not participant.named:
                    continue
                name = _participant_name(participant).lower()
                entity_id = next(
                    (i for kind in KINDS if (i := linked.get((kind, name))) is not None), None
                ) or _contained(linked, name)
                if entity_id is not None:
                    canonical = self.entities[entity_id]
                    participant.id = entity_id
                    participant.name = canonical.name
                    participant.country = participant.country or canonical.country
                    participant.sector = participant.sector or canonical.sector
        mentions = [
            LinkedMention(doc_id, start, end, text, entity_id, self.entities[entity_id].kind)
            for e in entities
            if (entity_id := linked.get(_local_key(e))) is not None
            for start, end, text in e.mentions
        ]
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    def take_changed(self) -> list[CanonicalEntity]:
        """The entities added or updated since the last call (to write them back)."""
        changed = [self.entities[i] for i in sorted(self.changed)]
        self.changed.clear()
        return changed


@lru_cache(maxsize=1 << 16)
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


@lru_cache(maxsize=1 << 16)
def _alias_key(name: str) -> str:
    """ "the Chișinău" and "Chisinau" are one alias."""
    return " ".join(name_key(_bare(name)))


def _local_key(entity: LocalEntity) -> tuple[str, str]:
    return entity.kind, entity.name.lower()


def _variants(skeleton: str) -> list[str]:
    """The skeleton and its one-letter deletions: spellings one slip apart share one."""
    if len(skeleton) < 3:
        return [skeleton]
    return [skeleton, *{skeleton[:i] + skeleton[i + 1 :] for i in range(len(skeleton))}]


@lru_cache(maxsize=1 << 16)
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


def _contained(linked: dict[tuple[str, str], str], name: str) -> str | None:
    """The id of the longest linked person or organisation name inside ``name``."""
    inside = [
        (len(n), i)
        for (kind, n), i in linked.items()
        if kind in {"person", "organization"} and len(n) > 3 and n in name
    ]
    return max(inside)[1] if inside else None


def _append(ids: dict[str, None], entity_id: str) -> None:
    ids[entity_id] = None  # an ordered set
