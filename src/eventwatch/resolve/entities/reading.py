"""Reading one named span of a document: its kind, the part of it that names, its place."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from eventwatch.extract import ExtractedDocument
from eventwatch.extract.named import NamedSpan
from eventwatch.resolve.countries import country_code
from eventwatch.resolve.entities.names import (
    _BODY_WORDS,
    _COMMON_OPENERS,
    _DIVISION_WORDS,
    _PLACE_WORDS,
    _SITE_WORDS,
    _TITLE_WORDS,
    GENERIC_NOUNS,
    _bare,
    _bare_person,
    _is_body,
    _last_word,
    _word_variants,
    name_key,
)
from eventwatch.resolve.places import Gazetteer, Place

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
