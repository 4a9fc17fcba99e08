"""Scale benchmark for linking: stories and entities over 1k, 10k and 100k documents.

``eventwatch bench --link`` extracts the bundled sample corpus once (the real
events and named entities of real articles), then builds synthetic collections
of the asked sizes from them: each synthetic document is a copy of a sample
document with its dates shifted (up to a year either way), its places moved a
little, its wording perturbed (words of the evidence dropped or swapped) and,
for a share of them, its names respelled; about a third of the copies are
follow-up reports of an earlier copy (same event, dates within a day), so
stories of several reports form as they do in real collections.

For each size it times :func:`eventwatch.link.link_events` and the entity
registry (:class:`eventwatch.resolve.EntityRegistry`) over the collection, and
records their peak Python memory (tracemalloc) — and reports the growth ratio
of time and memory from one size to the next (×10 documents: near-linear
growth means a ratio near 10, all-pairs comparison near 100).
"""

from __future__ import annotations

import copy
import gc
import random
import time
import tracemalloc
from collections.abc import Sequence
from datetime import date, timedelta
from functools import partial
from typing import Any

from eventwatch.config import Settings
from eventwatch.link import link_events
from eventwatch.model import stable_id
from eventwatch.pipeline import SAMPLE_CORPUS, process_sources
from eventwatch.resolve.entities import EntityRegistry, LocalEntity

__all__ = ["DEFAULT_SIZES", "run_link_benchmark"]

DEFAULT_SIZES = (1_000, 10_000, 100_000)
_FOLLOW_UP_SHARE = 0.33


def _shift(value: str | None, days: int) -> str | None:
    if not value:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return value


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


class _Template:
    def __init__(
        self, doc_id: str, events: list[dict[str, Any]], entities: list[LocalEntity]
    ) -> None:
        self.doc_id = doc_id
        self.events = events
        self.entities = entities


def _templates(settings: Settings) -> list[_Template]:
    found = []
    for processed in process_sources([str(SAMPLE_CORPUS)], settings=settings):
        events = [e.to_dict() for e in processed.events]
        by_entity: dict[str, LocalEntity] = {}
        for mention in processed.entities:
            local = by_entity.setdefault(
                mention.entity_id, LocalEntity(name=mention.text, kind=mention.kind)
            )
            local.mentions.append((mention.start, mention.end, mention.text))
        if events:
            found.append(_Template(processed.document.id, events, list(by_entity.values())))
    return found


def _collection(
    templates: Sequence[_Template], n_docs: int, rng: random.Random
) -> tuple[list[dict[str, Any]], list[tuple[str, list[LocalEntity]]]]:
    events: list[dict[str, Any]] = []
    entities: list[tuple[str, list[LocalEntity]]] = []
    originals: list[tuple[_Template, int, int]] = []  # template, day shift, copy number
    for number in range(n_docs):
        if originals and rng.random() < _FOLLOW_UP_SHARE:
            template, days, original = rng.choice(originals)
            days += rng.choice((0, 0, 1))
        else:
            template, days, original = rng.choice(templates), rng.randint(-365, 365), number
            originals.append((template, days, number))
        # each original report is of a different real event: other people, another place
        place_rng = random.Random(original)
        dlat, dlon = place_rng.uniform(-2, 2), place_rng.uniform(-2, 2)
        doc_id = f"synthetic-{number}"
        for event in template.events:
            record = copy.deepcopy(event)
            record["id"] = stable_id("bench", event["id"], number)
            record["doc_id"] = doc_id
            record["outlet"] = f"Outlet {rng.randrange(200)}"
            record["date"]["start"] = _shift(event["date"]["start"], days)
            record["date"]["end"] = _shift(event["date"]["end"], days)
            record["evidence"]["text"] = _perturb_text(event["evidence"]["text"], rng)
            location = record.get("location") or {}
            if location.get("lat") is not None:
                location["lat"] += dlat + rng.uniform(-0.05, 0.05)
                location["lon"] += dlon + rng.uniform(-0.05, 0.05)
            for role in ("actor", "recipient"):
                if record.get(role) and record[role].get("name"):
                    record[role]["name"] += f" {original}"
                    record[role]["id"] = stable_id(record[role].get("id"), original)
            events.append(record)
        locals_ = []
        for entity in template.entities:
            name = _respell(entity.name, rng) if rng.random() < 0.2 else entity.name
            # a distinct person or body in about half the copies, so the registry grows
            if rng.random() < 0.5 and entity.kind != "place":
                name = f"{name} {number % 997}"
            locals_.append(LocalEntity(name=name, kind=entity.kind, mentions=list(entity.mentions)))
        entities.append((doc_id, locals_))
    return events, entities


def _measure(action: Any) -> tuple[float, float, Any]:
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak / 2**20, result


def _link_entities(entities: list[tuple[str, list[LocalEntity]]]) -> EntityRegistry:
    registry = EntityRegistry()
    for doc_id, locals_ in entities:
        registry.link(doc_id, locals_)
    return registry


def run_link_benchmark(
    *, sizes: Sequence[int] = DEFAULT_SIZES, settings: Settings, seed: int = 0
) -> dict[str, Any]:
    """Time story and entity linking on synthetic collections of each size.

    Returns:
        ``{"sizes": [{"documents", "events", "stories", "link_seconds", "link_peak_mb",
        "entities", "entity_seconds", "entity_peak_mb"}, ...], "growth": [...]}``;
        ``growth`` compares each size with the previous one.
    """
    rng = random.Random(seed)
    templates = _templates(settings)
    rows = []
    for size in sizes:
        collection, named = _collection(templates, size, rng)
        link_seconds, link_peak, stories = _measure(partial(link_events, collection))
        entity_seconds, entity_peak, registry = _measure(partial(_link_entities, named))
        rows.append(
            {
                "documents": size,
                "events": len(collection),
                "stories": len(stories),
                "multi_report_stories": sum(1 for s in stories if len(s.events) > 1),
                "link_seconds": round(link_seconds, 2),
                "link_peak_mb": round(link_peak, 1),
                "entities": len(registry),
                "entity_seconds": round(entity_seconds, 2),
                "entity_peak_mb": round(entity_peak, 1),
            }
        )
    growth = []
    for before, after in zip(rows, rows[1:], strict=False):
        scale = after["documents"] / before["documents"]
        growth.append(
            {
                "documents": f"{before['documents']} -> {after['documents']} (x{scale:g})",
                "link_time_x": round(after["link_seconds"] / max(before["link_seconds"], 1e-3), 1),
                "entity_time_x": round(
                    after["entity_seconds"] / max(before["entity_seconds"], 1e-3), 1
                ),
                "link_memory_x": round(
                    after["link_peak_mb"] / max(before["link_peak_mb"], 1e-3), 1
                ),
            }
        )
    return {
        "sizes": rows,
        "growth": growth,
        "note": "near-linear growth: time ratio close to the document ratio",
    }
