"""``run_eval``: read a labelled dataset, run the pipeline once over it, score it.

Every dataset module offers ``read_items(path, notes)`` (a stream of
:class:`~eventwatch.evaluate.items.Item`) and a scorer class.  The runner feeds all
items' documents through one :func:`~eventwatch.pipeline.process_documents` call
(so the model loads once and batches stay full), pairs each output with its gold
by document id, and hands the pair to the scorer.  A document whose extraction
fails is scored as "nothing predicted" and counted in the notes.
"""

from __future__ import annotations

import inspect
import itertools
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwatch.config import Settings
from eventwatch.errors import ConfigError, InputError
from eventwatch.evaluate import acled, case, factbank, plover, polnear, seeds, stories
from eventwatch.evaluate.items import Item, Prediction, RunNotes, Scorer
from eventwatch.evaluate.report import EvalReport
from eventwatch.model import Document, IngestFailure
from eventwatch.pipeline import ProcessedDocument, process_documents

__all__ = ["DATASETS", "run_eval"]

logger = logging.getLogger(__name__)

DATASETS: tuple[str, ...] = (
    "acled",
    "case",
    "plover",
    "polnear",
    "factbank",
    "seeds",
    "stories",
)


@dataclass(frozen=True, slots=True)
class _Dataset:
    read_items: Callable[[Path, RunNotes], Iterator[Item]]
    scorer: Callable[[], Scorer]
    views: bool = False  # scored on attributions / sentence views, not only events


_REGISTRY: dict[str, _Dataset] = {
    "acled": _Dataset(acled.read_items, acled.AcledScorer),
    "case": _Dataset(case.read_items, case.CaseScorer),
    "plover": _Dataset(plover.read_items, plover.PloverScorer),
    "polnear": _Dataset(polnear.read_items, polnear.PolnearScorer, views=True),
    "factbank": _Dataset(factbank.read_items, factbank.FactbankScorer, views=True),
    "seeds": _Dataset(seeds.read_items, seeds.SeedsScorer),
    "stories": _Dataset(stories.read_items, stories.StoriesScorer),
}


def _view_options(wanted: bool, notes: RunNotes) -> dict[str, Any]:
    """The keyword that asks ``process_documents`` for views, if it takes one."""
    if not wanted:
        return {}
    if "views" in inspect.signature(process_documents).parameters:
        return {"views": True}
    notes.add("this pipeline cannot produce attribution or sentence views; they score as empty")
    return {}


def _prediction(processed: ProcessedDocument, missing: set[str]) -> Prediction:
    """The pipeline's output for one document as plain dicts."""
    views: dict[str, list[dict[str, Any]]] = {}
    for name in ("attributions", "sentence_views"):
        value = getattr(processed, name, None)
        if value is None:
            missing.add(name)
            value = []
        views[name] = list(value)
    return Prediction(
        events=[event.to_dict() for event in processed.events],
        attributions=views["attributions"],
        sentence_views=views["sentence_views"],
        entities=[m.to_dict() for m in getattr(processed, "entities", [])],
    )


def run_eval(
    dataset: str,
    path: str | Path,
    *,
    settings: Settings,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> EvalReport:
    """Score the extractor on one labelled dataset.

    Args:
        dataset: One of :data:`DATASETS`.
        path: The dataset's file or folder (see each reader for what it accepts),
            e.g. ``../shared/data/acled-dev/acled_2020_global.csv``.
        settings: The run's settings (model, batch size, processes).
        limit: Score at most this many items (rows, sentences, articles).
        progress: Called with ``1`` after each item is scored.

    Returns:
        The report with scores, per-class tables, confusions, worst misses and notes.

    Raises:
        ConfigError: an unknown dataset or a negative limit.
        InputError: the path does not exist or holds no usable file.
    """
    spec = _REGISTRY.get(dataset)
    if spec is None:
        raise ConfigError(f"unknown dataset {dataset!r}; choose one of {', '.join(DATASETS)}")
    if limit is not None and limit < 0:
        raise ConfigError(f"limit must be zero or more, got {limit}")
    root = Path(path)
    if not root.exists():
        raise InputError(str(root), "does not exist; pass the dataset's file or folder")

    notes = RunNotes()
    scorer = spec.scorer()
    reader = spec.read_items(root, notes)
    items: Iterator[Item] = reader if limit is None else itertools.islice(reader, limit)

    pending: dict[str, Item] = {}
    failures: list[IngestFailure] = []
    missing_views: set[str] = set()

    def documents() -> Iterator[Document]:
        for item in items:
            if item.document.id in pending:
                notes.skip("duplicate document id")
                continue
            pending[item.document.id] = item
            yield item.document

    def scored(item: Item, prediction: Prediction) -> None:
        scorer.add(item, prediction)
        if progress is not None:
            progress(1)

    started = time.perf_counter()
    options = _view_options(spec.views, notes)
    for processed in process_documents(
        documents(), settings=settings, on_failure=failures.append, **options
    ):
        item = pending.pop(processed.document.id, None)
        if item is None:  # not ours; cannot happen unless the pipeline renames ids
            continue
        scored(item, _prediction(processed, missing_views))
    for item in list(pending.values()):  # documents whose extraction failed
        scored(item, Prediction(failed=True))
    close = getattr(reader, "close", None)
    if close is not None:  # a reader stopped by the limit adds its closing notes now
        close()
    elapsed = time.perf_counter() - started

    if failures:
        notes.add(
            f"extraction failed for {len(failures)} document(s), scored as nothing "
            f"predicted; first: {failures[0]}"
        )
    for name in sorted(missing_views) if spec.views else []:
        notes.add(f"this pipeline gives no `{name}`; they were scored as empty")
    notes.add(f"model {settings.model}; pipeline and scoring took {elapsed:.1f} s")
    logger.info("evaluated %s on %s in %.1f s", dataset, root, elapsed)
    return scorer.report(notes)
