"""The registry's indexes: every spelling variant and namesake found without scanning the
people who share a surname."""

from __future__ import annotations

import random

import pytest

from eventwatch.resolve.entities import EntityRegistry, LocalEntity
from eventwatch.resolve.entities.country_ids import GROUP_FROM, CountryIds, IdIndex
from eventwatch.resolve.entities.names import (
    _spelling_keys,
    _word_variants,
    name_key,
    person_names_agree,
)
from eventwatch.resolve.entities.namesakes import NamesakeIndex, SpellingWords


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


def test_id_index_holds_one_id_bare_and_more_by_country() -> None:
    countries = {"a": "KGZ", "b": None, "c": "KAZ"}
    index: IdIndex[str] = IdIndex()
    index.add("japarov", "a", "KGZ", countries.get)
    assert index["japarov"] == "a"  # one id: no set around it
    assert list(index.compatible("japarov", "KAZ")) == ["a"]  # a superset; callers check
    index.add("japarov", "a", "KGZ", countries.get)
    assert index["japarov"] == "a"
    index.add("japarov", "b", None, countries.get)
    index.add("japarov", "c", "KAZ", countries.get)
    assert list(index.ids("japarov")) == ["a", "b", "c"]
    assert index.holds("japarov", "c") and not index.holds("japarov", "d")
    assert not index.holds("tashiev", "a") and list(index.compatible("tashiev", None)) == []


def test_spelling_words_list_the_known_variants_of_a_word() -> None:
    surnames = SpellingWords(surnames=True)
    for word in ["japarov", "zhaparov", "tashiev", "tashov", "sultanov"]:
        surnames.add(word)
    assert set(surnames.variants("japarov")) == {"japarov", "zhaparov"}
    assert set(surnames.variants("tashiyev")) == {"tashiev", "tashov"}
    assert surnames.variants("karimov") == []
    given = SpellingWords(surnames=False)
    for word in ["mohamed", "kamchibek", "imamidin"]:
        given.add(word)
    assert given.variants("mohamad") == ["mohamed"]
    given.add("mohammad")
    assert set(given.variants("mohamad")) == {"mohamed", "mohammad"}  # not a stale answer


def _coined(rng: random.Random, syllables: list[str], words: int) -> str:
    return "".join(rng.choice(syllables) for _ in range(words))


def test_namesake_index_finds_every_person_whose_name_agrees() -> None:
    rng = random.Random(11)
    given = ["ka", "ta", "mu", "ha", "med", "sa", "dyr", "ni"]
    surname = ["ka", "ta", "shi", "ev", "ro", "ghi", "mu", "zha", "pa", "ov"]
    index = NamesakeIndex()
    names: dict[str, tuple[str, ...]] = {}
    for number in range(1500):
        shape = rng.random()
        first = _coined(rng, given, rng.randint(2, 3))
        last = _coined(rng, surname, rng.randint(2, 3))
        name = last if shape < 0.1 else f"{first[0]}. {last}" if shape < 0.2 else f"{first} {last}"
        key = name_key(name)
        names[f"p{number}"] = key
        index.surnames.add(key[-1])
        index.add(f"p{number}", key, None, lambda _: None)
    checked = 0
    for _ in range(400):
        written = (
            f"{_coined(rng, given, rng.randint(2, 3))} {_coined(rng, surname, rng.randint(2, 3))}"
        )
        if rng.random() < 0.5:  # a known person's name, respelled
            known = rng.choice([k for k in names.values() if len(k) == 2 and len(k[0]) > 1])
            written = f"{_slip(known[0], rng)} {_slip(known[1], rng)}"
        key = name_key(written)
        if len(key) != 2 or len(key[0]) < 2:
            continue
        agree = {i for i, k in names.items() if person_names_agree(written, " ".join(k))}
        found = set(index.with_given_name(key[0], key[1], None))
        assert agree <= found, (written, agree - found)
        checked += len(agree)
    assert checked > 50


def test_entity_registry_respelled_names_and_initials_join_among_many_namesakes() -> None:
    registry = EntityRegistry()
    rng = random.Random(5)
    for number in range(300):  # people who share the surnames, with other given names
        given = "".join(rng.choice(["ba", "ku", "ri", "lo", "ne", "zu"]) for _ in range(3))
        for surname in ("Tashov", "Japarov", "Haddad"):
            registry.link(f"n{number}", [LocalEntity(name=f"{given} {surname}", kind="person")])
    first = registry.link("a", [LocalEntity(name="Imamidin Tashov", kind="person")])
    other = registry.link("b", [LocalEntity(name="Kamchybek Tashiev", kind="person")])
    sadyr = registry.link("c", [LocalEntity(name="Sadyr Japarov", kind="person")])
    mohammed = registry.link("d", [LocalEntity(name="Mohammed Haddad", kind="person")])
    imamidin = first[("person", "imamidin tashov")]
    assert other[("person", "kamchybek tashiev")] != imamidin
    again = registry.link("e", [LocalEntity(name="Imomidin Tashov", kind="person")])
    assert again[("person", "imomidin tashov")] == imamidin
    initial = registry.link("f", [LocalEntity(name="S. Zhaparov", kind="person")])
    assert initial[("person", "s. zhaparov")] == sadyr[("person", "sadyr japarov")]
    respelled = registry.link("g", [LocalEntity(name="Mohammad Haddad", kind="person")])
    assert respelled[("person", "mohammad haddad")] == mohammed[("person", "mohammed haddad")]
    namesake = registry.link("h", [LocalEntity(name="Nurlan Tashov", kind="person")])
    assert namesake[("person", "nurlan tashov")] not in {
        imamidin,
        other[("person", "kamchybek tashiev")],
    }
    # the candidates of a full name are those of its shape, not the 300 other Tashovs
    assert len(registry._namesakes.with_given_name("imamidin", "tashov", None)) <= 3


def test_entity_registry_a_person_named_more_fully_is_found_by_the_new_name() -> None:
    registry = EntityRegistry()
    bare = registry.link("a", [LocalEntity(name="Japarov", kind="person", country="KGZ")])
    full = registry.link("b", [LocalEntity(name="Sadyr Japarov", kind="person", country="KGZ")])
    entity_id = bare[("person", "japarov")]
    assert full[("person", "sadyr japarov")] == entity_id
    assert registry.entities[entity_id].name == "Sadyr Japarov"
    respelled = registry.link("c", [LocalEntity(name="Sadir Zhaparov", kind="person")])
    assert respelled[("person", "sadir zhaparov")] == entity_id
    other = registry.link("d", [LocalEntity(name="Kanybek Japarov", kind="person")])
    assert other[("person", "kanybek japarov")] != entity_id
