"""eventwatch: news articles in, verifiable political event records out.

The public surface is small: the pipeline's plain functions and the record types.
Everything else lives in one package per stage (ingest, annotate, extract, resolve,
link, store, export).
"""

from __future__ import annotations

__version__ = "0.1.0"

from eventwatch.config import Settings, load_settings
from eventwatch.errors import EventwatchError
from eventwatch.model import Document, Entity, EventRecord, IngestFailure
from eventwatch.pipeline import extract_events, ingest_sources, process_documents

__all__ = [
    "Document",
    "Entity",
    "EventRecord",
    "EventwatchError",
    "IngestFailure",
    "Settings",
    "__version__",
    "extract_events",
    "ingest_sources",
    "load_settings",
    "process_documents",
]
