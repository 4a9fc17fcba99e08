"""One document's named mentions grouped into its entities."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence

from eventwatch.extract import ExtractedDocument
from eventwatch.model import Entity, EventRecord
from eventwatch.resolve.actors import ActorResolver
from eventwatch.resolve.countries import country_code
from eventwatch.resolve.entities.model import LocalEntity, _participants
from eventwatch.resolve.entities.names import (
    _BODY_WORDS,
    _COMMON_OPENERS,
    _DIVISION_WORDS,
    _SITE_WORDS,
    _TITLE_WORDS,
    GENERIC_NOUNS,
    KINDS,
    _bare,
    _bare_person,
    _last_word,
    _participant_name,
    name_key,
    person_names_agree,
)
from eventwatch.resolve.entities.reading import (
    _CAPITALISED_RUN,
    _NAMED_PLACE,
    _Page,
    _place_name,
    _read_span,
    _Reading,
)
from eventwatch.resolve.places import Gazetteer


def document_entities(
    extracted: ExtractedDocument,
    actors: ActorResolver,
    records: Sequence[EventRecord],
    *,
    gazetteer: Gazetteer,
    countries: Sequence[str],
) -> list[LocalEntity]:
    """Group a document's named mentions into its entities.

    The NER labels are read with care: a span naming a large place (or a place of the
    document's countries) is a place whatever its label, a division ("Osh Region")
    is not its city, a country before a name is not part of it ("the Kyrgyz
    Republic Sadyr Japarov").  Mentions the NER model missed are added: other
    occurrences of the document's own names (a surname, an acronym), named sites
    and divisions ("Sabreen market", "Depayin township"), and — as tentative
    entities, which the registry keeps only when it knows the name — other
    capitalised names.

    Args:
        extracted: the document's extraction (its ``named`` spans).
        actors: the resolver that resolved the document's event participants.
        records: the document's event records (participants join their entities).
        gazetteer: the place index.
        countries: the document's countries, most prominent first.

    Returns:
        One local entity per person, organisation and place the document names.
    """
    local: dict[tuple[str, str], LocalEntity] = {}
    document = extracted.document
    published = document.published
    page = _Page.of(extracted, gazetteer, countries)

    def entity(name: str, kind: str, *, tentative: bool = False) -> LocalEntity:
        key = (kind, name.lower())
        if key not in local:
            local[key] = LocalEntity(name=name, kind=kind, tentative=tentative)
        local[key].tentative = local[key].tentative and tentative  # a surer reading wins
        return local[key]

    for span in extracted.named:
        reading = _read_span(span, page)
        if reading is None:
            continue
        mention = (reading.start, reading.end, reading.text)
        if reading.tentative:
            found = entity(_bare(reading.text), reading.kind, tentative=True)
            if reading.place is not None:
                found.place, found.country = reading.place, reading.place.country
            found.country = found.country or (countries[0] if countries else None)
            found.mentions.append(mention)
            continue
        if reading.kind == "place":
            _add_place(entity, reading, countries)
            continue
        person = reading.kind == "person"
        resolved = actors.canonical(reading.text, person=person)
        if resolved is None:
            continue
        name, country, sector = resolved
        if not person and country_code(name, adjectives=False):
            continue  # "Kyrgyzstan" tagged as an organisation is a place, not a body
        if person:
            name = _bare_person(name)
            written = _bare_person(reading.text)
            if len(written.split()) > 1 and not person_names_agree(written, name):
                name = written  # "Choguel Maïga" grouped under "Abdoulaye Maïga" by surname
        tentative = (
            person
            and len(name.split()) == 1
            and not name.isupper()
            and not set(name_key(name)) & page.name_parts
        )
        # a lone word the document gives no fuller name ("Ennahda", "Slavija" tagged as
        # people): whoever the collection knows by it, else a person
        found = entity(name, reading.kind, tentative=tentative)
        if not person and country is None and sector in _STATE_SECTORS and countries:
            country = countries[0]  # "the Supreme Court" of the country the text is about
        found.country = found.country or country
        found.sector = found.sector or sector
        found.mentions.append(mention)
        if span.office is not None and person:
            office = {**span.office.to_dict(), "as_of": published, "doc_id": document.id}
            if span.office.status == "new":
                office["since"] = published
            found.offices.append(office)
            nationality = country_code(span.office.text.split()[0]) if span.office.text else None
            found.country = found.country or nationality
    places = sorted((s, e) for f in local.values() if f.kind == "place" for s, e, _ in f.mentions)
    for record in records:
        for participant in _participants(record):
            if not participant.named or participant.start is None:
                continue
            end = participant.end if participant.end is not None else participant.start
            if not _free(places, participant.start, end):
                continue  # a place taken for a participant ("Zaporizhzhia Oblast" struck)
            known = _participant_entity(participant, local)
            if known is None:
                continue
            found = entity(*known)
            found.country = found.country or participant.country
            found.sector = found.sector or participant.sector
            found.mentions.append((participant.start, end, participant.text))
    _add_named_places(entity, page, countries, _covered(local.values()))
    _add_defined_acronyms(list(local.values()), page.text)
    _add_other_occurrences(list(local.values()), page.text)
    _add_capitalised_names(entity, page, _covered(local.values()), countries)
    _add_defined_acronyms(list(local.values()), page.text)
    for found in local.values():
        found.mentions = sorted(set(found.mentions))
    return [e for e in local.values() if e.mentions]


def _add_place(
    entity: Callable[..., LocalEntity], reading: _Reading, countries: Sequence[str]
) -> None:
    """A place mention: a gazetteer place, else a place known by its name alone."""
    mention = (reading.start, reading.end, reading.text)
    if reading.place is not None:
        found = entity(_place_name(reading.place), "place")
        found.place, found.country = reading.place, reading.place.country
    else:
        found = entity(_bare(reading.text), "place")
        found.country = found.country or (countries[0] if countries else None)
    found.mentions.append(mention)


def _covered(entities: Iterable[LocalEntity]) -> list[tuple[int, int]]:
    return sorted((start, end) for e in entities for start, end, _ in e.mentions)


#: No name is longer than this many characters: spans starting further back end before.
_LONGEST_NAME = 300


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps none of the sorted ``spans``."""
    at = bisect.bisect_left(spans, (end, end))
    first = bisect.bisect_left(spans, (start - _LONGEST_NAME, 0), 0, at)
    return not any(start < e for _, e in spans[first:at])


def _add_named_places(
    entity: Callable[..., LocalEntity],
    page: _Page,
    countries: Sequence[str],
    covered: list[tuple[int, int]],
) -> None:
    """Named divisions and sites the NER model missed: "Depayin township", "Osh Region"."""
    for match in _NAMED_PLACE.finditer(page.text):
        proper = match.group(1).split()
        while proper and (
            proper[0].lower() in _COMMON_OPENERS | _TITLE_WORDS
            or re.search(r"['’]s$", proper[0])  # "Ukraine's Zaporizhzhia region"
            or page.known_place(proper[0]) is not None
            and len(proper) > 1
        ):
            proper = proper[1:]
        if not proper or match.group(2).lower() in _SITE_WORDS and page.known_place(proper[-1]):
            continue  # "a Bogotá park" is in Bogotá, not a place of its own
        text = " ".join([*proper, match.group(2)])
        start = match.end() - len(text)
        if page.text[start : match.end()] != text or not _free(covered, start, match.end()):
            continue
        place = page.place(text) if match.group(2).lower() in _DIVISION_WORDS else None
        if place is not None and place.kind == "city":
            place = None
        _add_place(entity, _Reading("place", start, match.end(), text, place), countries)


_DEFINED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]{1,7})\s*\)")


def _add_defined_acronyms(entities: list[LocalEntity], text: str) -> None:
    """An acronym in brackets right after a name is that name's: "Federal Police (PF)"
    (an entity the acronym alone made gives its mentions to the name's)."""
    ends = {end: e for e in entities if e.kind != "place" for _, end, _ in e.mentions}
    for match in _DEFINED_ACRONYM.finditer(text):
        letters = match.group(1)
        owner = ends.get(len(text[: match.start()].rstrip()))
        if owner is None or sum(c.isupper() for c in letters) < 2:
            continue
        spot = (match.start(1), match.end(1))
        holders = [
            e for e in entities if any(s < spot[1] and spot[0] < t for s, t, _ in e.mentions)
        ]
        if not holders:
            owner.mentions.append((*spot, letters))
        for holder in holders:
            if holder is not owner and _bare(holder.name) == letters:
                owner.mentions.extend(holder.mentions)
                holder.mentions.clear()


def _add_other_occurrences(entities: list[LocalEntity], text: str) -> None:
    """Every other occurrence of a name the document gives an entity: a mention the NER
    model tagged once but not everywhere, a person's surname (when only one person of
    the document bears it), a dateline's place in capitals written again normally."""
    aliases: dict[str, LocalEntity | None] = {}

    def offer(alias: str, found: LocalEntity) -> None:
        if len(alias) < 3 or not alias[:1].isupper():
            return
        known = aliases.get(alias, found)
        aliases[alias] = found if known is found else None  # two entities: ambiguous

    for found in entities:
        if found.tentative and found.place is None:
            continue  # a name no one is known by yet
        for alias in found.aliases:
            bare = _bare(alias) if found.kind != "person" else _bare_person(alias)
            offer(bare, found)
            if bare.isupper() and found.kind == "place":
                offer(bare.title(), found)
        if found.kind == "person" and len(found.name.split()) > 1:
            offer(found.name, found)
            offer(found.name.split()[-1], found)
    usable = {alias: found for alias, found in aliases.items() if found is not None}
    if not usable:
        return
    pattern = re.compile(
        r"(?<![\w'’-])("
        + "|".join(re.escape(a) for a in sorted(usable, key=len, reverse=True))
        + r")(?![\w-])"
    )
    covered = _covered(entities)
    for match in pattern.finditer(text):
        if _free(covered, match.start(), match.end()):
            usable[match.group(1)].mentions.append((match.start(), match.end(), match.group(1)))


def _add_capitalised_names(
    entity: Callable[..., LocalEntity],
    page: _Page,
    covered: list[tuple[int, int]],
    countries: Sequence[str],
) -> None:
    """Capitalised names no entity of the document covers.

    A run of capitalised words ending in an institution's word is an organisation
    ("General Police Inspectorate"), and so is an acronym ("ECOWAS"; not a country's
    "US", nor a dateline's "TUNIS"); other names become tentative entities, which
    the registry keeps when it knows them ("Japarov" named in other documents).
    """
    text = page.text
    for run in _CAPITALISED_RUN.finditer(text):
        for start, name in _run_names(run.start(), run.group()):
            end = start + len(name)
            if len(name) < 2 or not _free(covered, start, end):
                continue
            words = name.split()
            if len(words) == 1 and name.lower() in _TITLE_WORDS | _COMMON_OPENERS:
                continue
            dateline = (
                start == 0 or text[start - 1] == "\n" and re.match(r"\s*(?:,|—|–|--)", text[end:])
            )
            if len(words) > 1 and _last_word(name) in _BODY_WORDS:
                found = entity(name, "organization")  # "General Police Inspectorate"
            elif name.isupper() and name.isalpha() and 3 <= len(name) <= 8 and not dateline:
                if country_code(name, adjectives=False):
                    continue
                found = entity(name, "organization")  # "ECOWAS", "GKNB"
            else:
                if name.isupper() and dateline:
                    name = name.title()  # "TUNIS —": the place named again as "Tunis"
                place = None
                if name.lower() not in GENERIC_NOUNS and not set(name_key(name)) & set(
                    page.person_words
                ):
                    place = page.known_place(name)
                # a known place ("A Chișinău court"), unless the collection knows someone
                # by the name; any other name only if the collection knows it
                found = entity(name, "place" if place else "unknown", tentative=True)
                if place is not None and found.place is None:
                    found.place, found.country = place, place.country
                found.country = found.country or (countries[0] if countries else None)
            found.mentions.append((start, end, text[start:end]))


def _run_names(start: int, run: str) -> list[tuple[int, str]]:
    """The names in a run of capitalised words, cut at titles between them ("Khyber
    Pakhtunkhwa Chief Minister Ali Amin Gandapur" → two names), determiners dropped."""
    whole = _bare(run)
    if len(whole.split()) > 1 and _last_word(whole) in _BODY_WORDS:
        return [(start + run.find(whole), whole)]  # "General Police Inspectorate"
    names: list[tuple[int, str]] = []
    current: list[re.Match[str]] = []
    for word in [*re.finditer(r"\S+", run), None]:
        if word is None or word.group().lower().strip(".,") in _TITLE_WORDS:
            if current:
                first, last = current[0], current[-1]
                piece = run[first.start() : last.end()]
                bare = _bare(piece)
                offset = start + first.start() + piece.find(bare)
                if bare:
                    names.append((offset, bare))
            current = []
        else:
            current.append(word)
    return names


def _participant_entity(
    participant: Entity, local: dict[tuple[str, str], LocalEntity]
) -> tuple[str, str] | None:
    """``(name, kind)`` of the entity an event participant names, or None for a description.

    A name the document already gave a person or organisation wins ("Armenian Prime
    Minister Nikol Pashinyan" is the person Nikol Pashinyan); otherwise the kind is
    guessed from the shape of the name.  A group noun opening a sentence ("Police
    fired…", "Crowds stormed…") names no one.
    """
    name = _participant_name(participant)
    lowered = name.lower()
    for kind in KINDS:
        if (kind, lowered) in local:
            return name, kind
    inside = [
        e
        for (kind, known), e in local.items()
        if kind in {"person", "organization"} and len(known) > 3 and known in lowered
    ]
    if inside:
        best = max(inside, key=lambda e: len(e.name))
        return best.name, best.kind
    if participant.sector == "CVL" or not name[:1].isupper() or lowered in GENERIC_NOUNS:
        return None
    words = name.split()
    if name.isupper() or len(words) > 3 or participant.sector in _BODIES and len(words) != 2:
        return name, "organization"
    return (name, "person") if all(w[:1].isupper() for w in words) else None


_BODIES = frozenset({"GOV", "SPY", "COP", "MIL", "JUD", "LEG", "PTY", "NGO", "BUS", "JRN"})
_STATE_SECTORS = frozenset({"GOV", "SPY", "COP", "MIL", "JUD", "LEG"})
