"""Throughput benchmark: eventwatch against a bare spaCy pass, measured in the same run.

``eventwatch bench`` times, over the same documents and with the model already
loaded, (1) a bare ``nlp.pipe`` pass of the configured model over the texts,
(2) end-to-end ``extract`` (reading, cleaning, parsing, extraction, resolution) and
(3) ``ingest`` into a fresh SQLite file, and prints the times and the ratios of (2)
and (3) to (1).  Each measurement is repeated ``repeat`` times and the best kept.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path
from typing import Any

import spacy

from eventwatch.config import Settings
from eventwatch.errors import ConfigError
from eventwatch.ingest import iter_documents
from eventwatch.model import Document
from eventwatch.pipeline import SAMPLE_CORPUS, extract_events, ingest_sources
from eventwatch.resolve.places import default_gazetteer
from eventwatch.store import open_store

__all__ = ["default_corpus", "run_benchmark"]

_SHARED_CORPUS = Path("..") / "shared" / "data" / "polnear" / "dev" / "text"


def default_corpus() -> Path:
    """PolNeAR's dev articles when ``../shared`` is beside the project, else the sample corpus."""
    for candidate in (
        _SHARED_CORPUS,
        Path(__file__).resolve().parents[3].parent / "shared/data/polnear/dev/text",
    ):
        if candidate.is_dir():
            return candidate
    return SAMPLE_CORPUS


def _best(repeat: int, run: Any) -> float:
    times = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def run_benchmark(
    *, corpus: str | None, limit: int, repeat: int, settings: Settings
) -> dict[str, Any]:
    """Measure and return the figures (seconds, words per second, ratios).

    Args:
        corpus: a folder of ``.txt``/``.html``/``.jsonl`` files (default: :func:`default_corpus`).
        limit: how many files to use.
        repeat: how many times to repeat each measurement (the best is kept).
        settings: model and batch size, as for a normal run.
    """
    folder = Path(corpus) if corpus else default_corpus()
    if not folder.is_dir():
        raise ConfigError(f"benchmark corpus {folder} is not a folder; pass --corpus DIR")
    paths = sorted(str(p) for p in folder.iterdir() if p.suffix in {".txt", ".html"})[:limit]
    if not paths:
        raise ConfigError(f"no .txt or .html files in {folder}; pass --corpus DIR")
    documents = [d for d in iter_documents(paths) if isinstance(d, Document)]
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)

    bare = spacy.load(settings.model)
    list(extract_events(paths[:2], settings=settings))  # load our pipeline and gazetteer first
    default_gazetteer()

    baseline = _best(repeat, lambda: list(bare.pipe(texts, batch_size=settings.batch_size)))
    events: list[int] = []
    extract_time = _best(
        repeat, lambda: events.append(sum(1 for _ in extract_events(paths, settings=settings)))
    )

    def ingest_once() -> None:
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
            ingest_sources(paths, store=store, settings=settings)

    ingest_time = _best(repeat, ingest_once)
    return {
        "corpus": str(folder),
        "documents": len(texts),
        "words": words,
        "model": settings.model,
        "events": events[-1] if events else 0,
        "bare_nlp_pipe_s": round(baseline, 2),
        "extract_s": round(extract_time, 2),
        "ingest_sqlite_s": round(ingest_time, 2),
        "extract_ratio": round(extract_time / baseline, 3),
        "ingest_ratio": round(ingest_time / baseline, 3),
        "targets": {"extract_ratio": 1.6, "ingest_ratio": 1.8},
        "words_per_s_bare": round(words / baseline),
        "words_per_s_extract": round(words / extract_time),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
