"""The stages chained: the plain functions every shell (CLI, API, batch job) calls.

- :func:`process_documents` — documents → (document, sentence offsets, event records)
- :func:`extract_events` — sources → event records, no database
- :func:`ingest_sources` — sources → the store, resumable, duplicates skipped
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from eventwatch.annotate import annotate, load_nlp
from eventwatch.config import Settings
from eventwatch.extract import extract_document
from eventwatch.extract.attributions import attribution_spans
from eventwatch.extract.hedges import sentence_views
from eventwatch.ingest import iter_documents
from eventwatch.link import StoryLinker
from eventwatch.model import Document, EventRecord, IngestFailure
from eventwatch.resolve import EntityRegistry, LinkedMention, resolve_with_entities
from eventwatch.store import Store
from eventwatch.store.base import DocumentBundle

__all__ = [
    "IngestReport",
    "ProcessedDocument",
    "SAMPLE_CORPUS",
    "extract_events",
    "ingest_sources",
    "process_documents",
    "process_sources",
]

logger = logging.getLogger(__name__)

SAMPLE_CORPUS = Path(__file__).parent / "sample"
FailureHandler = Callable[[IngestFailure], None]


@dataclass(slots=True)
class ProcessedDocument:
    """A document after the pipeline: its sentences, events and, on request, the views.

    ``attributions`` (who says what, PolNeAR-style spans) and ``sentence_views`` (the
    hedge detector's view of each sentence) are filled when ``process_documents`` is
    called with ``views=True``.
    """

    document: Document
    sentences: list[tuple[int, int]]
    events: list[EventRecord]
    attributions: list[dict[str, Any]] = field(default_factory=list)
    sentence_views: list[dict[str, Any]] = field(default_factory=list)
    entities: list[LinkedMention] = field(default_factory=list)


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did."""

    documents: int = 0
    events: int = 0
    skipped: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)


def _log_failure(failure: IngestFailure) -> None:
    logger.error("%s", failure)


def _split(
    items: Iterable[Document | IngestFailure], on_failure: FailureHandler
) -> Iterator[Document]:
    for item in items:
        if isinstance(item, IngestFailure):
            on_failure(item)
        else:
            yield item


def process_documents(
    documents: Iterable[Document],
    *,
    settings: Settings,
    on_failure: FailureHandler = _log_failure,
    views: bool = False,
    registry: EntityRegistry | None = None,
    linker: StoryLinker | None = None,
) -> Iterator[ProcessedDocument]:
    """Annotate, extract and resolve documents, streaming, in input order.

    A document whose extraction fails is reported through ``on_failure`` (stage
    ``extract``) and the batch goes on.  ``views=True`` also fills each result's
    ``attributions`` and ``sentence_views``.  Named entities are joined across the
    documents through ``registry`` (a new, empty one when None): participants get
    canonical ids and names, and each result lists its linked named mentions.
    With a ``linker``, each event is linked into a story as it comes (its
    ``story_id`` is set); without one, events are left unlinked (the store links them).
    """
    registry = registry if registry is not None else EntityRegistry()
    nlp = load_nlp(settings.model)
    for adoc in annotate(
        documents,
        nlp=nlp,
        batch_size=settings.batch_size,
        n_process=settings.n_process,
        chunk_chars=settings.chunk_chars,
    ):
        try:
            extracted = extract_document(adoc)
            events, local_entities = resolve_with_entities(extracted)
            processed = ProcessedDocument(adoc.document, extracted.sentences, events)
            processed.entities = registry.apply(adoc.document.id, local_entities, events)
            if linker is not None:
                for event in events:
                    event.story_id = linker.add(event.to_dict())
            if views:
                processed.attributions = attribution_spans(adoc, events)
                processed.sentence_views = sentence_views(adoc)
        except Exception as exc:  # one bad document must not stop the batch
            logger.debug("extraction failed", exc_info=True)
            on_failure(
                IngestFailure(
                    adoc.document.source_path or adoc.document.id,
                    f"extraction failed: {exc!r}",
                    "extract",
                )
            )
            continue
        yield processed


def process_sources(
    sources: Sequence[str],
    *,
    settings: Settings,
    published: str | None = None,
    outlet: str | None = None,
    client: httpx.Client | None = None,
    on_failure: FailureHandler = _log_failure,
    views: bool = False,
) -> Iterator[ProcessedDocument]:
    """Files, folders, URLs or feeds through the pipeline, without a database.

    Entities are joined and events linked into stories across everything read in
    one call, in the order it is read.
    """
    documents = _split(
        iter_documents(
            sources, published=published, outlet=outlet, client=client, max_bytes=settings.max_bytes
        ),
        on_failure,
    )
    yield from process_documents(
        documents,
        settings=settings,
        on_failure=on_failure,
        views=views,
        linker=StoryLinker(),
    )


def extract_events(
    sources: Sequence[str],
    *,
    settings: Settings,
    published: str | None = None,
    outlet: str | None = None,
    client: httpx.Client | None = None,
    on_failure: FailureHandler = _log_failure,
) -> Iterator[EventRecord]:
    """Event records from files, folders, URLs or feeds, without a database."""
    for processed in process_sources(
        sources,
        settings=settings,
        published=published,
        outlet=outlet,
        client=client,
        on_failure=on_failure,
    ):
        yield from processed.events


def ingest_sources(
    sources: Sequence[str],
    *,
    store: Store,
    settings: Settings,
    published: str | None = None,
    outlet: str | None = None,
    client: httpx.Client | None = None,
    commit_every: int = 16,
    on_failure: FailureHandler = _log_failure,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read sources, extract their events and store both.

    Documents whose content is already stored are skipped, so re-running the same
    command adds nothing and an interrupted run resumes where it stopped: work is
    committed every ``commit_every`` documents.  Every failure is recorded in the
    store and passed to ``on_failure``.
    """
    report = IngestReport()

    def failed(failure: IngestFailure) -> None:
        report.failures.append(failure)
        store.record_failure(failure)
        on_failure(failure)

    def new_documents() -> Iterator[Document]:
        seen: set[str] = set()
        for document in _split(
            iter_documents(
                sources,
                published=published,
                outlet=outlet,
                client=client,
                max_bytes=settings.max_bytes,
            ),
            failed,
        ):
            if document.content_hash in seen or store.has_content(document.content_hash):
                report.skipped += 1
                continue
            seen.add(document.content_hash)
            yield document

    batch: list[DocumentBundle] = []
    registry = store.entity_registry()

    def flush() -> None:
        if not batch:
            return
        added = store.add_documents(batch, entities=registry.take_changed(), link=True)
        for (document, _sentences, events, _mentions), was_added in zip(batch, added, strict=True):
            if was_added:
                report.documents += 1
                report.events += len(events)
                report.stored_ids.append(document.id)
            else:
                report.skipped += 1
        batch.clear()

    for processed in process_documents(
        new_documents(), settings=settings, on_failure=failed, registry=registry
    ):
        batch.append(
            DocumentBundle(
                processed.document, processed.sentences, processed.events, processed.entities
            )
        )
        if progress is not None:
            progress(1)
        if len(batch) >= commit_every:
            flush()
    flush()
    return report
