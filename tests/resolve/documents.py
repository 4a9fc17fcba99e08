"""Canned extraction output for place tests: a document with no event mentions."""

from __future__ import annotations

from eventwatch.extract import ExtractedDocument
from eventwatch.model import Document


def canned_document(text: str, places: list[tuple[int, str]] | None = None) -> ExtractedDocument:
    """``text`` as one sentence with the given place mentions (offset, text) and nothing else."""
    return ExtractedDocument(
        document=Document(id="doc", text=text),
        mentions=[],
        entities=[],
        places=places or [],
        sentences=[(0, len(text))],
    )
