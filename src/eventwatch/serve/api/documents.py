"""``/api/documents`` and ``/api/documents/{id}``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from eventwatch.serve import queries
from eventwatch.serve.annotations import annotated_document
from eventwatch.serve.api.common import ERRORS, Limit, Server, json_response
from eventwatch.serve.schemas import DocumentDetail, DocumentPage

__all__ = ["router"]

router = APIRouter(tags=["documents"], responses=ERRORS)


@router.get(
    "/documents", response_model=DocumentPage, summary="Stored documents, one page at a time"
)
def list_documents(
    server: Server,
    limit: Limit,
    outlet: Annotated[
        str | None, Query(max_length=300, description="Only this outlet's documents.")
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=1024, description="next_cursor of the previous page.")
    ] = None,
) -> Response:
    """Documents' metadata (no text), in the order they were stored."""
    return json_response(
        queries.document_list(server.catalog, outlet=outlet, limit=limit, cursor=cursor)
    )


@router.get("/documents/{doc_id}", response_model=DocumentDetail, summary="One document, annotated")
def get_document(
    server: Server, doc_id: Annotated[str, Path(max_length=300, description="The document's id.")]
) -> Response:
    """The cleaned text with every annotation by character offset: sentences, events
    (evidence, trigger, mentions, actor / recipient / source spans) and attributions."""
    snapshot = server.catalog.snapshot()
    events = None
    if doc_id in snapshot.document_by_id:  # else stored since the last refresh: ask the store
        events = [entry.record() for entry in snapshot.document_entries(doc_id)]
    return json_response(annotated_document(server.reader(), doc_id, events=events))
