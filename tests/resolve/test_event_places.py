"""Tests for eventwatch.resolve.event_places: which place an event gets.

The texts are written for these tests in the style of conflict-event notes.
"""

from __future__ import annotations

from eventwatch.extract.mention import Argument, EventMention
from eventwatch.resolve.event_places import (
    DocumentCountries,
    document_countries,
    event_location,
    main_place_location,
    qualified_place,
)
from eventwatch.resolve.places import default_gazetteer

from .documents import canned_document


def test_event_places_document_countries_carry_the_regions() -> None:
    text = "On 3 May, the NAF fired mortars at positions near Lozove."
    countries = document_countries(canned_document(text, [(51, "Lozove")]), default_gazetteer())
    assert isinstance(countries, DocumentCountries)
    assert countries[0] == "UKR"
    assert ("UKR", "Donetsk") in countries.regions


def test_event_places_village_of_the_register_is_located_to_about_a_district() -> None:
    text = "On 3 May, the NAF fired mortars at positions near Mineralne."
    extracted = canned_document(text, [(51, "Mineralne")])
    gazetteer = default_gazetteer()
    countries = document_countries(extracted, gazetteer)
    location = main_place_location(extracted.places, countries, gazetteer)
    assert location is not None
    assert (location.country, location.admin1, location.precision) == ("UKR", "Donetsk", "admin2")


def test_event_places_plain_list_of_countries_still_works() -> None:
    location = main_place_location([(0, "Kramatorsk")], ["UKR"], default_gazetteer())
    assert location is not None and location.precision == "city"


def test_event_places_qualified_place_finds_the_place_an_argument_qualifies() -> None:
    places = [(8, "Osorno, Los Lagos"), (16, "Los Lagos")]
    # "in Osorno (Los Lagos)": the argument "Los Lagos" starts at 16
    assert qualified_place("Los Lagos", 16, places) == (8, "Osorno, Los Lagos")
    assert qualified_place("Osorno", 8, places) is None  # the place itself
    assert qualified_place("Los Lagos", 40, places) is None  # the region named elsewhere
    assert qualified_place("Santiago", 16, places) is None
    # "near Mayadin in Deir-ez-Zor"
    assert qualified_place("Deir-ez-Zor", 15, [(4, "Mayadin, Deir-ez-Zor")]) == (
        4,
        "Mayadin, Deir-ez-Zor",
    )


def _mention_at(
    text: str,
    place: str,
    *,
    trigger: str | None = None,
    event_type: str = "ASSAULT",
    head: str | None = None,
) -> EventMention:
    """A mention of ``text`` whose place argument is ``place`` (its first occurrence)."""
    start = text.index(place)
    at = text.index(trigger) if trigger else 0
    word = trigger or text[:4]
    return EventMention(
        doc_id="doc",
        sentence_index=0,
        paragraph_index=0,
        sentence=(0, len(text), text),
        trigger=(at, at + len(word), word),
        event_type=event_type,
        mode=None,
        acled=None,
        weight=1.0,
        places=[Argument(place, start, start + len(place), head or place, "GPE")],
    )


def test_event_places_event_in_the_qualified_city_not_its_region() -> None:
    text = "On 7 May, in Osorno (Los Lagos), taxi drivers protested."
    places = [(13, "Osorno, Los Lagos"), (21, "Los Lagos")]
    mention = _mention_at(
        text, "Los Lagos", trigger="protested", event_type="PROTEST", head="Lagos"
    )
    location = event_location(mention, default_gazetteer(), ["CHL"], places)
    assert location is not None
    assert (location.name, location.precision) == ("Osorno", "city")


def test_event_places_country_with_bracketed_district_is_the_district() -> None:
    text = "Forces shelled villages in western Yemen (Ad Durayhimi, Al Hudaydah)."
    start = text.index("Yemen")
    places = [(start, "Yemen, Ad Durayhimi, Al Hudaydah"), (start + 7, "Ad Durayhimi, Al Hudaydah")]
    mention = _mention_at(text, "Yemen", trigger="shelled")
    location = event_location(mention, default_gazetteer(), ["YEM"], places)
    assert location is not None
    assert location.country == "YEM" and location.precision != "country"
    assert location.admin1 is not None and "Hudaydah" in location.admin1


def test_event_places_neighbourhood_argument_yields_to_the_town() -> None:
    from eventwatch.resolve.places import is_neighbourhood

    assert is_neighbourhood("Colonia Pemex") and is_neighbourhood("colonia")
    assert not is_neighbourhood("Culiacan")
    text = "On 8 May, in Culiacan, Sinaloa, two armed men attacked a man in Colonia Pemex."
    # the parser left "Colonia" out of the argument
    mention = _mention_at(text, "Pemex", trigger="attacked")
    assert (
        event_location(mention, default_gazetteer(), ["MEX"], [(13, "Culiacan, Sinaloa")]) is None
    )


def test_event_places_place_abroad_is_a_namesake_when_the_main_country_dominates() -> None:
    text = "Troops at Gorgan fired on positions of the army near the front."
    mention = _mention_at(text, "Gorgan")
    dominated = DocumentCountries(["AZE", "IRN"])
    dominated.votes = {"AZE": 2.1, "IRN": 0.9}
    assert event_location(mention, default_gazetteer(), dominated, []) is None
    close = DocumentCountries(["AZE", "IRN"])
    close.votes = {"AZE": 1.0, "IRN": 0.9}
    location = event_location(mention, default_gazetteer(), close, [])
    assert location is not None and location.country == "IRN"


def test_event_places_a_modifier_that_is_no_place_name_is_no_city() -> None:
    text = "Members of a San Lorenzo farmers' union attacked a ranch in the hills."

    def with_actor_modifier(word: str) -> EventMention:
        mention = _mention_at(text, "San Lorenzo")
        mention.places = []
        mention.actor = Argument("Members", 0, 7, "member", None, modifiers=[word])
        return mention

    # "San" of "San Lorenzo" is no town, though a city in Mali goes by it
    assert event_location(with_actor_modifier("San"), default_gazetteer(), ["MEX"], []) is None
    place = event_location(with_actor_modifier("Culiacan"), default_gazetteer(), ["MEX"], [])
    assert place is not None and place.country == "MEX"
