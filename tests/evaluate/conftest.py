"""Helpers for the evaluation tests: predicted events without a model, a fake pipeline."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwatch.model import DateRange, Entity, EventRecord, Evidence, Location

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def make_event(
    event_type: str = "ASSAULT",
    *,
    doc_id: str = "d",
    mode: str | None = None,
    acled: tuple[str, str] | None = None,
    confidence: float = 0.5,
    actor: str | None = None,
    recipient: str | None = None,
    date: tuple[str, str] | None = None,
    place: tuple[str, str, float, float] | None = None,
    killed: int | None = None,
    factuality: str = "asserted",
) -> EventRecord:
    """An EventRecord with only the fields a test cares about."""
    return EventRecord(
        id=f"{doc_id}-{event_type}-{confidence}",
        doc_id=doc_id,
        event_type=event_type,
        mode=mode,
        evidence=Evidence("An invented sentence.", 0, 21),
        acled={"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
        actor=Entity(actor, actor) if actor else None,
        recipient=Entity(recipient, recipient) if recipient else None,
        date=DateRange(None, date[0], date[1], "day", "text") if date else None,
        location=Location(place[0], place[0], place[1], lat=place[2], lon=place[3])
        if place
        else None,
        counts={"killed": killed} if killed is not None else {},
        factuality=factuality,
        confidence=confidence,
    )


def event_dict(*args: Any, **kwargs: Any) -> dict[str, Any]:
    """``make_event(...).to_dict()``."""
    return make_event(*args, **kwargs).to_dict()


Responder = Callable[[Any], dict[str, Any]]


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> Callable[[Responder], list[Any]]:
    """Replace the runner's ``process_documents`` with a canned one.

    The responder gets each Document and returns the ProcessedDocument fields
    (``events``, ``attributions``, ``sentence_views``) or ``{"fail": True}``.
    Returns the list in which the calls' keyword options are recorded.
    """
    from eventwatch.evaluate import runner
    from eventwatch.model import IngestFailure
    from eventwatch.pipeline import ProcessedDocument

    calls: list[Any] = []

    def install(respond: Responder) -> list[Any]:
        def fake(
            documents: Iterable[Any], *, settings: Any, on_failure: Any, views: bool = False
        ) -> Iterator[ProcessedDocument]:
            calls.append({"views": views})
            for document in documents:
                answer = respond(document)
                if answer.get("fail"):
                    on_failure(IngestFailure(document.id, "boom", "extract"))
                    continue
                processed = ProcessedDocument(document, [], answer.get("events", []))
                processed.attributions = answer.get("attributions", [])
                processed.sentence_views = answer.get("sentence_views", [])
                yield processed

        monkeypatch.setattr(runner, "process_documents", fake)
        return calls

    return install
