"""Actor mentions → canonical entities, within one document.

"Japarov" joins "Sadyr Japarov"; "SCNS" and the misspelt "SNCS" join "State
Committee for National Security"; "the committee" and "a national security
ministry" join it too when the document names no other committee.  Country comes
from the phrase ("Kyrgyz", "of the Russian State Duma", "a Bishkek court"), from
other mentions of the same entity, and, for a state institution with no
nationality in sight, from the document's main country.  Sector is read off the
words of the phrase (PLOVER sector codes).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventwatch.extract.mention import Argument
from eventwatch.model import Entity, stable_id
from eventwatch.resolve.countries import country_code
from eventwatch.resolve.places import default_gazetteer

__all__ = ["ActorResolver", "acronym_of", "close_acronym", "sector_of", "strip_name"]

_TITLES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "mr",
        "mrs",
        "ms",
        "dr",
        "general",
        "gen.",
        "col.",
        "colonel",
        "speaker",
        "chairman",
        "senator",
        "sen.",
        "rep.",
        "king",
        "queen",
        "prince",
        "sheikh",
        "emir",
        "ayatollah",
        "judge",
        "former",
        "acting",
        "new",
        "deputy",
        "head",
        "chief",
        "leader",
        "late",
    ]
)
_FUNCTION_WORDS = frozenset(["for", "of", "the", "and", "on", "in", "de", "du", "la", "al"])
_INSTITUTION_HEADS = frozenset(
    [
        "committee",
        "ministry",
        "service",
        "agency",
        "department",
        "council",
        "court",
        "parliament",
        "assembly",
        "office",
        "directorate",
        "bureau",
        "commission",
        "police",
        "army",
        "government",
        "guard",
        "forces",
    ]
)
_GENERIC_WORDS = _INSTITUTION_HEADS | frozenset(
    ["a", "an", "the", "its", "their", "state", "national"]
) - {
    "national",
    "state",
}

# Sector cues: (code, words). The phrase's head is tried first, then every word.
_SECTORS: list[tuple[str, frozenset[str]]] = [
    ("SPY", frozenset(["intelligence", "scns", "fsb", "kgb", "gru", "cia", "mi6", "nss", "snb", "operative", "operatives", "spy", "spies"])),
    ("JUD", frozenset(["court", "courts", "judge", "judges", "prosecutor", "prosecutors", "tribunal", "judiciary"])),
    ("LEG", frozenset(["parliament", "speaker", "lawmaker", "lawmakers", "mp", "mps", "senator", "senators", "duma", "congress", "assembly", "legislature", "legislator", "deputies"])),
    ("COP", frozenset(["police", "policeman", "policemen", "officers", "gendarmerie", "gendarmes", "enforcement"])),
    ("MIL", frozenset(["army", "military", "troops", "soldier", "soldiers", "armed", "navy", "commander", "general", "colonel", "junta", "forces", "battalion"])),
    ("REB", frozenset(["rebel", "rebels", "insurgent", "insurgents", "militant", "militants", "militia", "militias", "jihadist", "jihadists"])),
    ("OPP", frozenset(["opposition", "dissident", "dissidents"])),
    ("PTY", frozenset(["party"])),
    ("JRN", frozenset(["journalist", "journalists", "reporter", "reporters", "newspaper", "agency", "channel", "outlet", "media", "broadcaster"])),
    ("NGO", frozenset(["foundation", "foundations", "ngo", "ngos", "charity", "institute"])),
    ("BUS", frozenset(["company", "companies", "firm", "firms", "business", "businesses", "bank", "banks", "corporation"])),
    ("GOV", frozenset(["president", "minister", "ministry", "government", "department", "cabinet", "authorities", "embassy", "ambassador", "governor", "mayor", "kremlin", "official", "officials", "administration", "premier", "diplomat", "diplomats"])),
    ("CVL", frozenset(["citizen", "citizens", "civilian", "civilians", "student", "students", "resident", "residents", "man", "men", "woman", "women", "people", "villager", "villagers", "worker", "workers", "activist", "activists", "protester", "protesters"])),
]  # fmt: skip
_SECURITY_PHRASES = (
    "national security",
    "security service",
    "special services",
    "secret service",
    "state security",
)
_STATE_SECTORS = {"GOV", "SPY", "COP", "MIL", "JUD", "LEG"}


def sector_of(text: str, head: str | None = None) -> str | None:
    """PLOVER sector code suggested by a phrase ("a regional court" → JUD)."""
    lowered = text.lower()
    words = set(re.findall(r"[\w.]+", lowered))
    if any(p in lowered for p in _SECURITY_PHRASES):
        return "SPY"
    if head:
        for code, cues in _SECTORS:
            if head.lower() in cues:
                return code
    for code, cues in _SECTORS:
        if words & cues:
            return code
    return None


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[\w']+", name) if w.lower() not in _FUNCTION_WORDS]
    return "".join(w[0] for w in words if w[0].isupper()).upper()


def _strip_name(text: str) -> str:
    """Drop determiners, possessive country prefixes and titles: a bare name."""
    text = re.sub(r"^(?:the|a|an|his|her|its|their)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"^[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s\s+", "", text)
    text = re.sub(r"['’]s$", "", text.strip())
    return text.replace("“", "").replace("”", "").strip(" ,.;:\"'")


def _close_acronym(a: str, b: str) -> bool:
    """ "SNCS" is a slip for "SCNS": same letters, same length, one swap."""
    if a == b:
        return True
    if len(a) != len(b) or len(a) < 3 or sorted(a) != sorted(b):
        return False
    return sum(1 for x, y in zip(a, b, strict=True) if x != y) <= 2


@dataclass(slots=True)
class _Canonical:
    name: str
    label: str
    countries: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)


class ActorResolver:
    """Resolve the actors of one document against the names the document uses."""

    def __init__(
        self,
        entities: Iterable[tuple[str, str]],
        *,
        main_country: str | None,
        countries: Sequence[str] = (),
    ) -> None:
        self.main_country = main_country
        self.countries = tuple(countries)
        self._people: list[_Canonical] = []
        self._orgs: list[_Canonical] = []
        for text, label in entities:
            if label == "PERSON":
                self._add_person(_strip_titles(text))
            elif label == "ORG":
                self._add_org(text)

    def _add_person(self, name: str) -> None:
        if not name or name.isupper() and len(name) < 5:
            return
        if any(p.name == name for p in self._people):
            return
        tokens = name.split()
        for person in self._people:
            if len(tokens) > len(person.name.split()) and person.name.split()[-1] in tokens:
                person.name = name  # a fuller form of a name already seen
                return
            if len(tokens) < len(person.name.split()) and tokens[-1] in person.name.split():
                return
        self._people.append(_Canonical(name, "PERSON"))

    def _add_org(self, text: str) -> None:
        prefix_country = _possessive_country(text)
        name = _strip_name(text)
        if not name:
            return
        existing = self._find_org(name)
        if existing is None:
            existing = _Canonical(name, "ORG")
            self._orgs.append(existing)
        elif existing.name.isupper() and not name.isupper():
            existing.name = name  # an expansion replaces an acronym
        if prefix_country:
            existing.countries[prefix_country] += 1

    def _find_person(self, name: str) -> _Canonical | None:
        tokens = _strip_titles(name).split()
        if not tokens:
            return None
        for person in self._people:
            parts = person.name.split()
            if tokens == parts or tokens[-1] in parts and len(tokens) <= len(parts):
                return person
        return None

    def _find_org(self, name: str) -> _Canonical | None:
        compact = name.replace(".", "").upper()
        lowered = name.lower()
        for org in self._orgs:
            known = org.name.lower()
            if known == lowered:
                return org
            if (
                len(lowered.split()) > 1
                and len(known.split()) > 1
                and (known.endswith(" " + lowered) or lowered.endswith(" " + known))
            ):
                if len(name) < len(org.name):
                    org.name = name  # keep the bare name, not the country-prefixed one
                return org  # "Kyrgyzstan State Committee for …" is "State Committee for …"
            if compact.isalpha() and name.replace(".", "").isupper() and 2 < len(compact) <= 8:
                if _close_acronym(compact, _acronym(org.name)) or _close_acronym(
                    compact, org.name.upper()
                ):
                    return org
            if org.name.isupper() and _close_acronym(org.name, _acronym(name)):
                org.name = name
                return org
        return None

    def _find_by_description(self, text: str, head: str) -> _Canonical | None:
        """ "the committee", "a national security ministry statement" → the one such ORG."""
        if head not in _INSTITUTION_HEADS:
            return None
        words = {w for w in re.findall(r"\w+", text.lower())} - _GENERIC_WORDS - _FUNCTION_WORDS
        matches = []
        for org in self._orgs:
            org_words = set(re.findall(r"\w+", org.name.lower()))
            if words and words <= org_words or not words and head in org_words:
                matches.append(org)
        return matches[0] if len(matches) == 1 else None

    def is_surname(self, word: str) -> bool:
        """Whether ``word`` is the last name of a person the document names in full."""
        return any(len(p.name.split()) > 1 and p.name.split()[-1] == word for p in self._people)

    def canonical(self, text: str, *, person: bool) -> tuple[str, str | None, str | None] | None:
        """The document's name for a named mention, with the country and sector learned for it.

        Args:
            text: the mention as written ("Japarov", "the SNCS").
            person: whether it names a person (else an organisation).

        Returns:
            ``(name, country, sector)``, or None when nothing of a name is left.
        """
        if person:
            found = self._find_person(text)
            name = found.name if found else _strip_titles(text)
            sector = None
        else:
            found = self._find_org(_strip_name(text))
            name = found.name if found else _strip_name(text)
            sector = sector_of(text)
        if not name or not name[:1].isalnum():
            return None
        country = _top(found.countries) if found else None
        if not person:
            country = country or _possessive_country(text)
            sector = (_top(found.sectors) if found else None) or sector
        return name, country, sector

    def resolve(self, argument: Argument | None) -> Entity | None:
        """The entity an argument refers to (``None`` for ``None``)."""
        if argument is None:
            return None
        text = argument.text
        name = argument.name or text
        canonical: _Canonical | None = None
        if argument.label == "PERSON" or (argument.name and self._find_person(argument.name)):
            canonical = self._find_person(argument.name or text)
        bare = _strip_name(argument.name or text)
        if canonical is None and (
            argument.label == "ORG" or argument.name or bare.replace(".", "").isupper()
        ):
            canonical = self._find_org(bare)
        if canonical is None and (argument.label == "PERSON" or _looks_like_surname(text)):
            canonical = self._find_person(text)
        if canonical is None and argument.label not in {"PERSON", "GPE", "NORP"}:
            canonical = self._find_by_description(text, argument.head_lemma)
        country = self._country_of(argument)
        sector = sector_of(text, argument.head_lemma)
        if canonical is not None:
            if country:
                canonical.countries[country] += 1
            if sector:
                canonical.sectors[sector] += 1
            name = canonical.name
            country = country or _top(canonical.countries)
            sector = sector or _top(canonical.sectors)
        else:
            name = _strip_name(name) if argument.name or argument.label else _strip_name(text)
        if argument.label == "GPE":
            country = country or country_code(name, adjectives=False)
            if country is None:
                place = default_gazetteer().lookup(name, context_countries=self.countries)
                country = place.country if place is not None else None
            sector = sector or "GOV"
        if country is None and sector in _STATE_SECTORS and argument.label != "PERSON":
            country = self.main_country
        return Entity(
            text=text,
            name=name,
            country=country,
            sector=sector,
            id=stable_id("entity", country or "", name.lower()),
            start=argument.start,
            end=argument.end,
            named=canonical is not None
            or argument.name is not None
            or argument.label in {"PERSON", "ORG", "GPE"},
        )

    def _country_of(self, argument: Argument) -> str | None:
        """Nationality stated inside the phrase: "Kyrgyz", "of the Russian State Duma", "Bishkek court"."""
        for word in [*argument.modifiers, *re.findall(r"[A-Z][\w.]*(?:['’]s)?", argument.text)]:
            code = country_code(word)
            if code:
                return code
        if argument.label == "GPE":
            return country_code(argument.text, adjectives=False)
        for word in argument.modifiers:
            place = default_gazetteer().lookup(word, context_countries=self.countries)
            if place is not None:
                return place.country
        return None

    def learn(self, entity: Entity | None) -> None:
        """Feed a resolved entity's country and sector back (first pass over a document)."""
        if entity is None:
            return
        canonical = self._find_person(entity.name) or self._find_org(entity.name)
        if canonical is not None:
            if entity.country:
                canonical.countries[entity.country] += 1
            if entity.sector:
                canonical.sectors[entity.sector] += 1


def _looks_like_surname(text: str) -> bool:
    return len(text.split()) == 1 and text[:1].isupper() and not text.isupper()


def _top(counter: Counter[str]) -> str | None:
    return counter.most_common(1)[0][0] if counter else None


def _strip_titles(text: str) -> str:
    words = _strip_name(text).split()
    while words and words[0].lower().rstrip(".") in _TITLES | {"gen", "col", "sen", "rep"}:
        words = words[1:]
    return " ".join(words)


def _possessive_country(text: str) -> str | None:
    match = re.match(r"^(?:the\s+)?([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)['’]s\s", text)
    return country_code(match.group(1), adjectives=False) if match else None


#: Public names of the helpers that entity resolution across documents shares.
acronym_of = _acronym
close_acronym = _close_acronym
strip_name = _strip_name
