"""Where each event happened: its own place, a place nearby, the dateline, or the document's main place."""

from __future__ import annotations

import re
import unicodedata

from eventwatch.extract import EventMention, ExtractedDocument
from eventwatch.model import Location
from eventwatch.resolve.countries import country_code, country_name
from eventwatch.resolve.geography import infer_countries, main_place, with_qualifiers
from eventwatch.resolve.places import Gazetteer, Place

__all__ = [
    "dateline_location",
    "document_countries",
    "event_location",
    "fallback_location",
    "main_place_location",
    "nearby_location",
]

# The place of a dateline: capitals, before a comma or a dash ("PORT SUDAN, Jan 26 …", "ALMATY —").
_DATELINE_PLACE = re.compile(r"\s*([A-Z][A-Z .'’-]{2,30}?)\s*(?:,|—|–|--)")
_PRECISION = {"city": "city", "admin1": "region", "country": "country"}


def document_countries(extracted: ExtractedDocument, gazetteer: Gazetteer) -> list[str]:
    """Countries the document talks about, likeliest first (see ``geography.infer_countries``)."""
    return infer_countries(extracted, gazetteer)


def _plausible(place: Place, countries: list[str], written: str = "") -> bool:
    """A small town abroad, or a look-alike spelling outside the main country, is more likely a namesake."""
    if not countries:
        return True
    if written and _fold(place.name) not in _fold(written) and place.country != countries[0]:
        return False  # "Mandori" read as "Mandōl" across the border
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
        _PRECISION.get(place.kind, place.kind),
    )


def _own_location(
    mention: EventMention,
    gazetteer: Gazetteer,
    countries: list[str],
    places: list[tuple[int, str]],
) -> Location | None:
    for place_argument in mention.places:
        # "Shahpur" read with what the text says it lies in: "Shahpur sector area, Poonch district, J&K"
        written = with_qualifiers(place_argument.text, place_argument.start, places)
        place: Place | None = gazetteer.resolve(written, context_countries=countries)
        if place is not None and _plausible(place, countries, place_argument.text):
            return _place_location(place, place_argument.text)
    return None


def _modifier_location(
    mention: EventMention, gazetteer: Gazetteer, countries: list[str]
) -> Location | None:
    """A city named as a modifier of a participant: "a Bishkek court"."""
    for argument in (mention.actor, mention.recipient):
        for word in argument.modifiers if argument is not None else []:
            if country_code(word):
                continue
            place = gazetteer.lookup(word, context_countries=countries)
            if place is not None and place.kind == "city" and place.population >= 50_000:
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
        if not start <= offset < end or country_code(text, adjectives=False):
            continue
        place = gazetteer.resolve(text, context_countries=countries)
        if (
            place is None
            or place.kind == "country"
            or (countries and place.country not in countries[:3])
        ):
            continue
        if not _plausible(place, countries, text):
            continue
        return _place_location(place, text)
    return None


def dateline_location(text: str, gazetteer: Gazetteer, countries: list[str]) -> Location | None:
    """The city a report is filed from ("BISHKEK, March 13 (CAN) —"): where its undated-place events happened."""
    match = _DATELINE_PLACE.match(text)
    if match is None:
        return None
    name = match.group(1).strip().title()
    place = gazetteer.resolve(name, context_countries=countries)
    if place is None or place.kind == "country":
        return None
    return _place_location(place, None)  # inferred from the dateline, not stated with the event


def main_place_location(
    places: list[tuple[int, str]], countries: list[str], gazetteer: Gazetteer
) -> Location | None:
    """The place the document sets out from ("On 7 May, in Niteroi, Rio de Janeiro, …"): where its placeless events happened."""
    place = main_place(places, countries, gazetteer)
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
