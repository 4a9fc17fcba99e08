"""Scale benchmark for linking: stories and entities over 1k, 10k and 100k documents.

``eventwatch bench --link 1000,10000,100000`` extracts the bundled sample corpus
once, builds a synthetic collection of each size from it
(:mod:`eventwatch.bench_feed`, whose assumptions the output prints) and times story
linking (:func:`eventwatch.link.link_events`) and cross-document entity linking
(:class:`eventwatch.resolve.EntityRegistry`) over it.

Memory is how far the process's resident set grew at its peak while linking
(Linux ``VmHWM`` after, less ``VmRSS`` before; elsewhere the ``tracemalloc`` peak of
Python allocations); the output says which.  Each measurement runs in a forked
child that first moves everything it inherited (the extraction models, the
collection) out of the garbage collector's reach (:func:`gc.freeze`), so that the
collector's passes cost what linking allocates, as in a pipeline that streams its
documents, not what the benchmark holds around it.
Near-linear growth means a time ratio near 10 for ×10 documents (all-pairs
comparison would give about 100).
"""

from __future__ import annotations

import gc
import multiprocessing
import time
import tracemalloc
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

from eventwatch.bench_feed import ASSUMPTIONS, DOCS_PER_DAY, sample_templates, synthetic_collection
from eventwatch.config import Settings
from eventwatch.link import link_events
from eventwatch.resolve.entities import EntityRegistry, LocalEntity

__all__ = ["ASSUMPTIONS", "DEFAULT_SIZES", "DOCS_PER_DAY", "run_link_benchmark"]

DEFAULT_SIZES = (1_000, 10_000, 100_000)


def _status_kb(field_name: str) -> int | None:
    """A memory figure of this process from ``/proc/self/status`` (Linux), in kB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _link_stories(events: list[dict[str, Any]]) -> dict[str, int]:
    stories = link_events(events)
    return {
        "stories": len(stories),
        "multi_report_stories": sum(1 for s in stories if len(s.events) > 1),
    }


def _link_entities(entities: list[tuple[str, list[LocalEntity]]]) -> dict[str, int]:
    registry = EntityRegistry()
    for doc_id, locals_ in entities:
        registry.link(doc_id, locals_)
    return {"entities": len(registry)}


#: What the forked measurement runs: set just before the fork, read by the child.
_TASK: list[Callable[[], dict[str, int]]] = []


def _run_task() -> dict[str, float]:
    """In the measuring child: run the task, with its wall and CPU time and RSS growth."""
    gc.freeze()  # what the child inherited is not the task's to collect
    before = _status_kb("VmRSS") or 0
    started, cpu = time.perf_counter(), time.process_time()
    found: dict[str, float] = dict(_TASK[0]())
    found["seconds"] = time.perf_counter() - started
    found["cpu_seconds"] = time.process_time() - cpu
    found["peak_mb"] = ((_status_kb("VmHWM") or before) - before) / 1024
    return found


def _fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and _status_kb("VmRSS") is not None


def _measure(task: Callable[[], dict[str, int]]) -> dict[str, float]:
    """Run ``task`` and measure it: ``{"seconds", "cpu_seconds", "peak_mb", **its counts}``.

    On Linux the task runs in a forked child, which shares the collection already
    built and starts with no memory of earlier runs: its peak memory is how far its
    resident set grew (VmHWM at the end less VmRSS at the start).  Elsewhere it runs
    here and its memory is the peak of Python allocations (tracemalloc, which slows
    it down).  Either way the objects that exist before the task starts are frozen
    out of the garbage collector's passes (see the module's docstring).
    """
    gc.collect()
    _TASK[:] = [task]
    if _fork_available():
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            return pool.submit(_run_task).result()
    gc.freeze()
    tracemalloc.start()
    try:
        started, cpu = time.perf_counter(), time.process_time()
        found: dict[str, float] = dict(task())
        found["seconds"] = time.perf_counter() - started
        found["cpu_seconds"] = time.process_time() - cpu
        found["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
        gc.unfreeze()
    return found


def _memory_method() -> str:
    if _fork_available():
        return "peak growth of the resident set of the process that links (Linux VmHWM - VmRSS)"
    return "peak of Python allocations while linking (tracemalloc)"


def _ratio(after: float, before: float) -> float:
    return round(after / max(before, 1e-3), 1)


def run_link_benchmark(
    *, sizes: Sequence[int] = DEFAULT_SIZES, settings: Settings, seed: int = 0
) -> dict[str, Any]:
    """Time story and entity linking on synthetic collections of each size.

    Args:
        sizes: document counts, smallest first.
        settings: pipeline settings (to extract the sample corpus).
        seed: the random seed of the synthetic collections.

    Returns:
        ``{"sizes": [{"documents", "days", "real_events", "events", "stories",
        "multi_report_stories", "link_seconds", "link_cpu_seconds", "link_peak_mb",
        "entities", "entity_seconds", "entity_cpu_seconds", "entity_peak_mb"}, ...],
        "growth": [...], "assumptions": ..., "memory": ...}``; ``growth`` compares each
        size with the previous one.
    """
    templates = sample_templates(settings)
    rows = []
    for size in sizes:
        collection, named, facts = synthetic_collection(templates, size, seed=seed)
        linked = _measure(partial(_link_stories, collection))
        registered = _measure(partial(_link_entities, named))
        rows.append(
            {
                "documents": size,
                **facts,
                "events": len(collection),
                "stories": int(linked["stories"]),
                "multi_report_stories": int(linked["multi_report_stories"]),
                "link_seconds": round(linked["seconds"], 2),
                "link_cpu_seconds": round(linked["cpu_seconds"], 2),
                "link_peak_mb": round(linked["peak_mb"], 1),
                "entities": int(registered["entities"]),
                "entity_seconds": round(registered["seconds"], 2),
                "entity_cpu_seconds": round(registered["cpu_seconds"], 2),
                "entity_peak_mb": round(registered["peak_mb"], 1),
            }
        )
        del collection, named
    growth = []
    for before, after in zip(rows, rows[1:], strict=False):
        scale = after["documents"] / before["documents"]
        growth.append(
            {
                "documents": f"{before['documents']} -> {after['documents']} (x{scale:g})",
                "link_time_x": _ratio(after["link_seconds"], before["link_seconds"]),
                "link_cpu_time_x": _ratio(after["link_cpu_seconds"], before["link_cpu_seconds"]),
                "link_memory_x": _ratio(after["link_peak_mb"], before["link_peak_mb"]),
                "entity_time_x": _ratio(after["entity_seconds"], before["entity_seconds"]),
                "entity_cpu_time_x": _ratio(
                    after["entity_cpu_seconds"], before["entity_cpu_seconds"]
                ),
                "entity_memory_x": _ratio(after["entity_peak_mb"], before["entity_peak_mb"]),
            }
        )
    return {
        "sizes": rows,
        "growth": growth,
        "assumptions": ASSUMPTIONS,
        "memory": _memory_method(),
        "note": "near-linear growth: time ratio close to the document ratio (x10 -> about 10); "
        "CPU time is the steadier figure on a shared machine",
    }
