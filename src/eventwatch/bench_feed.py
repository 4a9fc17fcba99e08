"""The synthetic news feed of the linking benchmark, made of the sample corpus.

:func:`sample_templates` extracts the bundled sample corpus (real events and named
entities of real articles: the *templates*); :func:`synthetic_collection` builds a
collection of any size from them.  What the collections assume (:data:`ASSUMPTIONS`,
printed with the benchmark's figures):

- *A steady news feed.*  Documents arrive at :data:`DOCS_PER_DAY` a day, so a
  collection ten times larger covers a period ten times longer (1k documents: 50
  days; 100k: about 14 years) and holds ten times as many distinct real-world
  events; it is not ten times as many copies packed into the same days.
- *Each real-world event is one template document re-cast*: its date moved to a
  random day of the period, its people and places given new names (coined given
  names from a pool of :data:`GIVEN_NAMES`, as real given names repeat; coined
  surnames and place names, which rarely do), its coordinates moved, its figures
  (tolls, numbers detained) scaled.  Institutions and countries keep their names,
  as real ones recur across events.
- *Each event is reported 1 to 6 times* (:data:`REPORTS_PER_EVENT`, about 2 on
  average) by different outlets: follow-ups published up to three days later,
  with perturbed wording (a word dropped, two swapped), now and then a respelled
  name, a different toll, or only part of the original's events; a fifth of the
  follow-ups are syndicated copies (the same words).
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from eventwatch.config import Settings
from eventwatch.ingest.sources import iter_documents
from eventwatch.model import Document, stable_id
from eventwatch.pipeline import SAMPLE_CORPUS, process_documents
from eventwatch.resolve.countries import country_code, country_name, iter_country_names
from eventwatch.resolve.entities import EntityRegistry, LocalEntity

__all__ = [
    "ASSUMPTIONS",
    "DOCS_PER_DAY",
    "GIVEN_NAMES",
    "REPORTS_PER_EVENT",
    "Template",
    "sample_templates",
    "synthetic_collection",
]

#: Documents a day in the synthetic feed: a collection's period grows with its size.
DOCS_PER_DAY = 20
#: How many reports a real-world event gets (1, 2, … 6), as relative weights.
REPORTS_PER_EVENT = (45, 25, 12, 8, 6, 4)
#: Distinct given names the coined people draw from.
GIVEN_NAMES = 600
_SYNDICATED_SHARE = 0.2
_RESPELL_SHARE = 0.2
_TOLL_CONFLICT_SHARE = 0.15
_EVENT_DROP_SHARE = 0.2
_OUTLETS = 300
_FIRST_DAY = date(2012, 1, 1)
ASSUMPTIONS = (
    f"a steady feed of {DOCS_PER_DAY} documents a day (a larger collection covers a longer "
    "period with proportionally more real-world events); each real-world event is a sample "
    "document re-cast (new date, coined names of people and places, moved coordinates, "
    "scaled figures) and reported 1-6 times (about 2 on average) by different outlets, "
    "with perturbed wording, respelled names, conflicting tolls and syndicated copies"
)

_TITLES = frozenset(
    """president prime minister general archbishop army chief commander former king
    colonel speaker judge the and of rsf""".split()
)
_ONSETS = "b d g k l m n p r s t v z sh kh zh ch".split()
_VOWELS = "a e i o u a e i o".split()
_CODAS = ("", "", "", "", "n", "r", "l", "s", "m", "t", "k", "d")
_ENDINGS = ("ov", "ev", "yan", "ani", "ski", "enko", "adze", "ou", "in", "ez", "ic", "er", "")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?![\w.])")
_WORD = re.compile(r"[^\W\d_][\w-]*")


@dataclass(slots=True)
class Template:
    """One sample document: its events, entities, and the words a re-cast renames."""

    doc_id: str
    events: list[dict[str, Any]]
    entities: list[LocalEntity]
    given: set[str] = field(default_factory=set)  # given names of people
    surnames: set[str] = field(default_factory=set)  # surnames, and words of place names
    anchor: date = _FIRST_DAY  # the day the template was published
    figures: set[int] = field(default_factory=set)  # tolls and other counts its events give
    countries: set[str] = field(default_factory=set)  # where its events happen


def _coin(rng: random.Random, syllables: int, ending: str = "") -> str:
    """A made-up name: syllables of a consonant, a vowel and now and then a closing consonant."""
    parts = [
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    ]
    return ("".join(parts) + ending).title()


def _name_words(text: str) -> list[str]:
    """The words of a name a re-cast renames (not titles, countries or acronyms)."""
    if country_code(text):
        return []
    words = _WORD.findall(text)
    return [
        w
        for w in words
        if any(part[:1].isupper() for part in w.split("-"))  # "Burhan", "al-Burhan"
        and len(w) >= 3
        and w.lower() not in _TITLES
        and not w.isupper()
        and not country_code(w)
    ]


def sample_templates(settings: Settings) -> list[Template]:
    """The sample corpus through the pipeline: each document's events and entities."""
    registry = EntityRegistry()
    documents = (d for d in iter_documents([str(SAMPLE_CORPUS)]) if isinstance(d, Document))
    found = []
    for processed in process_documents(documents, settings=settings, registry=registry):
        events = [e.to_dict() for e in processed.events]
        if not events:
            continue
        by_entity: dict[str, LocalEntity] = {}
        for mention in processed.entities:
            canonical = registry.entities[mention.entity_id]
            local = by_entity.setdefault(
                mention.entity_id,
                LocalEntity(
                    name=canonical.name,
                    kind=canonical.kind,
                    country=canonical.country,
                    sector=canonical.sector,
                ),
            )
            local.mentions.append((mention.start, mention.end, mention.text))
        template = Template(processed.document.id, events, list(by_entity.values()))
        for entity in template.entities:
            if entity.kind == "organization":
                continue
            for text in {entity.name, *(t for _, _, t in entity.mentions)}:
                words = _name_words(text)
                if entity.kind == "person" and len(words) > 1:
                    template.given.update(words[:-1])
                    template.surnames.add(words[-1])
                else:
                    template.surnames.update(words)
        for event in events:
            template.figures.update(v for v in (event.get("counts") or {}).values() if v)
            location = event.get("location") or {}
            if location.get("country") and country_name(location["country"]):
                template.countries.add(location["country"])
            for key in ("name", "text"):
                template.surnames.update(_name_words(location.get(key) or ""))
        template.given -= template.surnames
        ends = [e["date"]["end"] for e in events if e["date"].get("end")]
        template.anchor = date.fromisoformat(max(ends)[:10]) if ends else _FIRST_DAY
        found.append(template)
    return found


class _Recast:
    """One real-world event made of a template: its new names, figures, day and place."""

    def __init__(
        self,
        template: Template,
        number: int,
        day: int,
        *,
        given_pool: Sequence[str],
        countries: Sequence[str],
        seed: int,
    ) -> None:
        rng = random.Random(f"{seed}-{number}")
        self.template = template
        self.number = number
        self.shift = (_FIRST_DAY + timedelta(days=day) - template.anchor).days
        self.countries = {c: rng.choice(countries) for c in sorted(template.countries)}
        self.names = {w: rng.choice(given_pool) for w in sorted(template.given)}
        for word in sorted(template.surnames):
            self.names[word] = _coin(rng, rng.choice((2, 2, 3)), rng.choice(_ENDINGS))
        for old, new in self.countries.items():
            old_name, new_name = country_name(old), country_name(new)
            if old_name and new_name and " " not in old_name:
                self.names[old_name] = new_name
        self.scale = rng.uniform(0.5, 2.0)
        self.dlat, self.dlon = rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0)
        self.rename = _renamer(self.names, self)

    def country(self, code: str | None) -> str | None:
        """The re-cast event's country for the template's (others stay)."""
        return self.countries.get(code, code) if code else code

    def figure(self, value: int) -> int:
        return max(1, round(value * self.scale))


def _renamer(names: dict[str, str], recast: _Recast) -> Callable[[str | None], str | None]:
    """A function that rewrites a text with the re-cast's names and figures."""
    table = {**names, **{w.upper(): n.upper() for w, n in names.items()}}

    def number(match: re.Match[str]) -> str:
        value = int(match.group().replace(",", ""))
        if value not in recast.template.figures:
            return match.group()  # a day of the month, a year: not a figure
        value = recast.figure(value)
        return f"{value:,}" if "," in match.group() else str(value)

    def rename(text: str | None) -> str | None:
        if not text:
            return text
        text = _WORD.sub(lambda m: table.get(m.group(), m.group()), text)
        return _NUMBER.sub(number, text)

    return rename


def _respell(name: str, rng: random.Random) -> str:
    """A spelling variant: one letter doubled or a vowel changed, as transliterations do."""
    if len(name) < 4:
        return name
    at = rng.randrange(1, len(name) - 1)
    if name[at] in "aeiou":
        return name[:at] + rng.choice("aeiou") + name[at + 1 :]
    return name[:at] + name[at] + name[at:]


def _perturb_text(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) > 6:
        del words[rng.randrange(len(words))]
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def _shift(value: str | None, days: int) -> str | None:
    if not value:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return value


def _report(
    recast: _Recast,
    doc_number: int,
    *,
    delay: int,
    follow_up: bool,
    syndicated: bool,
    rng: random.Random,
) -> tuple[list[dict[str, Any]], list[LocalEntity]]:
    """One document reporting a re-cast event: its event records and its entities."""
    names = dict(recast.names)
    if follow_up and rng.random() < _RESPELL_SHARE and names:
        word = rng.choice(sorted(names))
        names[word] = _respell(names[word], rng)
    rename = _renamer(names, recast) if names != recast.names else recast.rename
    doc_id = f"synthetic-{doc_number}"
    outlet = f"Outlet {rng.randrange(_OUTLETS)}"
    toll_conflict = follow_up and rng.random() < _TOLL_CONFLICT_SHARE
    events = []
    for event in recast.template.events:
        if follow_up and not syndicated and rng.random() < _EVENT_DROP_SHARE:
            continue
        record = copy.deepcopy(event)
        record["id"] = stable_id("bench", event["id"], doc_number)
        record["doc_id"] = doc_id
        record["outlet"] = outlet
        days = recast.shift + (delay if record["date"].get("basis") != "text" else 0)
        record["date"]["start"] = _shift(event["date"]["start"], days)
        record["date"]["end"] = _shift(event["date"]["end"], days)
        text = rename(event["evidence"]["text"]) or ""
        record["evidence"]["text"] = text if syndicated else _perturb_text(text, rng)
        for mention in record.get("mentions") or []:
            mention["text"] = rename(mention.get("text"))
        participants = [record.get("actor"), record.get("recipient")]
        participants.append((record.get("attribution") or {}).get("source"))
        for participant in participants:
            if participant:
                participant["country"] = recast.country(participant.get("country"))
                participant["text"] = rename(participant.get("text"))
                renamed = recast.rename(participant.get("name"))
                participant["id"] = stable_id("bench-entity", participant.get("id"), renamed)
                participant["name"] = rename(participant.get("name"))
        location = record.get("location") or {}
        location["country"] = recast.country(location.get("country"))
        for key in ("name", "text", "admin1"):
            location[key] = rename(location.get(key))
        if location.get("lat") is not None:
            location["lat"] += recast.dlat + rng.uniform(-0.02, 0.02)
            location["lon"] += recast.dlon + rng.uniform(-0.02, 0.02)
        counts = record.get("counts") or {}
        for key, value in counts.items():
            if isinstance(value, int):
                counts[key] = recast.figure(value)
        if toll_conflict and counts.get("killed"):
            counts["killed"] += rng.randint(1, 5)
        events.append(record)
    if not events:  # a follow-up reports at least the first event
        return _report(recast, doc_number, delay=delay, follow_up=False, syndicated=True, rng=rng)
    entities = [
        LocalEntity(
            name=rename(entity.name) or entity.name,
            kind=entity.kind,
            country=recast.country(entity.country),
            sector=entity.sector,
            mentions=[(s, e, rename(t) or t) for s, e, t in entity.mentions],
        )
        for entity in recast.template.entities
    ]
    return events, entities


def synthetic_collection(
    templates: Sequence[Template], n_docs: int, *, seed: int = 0
) -> tuple[list[dict[str, Any]], list[tuple[str, list[LocalEntity]]], dict[str, int]]:
    """A synthetic collection of ``n_docs`` documents (see the module's assumptions).

    Returns:
        ``(event records, (doc id, entities) per document in publication order, facts)``;
        ``facts`` gives the period in days and the number of real-world events.
    """
    rng = random.Random(seed)
    period = max(1, round(n_docs / DOCS_PER_DAY))
    given_rng = random.Random(f"{seed}-given")
    given_pool = sorted({_coin(given_rng, given_rng.choice((2, 3))) for _ in range(GIVEN_NAMES)})
    countries = sorted({code for _, code in iter_country_names()})
    planned: list[tuple[int, _Recast, int, bool, bool]] = []  # day, event, delay, follow-up, copy
    real_events = 0
    while len(planned) < n_docs:
        day = rng.randrange(period)
        recast = _Recast(
            rng.choice(templates),
            real_events,
            day,
            given_pool=given_pool,
            countries=countries,
            seed=seed,
        )
        real_events += 1
        reports = rng.choices(range(1, len(REPORTS_PER_EVENT) + 1), REPORTS_PER_EVENT)[0]
        for number in range(min(reports, n_docs - len(planned))):
            delay = 0 if number == 0 else rng.choice((0, 1, 1, 2, 3))
            syndicated = number > 0 and rng.random() < _SYNDICATED_SHARE
            planned.append((day + delay, recast, delay, number > 0, syndicated))
    planned.sort(key=lambda p: p[0])  # documents in publication order
    events: list[dict[str, Any]] = []
    named: list[tuple[str, list[LocalEntity]]] = []
    for doc_number, (_, recast, delay, follow_up, syndicated) in enumerate(planned):
        records, entities = _report(
            recast, doc_number, delay=delay, follow_up=follow_up, syndicated=syndicated, rng=rng
        )
        events.extend(records)
        named.append((records[0]["doc_id"], entities))
    return events, named, {"days": period, "real_events": real_events}
