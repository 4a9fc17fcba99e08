"""Tests for eventwatch.resolve.countries: names, adjectives, codes, capitals."""

from __future__ import annotations

import pytest

from eventwatch.resolve.countries import (
    capital_of,
    country_code,
    country_name,
    find_countries,
    iter_country_names,
    normalize_name,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyrgyzstan", "KGZ"),
        ("Kyrgyz Republic", "KGZ"),
        ("United States", "USA"),
        ("United States of America", "USA"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("United Kingdom", "GBR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("DR Congo", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("Myanmar", "MMR"),
        ("Czech Republic", "CZE"),
        ("Swaziland", "SWZ"),
        ("East Timor", "TLS"),
        ("Palestine", "PSE"),
        ("Türkiye", "TUR"),
        ("Holland", "NLD"),
        ("Persia", "IRN"),
        ("Guinea-Bissau", "GNB"),
        ("Bosnia", "BIH"),
    ],
)
def test_countries_code_from_names(text: str, expected: str) -> None:
    assert country_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyrgyz", "KGZ"),
        ("Russian", "RUS"),
        ("Pakistani", "PAK"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Kazakh", "KAZ"),
        ("Uzbek", "UZB"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Yemeni", "YEM"),
        ("Tajik", "TJK"),
        ("Afghan", "AFG"),
        ("Filipino", "PHL"),
        ("Emirati", "ARE"),
        ("Swiss", "CHE"),
        ("Dutch", "NLD"),
        ("Burmese", "MMR"),
        ("Ivorian", "CIV"),
        ("Congolese", "COD"),
        ("North Korean", "PRK"),
        ("South Sudanese", "SSD"),
        ("Sudanese", "SDN"),
    ],
)
def test_countries_code_from_adjectives(text: str, expected: str) -> None:
    assert country_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the United States", "USA"),
        ("The Netherlands", "NLD"),
        ("RUSSIA", "RUS"),
        ("kyrgyzstan", "KGZ"),
        ("Russia's", "RUS"),
        ("Kyrgyzstan’s", "KGZ"),
        ("the Kyrgyz Republic's", "KGZ"),
        ("the Philippines'", "PHL"),
        ("Israelis", "ISR"),
        ("Pakistanis", "PAK"),
        ("  Yemen  ", "YEM"),
    ],
)
def test_countries_code_case_the_and_possessive(text: str, expected: str) -> None:
    assert country_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("the U.S.", "USA"),
        ("USA", "USA"),
        ("U.K.", "GBR"),
        ("UK", "GBR"),
        ("UAE", "ARE"),
        ("DRC", "COD"),
        ("DPRK", "PRK"),
        ("us", None),
        ("Us", None),
    ],
)
def test_countries_code_abbreviations_are_case_sensitive(text: str, expected: str | None) -> None:
    assert country_code(text) == expected


@pytest.mark.parametrize("text", ["Atlantis", "", "   ", "police", "Narnia", "KGZ", "Tatarstan"])
def test_countries_code_unknown_is_none(text: str) -> None:
    assert country_code(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Russian", None), ("Israelis", None), ("Russia", "RUS"), ("the U.S.", "USA")],
)
def test_countries_code_without_adjectives(text: str, expected: str | None) -> None:
    assert country_code(text, adjectives=False) == expected


@pytest.mark.parametrize(
    ("iso3", "name", "capital"),
    [
        ("KGZ", "Kyrgyzstan", "Bishkek"),
        ("kgz", "Kyrgyzstan", "Bishkek"),
        ("RUS", "Russia", "Moscow"),
        ("USA", "United States", "Washington"),
        ("GBR", "United Kingdom", "London"),
        ("YEM", "Yemen", "Sanaa"),
        ("KAZ", "Kazakhstan", "Astana"),
        ("ATA", "Antarctica", None),
        ("XXX", None, None),
        ("", None, None),
    ],
)
def test_countries_name_and_capital(iso3: str, name: str | None, capital: str | None) -> None:
    assert country_name(iso3) == name
    assert capital_of(iso3) == capital


def test_countries_every_name_maps_back_to_its_country() -> None:
    codes = {iso3 for _, iso3 in iter_country_names()}
    assert len(codes) > 240
    for iso3 in codes:
        assert len(iso3) == 3 and iso3.isupper()
        assert country_code(country_name(iso3) or "") == iso3, iso3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kyrgyz Republic's", "kyrgyz republic"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Sana'a", "sanaa"),
        ("Jalal-Abad", "jalal abad"),
        ("St. Petersburg", "st petersburg"),
        ("Łódź", "lodz"),
        ("Ağdam", "agdam"),
        ("The Hague", "hague"),
        ("  ", ""),
    ],
)
def test_countries_normalize_name(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turkish forces shelled villages in northern Syria and South Sudan",
            [
                ("Turkish", "TUR", "adjective"),
                ("Syria", "SYR", "name"),
                ("South Sudan", "SSD", "name"),
            ],
        ),
        (
            "the U.S. and the US dollar, for us",
            [("U.S.", "USA", "abbreviation"), ("US", "USA", "abbreviation")],
        ),
        (
            "Israelis and Palestinians; the DRC",
            [
                ("Israelis", "ISR", "adjective"),
                ("Palestinians", "PSE", "adjective"),
                ("DRC", "COD", "abbreviation"),
            ],
        ),
        (
            "Saudi Arabia's Saudi-led coalition",
            [("Saudi Arabia", "SAU", "name"), ("Saudi", "SAU", "adjective")],
        ),
        ("fine china and turkey", []),  # names count only when capitalised
    ],
)
def test_countries_find_countries(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = find_countries(text)
    assert [(m.text, m.country, m.how) for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)
