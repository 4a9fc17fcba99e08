"""Where each event happened: its own place, a place nearby, the dateline, or the document's main place."""

from __future__ import annotations

import re
import unicodedata

from eventwatch.extract import EventMention, ExtractedDocument
from eventwatch.model import Location
from eventwatch.resolve.countries import country_code, country_name, normalize_name
from eventwatch.resolve.geography import (
    infer_regions,
    main_place,
    ranked_countries,
    with_qualifiers,
)
from eventwatch.resolve.place_names import _NOT_PLACE_NAMES
from eventwatch.resolve.places import Gazetteer, Place, is_neighbourhood

__all__ = [
    "DocumentCountries",
    "dateline_location",
    "document_countries",
    "event_location",
    "fallback_location",
    "main_place_location",
    "nearby_location",
    "qualified_place",
]

# The place of a dateline: capitals, before a comma or a dash ("PORT SUDAN, Jan 26 …", "ALMATY —").
_DATELINE_PLACE = re.compile(r"\s*([A-Z][A-Z .'’-]{2,30}?)\s*(?:,|—|–|--)")
_PRECISION = {"city": "city", "admin1": "region", "country": "country"}
# Kinds of place more specific than a region, and at most how many characters
# (", ", " (", " in ") stand between a place and the qualifier after it.
_SPECIFIC_KINDS = frozenset({"city", "admin2"})
_QUALIFIER_GAP = 4
# An unqualified place abroad is read as a namesake when the main country has this
# many times its votes.
DOMINANT_SHARE = 2.0


class DocumentCountries(list[str]):
    """The countries a document talks about, likeliest first, and the regions it is about.

    ``regions`` are ``(iso3, admin1)`` pairs (``geography.infer_regions``) and
    ``votes`` each country's votes (``geography.ranked_countries``); the functions of
    this module read them, so that callers pass one value around.
    """

    regions: tuple[tuple[str, str], ...] = ()
    votes: dict[str, float] = {}  # noqa: RUF012 (replaced per instance, never mutated)


def document_countries(extracted: ExtractedDocument, gazetteer: Gazetteer) -> DocumentCountries:
    """Countries the document talks about, likeliest first (see ``geography.infer_countries``),
    with the regions its groups keep to (``geography.infer_regions``)."""
    ranked = ranked_countries(extracted, gazetteer)
    countries = DocumentCountries(code for code, _vote in ranked)
    countries.regions = infer_regions(extracted, countries)
    countries.votes = dict(ranked)
    return countries


def _regions(countries: list[str]) -> tuple[tuple[str, str], ...]:
    """The regions that came with ``countries``, if they are ``DocumentCountries``."""
    return countries.regions if isinstance(countries, DocumentCountries) else ()


def _plausible(
    place: Place, countries: list[str], written: str = "", *, qualified: bool = False
) -> bool:
    """A small town abroad, or a look-alike spelling outside the main country, is more likely a namesake;
    so is any place abroad when the document is plainly about its main country, unless the
    mention is ``qualified`` ("Gorgan, Iran")."""
    if not countries:
        return True
    if written and _fold(place.name) not in _fold(written) and place.country != countries[0]:
        return False  # "Mandori" read as "Mandōl" across the border
    votes = countries.votes if isinstance(countries, DocumentCountries) else {}
    if (
        place.country != countries[0]
        and not qualified
        and votes.get(countries[0], 0.0) >= DOMINANT_SHARE * votes.get(place.country, 0.0) > 0
    ):
        return False  # "Gorgan" in a report on Azerbaijan's front is no city in Iran
    return place.country in countries[:3] or place.kind != "city" or place.population >= 100_000


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _place_location(place: Place, text: str | None) -> Location:
    """A gazetteer place as an event's location; ``text`` is None when the place is inferred."""
    return Location(
        text,
        place.name,
        place.country,
        place.admin1,
        place.lat,
        place.lon,
        # a village placed at its community's centre is known to about a district
        "admin2" if place.approximate else _PRECISION.get(place.kind, place.kind),
    )


def _own_location(
    mention: EventMention,
    gazetteer: Gazetteer,
    countries: list[str],
    places: list[tuple[int, str]],
) -> Location | None:
    regions = _regions(countries)
    for place_argument in mention.places:
        if _in_neighbourhood(mention, place_argument.text, place_argument.start):
            continue  # "in Colonia El Pedregal": the town the sentence names says more
        qualified = qualified_place(place_argument.text, place_argument.start, places)
        if qualified is not None:
            # the argument is what a place named just before it lies in: "Los Lagos" of
            # "in Osorno (Los Lagos)", "Deir-ez-Zor" of "near al-Bukamal in Deir-ez-Zor";
            # the event is in Osorno, near al-Bukamal
            head = qualified[1].split(",")[0]
            place = gazetteer.resolve(
                qualified[1], context_countries=countries, context_regions=regions
            )
            if (
                place is not None
                and place.kind in _SPECIFIC_KINDS
                and _plausible(place, countries)
                # the place named, not what its qualifiers name when it is unknown
                and place == gazetteer.resolve(head, context_countries=countries)
            ):
                return _place_location(place, head)
        # "Shahpur" read with what the text says it lies in: "Shahpur sector area, Poonch district, J&K"
        written = with_qualifiers(place_argument.text, place_argument.start, places)
        inside = _within_country(written, gazetteer, countries)
        if inside is not None:
            return inside
        place = gazetteer.resolve(written, context_countries=countries, context_regions=regions)
        if place is not None and _plausible(
            place, countries, place_argument.text, qualified="," in written
        ):
            return _place_location(place, place_argument.text)
    return None


def _in_neighbourhood(mention: EventMention, text: str, start: int) -> bool:
    """Whether a place argument names a part of a town ("Colonia Pemex", "Colonia" left out)."""
    sentence_start, _end, sentence = mention.sentence
    before = sentence[: max(0, start - sentence_start)].split()[-1:]
    return is_neighbourhood(text) or (bool(before) and is_neighbourhood(before[0]))


def _within_country(written: str, gazetteer: Gazetteer, countries: list[str]) -> Location | None:
    """The place a country's qualifiers name: "western Yemen (Ad Durayhimi, Al Hudaydah)".

    Notes often name the country and then, in brackets, the district and province
    the event was in; those are the event's place, not the country.
    """
    head, _, rest = written.partition(",")
    code = country_code(head, adjectives=False)
    if code is None or not rest.strip():
        return None
    place = gazetteer.resolve(
        rest, context_countries=[code, *countries], context_regions=_regions(countries)
    )
    if place is None or place.kind == "country" or place.country != code:
        return None
    return _place_location(place, rest.split(",")[0].strip())


def qualified_place(text: str, start: int, places: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The place mention that an argument is the first qualifier of, if any.

    "Los Lagos" at the offset of the brackets in "in Osorno (Los Lagos)", whose
    mention reads "Osorno, Los Lagos", gives ``(offset of Osorno, "Osorno, Los Lagos")``.

    Args:
        text: The argument as written.
        start: Its offset in the document text.
        places: ``(offset, mention)`` pairs, e.g. from ``document_places``.

    Returns:
        The ``(offset, mention)`` of the place it qualifies, or ``None``.
    """
    wanted = text.strip().casefold()
    for offset, mention in places:
        head, *qualifiers = (part.strip() for part in mention.split(","))
        if (
            qualifiers
            and offset < start
            and 0 < start - offset - len(head) <= _QUALIFIER_GAP
            and qualifiers[0].casefold() == wanted
        ):
            return offset, mention
    return None


def _modifier_location(
    mention: EventMention, gazetteer: Gazetteer, countries: list[str]
) -> Location | None:
    """A city named as a modifier of a participant: "a Bishkek court"."""
    for argument in (mention.actor, mention.recipient):
        for word in argument.modifiers if argument is not None else []:
            if country_code(word) or normalize_name(word) in _NOT_PLACE_NAMES:
                continue  # "a San Bartolome group" names no town called "San"
            place = gazetteer.lookup(word, context_countries=countries)
            if (
                place is not None
                and place.kind == "city"
                and place.population >= 50_000
                and _plausible(place, countries, word)
            ):
                return Location(
                    word, place.name, place.country, place.admin1, place.lat, place.lon, "city"
                )
    return None


def nearby_location(
    mention: EventMention, places: list[tuple[int, str]], gazetteer: Gazetteer, countries: list[str]
) -> Location | None:
    """A place named in the event's sentence, when it lies in a country the document is about.

    This catches places the parser missed or could not attach ("in La Libertad,
    Arequipa, a group … demonstrated"); a place in another country is more likely a
    different event's ("sanctions that irritate Brussels and Washington").
    """
    start, end, _text = mention.sentence
    for offset, text in places:
        if not start <= offset < end or country_code(text):
            continue
        place = gazetteer.resolve(
            text, context_countries=countries, context_regions=_regions(countries)
        )
        if (
            place is None
            or place.kind == "country"
            or (countries and place.country not in countries[:3])
        ):
            continue
        if not _plausible(place, countries, text, qualified="," in text):
            continue
        return _place_location(place, text)
    return None


def dateline_location(text: str, gazetteer: Gazetteer, countries: list[str]) -> Location | None:
    """The city a report is filed from ("BISHKEK, March 13 (CAN) —"): where its undated-place events happened."""
    match = _DATELINE_PLACE.match(text)
    if match is None:
        return None
    name = match.group(1).strip().title()
    place = gazetteer.resolve(
        name, context_countries=countries, context_regions=_regions(countries)
    )
    if place is None or place.kind == "country":
        return None
    return _place_location(place, None)  # inferred from the dateline, not stated with the event


def main_place_location(
    places: list[tuple[int, str]], countries: list[str], gazetteer: Gazetteer
) -> Location | None:
    """The place the document sets out from ("On 7 May, in Niteroi, Rio de Janeiro, …"): where its placeless events happened."""
    place = main_place(places, countries, gazetteer, _regions(countries))
    if place is None:
        return None
    return _place_location(place, None)  # inferred from the document, not stated with the event


def fallback_location(country: str | None, gazetteer: Gazetteer) -> Location | None:
    """The document's main country, when the sentence names no place."""
    if country is None:
        return None
    name = country_name(country)
    place = gazetteer.lookup(name, context_countries=[country]) if name else None
    return Location(
        text=None,
        name=name,
        country=country,
        admin1=None,
        lat=place.lat if place and place.kind == "country" else None,
        lon=place.lon if place and place.kind == "country" else None,
        precision="country",
    )


def event_location(
    mention: EventMention,
    gazetteer: Gazetteer,
    countries: list[str],
    places: list[tuple[int, str]],
) -> Location | None:
    """The place the event's own arguments name ("in Osh", "a Bishkek court"), or None."""
    return _own_location(mention, gazetteer, countries, places) or _modifier_location(
        mention, gazetteer, countries
    )
