"""The registry's spelling index: every spelling variant found without scanning namesakes."""

from __future__ import annotations

import random

import pytest

from eventwatch.resolve.entities import EntityRegistry, LocalEntity
from eventwatch.resolve.entities.country_ids import GROUP_FROM, CountryIds
from eventwatch.resolve.entities.names import (
    _spelling_keys,
    _word_variants,
    name_key,
    person_names_agree,
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Gutul", "Gutsul"),  # a letter pair for a letter
        ("Araghchi", "Araqchi"),
        ("Tiani", "Tchiani"),
        ("Tashiev", "Tashiyev"),
        ("Zhaparov", "Japarov"),
        ("Rached", "Rachid"),
    ],
)
def test_entity_registry_spelling_keys_of_variants_meet(first: str, second: str) -> None:
    a, b = name_key(first)[-1], name_key(second)[-1]
    assert _word_variants(a, b)
    assert _spelling_keys(a) & _spelling_keys(b)


def _slip(word: str, rng: random.Random) -> str:
    """A random slip: a letter or a pair of letters dropped, doubled, changed or added."""
    at = rng.randrange(len(word))
    width = rng.choice((1, 2))
    piece = "".join(rng.choice("aeioukhstzgqc") for _ in range(rng.choice((0, 1, 2))))
    return (
        word[:at] + piece + word[at + width :]
        if rng.random() < 0.5
        else word[:at] + piece + word[at:]
    )


def test_entity_registry_spelling_keys_meet_for_every_variant_pair() -> None:
    rng = random.Random(7)
    syllables = ["ka", "ta", "shi", "ev", "ro", "ghi", "mu", "zha", "pa", "ov", "dze", "lu"]
    checked = 0
    for _ in range(3000):
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        other = _slip(word, rng)
        a, b = "".join(name_key(word)), "".join(name_key(other))  # surnames as indexed
        if a and b and person_names_agree(a, b):
            checked += 1
            assert _spelling_keys(a) & _spelling_keys(b), (word, other)
    assert checked > 500


def test_entity_registry_finds_a_respelled_surname_among_many_people() -> None:
    registry = EntityRegistry()
    rng = random.Random(3)
    for number in range(400):
        surname = "".join(rng.choice(["ka", "to", "mi", "ru", "sa", "ne"]) for _ in range(3))
        person = LocalEntity(name=f"Person{number} {surname.title()}ov", kind="person")
        registry.link(f"d{number}", [person])
    registry.link("known", [LocalEntity(name="Sadyr Japarov", kind="person", country="KGZ")])
    known = registry.link("a", [LocalEntity(name="Sadyr Japarov", kind="person")])
    respelled = registry.link("b", [LocalEntity(name="Sadyr Zhaparov", kind="person")])
    surname_only = registry.link("c", [LocalEntity(name="Zhaparov", kind="person")])
    assert respelled[("person", "sadyr zhaparov")] == known[("person", "sadyr japarov")]
    assert surname_only[("person", "zhaparov")] == known[("person", "sadyr japarov")]


def test_entity_registry_links_an_institution_to_its_own_country_among_many() -> None:
    registry = EntityRegistry()
    countries = [f"C{number:02d}" for number in range(40)]  # more than GROUP_FROM
    first: dict[str, str] = {}
    for country in countries:
        linked = registry.link(
            f"first-{country}",
            [LocalEntity(name="National Security Service", kind="organization", country=country)],
        )
        first[country] = linked[("organization", "national security service")]
    assert len(set(first.values())) == len(countries)
    for country in reversed(countries):
        again = registry.link(
            f"again-{country}",
            [LocalEntity(name="National Security Service", kind="organization", country=country)],
        )
        assert again[("organization", "national security service")] == first[country]


def test_country_ids_keep_the_first_order_and_ids_of_no_country() -> None:
    held = CountryIds()
    countries = {"a": "KGZ", "b": None, "c": "KAZ", "d": "KGZ"}
    countries.update({f"x{number}": f"X{number}" for number in range(GROUP_FROM)})
    countries["e"] = None
    for entity_id, country in countries.items():
        held.add(entity_id, country, countries.get)
    countries["b"] = "KAZ"  # gains a country after it was grouped
    assert list(held.compatible("KGZ")) == ["a", "b", "d", "e"]
    assert list(held.compatible("KAZ")) == ["b", "c", "e"]
    assert list(held.compatible(None)) == list(countries)
    held.add("a", "KGZ", countries.get)  # a second add changes nothing
    assert list(held.compatible("KGZ")) == ["a", "b", "d", "e"]
