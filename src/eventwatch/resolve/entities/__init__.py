"""Named mentions → canonical entities, within a document and across documents.

Within a document, :func:`document_entities` groups every named mention the way
the actor resolver does ("Japarov" with "Sadyr Japarov", "SNCS" with "State
Committee for National Security") and resolves places in the gazetteer.  It reads
the NER labels with care (a capital tagged as a person is a place, "Osh Region"
is not the city of Osh, "the Kyrgyz Republic Sadyr Japarov" names a person) and
adds the mentions the NER model missed: other occurrences of the document's own
names (a surname, an acronym defined in brackets), named sites and divisions
("Sabreen market", "Depayin township"), acronyms, and — as *tentative* entities,
kept only when the registry knows them — other capitalised names.

Across documents, an :class:`EntityRegistry` holds the canonical entities seen so
far and joins a document's entity to one of them when names and context agree:
the same full name (spelling variants folded: "Tashiyev" is "Tashiev"; one
transliteration slip allowed: "Gutul"/"Gutsul", "Araghchi"/"Araqchi"), an
initial for the given name ("S. Japarov"), a surname or a given name that only
one known person of a compatible country carries, the initials of a full name
("MBS"), an acronym or expansion of a known organisation ("ECOWAS"), a body's
name with or without its country ("… of the Kyrgyz Republic").  Entities are kept
apart when they do not agree: a different given name ("Imamidin Tashov" is not
"Kamchybek Tashiev", "Thaksin" is not "Paetongtarn Shinawatra"), a different
country, a different place in the gazetteer ("Osh" the city is not "Osh Region").
Each canonical entity keeps its aliases, its country and sector, and the offices
the texts give it with their dates.

The modules: :mod:`~eventwatch.resolve.entities.names` (folding names into keys,
spelling variants, the shapes of names), :mod:`~eventwatch.resolve.entities.model`
(the records), :mod:`~eventwatch.resolve.entities.reading` (one named span's
kind and place), :mod:`~eventwatch.resolve.entities.document` (a document's
entities), :mod:`~eventwatch.resolve.entities.registry` (the collection's) and
its indexes, :mod:`~eventwatch.resolve.entities.namesakes` and
:mod:`~eventwatch.resolve.entities.country_ids`.
The registry finds its candidates through indexes on keys (full names, surnames
and their spelling variants, organisation keys, acronyms), never by scanning every
known entity; a key many countries' entities share ("National Security Service")
hands over only those of the entity's country
(:mod:`~eventwatch.resolve.entities.country_ids`).  A full name it does not know
yet is looked up by its shape, a variant of its given name (or its initial, or
none) with a variant of its surname, not among every person of that surname
(:mod:`~eventwatch.resolve.entities.namesakes`), so the work per name stays the
same as the collection grows.
"""

from __future__ import annotations

from eventwatch.resolve.entities.document import document_entities
from eventwatch.resolve.entities.model import CanonicalEntity, LinkedMention, LocalEntity
from eventwatch.resolve.entities.names import (
    GENERIC_NOUNS,
    name_key,
    name_skeleton,
    person_names_agree,
)
from eventwatch.resolve.entities.registry import EntityRegistry

__all__ = [
    "GENERIC_NOUNS",
    "CanonicalEntity",
    "EntityRegistry",
    "LinkedMention",
    "LocalEntity",
    "document_entities",
    "name_key",
    "name_skeleton",
    "person_names_agree",
]
