"""Which countries a document is about, from every cue it gives.

Event notes and news rarely name the country of an event outright ("Houthi forces
shelled Qaatabah (Qaatabah, Ad Dali)"); it has to be read off the places, the
groups and the peoples the text names.  ``infer_countries`` weighs:

- places (every place name the parser or the place patterns found, each name once):
  each spreads one vote over the countries that have a place of that name, big places
  drawing more of it (``Gazetteer.country_weights``); a mention whose qualifier fits
  ("Masisi, Nord-Kivu") carries two votes, nearly all for the country where it fits;
- country names and abbreviations ("Pakistan", "DRC"): one vote each;
- groups of one country ("Taliban", "FARDC", see ``groups``): ``GROUP_VOTE`` each, at
  most ``MAX_GROUP_VOTES`` per country (a place named plainly beats a group's home);
- adjectives and demonyms ("Turkish forces", "Palestinians"): ``ADJECTIVE_VOTE``.

A mention that says whose backing, money or envoy is meant ("Iran-backed militias",
"the US dollar", "the Turkish embassy") is no statement of where something happens:
it adds ``INCIDENTAL_SHARE`` of its vote to a country other cues name, and lists no
country by itself.  The title counts twice.  A country is listed when it has
``MIN_VOTES`` and ``MIN_SHARE_OF_TOP`` of the leader's votes: a village namesake
abroad should not make the short list that place readings are checked against.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from eventwatch.extract import ExtractedDocument
from eventwatch.resolve.countries import country_code, find_countries, normalize_name
from eventwatch.resolve.groups import find_groups
from eventwatch.resolve.places import Gazetteer, Place

__all__ = [
    "country_votes",
    "document_places",
    "find_place_names",
    "infer_countries",
    "infer_regions",
    "main_place",
    "ranked_countries",
    "with_qualifiers",
]

ADJECTIVE_VOTE = 0.6
GROUP_VOTE = 0.8
NAME_VOTE = 1.0
PLACE_VOTE = 1.0
INCIDENTAL_SHARE = 0.3
TITLE_WEIGHT = 2.0
# A country is listed when it has this many votes and this share of the leader's.
MIN_VOTES = 0.15
MIN_SHARE_OF_TOP = 0.35
# Votes a country gets at most from the groups of one text: a long report on the
# Taliban should not outvote the places it names.
MAX_GROUP_VOTES = 3.0

_INCIDENTAL = re.compile(
    r"[\s-]*(?:led|backed|funded|supported|made|based|brokered|"
    r"dollars?|euros?|pounds?|rupees?|lira|dinars?|riyals?|embass(?:y|ies)|ambassadors?|"
    r"envoys?|consulates?|consuls?)\b",
    re.IGNORECASE,
)


def infer_countries(extracted: ExtractedDocument, gazetteer: Gazetteer) -> list[str]:
    """The countries a document is about, likeliest first.

    Args:
        extracted: The document with the place names its extraction found.
        gazetteer: The place index.

    Returns:
        ISO alpha-3 codes of the countries with enough votes (see the module
        docstring), most votes first (the first mentioned first on ties).
    """
    return [code for code, _vote in ranked_countries(extracted, gazetteer)]


def ranked_countries(extracted: ExtractedDocument, gazetteer: Gazetteer) -> list[tuple[str, float]]:
    """The countries of ``infer_countries`` with their votes.

    Args:
        extracted: The document with the place names its extraction found.
        gazetteer: The place index.

    Returns:
        ``(iso3, votes)`` pairs, most votes first.
    """
    document = extracted.document
    votes = country_votes(
        document.text,
        title=document.title or "",
        places=extracted.places,
        gazetteer=gazetteer,
    )
    ranked = votes.most_common()
    if not ranked:
        return []
    floor = max(MIN_VOTES, ranked[0][1] * MIN_SHARE_OF_TOP)
    return [(code, vote) for code, vote in ranked if vote >= floor]


def infer_regions(
    extracted: ExtractedDocument, countries: Sequence[str]
) -> tuple[tuple[str, str], ...]:
    """The first-level divisions a document is about, from the groups it names.

    A group that keeps to a few divisions of its country (the Donbas separatists,
    see ``groups``) says where a village name that recurs across the country lies.

    Args:
        extracted: The document.
        countries: Its countries (``infer_countries``); groups of other countries
            say nothing about where its places are.

    Returns:
        ``(iso3, admin1)`` pairs in order of first mention.
    """
    document = extracted.document
    regions: dict[tuple[str, str], None] = {}
    for chunk in (document.title or "", document.text):
        for group in find_groups(chunk):
            if group.country in countries:
                regions.update(dict.fromkeys((group.country, name) for name in group.regions))
    return tuple(regions)


def country_votes(
    text: str,
    *,
    title: str = "",
    places: Iterable[tuple[int, str]] = (),
    gazetteer: Gazetteer,
) -> Counter[str]:
    """The votes of ``infer_countries``, per country, in order of first mention.

    Args:
        text: The document text.
        title: The document title, if any.
        places: ``(offset, mention)`` of the place names found in ``text``.
        gazetteer: The place index.

    Returns:
        ISO alpha-3 code -> votes; insertion order is the order of first mention, so
        ``most_common`` breaks ties by it.
    """
    first_seen: dict[str, int] = {}
    votes: Counter[str] = Counter()

    def add(code: str, vote: float, offset: int) -> None:
        first_seen.setdefault(code, offset)
        votes[code] += vote

    incidental: Counter[str] = Counter()
    taken: list[tuple[int, int]] = []  # spans already read as a country or a group
    for weight, chunk, base in ((TITLE_WEIGHT, title, -len(title) - 1), (1.0, text, 0)):
        group_votes: Counter[str] = Counter()
        groups = find_groups(chunk)
        for group in groups:
            vote = min(GROUP_VOTE * weight, MAX_GROUP_VOTES - group_votes[group.country])
            if vote > 0:
                group_votes[group.country] += vote
                add(group.country, vote, base + group.start)
            if base == 0:
                taken.append((group.start, group.end))
        for mention in find_countries(chunk):
            if any(group.start <= mention.start < group.end for group in groups):
                continue  # "Saudi" in "Saudi-led coalition" is the group's
            vote = ADJECTIVE_VOTE if mention.how == "adjective" else NAME_VOTE
            if _INCIDENTAL.match(chunk, mention.end):
                incidental[mention.country] += vote * weight
                continue
            add(mention.country, vote * weight, base + mention.start)
            if base == 0:
                taken.append((mention.start, mention.end))
    # a place named again is no new evidence ("from Beirut to Tripoli … in Tripoli"):
    # each name votes once, as its most telling mention ("Mersin city" over "Mersin
    # municipality")
    by_name: dict[str, tuple[int, dict[str, float]]] = {}
    for offset, readings in _place_mentions([*places, *find_place_names(text)], taken, text):
        weights: dict[str, float] = {}
        for mention in readings:
            # the longest reading that names a place: "Beirut's Saifi district" names
            # none the gazetteer knows, "Beirut" does
            weights = gazetteer.country_weights(mention)
            if weights:
                break
        name = normalize_name(readings[-1].split(",")[0].split(". ")[0])
        first, known = by_name.get(name, (offset, {}))
        for code, share in weights.items():
            known[code] = max(known.get(code, 0.0), share)
        by_name[name] = (first, known)
    for offset, weights in by_name.values():
        for code, share in weights.items():
            add(code, PLACE_VOTE * share, offset)
    for code, vote in incidental.items():
        if code in votes:  # whose money or backing is meant adds to, but never makes, a country
            votes[code] += vote * INCIDENTAL_SHARE
    ordered = sorted(votes, key=lambda code: first_seen[code])
    return Counter({code: votes[code] for code in ordered})


_NAME_WORD = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*)"
_PARTICLE = r"(?:de|del|la|las|los|do|da|dos|das|du|des|al|el|ar|as|ad|an|ash|at|az|wa|bin|ibn|e|i|y|sur|am|an der)"
_PLACE_NAME = (
    rf"(?:(?:al|el|ar|as|ad|an|ash|at|az)[\s-])?{_NAME_WORD}"
    rf"(?:[\s-](?:{_PARTICLE}[\s-])*{_NAME_WORD})*"
)
_KIND_WORD = (
    r"district|province|governorate|state|region|county|city|town|village|municipality|"
    r"subdivision|upazila|tehsil|taluka|territory|department|LGA|commune|sub-county|"
    r"subcounty|township|oblast|rayon|raion|prefecture|area"
)
# A place name, a word saying what it is, then what it lies in: "Kolofata subdivision
# (Mayo-Sava, Extreme-Nord)", "Nabha district (Punjab)", "Atenango del Rio, Guerrero",
# "Menbij in Aleppo", "Shehpur area of Ahmedabad city (Ahmedabad, Gujarat)".
# Words between "in" and the place a thing lies in: "Nadas in rural Ras al Ain",
# "Kafr Nabl in southern Idleb countryside", "in the outskirts of Sanaa".
_AREA_WORDS = (
    r"(?:(?:the\s+)?(?:outskirts|countryside|vicinity|suburbs|environs)\s+of\s+)?"
    r"(?:(?:rural|(?:north|south)?(?:east|west)?(?:ern)?|north|south|central|far)\s+)?"
)
_WITHIN = rf"\s+(?:in|of)\s+(?:the\s+)?{_AREA_WORDS}"
# Words after a name that make it the name of a place by saying what lies there or
# who governs it: "the Saadnayel highway", "the Zahle roundabout", "the Tulkarm refugee
# camp", "Hama Airbase", "the Van Governor's Office" (any case).
_SITE_WORD = (
    r"(?i:highway|motorway|road|bridge|roundabout|intersection|junction|square|"
    r"(?:refugee\s+)?camp|checkpoint|(?:border\s+)?crossing|air\s?base|airport|"
    r"(?:oil|gas)\s+field|governorship|governor(?:['’]s\s+office)?|governorate\s+building)"
)
_PLACE_PHRASE = re.compile(
    rf"(?P<before>\b[a-z]+\s+)?(?P<name>{_PLACE_NAME})"
    rf"(?:\s+(?P<kind>{_KIND_WORD})\b)?"
    rf"(?:\s+(?P<site>{_SITE_WORD})\b)?"
    rf"(?:{_WITHIN}(?P<within>{_PLACE_NAME})(?:\s+(?:{_KIND_WORD}|countryside)\b)?"
    rf"(?:{_WITHIN}(?P<within2>{_PLACE_NAME})(?:\s+(?:{_KIND_WORD}|countryside)\b)?)?)?"
    rf"(?:\s*\((?P<aside>[A-Z][^()]{{0,80}})\)|,\s*(?P<comma>{_PLACE_NAME}(?:,\s*{_PLACE_NAME})?))?"
)
_PLACE_PREPOSITIONS = frozenset(
    """
    in near at of from outside around to between and across towards toward into on via
    central northern southern eastern western northeastern northwestern southeastern
    southwestern rural downtown
    """.split()
)
_NOT_PLACES = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday on the a an in at as no it
    around between during after before since until while when where this that these those
    police army government president minister security forces military main
    """.split()
)


def find_place_names(text: str) -> list[tuple[int, str]]:
    """Place names in ``text`` that read as places from their surroundings.

    A capitalised name counts when a place preposition comes before it ("near
    Mineralne", "of Nabha district"), a word saying what it is follows it ("Sreepur
    Upazila"), or what it lies in follows it in brackets or after a comma ("Bafut
    (Mezam, Nord-Ouest)").  The mention comes back as ``Gazetteer.resolve`` reads it:
    "Kolofata subdivision, Mayo-Sava, Extreme-Nord".

    Args:
        text: Any text.

    Returns:
        ``(offset, mention)`` pairs in text order.
    """
    found = []
    position = 0
    while (match := _PLACE_PHRASE.search(text, position)) is not None:
        # on from the end of the name, so that a rejected "Clashes in Masisi" leaves "Masisi"
        position = max(match.end("name"), position + 1)
        start, name = match.start("name"), match["name"]
        while name.split(" ", 1)[0].lower() in _NOT_PLACES:  # "On Monday", "The Police"
            if " " not in name:
                name = ""
                break
            first, name = name.split(" ", 1)
            start += len(first) + 1
        if not name or name.lower() in _NOT_PLACES:
            continue
        before = (match["before"] or "").strip().lower()
        aside = match["aside"] or match["comma"]
        name, site = _without_site_word(name, match["site"])
        if not name:
            continue
        if not (before in _PLACE_PREPOSITIONS or match["kind"] or site):
            # only what follows says it is a place: "shelled Menbij in Aleppo", "Atenango
            # del Rio, Guerrero", but not "Clashes in Masisi" or "Meanwhile, Police said"
            if not (aside or match["within"]) or _sentence_start(text, start):
                continue
        qualifiers = [q for q in (match["within"], match["within2"], aside) if q]
        mention = ", ".join([f"{name} {match['kind']}" if match["kind"] else name, *qualifiers])
        found.append((start, mention))
    return found


def _without_site_word(name: str, site: str | None) -> tuple[str, str | None]:
    """A name without a site word the name pattern took in ("Hama Airbase"), and the site word."""
    if site:
        return name, site
    words = name.split()
    if len(words) > 1 and _KIND_ONLY.fullmatch(words[-1]):
        return name, words[-1]  # "Baalbek Governorate": the kind word says what it is
    for size in (2, 1):
        tail = " ".join(words[-size:])
        if len(words) > size and _SITE_ONLY.fullmatch(tail):
            return " ".join(words[:-size]), tail
    return name, None


_SITE_ONLY = re.compile(_SITE_WORD)
_KIND_ONLY = re.compile(rf"(?i:{_KIND_WORD})")


def _sentence_start(text: str, offset: int) -> bool:
    """Whether ``offset`` opens a sentence (or the text)."""
    before = text[:offset].rstrip()
    return not before or before[-1] in ".!?:;\n"


def document_places(extracted: ExtractedDocument) -> list[tuple[int, str]]:
    """Every place mention of a document: the extractor's and ``find_place_names``'.

    Args:
        extracted: The document with the place names its extraction found.

    Returns:
        ``(offset, mention)`` pairs in text order; at one offset the longest mention
        (the one with its qualifiers, "Masisi, Nord-Kivu") comes first.
    """
    mentions = set(extracted.places) | set(find_place_names(extracted.document.text))
    return sorted(mentions, key=lambda item: (item[0], -len(item[1]), item[1]))


def with_qualifiers(text: str, start: int, places: Sequence[tuple[int, str]]) -> str:
    """A place argument with the qualifiers the text gives it, for ``Gazetteer.resolve``.

    The parser's place argument "Shahpur" of "at Shahpur sector area (Poonch district,
    J&K)" becomes "Shahpur sector area, Poonch district, J&K", which settles which
    Shahpur is meant.

    Args:
        text: The argument as written.
        start: Its offset in the document text.
        places: ``(offset, mention)`` pairs, e.g. from ``document_places``.

    Returns:
        The longest place mention that starts where the argument starts and reads
        on from it, else ``text``.
    """
    best = text
    for offset, mention in places:
        if offset == start and len(mention) > len(best) and mention.startswith(text.split(",")[0]):
            best = mention
    return best


def main_place(
    places: Sequence[tuple[int, str]],
    countries: Sequence[str],
    gazetteer: Gazetteer,
    regions: Iterable[tuple[str, str]] = (),
) -> Place | None:
    """The place a document is about: its first place mention in its main country.

    The fallback for an event whose own sentence names no place ("A suspect was shot
    and died." after "On 7 May 2020, in Niteroi, Rio de Janeiro, …"): the place the
    report sets out from is a far better guess than the country's capital.

    Args:
        places: ``(offset, mention)`` pairs in text order, e.g. from ``document_places``.
        countries: The document's countries, main first (``infer_countries``).
        gazetteer: The place index.
        regions: ``(iso3, admin1)`` the document is about (``infer_regions``).

    Returns:
        The first mention that resolves to a place (not the country itself) in the
        main country, or ``None``.
    """
    if not countries:
        return None
    regions = tuple(regions)
    for _offset, mention in places:
        place = gazetteer.resolve(mention, context_countries=countries, context_regions=regions)
        if place is not None and place.kind != "country" and place.country == countries[0]:
            return place
    return None


def _place_mentions(
    places: Iterable[tuple[int, str]], taken: Sequence[tuple[int, int]], text: str
) -> list[tuple[int, list[str]]]:
    """One mention per place: the readings at each offset, longest first, none inside another.

    Mentions that name a country or its people, or lie in a span already read as a
    country or a group ("Houthi" tagged as a place), are left to those readings.  A name right
    after a dash is a place of its own ("the Tripoli-Beirut highway").
    """
    readings: dict[int, list[str]] = {}
    for offset, mention in places:
        readings.setdefault(offset, []).append(mention)
    kept: list[tuple[int, list[str]]] = []
    end = -1
    for offset in sorted(readings):
        mentions = sorted(dict.fromkeys(readings[offset]), key=len, reverse=True)
        head = mentions[0].split(",")[0]
        after_dash = offset > 0 and text[offset - 1] == "-"
        if (offset < end and not after_dash) or country_code(head):
            continue  # a country, or its people ("Palestinian"), is counted as such
        if any(start <= offset < stop for start, stop in taken):
            continue
        kept.append((offset, mentions))
        end = max(end, offset + len(mentions[0]))
    return kept
