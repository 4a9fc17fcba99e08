"""``POST /api/ingest`` as a plain function: articles in a request → the store.

Everything goes through :func:`eventwatch.pipeline.ingest_sources`, so the API
stores exactly what ``eventwatch ingest`` would: inline documents are written
to a temporary JSON Lines file (one record per document, read by the same
reader as any ``.jsonl`` input), URLs and feeds are passed as they are.
Failures are reported per input, inline documents named ``documents[i]``.

Ids: a document without an ``id`` gets ``api-`` plus a hash of its url and
body, so posting the same article twice stores it once (the second time it is
*skipped*).  A given id that is already stored with other text is reported as
a failure instead of aborting the batch.  Only one ingest runs at a time.
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
from pathlib import Path
from typing import Any

from eventwatch.errors import EventwatchError, InputError
from eventwatch.ingest.records import Defaults, build_document
from eventwatch.model import Document, IngestFailure, stable_id
from eventwatch.pipeline import ingest_sources
from eventwatch.serve.schemas import IngestDocument, IngestRequest
from eventwatch.serve.state import ServerState

__all__ = ["ingest_request"]

logger = logging.getLogger(__name__)

_REQUEST_FILE = "request.jsonl"


def _document_id(document: IngestDocument) -> str:
    return document.id or "api-" + stable_id(document.url, document.text, document.html)


def _built(document: IngestDocument, doc_id: str) -> Document | None:
    """The Document ingest would store for this record (to compare with a stored one)."""
    body, kind = (document.text, "text") if document.text else (document.html or "", "html")
    try:
        items = build_document(
            body,
            kind=kind,  # type: ignore[arg-type]
            doc_id=doc_id,
            source=doc_id,
            metadata=document.model_dump(exclude_none=True),
            defaults=Defaults(),
        )
    except (EventwatchError, ValueError):
        return None
    return next((item for item in items if isinstance(item, Document)), None)


def _id_clash(state: ServerState, document: IngestDocument, doc_id: str) -> str | None:
    """Why this document cannot be stored under ``doc_id``, or None when it can."""
    stored = state.store.get_document(doc_id)
    if stored is None:
        return None
    built = _built(document, doc_id)
    if built is not None and built.content_hash == stored["content_hash"]:
        return None  # the same text: ingest skips it as already stored
    return (
        f"a different document with id {doc_id!r} is already stored; "
        "give another id, or leave id out to have one made from the text"
    )


def _write_records(documents: list[tuple[int, IngestDocument, str]], folder: Path) -> Path:
    path = folder / _REQUEST_FILE
    with path.open("w", encoding="utf-8") as handle:
        for _, document, doc_id in documents:
            record = document.model_dump(exclude_none=True)
            record["id"] = doc_id
            handle.write(json.dumps(record, ensure_ascii=False))
            handle.write("\n")
    return path


def _renamer(path: Path | None, numbers: list[int]) -> Any:
    """Turns ``/tmp/.../request.jsonl#L3`` into ``documents[i]`` in failure reports."""
    if path is None:
        return lambda source: source
    pattern = re.compile(re.escape(str(path)) + r"(?:#L(\d+))?")

    def rename(source: str) -> str:
        match = pattern.fullmatch(source)
        if match is None:
            return source
        if match.group(1) is None:
            return "documents"
        line = int(match.group(1))
        return f"documents[{numbers[line - 1]}]" if 0 < line <= len(numbers) else "documents"

    return rename


def ingest_request(state: ServerState, request: IngestRequest) -> dict[str, Any]:
    """Store the documents, URLs and feed of one request, and report what happened.

    Args:
        state: The server (its store, settings and HTTP client).
        request: The validated request body.

    Returns:
        ``{"documents", "events", "skipped", "stored_ids", "failures": [{"source", "stage", "reason"}]}``.

    Raises:
        InputError: Two documents of the request share an id.
    """
    failures: list[dict[str, str]] = []
    accepted: list[tuple[int, IngestDocument, str]] = []
    seen: dict[str, int] = {}
    for number, document in enumerate(request.documents or []):
        doc_id = _document_id(document)
        if doc_id in seen and document.id is not None:
            raise InputError(
                f"documents[{number}]",
                f"has the same id {doc_id!r} as documents[{seen[doc_id]}]; ids must be unique",
            )
        seen[doc_id] = number
        clash = _id_clash(state, document, doc_id)
        if clash is not None:
            failures.append({"source": f"documents[{number}]", "stage": "store", "reason": clash})
            continue
        accepted.append((number, document, doc_id))

    with state.ingest_lock, tempfile.TemporaryDirectory(prefix="eventwatch-api-") as folder:
        path = _write_records(accepted, Path(folder)) if accepted else None
        sources = [str(path)] if path else []
        sources += list(request.urls or [])
        if request.feed:
            sources.append(request.feed)
        rename = _renamer(path, [number for number, _, _ in accepted])
        collected: list[IngestFailure] = []
        report = ingest_sources(
            sources,
            store=state.store,
            settings=state.settings,
            client=state.http_client,
            on_failure=collected.append,
        )
    for failure in collected:
        failures.append(
            {"source": rename(failure.source), "stage": failure.stage, "reason": failure.reason}
        )
    logger.info(
        "ingest request: %d stored, %d events, %d skipped, %d failures",
        report.documents,
        report.events,
        report.skipped,
        len(failures),
    )
    state.catalog.refresh()
    return {
        "documents": report.documents,
        "events": report.events,
        "skipped": report.skipped,
        "stored_ids": list(report.stored_ids),
        "failures": failures,
    }
