"""Mentions → event records: dates, places, entities, and one record per real event.

Several sentences of one article often report the same event ("has reportedly
thwarted an attempted coup", "its special forces had blocked an attempt to seize
power", "the reports of the attempted coup came via …").  Mentions of the same type
are merged when nothing separates them: no two different explicit dates, no two
different participants, no two different countries; a mention with its own date
joins an undated one only if they share a participant or it points back ("the
riots").  The merged record keeps the most informative mention's evidence and
lists the others under ``mentions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
from eventwatch.resolve.acled import acled_type, event_context
from eventwatch.resolve.actors import ActorResolver
from eventwatch.resolve.dates import published_range
from eventwatch.resolve.entities import LocalEntity, document_entities
from eventwatch.resolve.event_dates import event_date, sentence_dates
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
    start, end, text = m.sentence
    lead = len(text) - len(text.lstrip())
    evidence = Evidence(text.strip(), start + lead, start + lead + len(text.strip()))
    # the paragraph around it: "… protested. Police dispersed them." is a protest with intervention
    context = event_context(text, m.sentence[0], m.sentence[1]) if text else None
    mapped = acled_type(m, [o.sentence[2] for o in item.merged], context=context)
    acled = {"event_type": mapped[0], "sub_event_type": mapped[1]} if mapped else None
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
            explicit_date=picked is not None,
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
    records.sort(key=lambda r: r.evidence.start)
    entities = document_entities(
        extracted, actors, records, gazetteer=gazetteer, countries=countries
    )
    return records, entities
