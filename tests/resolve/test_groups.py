"""Tests for eventwatch.resolve.groups: armed groups and parties of one country."""

from __future__ import annotations

import pytest

from eventwatch.resolve.groups import find_groups


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pro-Houthi forces shelled FARDC positions", [("Houthi", "YEM"), ("FARDC", "COD")]),
        ("The Houthis said", [("Houthis", "YEM")]),  # plural
        ("Taliban militants attacked a checkpoint", [("Taliban", "AFG")]),
        ("Tehrik-i-Taliban Pakistan claimed it", [("Tehrik-i-Taliban Pakistan", "PAK")]),
        ("Kataib Hezbollah and Hezbollah", [("Kataib Hezbollah", "IRQ"), ("Hezbollah", "LBN")]),
        ("Boko Haram raided a village", [("Boko Haram", "NGA")]),
        ("al shabaab fighters", [("al shabaab", "SOM")]),  # names ignore case
        ("Mai-Mai and Mayi Mayi militiamen", [("Mai-Mai", "COD"), ("Mayi Mayi", "COD")]),
        ("JNIM and FAMa clashed", [("JNIM", "MLI"), ("FAMa", "MLI")]),
        ("SPLM-IO and SPLM-N", [("SPLM-IO", "SSD"), ("SPLM-N", "SDN")]),
        ("the Saudi-led coalition", [("Saudi-led coalition", "YEM")]),
    ],
)
def test_groups_find_groups(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.country) for m in find_groups(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "the fardc said",  # acronyms match only as written
        "Hamasaki and Talibanesque",  # whole words only
        "Reporters Without Borders (RSF) and AFP",  # readings left out on purpose
        "",
    ],
)
def test_groups_find_nothing(text: str) -> None:
    assert find_groups(text) == []


def test_groups_offsets_point_at_the_text() -> None:
    text = "Clashes between the M23 and the army."
    (mention,) = find_groups(text)
    assert text[mention.start : mention.end] == "M23" and mention.country == "COD"


def test_groups_that_keep_to_a_few_regions_name_them() -> None:
    (separatists, army) = find_groups("NAF forces and the Ukrainian Forces exchanged fire")
    assert separatists.country == "UKR" and separatists.regions == ("Donetsk", "Luhansk")
    assert army.country == "UKR" and army.regions == ()
    (houthis,) = find_groups("Houthi forces advanced")
    assert houthis.regions == ()


def test_groups_regions_are_divisions_the_gazetteer_knows() -> None:
    from eventwatch.resolve.groups import _index
    from eventwatch.resolve.places import default_gazetteer

    gazetteer = default_gazetteer()
    named = {(e.country, r) for entries in _index().values() for e in entries for r in e.regions}
    assert named
    for country, region in named:
        assert any(
            p.kind == "admin1" and p.country == country and p.admin1 == region
            for p in gazetteer.candidates(region)
        ), (country, region)
