"""Fixtures for store tests: a fresh database per test and record builders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwatch.model import (
    Attribution,
    DateRange,
    Document,
    Entity,
    EventRecord,
    Evidence,
    Location,
)
from eventwatch.store import Store, open_store

MakeDocument = Callable[..., Document]
MakeEvent = Callable[..., EventRecord]


@pytest.fixture
def store() -> Iterator[Store]:
    """A fresh in-memory store, closed after the test."""
    with open_store(":memory:") as fresh:
        yield fresh


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database file in the test's temporary folder."""
    return tmp_path / "events.db"


def build_document(doc_id: str = "doc1", text: str | None = None, **fields: Any) -> Document:
    """A Document with readable defaults; ``text`` defaults to one mentioning ``doc_id``."""
    text = text if text is not None else f"Officials in {doc_id} reported an event. More text."
    defaults: dict[str, Any] = {
        "url": f"https://example.org/{doc_id}",
        "outlet": "Example News",
        "title": f"Title of {doc_id}",
        "author": "A. Writer",
        "published": "2024-07-15",
        "published_precision": "day",
        "source_path": f"/data/{doc_id}.txt",
    }
    defaults.update(fields)
    return Document(id=doc_id, text=text, **defaults)


def build_event(
    event_id: str = "ev1", doc_id: str = "doc1", event_type: str = "COUP", **fields: Any
) -> EventRecord:
    """A fully populated EventRecord; keyword arguments override any field."""
    values: dict[str, Any] = {
        "mode": "conspiracy",
        "evidence": Evidence("The SCNS said it had blocked an attempt to seize power.", 0, 56),
        "trigger": "blocked",
        "trigger_span": (27, 34),
        "contexts": ["pro_autocracy", "political_institutions"],
        "acled": {"event_type": "Strategic developments", "sub_event_type": "Arrests"},
        "actor": Entity("SCNS", "State Committee for National Security", "KGZ", "SPY", "ent-scns"),
        "recipient": Entity("plotters", "plotters", None, "OPP", None),
        "date": DateRange("on Friday", "2024-07-05", "2024-07-05", "day", "text"),
        "location": Location("Bishkek", "Bishkek", "KGZ", "Bishkek", 42.87, 74.59, "city"),
        "counts": {"arrested": 7, "killed": 0},
        "factuality": "attributed",
        "attribution": Attribution(
            Entity("SCNS", "State Committee for National Security", "KGZ", "SPY", "ent-scns"),
            "said",
            ["24.KG", "RIA Novosti"],
            False,
        ),
        "confidence": 0.87654,
        "outlet": "Example News",
    }
    values.update(fields)
    return EventRecord(id=event_id, doc_id=doc_id, event_type=event_type, **values)


@pytest.fixture
def make_document() -> MakeDocument:
    """The :func:`build_document` factory."""
    return build_document


@pytest.fixture
def make_event() -> MakeEvent:
    """The :func:`build_event` factory."""
    return build_event
