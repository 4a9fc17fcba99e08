"""Synthetic events for benchmarks: perturbed copies of real extracted ones.

:func:`seed_events` fills a store with ``n`` events by copying the documents
already in it (or, when it is empty, the packaged sample corpus after ingesting
it): each copy gets a new id, a marker line appended to its text (offsets stay
valid, the content hash changes), another outlet, and events whose dates, places,
figures and confidence are shifted at random.  The result is shaped like real
output, so queries, exports and story linking see realistic data.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from eventwatch.config import Settings
from eventwatch.errors import ConfigError
from eventwatch.model import (
    Attribution,
    DateRange,
    Document,
    Entity,
    EventRecord,
    Evidence,
    Location,
    stable_id,
)
from eventwatch.store import DocumentBundle, EventQuery, Store, open_store

__all__ = ["record_from_dict", "seed_events"]

logger = logging.getLogger(__name__)

_BATCH_DOCUMENTS = 500
_OUTLETS = (
    "Reuters",
    "AP",
    "AFP",
    "BBC",
    "Al Jazeera",
    "24.KG",
    "RIA Novosti",
    "Dawn",
    "The Hindu",
    "Le Monde",
)


def _entity(value: Mapping[str, Any] | None) -> Entity | None:
    if not value:
        return None
    return Entity(
        text=value.get("text") or "",
        name=value.get("name") or "",
        country=value.get("country"),
        sector=value.get("sector"),
        id=value.get("id"),
    )


def record_from_dict(event: Mapping[str, Any]) -> EventRecord:
    """Rebuild an :class:`EventRecord` from its ``to_dict()`` shape.

    Args:
        event: A stored event record.

    Returns:
        A record whose ``to_dict()`` equals ``event`` (for the keys it defines).
    """
    date_value = event.get("date") or {}
    location = event.get("location")
    attribution = event.get("attribution") or {}
    evidence = event["evidence"]
    trigger = event.get("trigger")
    return EventRecord(
        id=event["id"],
        doc_id=event["doc_id"],
        event_type=event["event_type"],
        mode=event.get("mode"),
        evidence=Evidence(evidence["text"], evidence["start"], evidence["end"]),
        trigger=trigger["text"] if trigger else None,
        trigger_span=(trigger["start"], trigger["end"]) if trigger else None,
        contexts=list(event.get("contexts") or []),
        acled=dict(event["acled"]) if event.get("acled") else None,
        category=event.get("category"),
        actor=_entity(event.get("actor")),
        recipient=_entity(event.get("recipient")),
        date=DateRange(
            date_value.get("text"),
            date_value.get("start"),
            date_value.get("end"),
            date_value.get("precision") or "unknown",
            date_value.get("basis") or "published",
        ),
        location=Location(**location) if location else None,
        counts=dict(event.get("counts") or {}),
        factuality=event.get("factuality") or "asserted",
        attribution=Attribution(
            source=_entity(attribution.get("source")),
            cue=attribution.get("cue"),
            via=list(attribution.get("via") or []),
            anonymous=bool(attribution.get("anonymous")),
        ),
        confidence=float(event.get("confidence") or 0.0),
        outlet=event.get("outlet"),
        mentions=[Evidence(m["text"], m["start"], m["end"]) for m in event.get("mentions") or []],
        story_id=event.get("story_id"),
    )


def _shift(day: str | None, days: int) -> str | None:
    if not day:
        return day
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


def _perturb(event: dict[str, Any], *, doc_id: str, copy: int, rng: random.Random) -> EventRecord:
    """A copy of ``event`` for synthetic document ``doc_id`` with shifted values."""
    days = rng.randint(-365, 365)
    record = dict(event)
    record["id"] = stable_id("synthetic", event["id"], copy)
    record["doc_id"] = doc_id
    record["date"] = dict(event["date"])
    record["date"]["start"] = _shift(event["date"].get("start"), days)
    record["date"]["end"] = _shift(event["date"].get("end"), days)
    if event.get("location"):
        location = dict(event["location"])
        if location.get("lat") is not None and location.get("lon") is not None:
            location["lat"] = round(
                max(-90.0, min(90.0, location["lat"] + rng.uniform(-0.5, 0.5))), 4
            )
            location["lon"] = round(
                max(-180.0, min(180.0, location["lon"] + rng.uniform(-0.5, 0.5))), 4
            )
        record["location"] = location
    record["counts"] = {
        key: max(0, value + rng.randint(-2, 2))
        for key, value in (event.get("counts") or {}).items()
    }
    record["confidence"] = round(
        min(1.0, max(0.0, float(event.get("confidence") or 0.5) + rng.uniform(-0.1, 0.1))), 3
    )
    record["mentions"] = []
    record["story_id"] = None  # linked once the copies are stored
    return record_from_dict(record)


def _templates(
    store: Store, settings: Settings
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """The store's documents with their events; the sample corpus is ingested if it is empty."""
    if store.count_events(EventQuery()) == 0:
        from eventwatch.pipeline import SAMPLE_CORPUS, ingest_sources

        logger.info("the store is empty; ingesting the sample corpus as templates")
        ingest_sources([str(SAMPLE_CORPUS)], store=store, settings=settings)
    templates = []
    for listed in store.documents(limit=200):
        events = store.events_for_document(listed["id"])
        document = store.get_document(listed["id"])
        if events and document is not None:
            templates.append((document, events))
    if not templates:
        raise ConfigError(f"{store.label} has no events to copy; ingest some documents first")
    return templates


def _bundles(
    templates: list[tuple[dict[str, Any], list[dict[str, Any]]]],
    n: int,
    rng: random.Random,
    *,
    first_copy: int,
) -> Iterator[DocumentBundle]:
    """Synthetic documents and events until ``n`` events are made."""
    made = 0
    copy = first_copy
    while made < n:
        for document, events in templates:
            if made >= n:
                return
            copy += 1
            doc_id = f"synthetic-{copy:07d}-{document['id']}"[:120]
            text = f"{document['text']}\n\n[synthetic copy {copy}]"
            synthetic = Document(
                id=doc_id,
                text=text,
                url=f"https://example.org/synthetic/{copy}",
                outlet=rng.choice(_OUTLETS),
                title=document.get("title"),
                author=document.get("author"),
                published=_shift(document.get("published"), rng.randint(-365, 365)),
                published_precision=document.get("published_precision"),
                language=document.get("language") or "en",
                source_path=f"synthetic:{copy}",
            )
            records = [
                _perturb(event, doc_id=doc_id, copy=copy, rng=rng) for event in events[: n - made]
            ]
            for record in records:
                record.outlet = synthetic.outlet
            made += len(records)
            yield DocumentBundle(synthetic, [tuple(s) for s in document["sentences"]], records)


def seed_events(
    db: str, n: int, *, settings: Settings | None = None, seed: int = 0
) -> dict[str, int]:
    """Add ``n`` synthetic events (perturbed copies of real ones) to a store.

    Args:
        db: The store's path or URL (as for :func:`~eventwatch.store.open_store`).
        n: How many events to add.
        settings: Used only to ingest the sample corpus when the store is empty.
        seed: Random seed; the same seed on the same store gives the same events.

    Returns:
        ``{"documents": added, "events": added, "total_events": in the store now}``.

    Raises:
        ConfigError: ``n`` is negative.
        StoreError: The store cannot be opened or written.
    """
    if n < 0:
        raise ConfigError(f"n must be zero or more events, got {n}")
    rng = random.Random(seed)
    documents = events = 0
    with open_store(db) as store:
        templates = _templates(store, settings or Settings())
        batch: list[DocumentBundle] = []
        # Numbered after every stored document, so seeding again adds new copies.
        first_copy = int(store.stats()["documents"])
        for bundle in _bundles(templates, n, rng, first_copy=first_copy):
            batch.append(bundle)
            if len(batch) >= _BATCH_DOCUMENTS:
                added = store.add_documents(batch)
                documents += sum(added)
                events += sum(len(b.events) for b, ok in zip(batch, added, strict=True) if ok)
                batch.clear()
        if batch:
            added = store.add_documents(batch)
            documents += sum(added)
            events += sum(len(b.events) for b, ok in zip(batch, added, strict=True) if ok)
        total = store.count_events(EventQuery())
        store.relink_stories()  # one pass over the whole store: faster than batch by batch
    logger.info("seeded %d events in %d documents into %s", events, documents, db)
    return {"documents": documents, "events": events, "total_events": total}
