"""Tests for eventwatch.resolve.geography: a document's countries and places.

The texts are written for these tests in the style of conflict-event notes.
"""

from __future__ import annotations

import pytest

from eventwatch.resolve.geography import (
    country_votes,
    document_places,
    find_place_names,
    infer_countries,
    main_place,
    with_qualifiers,
)
from eventwatch.resolve.places import default_gazetteer

from .documents import canned_document


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # places settle it, whatever the actors' nationality
        ("Turkish forces shelled a village near Tal Tamer in al-Hasakeh.", "SYR"),
        ("Israeli and Jordanian envoys met in Ramallah.", "PSE"),
        # a qualified village, though the group is at home next door
        ("Boko Haram looted houses in Kerawa village, Kolofata (Mayo-Sava, Extreme-Nord).", "CMR"),
        ("Militiamen attacked a school near Masisi (Masisi, Nord-Kivu).", "COD"),
        ("Two men were killed in Jhudo town (Mirpurkhas, Sindh).", "PAK"),
        # no place the gazetteer knows: the groups
        ("Houthi forces shelled positions of the Southern Resistance near Bab Ghalaq.", "YEM"),
        ("Taliban militants attacked a police checkpoint at night.", "AFG"),
        ("FARDC soldiers clashed with M23 rebels.", "COD"),
        # the Saudi-led coalition fights in Yemen
        ("Saudi-led coalition airstrikes hit Khabb wa ash Shaaf district (Al Jawf).", "YEM"),
    ],
)
def test_geography_infer_countries_main_country(text: str, country: str) -> None:
    assert infer_countries(canned_document(text), default_gazetteer())[0] == country


def test_geography_incidental_mentions_make_no_country() -> None:
    text = "Protesters blocked a road in Zxqville over the high US dollar exchange rate."
    assert infer_countries(canned_document(text), default_gazetteer()) == []
    votes = country_votes(
        "Iran-backed militias clashed with Iraqi police in Basra.", gazetteer=default_gazetteer()
    )
    assert max(votes, key=votes.__getitem__) == "IRQ"


def test_geography_weak_namesakes_abroad_are_left_off() -> None:
    text = "Rioters gathered outside the Seray in Tripoli, Lebanon, and in Police square."
    countries = infer_countries(canned_document(text), default_gazetteer())
    assert countries[0] == "LBN" and "POL" not in countries and "IRN" not in countries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "raided houses in Kerawa village, Kolofata subdivision (Mayo-Sava, Extreme-Nord), taking",
            [
                (17, "Kerawa village, Kolofata"),
                (33, "Kolofata subdivision, Mayo-Sava, Extreme-Nord"),
                (55, "Mayo-Sava, Extreme-Nord"),
            ],
        ),
        (
            "a protest in villages of Nabha district (Punjab) against",
            [(25, "Nabha district, Punjab")],
        ),
        (
            "On 8 May 2020, in Atenango del Rio, Guerrero, two men",
            [(18, "Atenango del Rio, Guerrero")],
        ),
        ("Turkish forces shelled Menbij in Aleppo using", [(23, "Menbij, Aleppo"), (33, "Aleppo")]),
        ("rallied in central Thessaloniki for", [(19, "Thessaloniki")]),
        ("On Monday, The Police said", []),
        ("Clashes in Masisi, Nord-Kivu.", [(11, "Masisi, Nord-Kivu")]),
        # a chain of places, each in the next, with words for the area between
        (
            "crops in Nadas in rural Ras al Ain in al-Hasakeh.",
            [
                (9, "Nadas, Ras al Ain, al-Hasakeh"),
                (24, "Ras al Ain, al-Hasakeh"),
                (38, "al-Hasakeh"),
            ],
        ),
        (
            "shelled Kafr Nabl in southern Idleb countryside.",
            [(8, "Kafr Nabl, Idleb"), (30, "Idleb")],
        ),
        ("a camp on the outskirts of Sanaa", [(27, "Sanaa")]),
    ],
)
def test_geography_find_place_names(text: str, expected: list[tuple[int, str]]) -> None:
    assert find_place_names(text) == expected


def test_geography_document_places_put_the_qualified_reading_first() -> None:
    text = "Clashes in Masisi, Nord-Kivu."
    places = document_places(canned_document(text, [(11, "Masisi")]))
    assert places[0] == (11, "Masisi, Nord-Kivu") and (11, "Masisi") in places


def test_geography_with_qualifiers() -> None:
    places = [(3, "Shahpur sector area, Poonch district, J&K"), (3, "Shahpur")]
    assert with_qualifiers("Shahpur", 3, places) == "Shahpur sector area, Poonch district, J&K"
    assert with_qualifiers("Shahpur", 40, places) == "Shahpur"


def test_geography_main_place_is_the_first_in_the_main_country() -> None:
    gazetteer = default_gazetteer()
    places = [(5, "Xyzzyville"), (20, "Niteroi, Rio de Janeiro"), (60, "Lisbon")]
    place = main_place(places, ["BRA", "PRT"], gazetteer)
    assert place is not None and place.name == "Niterói"
    assert main_place(places, [], gazetteer) is None


def test_geography_regions_come_from_groups_of_the_documents_countries() -> None:
    from eventwatch.resolve.geography import infer_regions

    text = "The OSCE SMM recorded 12 explosions near Lozove."
    assert infer_regions(canned_document(text), ["UKR"]) == (("UKR", "Donetsk"), ("UKR", "Luhansk"))
    assert infer_regions(canned_document(text), ["RUS"]) == ()  # another country's places
    assert infer_regions(canned_document("Houthi forces shelled Qaatabah."), ["YEM"]) == ()


def test_geography_main_place_reads_the_regions() -> None:
    gazetteer = default_gazetteer()
    places = [(10, "Lozove")]
    plain = main_place(places, ["UKR"], gazetteer)
    in_donbas = main_place(places, ["UKR"], gazetteer, [("UKR", "Donetsk"), ("UKR", "Luhansk")])
    assert plain is not None and in_donbas is not None
    assert in_donbas.admin1 in {"Donetsk", "Luhansk"}


def test_geography_ranked_countries_give_the_votes_of_infer_countries() -> None:
    from eventwatch.resolve.geography import ranked_countries

    extracted = canned_document("Houthi forces shelled Qaatabah (Qaatabah, Ad Dali).")
    ranked = ranked_countries(extracted, default_gazetteer())
    assert [code for code, _ in ranked] == infer_countries(extracted, default_gazetteer())
    assert ranked[0][0] == "YEM" and ranked[0][1] > 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name before a word for a road, a crossing or a camp is a place's
        ("Drivers blocked the Zahle roundabout for an hour.", [(20, "Zahle")]),
        ("Troops raided the Jenin refugee camp at dawn.", [(18, "Jenin")]),
        ("A drone struck Hama Airbase overnight.", [(15, "Hama")]),
        ("Aydin Governorship banned rallies.", [(0, "Aydin")]),
        ("Shots were fired near the Baalbek Governorate building.", [(26, "Baalbek Governorate")]),
        # ... but a common word is no place
        ("Farmers blocked the Main Road with tractors.", []),
    ],
)
def test_geography_find_place_names_before_a_site_word(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert find_place_names(text) == expected


def test_geography_names_after_a_dash_vote_for_their_own_country() -> None:
    # "Beirut" inside "the Tripoli-Beirut highway" says which Tripoli is meant
    text = "Taxi drivers blocked the Tripoli-Beirut highway with their cars."
    places = [(25, "Tripoli"), (33, "Beirut")]
    assert text[25:32] == "Tripoli" and text[33:39] == "Beirut"
    assert infer_countries(canned_document(text, places), default_gazetteer())[0] == "LBN"


def test_geography_a_place_named_twice_votes_once() -> None:
    text = "A convoy drove from Beirut to Tripoli, and the drivers then rallied in Tripoli."
    places = [(20, "Beirut"), (30, "Tripoli"), (71, "Tripoli")]
    assert infer_countries(canned_document(text, places), default_gazetteer())[0] == "LBN"


def test_geography_a_reading_the_gazetteer_lacks_falls_back_to_a_shorter_one() -> None:
    text = "Crowds gathered in Beirut's Qwerty district on Monday."
    places = [(19, "Beirut's Qwerty district"), (19, "Beirut")]
    votes = country_votes(text, places=places, gazetteer=default_gazetteer())
    assert votes["LBN"] > 0.9


def test_geography_peoples_are_no_place_names() -> None:
    text = "Soldiers fired at Palestinian and Arab youths."
    places = [(18, "Palestinian"), (34, "Arab")]
    votes = country_votes(text, places=places, gazetteer=default_gazetteer())
    assert set(votes) == {"PSE"}
