"""Entities within a document and across documents, on canned inputs."""

from __future__ import annotations

import re

import pytest

from eventwatch.extract import ExtractedDocument
from eventwatch.extract.named import NamedSpan
from eventwatch.model import Document
from eventwatch.resolve.actors import ActorResolver
from eventwatch.resolve.entities import (
    EntityRegistry,
    LocalEntity,
    document_entities,
    person_names_agree,
)
from eventwatch.resolve.places import default_gazetteer


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("G. Asanbekova", "Gulnara Asanbekova", True),  # an initial
        ("Evghenia Gutul", "Yevgenia Gutsul", True),  # transliterations
        ("Abbas Araghchi", "Abbas Araqchi", True),
        ("Tiani", "Tchiani", True),
        ("Sadyr Zhaparov", "Sadyr Japarov", True),
        ("De Moraes", "Alexandre de Moraes", True),  # a particle is part of the surname
        ("Thaksin Shinawatra", "Paetongtarn Shinawatra", False),  # namesakes
        ("Imamidin Tashov", "Kamchybek Tashiev", False),
        ("Marat Sultanov", "Erlan Sultanov", False),
        ("Hasina", "Sana", False),  # alike without vowels, two letters apart
        ("K. Tashiev", "Imamidin Tashov", False),
    ],
)
def test_person_names_agree(first: str, second: str, agree: bool) -> None:
    assert person_names_agree(first, second) is agree
    assert person_names_agree(second, first) is agree


def _local(name: str, kind: str, country: str | None = None, *aliases: str) -> LocalEntity:
    mentions = [(i * 10, i * 10 + len(text), text) for i, text in enumerate([name, *aliases])]
    return LocalEntity(name=name, kind=kind, country=country, mentions=mentions)


def _ids(registry: EntityRegistry, documents: list[list[LocalEntity]]) -> list[str]:
    """The canonical id of each document's first entity."""
    found = []
    for number, entities in enumerate(documents):
        linked = registry.link(f"d{number}", entities)
        found.append(linked[(entities[0].kind, entities[0].name.lower())])
    return found


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (("Sadyr Japarov", "person", "KGZ"), ("S. Japarov", "person", "KGZ"), True),
        (("Abbas Araghchi", "person", "IRN"), ("Abbas Araqchi", "person", None), True),
        (("Mohammed bin Salman", "person", "SAU"), ("MBS", "person", None), True),
        (("Asaduzzaman Khan Kamal", "person", None), ("Khan Kamal", "person", None), True),
        (("Hassan Sheikh Mohamud", "person", None), ("Hassan Sheikh", "person", None), True),
        (
            ("Thaksin Shinawatra", "person", "THA"),
            ("Paetongtarn Shinawatra", "person", "THA"),
            False,
        ),
        (("Sheikh Hasina", "person", "BGD"), ("Sana", "person", None), False),
        (
            ("Economic Community of West African States", "organization", None),
            ("ECOWAS", "organization", None),
            True,
        ),
        (
            ("State Committee for National Security of the Kyrgyz Republic", "organization", "KGZ"),
            ("State Committee for National Security", "organization", "KGZ"),
            True,
        ),
        (
            ("State Committee for National Security", "organization", "KGZ"),
            ("State Committee for National Security", "organization", "TJK"),
            False,
        ),
        (
            ("Awami League", "organization", None),
            ("Awami League party", "organization", None),
            True,
        ),
        (("Ennahdha", "organization", None), ("Ennahda", "organization", None), True),
        (
            ("Meshchansky District Court", "organization", None),
            ("Meshchansky court", "organization", None),
            True,
        ),
    ],
)
def test_registry_joins_names_of_one_entity_and_keeps_others_apart(
    first: tuple[str, str, str | None], second: tuple[str, str, str | None], same: bool
) -> None:
    registry = EntityRegistry()
    one, two = _ids(registry, [[_local(*first)], [_local(*second)]])
    assert (one == two) is same


def test_registry_keeps_a_tentative_name_only_when_it_knows_it() -> None:
    registry = EntityRegistry()
    registry.link("d0", [_local("Economic Community of West African States", "organization")])
    known = LocalEntity(name="Ecowas", kind="unknown", tentative=True, mentions=[(5, 11, "Ecowas")])
    unknown = LocalEntity(
        name="Zorblat", kind="unknown", tentative=True, mentions=[(0, 7, "Zorblat")]
    )
    mentions = registry.apply("d1", [known, unknown], [])
    assert [m.text for m in mentions] == ["Ecowas"]
    assert registry.entities[mentions[0].entity_id].kind == "organization"


def test_registry_a_word_tagged_as_a_place_joins_the_person_known_by_it() -> None:
    registry = EntityRegistry()
    registry.link("d0", [_local("Thaksin Shinawatra", "person", "THA", "Thaksin")])
    guess = LocalEntity(name="Thaksin", kind="place", tentative=True, mentions=[(0, 7, "Thaksin")])
    [mention] = registry.apply("d1", [guess], [])
    assert registry.entities[mention.entity_id].name == "Thaksin Shinawatra"


TEXT = (
    "OSH, Jan 20 (Wire) — President Sadyr Japarov dismissed Marat Sultanov, his envoy to "
    "Osh Region, on Tuesday. Sultanov had quarrelled with the mayor of Osh. The State "
    "Committee for National Security (SCNS) said the SCNS would look into the land deals. "
    "Hundreds gathered at Sabreen market. Vilnius said nothing."
)


def _span(text: str, label: str, nth: int = 0) -> NamedSpan:
    start = [m.start() for m in re.finditer(re.escape(text), TEXT)][nth]
    return NamedSpan(start, start + len(text), text, label, None)


@pytest.fixture(scope="module")
def osh_entities() -> dict[str, LocalEntity]:
    named = [
        _span("Sadyr Japarov", "PERSON"),
        _span("Marat Sultanov", "PERSON"),
        _span("Osh", "ORG", 1),  # "the mayor of Osh", tagged as a body
        _span("State Committee for National Security", "ORG"),
        _span("Vilnius", "PERSON"),  # a capital tagged as a person
    ]
    extracted = ExtractedDocument(
        document=Document(id="osh", text=TEXT, published="2026-01-20"),
        mentions=[],
        entities=[(s.text, s.label) for s in named],
        places=[],
        sentences=[],
        named=named,
    )
    actors = ActorResolver(extracted.entities, main_country="KGZ", countries=["KGZ"])
    found = document_entities(
        extracted, actors, [], gazetteer=default_gazetteer(), countries=["KGZ"]
    )
    return {e.name: e for e in found if not e.tentative or e.place is not None}


def _texts(entity: LocalEntity) -> list[str]:
    return [text for _, _, text in entity.mentions]


def test_document_entities_adds_a_surname_mentioned_again(osh_entities) -> None:
    assert _texts(osh_entities["Marat Sultanov"]) == ["Marat Sultanov", "Sultanov"]


def test_document_entities_adds_an_acronym_defined_in_brackets(osh_entities) -> None:
    body = osh_entities["State Committee for National Security"]
    assert _texts(body).count("SCNS") == 2


def test_document_entities_tell_a_city_from_its_region(osh_entities) -> None:
    places = {name: e for name, e in osh_entities.items() if e.kind == "place"}
    city = next(e for e in places.values() if "Osh" in _texts(e))
    region = next(e for e in places.values() if "Osh Region" in _texts(e))
    assert city is not region
    assert city.place is not None and city.place.kind == "city"
    assert region.place is not None and region.place.kind == "admin1"


def test_document_entities_reads_places_the_ner_model_mislabelled(osh_entities) -> None:
    vilnius = next(e for e in osh_entities.values() if "Vilnius" in _texts(e))
    assert vilnius.kind == "place" and vilnius.place is not None
    assert vilnius.place.country == "LTU"


def test_document_entities_finds_named_sites(osh_entities) -> None:
    assert osh_entities["Sabreen market"].kind == "place"
