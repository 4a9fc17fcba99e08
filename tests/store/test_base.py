"""Store behaviour common to every backend, run on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading

import pytest

from eventwatch.errors import StoreError
from eventwatch.model import Attribution, Entity, Evidence, IngestFailure
from eventwatch.store import DocumentBundle, EventQuery, Store, open_store, queries

from .conftest import MakeDocument, MakeEvent, build_document, build_event, query_rows


def test_base_round_trip_preserves_to_dict_exactly(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    doc = make_document("doc1")
    events = [
        make_event("ev1"),
        make_event(
            "ev2",
            event_type="OFFICE",
            mode="dismiss",
            actor=None,
            recipient=None,
            date=None,
            location=None,
            acled=None,
            counts={},
            attribution=Attribution(),
            trigger=None,
            trigger_span=None,
            contexts=[],
            evidence=Evidence("Жапаров освободил Ташиева — «цитата».", 60, 97),
        ),
    ]

    assert store.add_document(doc, sentences=[(0, 40), (41, 51)], events=events) is True

    assert store.events_for_document("doc1") == [event.to_dict() for event in events]
    assert list(store.events()) == [event.to_dict() for event in events]


def test_base_round_trip_returns_document_fields_and_sentences(
    store: Store, make_document: MakeDocument
) -> None:
    doc = make_document("doc1")
    store.add_document(doc, sentences=[(0, 40), (41, 51)], events=[])

    stored = store.get_document("doc1")

    assert stored is not None
    assert {k: stored[k] for k in doc.to_dict()} == doc.to_dict()
    assert stored["sentences"] == [[0, 40], [41, 51]]
    assert stored["ingested_at"]


def test_base_get_document_unknown_id_returns_none(store: Store) -> None:
    assert store.get_document("missing") is None


def test_base_duplicate_content_adds_nothing(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    doc = make_document("doc1")
    assert store.add_document(doc, sentences=[(0, 10)], events=[make_event("ev1")])
    # Same text under another id, with other events: still a duplicate.
    copy = make_document("doc2", text=doc.text)

    assert store.has_content(doc.content_hash)
    assert (
        store.add_document(copy, sentences=[(0, 10)], events=[make_event("ev2", "doc2")]) is False
    )
    assert store.add_document(doc, sentences=[(0, 10)], events=[make_event("ev1")]) is False
    assert store.stats()["documents"] == 1
    assert store.count_events() == 1
    assert store.get_document("doc2") is None


def test_base_has_content_false_for_unknown_hash(store: Store) -> None:
    assert store.has_content("0" * 64) is False


def test_base_add_documents_batch_flags_duplicates_within_batch(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    first = make_document("doc1")
    batch = [
        DocumentBundle(first, [(0, 5)], [make_event("ev1")]),
        (make_document("doc2"), [(0, 5)], [make_event("ev2", "doc2")]),
        (make_document("doc3", text=first.text), [], []),
    ]

    assert store.add_documents(batch) == [True, True, False]
    assert [d["id"] for d in store.documents()] == ["doc1", "doc2"]
    assert store.add_documents([]) == []


def test_base_failed_batch_rolls_back_every_document(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    batch = [
        (make_document("doc1"), [], [make_event("ev1")]),
        (make_document("doc2"), [], [make_event("ev1", "doc2")]),  # event id collides
    ]

    with pytest.raises(StoreError, match="unique"):
        store.add_documents(batch)

    assert store.stats()["documents"] == 0
    assert store.count_events() == 0


def test_base_event_for_another_document_is_refused(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    with pytest.raises(StoreError, match="'other'"):
        store.add_document(make_document("doc1"), sentences=[], events=[make_event("ev1", "other")])
    assert store.get_document("doc1") is None


def test_base_same_id_with_other_text_is_refused(store: Store, make_document: MakeDocument) -> None:
    store.add_document(make_document("doc1", text="First text."), sentences=[], events=[])

    with pytest.raises(StoreError, match="doc1"):
        store.add_document(make_document("doc1", text="Other text."), sentences=[], events=[])


def test_base_entities_upserted_by_id_keep_known_fields(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    known = Entity("Japarov", "Sadyr Japarov", "KGZ", "GOV", "ent-japarov")
    vaguer = Entity("the president", "Sadyr Japarov", None, None, "ent-japarov")
    no_id = Entity("a diplomat", "a diplomat", None, "GOV", None)
    store.add_document(
        make_document("doc1"),
        sentences=[],
        events=[make_event("ev1", actor=known, recipient=no_id)],
    )
    store.add_document(
        make_document("doc2"), sentences=[], events=[make_event("ev2", "doc2", actor=vaguer)]
    )

    rows = query_rows(store, "SELECT id, name, country, sector FROM entities ORDER BY id")

    assert {"id": "ent-japarov", "name": "Sadyr Japarov", "country": "KGZ", "sector": "GOV"} in rows
    assert all(row["name"] != "a diplomat" for row in rows)


def test_base_entity_profile_is_the_resolved_entity_without_its_events(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    from collections import Counter

    from eventwatch.resolve.entities import CanonicalEntity

    actor = Entity("Japarov", "Sadyr Japarov", "KGZ", "GOV", "ent-japarov")
    office = {"title": "President", "status": "current", "as_of": "2024-07-01", "doc_id": "doc1"}
    resolved = CanonicalEntity(
        id="ent-japarov",
        name="Sadyr Japarov",
        kind="person",
        country="KGZ",
        sector="GOV",
        aliases=Counter({"Japarov": 3, "Sadyr Japarov": 5, "the president": 1}),
        offices=[office],
        documents=2,
    )
    store.add_documents(
        [DocumentBundle(make_document("doc1"), [], [make_event("ev1", actor=actor)])],
        entities=[resolved],
    )
    profile = store.entity_profile("ent-japarov")
    assert profile == resolved.to_dict()
    assert profile["aliases"] == ["Sadyr Japarov", "Japarov", "the president"]
    full = store.entity("ent-japarov")
    assert full is not None and full["events_as_actor"]  # entity() carries the events
    assert {k: v for k, v in full.items() if not k.startswith("events_as_")} == profile
    assert store.entity_profile("Sadyr Japarov") is None  # by id only, never by name
    assert store.entity_profile("no-such-id") is None
    assert store.entity_profile("' OR '1'='1") is None


def test_base_documents_lists_without_text_with_paging(
    store: Store, make_document: MakeDocument
) -> None:
    for n in range(5):
        store.add_document(make_document(f"doc{n}"), sentences=[], events=[])

    listed = store.documents()

    assert [d["id"] for d in listed] == [f"doc{n}" for n in range(5)]
    assert all("text" not in d for d in listed)
    assert [d["id"] for d in store.documents(limit=2, offset=1)] == ["doc1", "doc2"]
    assert [d["id"] for d in store.documents(offset=3)] == ["doc3", "doc4"]
    assert store.documents(limit=0) == []


def test_base_failures_keeps_every_failure_newest_first(store: Store) -> None:
    store.record_failure(IngestFailure("a.html", "no main text"))
    store.record_failure(IngestFailure("a.html", "no main text"))
    store.record_failure(IngestFailure("b.txt", "spaCy crashed", stage="annotate"))

    failures = store.failures()

    assert [(f["source"], f["stage"], f["reason"]) for f in failures] == [
        ("b.txt", "annotate", "spaCy crashed"),
        ("a.html", "ingest", "no main text"),
        ("a.html", "ingest", "no main text"),
    ]
    assert all(f["at"] and f["id"] for f in failures)
    assert len(store.failures(limit=1)) == 1
    assert store.stats()["failures"] == 3


def test_base_stats_counts_and_breakdowns(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    store.add_document(
        make_document("doc1"),
        sentences=[],
        events=[
            make_event("ev1"),
            make_event("ev2", event_type="OFFICE", mode="dismiss", factuality="asserted"),
            make_event("ev3", location=None, factuality="alleged"),
        ],
    )
    store.record_failure(IngestFailure("x.pdf", "unsupported format"))

    assert store.stats() == {
        "documents": 1,
        "events": 3,
        "failures": 1,
        "by_event_type": {"COUP": 2, "OFFICE": 1},
        "by_factuality": {"alleged": 1, "asserted": 1, "attributed": 1},
        "by_country": {"KGZ": 2},
    }


def test_base_count_documents_follows_every_added_document(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    assert store.count_documents() == 0
    store.add_document(make_document("doc1"), sentences=[], events=[make_event("ev1")])
    store.add_document(make_document("doc2", text="No events here."), sentences=[], events=[])
    assert store.count_documents() == 2 == store.stats()["documents"]


def test_base_stats_of_empty_store(store: Store) -> None:
    assert store.stats() == {
        "documents": 0,
        "events": 0,
        "failures": 0,
        "by_event_type": {},
        "by_factuality": {},
        "by_country": {},
    }


def test_base_record_json_is_the_stored_dict(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    event = make_event("ev1")
    store.add_document(make_document("doc1"), sentences=[], events=[event])

    (row,) = query_rows(store, "SELECT record_json FROM events")

    assert json.loads(row["record_json"]) == event.to_dict()


@pytest.mark.parametrize(
    ("limit", "offset"),
    [(-1, 0), (None, -1), ("10", 0), (None, "0; DROP TABLE events"), (True, 0)],
)
def test_base_event_query_rejects_bad_paging(limit: object, offset: object) -> None:
    with pytest.raises(StoreError, match="non-negative integer"):
        EventQuery(limit=limit, offset=offset)  # type: ignore[arg-type]


def test_base_closed_store_refuses_calls(store: Store) -> None:
    store.close()
    store.close()  # twice is fine

    with pytest.raises(StoreError, match="closed"):
        store.stats()
    assert "closed" in repr(store)


def test_base_ids_sort_byte_by_byte(store: Store, make_document: MakeDocument) -> None:
    ids = ["doc-b", "Doc_a", "doc_a", "DOC", "doc a", "doc.z", "Ärger", "zebra"]
    for doc_id in ids:
        doc = make_document(doc_id)
        store.add_documents([(doc, [], [build_event(f"ev {doc_id}", doc_id)])])

    by_bytes = sorted(ids, key=lambda doc_id: doc_id.encode())

    assert [event["doc_id"] for event in store.events()] == by_bytes
    assert store.documents()[0]["id"] == ids[0]  # added first, listed first


def test_base_interrupted_batch_keeps_committed_documents(
    store_url: str,
    make_document: MakeDocument,
    make_event: MakeEvent,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with open_store(store_url) as store:
        for n in range(3):
            store.add_document(
                make_document(f"doc{n}"), sentences=[], events=[make_event(f"e{n}", f"doc{n}")]
            )

        def interrupt(*args: object) -> tuple:
            raise KeyboardInterrupt  # Ctrl-C after the document row was written

        with monkeypatch.context() as patch:
            patch.setattr(queries, "event_row", interrupt)
            with pytest.raises(KeyboardInterrupt):
                store.add_document(
                    make_document("doc9"), sentences=[(0, 3)], events=[make_event("e9", "doc9")]
                )
        # The store is still usable: no transaction was left open.
        assert store.add_document(make_document("doc4"), sentences=[], events=[])

    with open_store(store_url) as reopened:
        assert [d["id"] for d in reopened.documents()] == ["doc0", "doc1", "doc2", "doc4"]
        assert reopened.count_events() == 3
        assert query_rows(reopened, "SELECT COUNT(*) AS n FROM sentences") == [{"n": 0}]


def test_base_killed_process_keeps_committed_documents(store_url: str) -> None:
    script = textwrap.dedent(
        f"""
        import os
        from eventwatch.model import Document, EventRecord, Evidence
        from eventwatch.store import open_store, queries

        store = open_store({store_url!r})
        for n in range(3):
            store.add_document(Document(id=f"d{{n}}", text=f"text {{n}}"), sentences=[], events=[])
        queries.event_row = lambda *args: os._exit(9)  # killed mid-transaction
        event = EventRecord("e", "dead", "COUP", None, Evidence("x", 0, 1))
        store.add_document(Document(id="dead", text="never"), sentences=[(0, 5)], events=[event])
        """
    )

    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)

    assert result.returncode == 9, result.stderr.decode()
    with open_store(store_url) as store:
        assert [d["id"] for d in store.documents()] == ["d0", "d1", "d2"]
        assert store.get_document("dead") is None


def _corpus(documents: int, events_per_document: int) -> list[tuple]:
    corpus = []
    for d in range(documents):
        doc = build_document(f"doc{d:05d}", text=f"Document number {d}. " * 20)
        events = [build_event(f"ev{d:05d}-{e:02d}", doc.id) for e in range(events_per_document)]
        corpus.append((doc, [(i * 20, i * 20 + 19) for i in range(20)], events))
    return corpus


def test_base_thousand_documents_one_transaction_each_all_stored(store_url: str) -> None:
    # Speed is measured by `eventwatch bench`, never by a timed test.
    corpus = _corpus(1000, 10)

    with open_store(store_url) as store:
        for doc, sentences, events in corpus:
            store.add_document(doc, sentences=sentences, events=events)
        assert store.count_events() == 10_000
        assert store.stats()["documents"] == 1000


def test_base_add_documents_batches_into_one_transaction(store_url: str) -> None:
    corpus = _corpus(200, 10)

    with open_store(store_url) as store:
        assert store.add_documents(corpus) == [True] * 200
        assert store.add_documents(corpus[:10]) == [False] * 10
        assert store.stats()["events"] == 2000


def test_base_two_stores_share_one_database(
    store_url: str, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    with open_store(store_url) as writer, open_store(store_url) as reader:
        writer.add_document(make_document("doc1"), sentences=[], events=[make_event("ev1")])

        assert reader.count_events() == 1
        assert reader.add_document(make_document("doc1"), sentences=[], events=[]) is False


def test_base_store_can_be_shared_between_threads(store_url: str) -> None:
    corpus = _corpus(40, 3)
    errors: list[BaseException] = []

    with open_store(store_url) as store:

        def work(part: list[tuple]) -> None:
            try:
                for doc, sentences, events in part:
                    store.add_document(doc, sentences=sentences, events=events)
                    store.stats()
                    list(store.events(EventQuery(limit=5)))
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(corpus[i::4],)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert errors == []
        assert store.stats()["documents"] == 40
        assert store.count_events() == 120


def test_base_writes_go_on_while_an_event_stream_is_open(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    corpus = _corpus(3, 600)  # more events than one fetched batch
    store.add_documents(corpus[:2])
    stream = store.events()
    first = next(stream)
    writer = threading.Thread(target=store.add_documents, args=(corpus[2:],))

    writer.start()
    writer.join(timeout=60)

    assert not writer.is_alive(), "a writer waited for an open event stream"
    assert store.count_events() == 1800
    assert first["id"] == "ev00000-00"
    assert sum(1 for _ in stream) >= 1199  # the rest of what the stream started with
    stream.close()


def test_base_event_stream_stopped_after_the_store_closed(
    store: Store, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    store.add_document(
        make_document("doc1"), sentences=[], events=[make_event("ev1"), make_event("ev2")]
    )
    stream = store.events()
    assert next(stream)["id"] == "ev1"

    store.close()
    stream.close()  # a reader that stops early (`| head`) after the store closed: no error

    with pytest.raises(StoreError, match="closed"):
        list(store.events())
