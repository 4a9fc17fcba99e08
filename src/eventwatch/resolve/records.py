"""Mentions → event records: dates, places, entities, and one record per real event.

Several sentences of one article often report the same event ("has reportedly
thwarted an attempted coup", "its special forces had blocked an attempt to seize
power", "the reports of the attempted coup came via …").  Mentions of the same type
are merged when nothing separates them: no two different explicit dates, no two
different participants, no two different countries; a mention with its own date
joins an undated one only if they share a participant or it points back ("the
riots").  The merged record keeps the most informative mention's evidence and
lists the others under ``mentions``.

Each record is typed with its paragraph (:func:`eventwatch.resolve.acled.acled_type`;
``category`` for kinds of event ACLED does not code).  Arrests reported beside an
assault or a protest lose confidence (they usually follow from it).  A short report
in which no record got an ACLED type or a category (no event word fired, or only
words for events of neither kind) gets one more record typed by the event typer alone, marked
``"inferred"`` in ``contexts``, without a trigger and with a confidence of at most
:data:`INFERRED_CONFIDENCE`, so users can filter it out; only when the typer reads an
event likelier than :data:`eventwatch.classify.NO_EVENT` (a match report, a market brief).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwatch.classify import ACLED_LABELS
from eventwatch.extract import EventMention, ExtractedDocument
from eventwatch.model import (
    Attribution,
    DateRange,
    Entity,
    EventRecord,
    Evidence,
    Location,
    stable_id,
)
from eventwatch.resolve.acled import acled_type, event_category, event_context, inferred_type
from eventwatch.resolve.actors import ActorResolver
from eventwatch.resolve.dates import DateMention, published_range
from eventwatch.resolve.entities import LocalEntity, document_entities
from eventwatch.resolve.event_dates import (
    CarriedDates,
    SentenceDates,
    event_date,
    passage_date,
    sentence_dates,
)
from eventwatch.resolve.event_places import (
    dateline_location,
    document_countries,
    event_location,
    fallback_location,
    main_place_location,
    nearby_location,
)
from eventwatch.resolve.geography import document_places
from eventwatch.resolve.places import Gazetteer, default_gazetteer

__all__ = ["ResolvedMention", "document_countries", "resolve_document", "resolve_with_entities"]

_COUP_MODES = {"conspiracy", "attempt"}
# Events that arrests reported beside them usually follow from, and how far such arrests'
# confidence drops.
_FOLLOWED_BY_ARRESTS = frozenset({"ASSAULT", "PROTEST"})
ARREST_FOLLOW_UP = 0.6
# ACLED sub-types of goods taken or destroyed, which arrests also follow ("police
# dismantled a drug lab; two men were arrested").
_PROPERTY = frozenset({"Looting/property destruction"})
# A short report without a typed record gets one more when the event typer reads an event
# in one of its sentences: NO_EVENT less probable than this, and the likeliest kind of
# event (given there is one) at least INFERRED_THRESHOLD.  The record is marked inferred.
# Set on the ACLED and CASE dev data and the harmless texts of tests/classify.
INFERRED_NO_EVENT_MAX = 0.5
INFERRED_THRESHOLD = 0.2
INFERRED_CONTEXT = "inferred"  # in ``contexts``: typed by the typer alone, no event word
INFERRED_CONFIDENCE = 0.1  # at most: below any record with an event word
INFERRED_MAX_SENTENCES = 8  # only short reports: a news brief, a coder's note, a snippet
# Words that put a sentence's event in the future ("will meet", "plans to visit"); not
# "may", which is also a month.
_NOT_HAPPENED = re.compile(r"\b(?:will|plans? to|planning to|expected to|set to)\b", re.IGNORECASE)
# The PLOVER type and mode an inferred record gets for each typer label; a label
# missing here (a disaster, "Other") has no PLOVER counterpart and makes no record.
_INFERRED_KIND: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("ASSAULT", None),
    "Government regains territory": ("ASSAULT", None),
    "Non-state actor overtakes territory": ("ASSAULT", None),
    "Chemical weapon": ("ASSAULT", None),
    "Air/drone strike": ("ASSAULT", "aerial"),
    "Suicide bomb": ("ASSAULT", "explosives"),
    "Shelling/artillery/missile attack": ("ASSAULT", "explosives"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", None),
    "Attack": ("ASSAULT", None),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("PROTEST", "demo"),
    "Excessive force against protesters": ("PROTEST", "demo"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("PROTEST", "riot"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", None),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", "troops"),
    "Looting/property destruction": ("ASSAULT", None),
    "Non-violent transfer of territory": ("RETREAT", "withdraw"),
    "Organised crime": ("ASSAULT", None),
    "Diplomacy": ("CONSULT", None),
    "Claim of responsibility": ("ASSAULT", None),
}


@dataclass(slots=True)
class ResolvedMention:
    mention: EventMention
    date: DateRange
    explicit_date: bool
    location: Location | None
    actor: Entity | None
    recipient: Entity | None
    source: Entity | None
    merged: list[EventMention] = field(default_factory=list)
    placed: bool = False  # the location is the event's own, not a place named nearby

    @property
    def last_sentence(self) -> int:
        return max([self.mention.sentence_index, *(m.sentence_index for m in self.merged)])

    def score(self) -> float:
        """How much this mention tells: arguments, a named source, a date, counts."""
        m = self.mention
        value = m.weight
        value += 0.6 * (self.actor is not None) + 0.6 * (self.recipient is not None)
        value += 1.0 * (self.source is not None and not m.attribution.anonymous)
        value += 0.5 * bool(m.attribution.via) + 0.5 * self.explicit_date + 0.4 * bool(m.counts)
        value += 0.3 * (self.location is not None and self.location.text is not None)
        return value


def _conflict(a: Entity | None, b: Entity | None) -> bool:
    """Two different named participants; descriptions ("38 people", "29 people") never conflict."""
    if a is None or b is None or not (a.named and b.named):
        return False
    return a.id != b.id and a.name.lower() != b.name.lower()


def _stated(mention: EventMention, picked: DateMention | None, carried: CarriedDates) -> bool:
    """Whether the date is the mention's own: stated in its sentence, or carried from a
    sentence just before about the same kind of event.  A passage's opening date
    ("On 16 February, …") dates every event after it, but does not make them all one
    event with everything else it dated."""
    if picked is None:
        return False
    if mention.sentence[0] <= picked.start < mention.sentence[1]:
        return True
    return any(
        c.date is picked and mention.event_type in c.types
        for c in carried.get(mention.sentence[0], [])
    )


def _separate_in_sentence(kept: ResolvedMention, new: ResolvedMention) -> bool:
    """Two event words of one sentence with different named-looking recipients are two
    events ("the detention of Sydyk, a week after the arrest of Zhakypbekov")."""
    if kept.mention.sentence[0] != new.mention.sentence[0]:
        return False
    if kept.mention.trigger[0] == new.mention.trigger[0]:
        return False
    a, b = kept.recipient, new.recipient
    if a is None or b is None or not (_proper(a) and _proper(b)):
        return False
    return a.name.lower() != b.name.lower() and a.id != b.id


def _proper(entity: Entity) -> bool:
    """A name rather than a description: NER says so, or every word is capitalised."""
    words = entity.name.split()
    return entity.named or (0 < len(words) <= 4 and all(w[:1].isupper() for w in words))


def _same_event(kept: ResolvedMention, new: ResolvedMention) -> bool:
    a, b = kept.mention, new.mention
    if a.event_type != b.event_type:
        return False
    if a.mode != b.mode and a.mode is not None and b.mode is not None:
        if not (a.event_type == "COUP" and {a.mode, b.mode} <= _COUP_MODES):
            return False
    if a.factuality in {"hypothetical", "planned"} or b.factuality in {"hypothetical", "planned"}:
        return False
    if (a.factuality in {"denied", "negated"}) != (b.factuality in {"denied", "negated"}):
        return False
    if _conflict(kept.actor, new.actor) or _conflict(kept.recipient, new.recipient):
        return False
    if _separate_in_sentence(kept, new):
        return False
    if kept.placed and new.placed and kept.location and new.location:
        if kept.location.country != new.location.country or kept.location.name != new.location.name:
            return False
    if kept.explicit_date and new.explicit_date:
        return (kept.date.start, kept.date.end) == (new.date.start, new.date.end)
    shared = any(
        x is not None and y is not None and x.id == y.id
        for x in (kept.actor, kept.recipient)
        for y in (new.actor, new.recipient)
    )
    bare = b.background or (new.actor is None and new.recipient is None and not b.places)
    if kept.explicit_date or new.explicit_date:
        return shared or (bare and (b.definite or not new.explicit_date))
    kept_bare = kept.actor is None and kept.recipient is None
    close = b.sentence_index - kept.last_sentence <= 4
    return shared or bare or (kept_bare and close)


def _merge(kept: ResolvedMention, new: ResolvedMention) -> ResolvedMention:
    """Fold two mentions of one event: the more informative leads, the other fills gaps."""
    lead, other = (kept, new) if kept.score() >= new.score() else (new, kept)
    lead.merged = [*kept.merged, *new.merged, other.mention]
    if lead.mention.mode is None and other.mention.mode is not None:
        lead.mention.mode, lead.mention.acled = other.mention.mode, other.mention.acled
    if not lead.explicit_date and other.explicit_date:
        lead.date, lead.explicit_date = other.date, True
    lead.actor = lead.actor or other.actor
    lead.recipient = lead.recipient or other.recipient
    if other.placed and not lead.placed:
        lead.location, lead.placed = other.location, True
    elif lead.location is None:
        lead.location = other.location
    for key, value in other.mention.counts.items():
        lead.mention.counts[key] = max(value, lead.mention.counts.get(key, 0))
    via = lead.mention.attribution.via
    for name in [*other.mention.attribution.via, *other.mention.carrier_via]:
        if name not in via and name != (lead.source.text if lead.source else None):
            via.append(name)
    return lead


def _confidence(item: ResolvedMention) -> float:
    m = item.mention
    value = m.weight * 0.6 + 0.1 * (item.actor is not None) + 0.1 * (item.recipient is not None)
    value += 0.1 * item.explicit_date + 0.05 * (item.location is not None) + 0.05 * len(item.merged)
    value -= 0.05 * min(m.depth, 6)  # an event named deep in a clause is rarely the main one
    if m.sentence_index <= 1:
        value += 0.08  # the lead: news puts the main event first
    if m.factuality in {"hypothetical", "negated"} or m.topic:
        value *= 0.6
    return max(0.05, min(0.99, value))


def _record(
    item: ResolvedMention, document_id: str, outlet: str | None, text: str = ""
) -> EventRecord:
    m = item.mention
    start, end, sentence = m.sentence
    lead = len(sentence) - len(sentence.lstrip())
    evidence = Evidence(sentence.strip(), start + lead, start + lead + len(sentence.strip()))
    # the paragraph around it: "… protested. Police dispersed them." is a protest with intervention
    context = event_context(text, start, end) if text else None
    others = [o.sentence[2] for o in item.merged]
    mapped = acled_type(m, others, context=context)
    acled = {"event_type": mapped[0], "sub_event_type": mapped[1]} if mapped else None
    category = event_category(m, others, context=context)  # a disaster, diplomacy, …
    via = [v for v in dict.fromkeys([*m.attribution.via, *m.carrier_via]) if v]
    attribution = Attribution(
        source=item.source,
        cue=m.attribution.cue,
        via=via,
        anonymous=m.attribution.anonymous,
        source_span=(m.attribution.source.start, m.attribution.source.end)
        if m.attribution.source
        else None,
        cue_span=(m.attribution.cue_start, m.attribution.cue_end)
        if m.attribution.cue_start is not None
        else None,
    )
    mentions = [
        Evidence(o.sentence[2].strip(), o.sentence[0], o.sentence[0] + len(o.sentence[2].rstrip()))
        for o in item.merged
    ]
    record = EventRecord(
        id=stable_id(document_id, m.event_type, m.mode, m.trigger[0]),
        doc_id=document_id,
        event_type=m.event_type,
        mode=m.mode,
        evidence=evidence,
        trigger=m.trigger[2],
        trigger_span=(m.trigger[0], m.trigger[1]),
        contexts=list(m.contexts),
        acled=acled,
        category=category,
        actor=item.actor,
        recipient=item.recipient,
        date=item.date,
        location=item.location,
        counts=dict(m.counts),
        factuality=m.factuality,
        attribution=attribution,
        confidence=_confidence(item),
        outlet=outlet,
        mentions=mentions,
    )
    return record


def _demote_follow_up_arrests(records: list[EventRecord]) -> None:
    """Lower the confidence of arrests in a report that also tells of violence, a protest
    or goods seized or destroyed.

    "A shoot-out … Two of the shooters were detained", "… blocked the avenue. Five
    people were arrested", "… dismantled a drug lab. A man was arrested": the arrests
    follow from the main event, which ACLED codes.
    """
    violent = any(
        (r.event_type in _FOLLOWED_BY_ARRESTS or (r.acled or {}).get("sub_event_type") in _PROPERTY)
        and r.acled is not None
        and r.factuality not in {"hypothetical", "negated", "denied"}
        for r in records
    )
    if not violent:
        return
    for record in records:
        if record.event_type == "COERCE" and record.mode == "arrest":
            record.confidence = round(record.confidence * ARREST_FOLLOW_UP, 3)


def _reads_as_report(text: str, start: int, end: int) -> bool:
    """Whether a sentence can report a past event: closed prose, not a heading or a plan."""
    sentence = text[start:end].strip()
    if not sentence:
        return False
    open_line = sentence.rstrip('"”’)')[-1:] not in {".", "!"}
    if open_line and text.strip() != sentence:
        return False  # a headline or caption above the report: no closing full stop
    return _NOT_HAPPENED.search(sentence) is None


def _inferred_record(
    extracted: ExtractedDocument,
    dates: SentenceDates,
    carried: CarriedDates,
    place: Location | None,
    fallback_date: DateRange,
    main_country: str | None,
    gazetteer: Gazetteer,
) -> EventRecord | None:
    """One low-confidence record for a short report that no typed record covers, or ``None``.

    The event typer reads each sentence with its paragraph.  A sentence is a candidate
    when the typer's probability of :data:`eventwatch.classify.NO_EVENT` (sport,
    markets, weather, plans, …) is below :data:`INFERRED_NO_EVENT_MAX` and the likeliest
    kind of event, given there is one, has a PLOVER counterpart (not a disaster, not
    "Other") and a probability of :data:`INFERRED_THRESHOLD` or more.  The candidate
    likeliest to report that event becomes the evidence, typed with the typer's label
    (ACLED type, or ``category`` for events ACLED does not code).  The record has no trigger, carries :data:`INFERRED_CONTEXT` in
    ``contexts`` and a confidence of at most :data:`INFERRED_CONFIDENCE`, so users
    can filter it out.
    """
    document = extracted.document
    text = document.text
    best: tuple[float, str, int, int] | None = None
    seen: set[str] = set()
    if len(extracted.sentences) > INFERRED_MAX_SENTENCES:
        return None  # a long article with no event word: a feature, a market report, …
    for start, end in extracted.sentences:
        if not _reads_as_report(text, start, end):
            continue
        context = event_context(text, start, end)
        if context in seen:
            continue  # a short report: every sentence reads the same paragraph
        seen.add(context)
        # the likeliest event the words allow, and how likely the text reports none
        label, given_event, no_event = inferred_type(context)
        probability = given_event * (1.0 - no_event)
        if (
            label in _INFERRED_KIND
            and no_event < INFERRED_NO_EVENT_MAX
            and given_event >= INFERRED_THRESHOLD
            and (best is None or probability > best[0])
        ):
            best = (probability, label, start, end)
    if best is None:
        return None
    probability, label, start, end = best
    sentence = text[start:end]
    lead = len(sentence) - len(sentence.lstrip())
    evidence = Evidence(sentence.strip(), start + lead, start + lead + len(sentence.strip()))
    event_type, mode = _INFERRED_KIND[label]
    sub_type = ACLED_LABELS.get(label)
    picked = passage_date(start, dates, carried)
    stated = picked.range if picked else None
    return EventRecord(
        id=stable_id(document.id, event_type, mode, INFERRED_CONTEXT, evidence.start),
        doc_id=document.id,
        event_type=event_type,
        mode=mode,
        evidence=evidence,
        contexts=[INFERRED_CONTEXT],
        acled={"event_type": sub_type, "sub_event_type": label} if sub_type else None,
        category=None if sub_type else label,
        date=stated or fallback_date,
        location=place or fallback_location(main_country, gazetteer),
        confidence=round(INFERRED_CONFIDENCE * probability, 3),
        outlet=document.outlet,
    )


def resolve_document(
    extracted: ExtractedDocument, *, gazetteer: Gazetteer | None = None
) -> list[EventRecord]:
    """Resolve and merge a document's mentions into event records.

    Args:
        extracted: the output of :func:`eventwatch.extract.extract_document`.
        gazetteer: the place index (default: the packaged one).

    Returns:
        One record per event, in text order.
    """
    return resolve_with_entities(extracted, gazetteer=gazetteer)[0]


def resolve_with_entities(
    extracted: ExtractedDocument, *, gazetteer: Gazetteer | None = None
) -> tuple[list[EventRecord], list[LocalEntity]]:
    """:func:`resolve_document`, plus the document's named entities (for linking across documents).

    Returns:
        The records, and one :class:`LocalEntity` per person, organisation and
        place the document names.
    """
    gazetteer = gazetteer or default_gazetteer()
    document = extracted.document
    countries = document_countries(extracted, gazetteer)
    places = document_places(extracted)
    main_country = countries[0] if countries else None
    actors = ActorResolver(extracted.entities, main_country=main_country, countries=countries)
    dates, carried = sentence_dates(extracted)
    fallback_date = published_range(document.published, document.published_precision)
    resolved: list[ResolvedMention] = []
    for mention in extracted.mentions:
        own_place = event_location(mention, gazetteer, countries, places)
        picked = event_date(mention, dates, carried)
        item = ResolvedMention(
            mention=mention,
            date=picked.range if picked else fallback_date,
            explicit_date=_stated(mention, picked, carried),
            location=own_place or nearby_location(mention, places, gazetteer, countries),
            placed=own_place is not None,
            actor=actors.resolve(mention.actor),
            recipient=actors.resolve(mention.recipient),
            source=actors.resolve(mention.attribution.source),
        )
        for entity in (item.actor, item.recipient, item.source):
            actors.learn(entity)
        resolved.append(item)
    merged: list[ResolvedMention] = []
    for item in resolved:
        # the nearest earlier event first: a bare re-mention ("the arrests") means the last one
        for index in range(len(merged) - 1, -1, -1):
            if _same_event(merged[index], item):
                merged[index] = _merge(merged[index], item)
                break
        else:
            merged.append(item)
    dateline = dateline_location(document.text, gazetteer, countries)
    main = main_place_location(places, countries, gazetteer)
    records = []
    for item in merged:
        if item.location is None:
            item.location = dateline or main or fallback_location(main_country, gazetteer)
        records.append(_record(item, document.id, document.outlet, document.text))
    _demote_follow_up_arrests(records)
    if not any(r.acled or r.category for r in records):
        inferred = _inferred_record(
            extracted, dates, carried, dateline or main, fallback_date, main_country, gazetteer
        )
        records = [*records, inferred] if inferred else records
    records.sort(key=lambda r: r.evidence.start)
    entities = document_entities(
        extracted, actors, records, gazetteer=gazetteer, countries=countries
    )
    return records, entities
