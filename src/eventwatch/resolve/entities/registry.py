"""The canonical entities of a collection, joined across documents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from eventwatch.model import EventRecord, stable_id
from eventwatch.resolve.actors import close_acronym, strip_name
from eventwatch.resolve.entities.country_ids import IdIndex, Key, compatible_ids
from eventwatch.resolve.entities.model import (
    CanonicalEntity,
    LinkedMention,
    LocalEntity,
    _participants,
)
from eventwatch.resolve.entities.names import (
    _PARTICLES,
    _SITE_WORDS,
    _TITLE_WORDS,
    GENERIC_NOUNS,
    KINDS,
    _acronyms,
    _alias_key,
    _bare,
    _bare_person,
    _compatible,
    _contained,
    _is_body,
    _last_word,
    _local_key,
    _org_keys,
    _participant_name,
    _spelling_keys,
    _variants,
    _word_variants,
    name_key,
    name_skeleton,
    person_names_agree,
)
from eventwatch.resolve.entities.namesakes import SKELETON, NamesakeIndex


class EntityRegistry:
    """The canonical entities of a collection, joined across documents.

    Args:
        entities: canonical entities already known (e.g. read from the store).
    """

    def __init__(self, entities: Iterable[CanonicalEntity] = ()) -> None:
        self.entities: dict[str, CanonicalEntity] = {}
        self._by_full: IdIndex[tuple[str, ...]] = IdIndex()
        self._by_surname: IdIndex[str] = IdIndex()
        self._by_given: IdIndex[str] = IdIndex()
        self._by_initials: IdIndex[str] = IdIndex()
        self._by_ends: IdIndex[tuple[str, ...]] = IdIndex()
        # people by the skeleton of a surname they go by ("=tsv"); by their name's shape
        self._by_surname_skeleton: IdIndex[str] = IdIndex()
        self._namesakes = NamesakeIndex()
        # per person, each skeleton variant of a surname with when it was first indexed
        self._surname_skeletons: dict[str, dict[str, int]] = defaultdict(dict)
        self._order: dict[str, int] = {}
        self._indexed = 0
        self._by_org: IdIndex[tuple[str, ...]] = IdIndex()
        self._by_acronym: IdIndex[str] = IdIndex()
        self._by_skeleton: IdIndex[str] = IdIndex()
        self._by_alias: IdIndex[str] = IdIndex()
        self.changed: set[str] = set()
        for canonical in entities:
            self._add(canonical)
            for alias in canonical.aliases:
                self._index(canonical, alias)

    def __len__(self) -> int:
        return len(self.entities)

    def _add(self, canonical: CanonicalEntity) -> None:
        self.entities[canonical.id] = canonical
        self._order.setdefault(canonical.id, len(self._order))
        self._index(canonical, canonical.name)

    def _index(self, canonical: CanonicalEntity, name: str) -> None:
        bare = _bare_person(name) if canonical.kind == "person" else strip_name(name)
        key = name_key(bare)
        if not key:
            return
        entity_id, country, country_of = canonical.id, canonical.country, self._country_of
        self._by_alias.add(_alias_key(name), entity_id, country, country_of)
        if canonical.kind == "person":
            self._by_skeleton.add(name_skeleton(bare), entity_id, country, country_of)
        elif canonical.kind == "organization":
            for org_key in _org_keys(bare):
                skeleton = name_skeleton(" ".join(org_key))
                self._by_skeleton.add(skeleton, entity_id, country, country_of)
        if canonical.kind == "place" and len(key) > 1 and _last_word(bare) in _SITE_WORDS:
            site = _alias_key(bare.rsplit(" ", 1)[0])  # "Slavija"
            self._by_alias.add(site, entity_id, country, country_of)
        if canonical.kind == "person":
            if len(key) >= 2:
                self._by_full.add(key, entity_id, country, country_of)
                self._by_full.add((key[0], key[-1]), entity_id, country, country_of)
                self._by_initials.add("".join(w[0] for w in key), entity_id, country, country_of)
                if len(key[0]) > 1:
                    self._by_given.add(key[0], entity_id, country, country_of)
            if len(key) >= 3:  # "Hassan Sheikh …", "… Khan Kamal": the ends of a long name
                self._by_ends.add(("<", *key[:2]), entity_id, country, country_of)
                self._by_ends.add((">", *key[-2:]), entity_id, country, country_of)
            self._by_surname.add(key[-1], entity_id, country, country_of)
            known = self._surname_skeletons[canonical.id]
            for variant in _variants(name_skeleton(key[-1])):
                if variant not in known:
                    known[variant] = self._indexed
                    self._indexed += 1
            for spelling in _spelling_keys(key[-1]):
                if spelling.startswith(SKELETON):
                    self._by_surname_skeleton.add(spelling, entity_id, country, country_of)
            self._namesakes.surnames.add(key[-1])
            if name == canonical.name:
                self._namesakes.add(entity_id, key, country, country_of)
        elif canonical.kind == "organization":
            for org_key in _org_keys(bare):
                self._by_org.add(org_key, entity_id, country, country_of)
            for letters in _acronyms(name):
                self._by_acronym.add("".join(sorted(letters)), entity_id, country, country_of)

    def _country_of(self, entity_id: str) -> str | None:
        """The country of a known entity."""
        return self.entities[entity_id].country

    def _candidates(self, ids: Iterable[str], entity: LocalEntity) -> list[CanonicalEntity]:
        return [
            self.entities[i]
            for i in dict.fromkeys(ids)
            if self.entities[i].kind == entity.kind
            and _compatible(self.entities[i].country, entity.country)
        ]

    def _found(self, index: IdIndex[Key], key: Key, entity: LocalEntity) -> list[CanonicalEntity]:
        """The known entities under ``key`` in ``index`` of the entity's kind and country."""
        return self._candidates(compatible_ids(index, key, entity.country), entity)

    def _surname_matches(self, entity: LocalEntity, surname: str) -> list[CanonicalEntity]:
        """Known people whose surname is ``surname`` or a spelling variant of it."""
        exact = self._found(self._by_surname, surname, entity)
        if exact:
            return exact
        # people who go by a known spelling variant of the surname or one of the same
        # skeleton: those with this very skeleton first, in the order they were indexed
        ids = {
            i
            for word in self._namesakes.surnames.variants(surname)
            for i in compatible_ids(self._by_surname, word, entity.country)
        }
        ids.update(
            i
            for k in _spelling_keys(surname)
            if k.startswith(SKELETON)
            for i in compatible_ids(self._by_surname_skeleton, k, entity.country)
        )
        skeleton = name_skeleton(surname)

        def order(entity_id: str) -> tuple[int, int]:
            seen = self._surname_skeletons[entity_id].get(skeleton)
            return (0, seen) if seen is not None else (1, self._order[entity_id])

        return self._surname_variants(entity, surname, sorted(ids, key=order))

    def _surname_variants(
        self, entity: LocalEntity, surname: str, ids: Iterable[str]
    ) -> list[CanonicalEntity]:
        """The known people of ``ids`` whose name's surname is a spelling variant of
        ``surname`` and whose surname skeletons are one letter apart at most."""
        wanted = _variants(name_skeleton(surname))
        return [
            c
            for c in self._candidates(ids, entity)
            if any(v in self._surname_skeletons[c.id] for v in wanted)
            and person_names_agree(surname, name_key(_bare_person(c.name))[-1])
        ]

    def _namesakes_among(
        self, entity: LocalEntity, surname: str, ids: Sequence[str]
    ) -> list[CanonicalEntity]:
        """Those of ``ids`` that ``_surname_matches`` would list: people who go by exactly
        ``surname`` when any known person (of a fitting country) does, else its variants."""
        exact = self._by_surname
        if any(
            _compatible(self.entities[i].country, entity.country)
            for i in exact.compatible(surname, entity.country)
        ):
            return [c for c in self._candidates(ids, entity) if exact.holds(surname, c.id)]
        return self._surname_variants(entity, surname, ids)

    def _match_person(self, entity: LocalEntity) -> CanonicalEntity | None:
        written = _bare_person(entity.name)
        if written.isupper() and written.isalpha() and 2 <= len(written) <= 5:
            # "MBS", "AMLO": a person known by the initials of the full name
            found = self._found(self._by_initials, written.lower(), entity)
            return found[0] if len(found) == 1 else None
        key = name_key(written)
        if key and key[0] in _PARTICLES:
            key = key[-1:]  # "De Moraes": a surname alone
        if not key:
            return None
        if len(key) >= 2:
            if len(key[0]) == 1:  # "S. Japarov": one known person with that surname and initial
                ids = self._namesakes.with_initial(key[0], key[-1], entity.country)
                found = [
                    c
                    for c in self._namesakes_among(entity, key[-1], ids)
                    if len(known := name_key(_bare_person(c.name))) == 1 or known[0][:1] == key[0]
                ]
                return found[0] if len(found) == 1 else None
            found = self._found(self._by_full, key, entity) or self._found(
                self._by_full, (key[0], key[-1]), entity
            )
            if found:
                return found[0]
            if len(key) == 2:
                # "Hassan Sheikh" for "Hassan Sheikh Mohamud", "Khan Kamal" for
                # "Asaduzzaman Khan Kamal"
                longer = self._found(self._by_ends, ("<", *key), entity)
                longer = longer or self._found(self._by_ends, (">", *key), entity)
                if len(longer) == 1:
                    return longer[0]
            # a spelling variant ("Rachid"/"Rached Ghannouchi", "Sadyr Zhaparov"), or a
            # person known so far by the surname alone: among the people whose name has
            # that shape, not every namesake
            ids = self._namesakes.with_given_name(key[0], key[-1], entity.country)
            found = [
                c
                for c in self._namesakes_among(entity, key[-1], ids)
                if person_names_agree(written, _bare_person(c.name))
            ]
            return found[0] if len(found) == 1 else None
        namesakes = self._surname_matches(entity, key[0])
        if not namesakes:  # "Paetongtarn", "Abiy": a given name used alone
            namesakes = self._found(self._by_given, key[0], entity)
        if len(namesakes) == 1:
            return namesakes[0]
        if entity.country is not None:
            same = [c for c in namesakes if c.country == entity.country]
            if len(same) == 1:
                return same[0]
        return max(namesakes, key=lambda c: c.documents) if namesakes else None

    def _match_org(self, entity: LocalEntity) -> CanonicalEntity | None:
        for alias in [entity.name, *entity.aliases]:
            for key in _org_keys(strip_name(alias)):
                found = self._found(self._by_org, key, entity)
                if found:
                    return found[0]
        bare = strip_name(entity.name)
        found = self._found(self._by_skeleton, name_skeleton(bare), entity)
        if len(name_key(bare)) == 1 and not bare.isupper():  # one word: a spelling slip at most
            word = name_key(bare)[0]
            found = [
                c
                for c in found
                if any(
                    len(k) == 1 and _word_variants(word, k[0])
                    for k in _org_keys(strip_name(c.name))
                )
            ]
        if len(found) == 1:
            return found[0]  # "Ennahda" and "Ennahdha (movement)"
        for alias in [entity.name, *entity.aliases]:
            for letters in _acronyms(alias):
                if len(letters) < 3:
                    continue
                found = [
                    c
                    for c in self._found(self._by_acronym, "".join(sorted(letters)), entity)
                    if any(
                        close_acronym(letters, theirs)
                        for known in [c.name, *c.aliases]
                        for theirs in _acronyms(known)
                    )
                ]
                if found:
                    return found[0]
        if not _is_body(bare) and not bare.isupper():
            # "María Corina Machado", "Bazoum" tagged as an organisation: a known person
            probe = LocalEntity(name=bare, kind="person", country=entity.country)
            person = self._match_person(probe)
            if person is not None and (len(name_key(bare)) > 1 or person.documents > 1):
                return person
        return None

    def _match_unplaced(self, entity: LocalEntity) -> CanonicalEntity | None:
        """A place the gazetteer lacks ("D-Chowk"): the one known place of that name."""
        found = {c.id: c for c in self._found(self._by_alias, _alias_key(entity.name), entity)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _match_tentative(self, entity: LocalEntity) -> CanonicalEntity | None:
        """A name read from its shape alone: the known entity it most likely is.

        A lone word tagged as a person is first a known person (by surname); a place
        read from a word the NER model took for a person or body is first a known
        person or body of that name ("Kellogg"); otherwise the one known entity that
        goes by the name (one named so before one with it as an alias), or for a lone
        word the one known person of that surname or body of that spelling.
        """
        name = _bare(entity.name)
        if name.lower() in GENERIC_NOUNS | _TITLE_WORDS:
            return None
        if entity.kind == "person":
            person = self._match_person(entity)
            if person is not None:
                return person
        found = {
            c.id: c
            for c in (
                self.entities[i]
                for i in compatible_ids(self._by_alias, _alias_key(name), entity.country)
            )
            if _compatible(c.country, entity.country)
            and (entity.kind != "place" or c.kind != "place" or entity.place is None)
        }
        if not found and len(name.split()) == 1 and not name.isupper():
            probe = LocalEntity(name=name, kind="person", country=entity.country)
            found = {c.id: c for c in self._surname_matches(probe, name_key(name)[-1])}
            probe.kind = "organization"
            body = self._match_org(probe) if not found else None
            if body is None and not found and len(name) <= 8:  # "Ecowas", "Nato": an acronym
                probe.name = name.upper()
                body = self._match_org(probe)
                if body is not None and name.upper() not in _acronyms(body.name):
                    body = None
            if body is not None and body.kind == "organization":
                found[body.id] = body
        if len(found) > 1:
            named = {i: c for i, c in found.items() if _alias_key(c.name) == _alias_key(name)}
            found = named or found
        if len(found) != 1:
            return None
        canonical = next(iter(found.values()))
        if name.isupper() and not any(
            a.isupper() and a.lower() == name.lower() for a in canonical.aliases
        ):
            return None  # an acronym matches only the same acronym
        return canonical

    def _new_id(self, entity: LocalEntity) -> str:
        if entity.place is not None:
            p = entity.place
            return stable_id("place", p.country, p.admin1, p.name, p.kind)
        return stable_id(
            "entity", entity.kind, entity.country or "", " ".join(name_key(entity.name))
        )

    def link(self, doc_id: str, entities: Sequence[LocalEntity]) -> dict[tuple[str, str], str]:
        """Join a document's entities to canonical ones, creating those not known yet.

        Tentative entities (names found by their shape alone) join a known entity
        that goes by the name, or are dropped.

        Args:
            doc_id: the document's id.
            entities: its entities from :func:`document_entities`.

        Returns:
            ``(kind, local name lowered) → canonical entity id`` for every entity kept.
        """
        linked: dict[tuple[str, str], str] = {}
        order = sorted(entities, key=lambda e: (e.tentative, -len(name_key(e.name))))
        for entity in order:
            canonical: CanonicalEntity | None
            if entity.tentative:
                canonical = self._match_tentative(entity)
                if canonical is not None:
                    self._absorb(canonical, entity)
                    linked[_local_key(entity)] = canonical.id
                    continue
                if entity.kind == "unknown":
                    continue  # a capitalised word no one is known by
            if entity.kind == "place":
                canonical = self.entities.get(self._new_id(entity))
                if canonical is None and entity.place is None:
                    canonical = self._match_unplaced(entity)
            elif entity.kind == "person":
                canonical = self._match_person(entity)
                if canonical is None and len(name_key(entity.name)) >= 2:
                    # a full name an earlier text's parser took for a body: it is this person
                    canonical = next(
                        (
                            self.entities[i]
                            for i in self._by_org.ids(name_key(strip_name(entity.name)))
                            if self.entities[i].kind == "organization"
                        ),
                        None,
                    )
                    if canonical is not None:
                        canonical.kind = "person"
                        self._index(canonical, canonical.name)
            else:
                canonical = self._match_org(entity)
                if canonical is None and len(name_key(entity.name)) >= 2:
                    # one text's parser takes a full name for a body, another's for a person
                    canonical = next(
                        (
                            self.entities[i]
                            for i in self._by_full.ids(name_key(entity.name))
                            if self.entities[i].kind == "person"
                        ),
                        None,
                    )
            if canonical is None:
                canonical = CanonicalEntity(
                    id=self._new_id(entity),
                    name=entity.name,
                    kind=entity.kind,
                    country=entity.country,
                    sector=entity.sector,
                )
                if canonical.id in self.entities:  # same id, e.g. countries disagree on a namesake
                    canonical = self.entities[canonical.id]
                else:
                    self._add(canonical)
            self._absorb(canonical, entity)
            linked[_local_key(entity)] = canonical.id
        return linked

    def _absorb(self, canonical: CanonicalEntity, entity: LocalEntity) -> None:
        """Add what a document says of an entity to its canonical record."""
        if (
            entity.kind == "person" == canonical.kind
            and not entity.tentative
            and len(name_key(_bare_person(entity.name)))
            > len(name_key(_bare_person(canonical.name)))
            and len(name_key(entity.name)[0]) > 1
        ):
            canonical.name = entity.name  # a fuller form of the name: a new shape
            key = name_key(_bare_person(canonical.name))
            self._namesakes.add(canonical.id, key, canonical.country, self._country_of)
        elif (
            entity.kind == "organization" == canonical.kind
            and canonical.name.replace(".", "").isupper()
            and not entity.name.isupper()
        ):
            canonical.name = entity.name  # an expansion replaces an acronym
        canonical.country = canonical.country or entity.country
        canonical.sector = canonical.sector or entity.sector
        canonical.documents += 1
        for alias in [entity.name, *entity.aliases]:
            if alias not in canonical.aliases:
                self._index(canonical, alias)
            canonical.aliases[alias] += 1
        for office in entity.offices:
            canonical.add_office(office)
        self.changed.add(canonical.id)

    def apply(
        self, doc_id: str, entities: Sequence[LocalEntity], records: Sequence[EventRecord]
    ) -> list[LinkedMention]:
        """Link a document's entities and give its records' participants the canonical ids.

        Returns:
            Every named mention of the document with its canonical entity id.
        """
        linked = self.link(doc_id, entities)
        for record in records:
            for participant in _participants(record):
                if not participant.named:
                    continue
                name = _participant_name(participant).lower()
                entity_id = next(
                    (i for kind in KINDS if (i := linked.get((kind, name))) is not None), None
                ) or _contained(linked, name)
                if entity_id is not None:
                    canonical = self.entities[entity_id]
                    participant.id = entity_id
                    participant.name = canonical.name
                    participant.country = participant.country or canonical.country
                    participant.sector = participant.sector or canonical.sector
        mentions = [
            LinkedMention(doc_id, start, end, text, entity_id, self.entities[entity_id].kind)
            for e in entities
            if (entity_id := linked.get(_local_key(e))) is not None
            for start, end, text in e.mentions
        ]
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    def take_changed(self) -> list[CanonicalEntity]:
        """The entities added or updated since the last call (to write them back)."""
        changed = [self.entities[i] for i in sorted(self.changed)]
        self.changed.clear()
        return changed
