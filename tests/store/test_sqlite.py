"""The SQLite backend: files, PRAGMAs, bad files, interruptions, speed, threads."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from eventwatch.errors import StoreError
from eventwatch.store import Store, open_store, queries
from eventwatch.store.sqlite import SQLiteStore

from .conftest import MakeDocument, MakeEvent, build_document, build_event


def _pragma(store: Store, name: str) -> object:
    return store._execute(f"PRAGMA {name}").fetchone()[0]


def test_sqlite_file_session_uses_wal_foreign_keys_and_busy_timeout(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert isinstance(store, SQLiteStore)
        assert _pragma(store, "journal_mode") == "wal"
        assert _pragma(store, "foreign_keys") == 1
        assert _pragma(store, "busy_timeout") >= 1000


def test_sqlite_creates_missing_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "events.db"

    with open_store(path) as store:
        assert store.label == str(path)

    assert path.exists()


@pytest.mark.parametrize(
    "content",
    [b"this is not a database, just some text\n" * 50, b"SQLite format 3\x00" + b"\xff" * 4000],
)
def test_sqlite_corrupt_file_is_refused_naming_it(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)

    with pytest.raises(StoreError, match="not a SQLite database or is corrupt") as error:
        open_store(db_path)

    assert str(db_path) in str(error.value)
    assert db_path.read_bytes() == content  # left untouched


def test_sqlite_folder_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_sqlite_empty_file_becomes_a_database(db_path: Path) -> None:
    db_path.write_bytes(b"")

    with open_store(db_path) as store:
        assert store.schema_version() >= 1


def test_sqlite_interrupted_batch_keeps_committed_documents(
    db_path: Path,
    make_document: MakeDocument,
    make_event: MakeEvent,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with open_store(db_path) as store:
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

    with open_store(db_path) as reopened:
        assert [d["id"] for d in reopened.documents()] == ["doc0", "doc1", "doc2", "doc4"]
        assert reopened.count_events() == 3
        assert reopened._execute("SELECT COUNT(*) FROM sentences").fetchone()[0] == 0


def test_sqlite_killed_process_keeps_committed_documents(db_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os
        from eventwatch.model import Document, EventRecord, Evidence
        from eventwatch.store import open_store, queries

        store = open_store({str(db_path)!r})
        for n in range(3):
            store.add_document(Document(id=f"d{{n}}", text=f"text {{n}}"), sentences=[], events=[])
        queries.event_row = lambda *args: os._exit(9)  # killed mid-transaction
        event = EventRecord("e", "dead", "COUP", None, Evidence("x", 0, 1))
        store.add_document(Document(id="dead", text="never"), sentences=[(0, 5)], events=[event])
        """
    )

    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)

    assert result.returncode == 9, result.stderr.decode()
    with open_store(db_path) as store:
        assert [d["id"] for d in store.documents()] == ["d0", "d1", "d2"]
        assert store.get_document("dead") is None


def _corpus(documents: int, events_per_document: int) -> list[tuple]:
    corpus = []
    for d in range(documents):
        doc = build_document(f"doc{d:05d}", text=f"Document number {d}. " * 20)
        events = [build_event(f"ev{d:05d}-{e:02d}", doc.id) for e in range(events_per_document)]
        corpus.append((doc, [(i * 20, i * 20 + 19) for i in range(20)], events))
    return corpus


def test_sqlite_thousand_documents_one_transaction_each_all_stored(
    db_path: Path,
) -> None:
    # Speed is measured by `eventwatch bench`, never by a timed test.
    corpus = _corpus(1000, 10)

    with open_store(db_path) as store:
        for doc, sentences, events in corpus:
            store.add_document(doc, sentences=sentences, events=events)
        assert store.count_events() == 10_000


def test_sqlite_add_documents_batches_into_one_transaction(db_path: Path) -> None:
    corpus = _corpus(200, 10)

    with open_store(db_path) as store:
        assert store.add_documents(corpus) == [True] * 200
        assert store.add_documents(corpus[:10]) == [False] * 10
        assert store.stats()["events"] == 2000


def test_sqlite_two_stores_share_one_file(
    db_path: Path, make_document: MakeDocument, make_event: MakeEvent
) -> None:
    with open_store(db_path) as writer, open_store(db_path) as reader:
        writer.add_document(make_document("doc1"), sentences=[], events=[make_event("ev1")])

        assert reader.count_events() == 1
        assert reader.add_document(make_document("doc1"), sentences=[], events=[]) is False


def test_sqlite_store_can_be_shared_between_threads(db_path: Path) -> None:
    corpus = _corpus(40, 3)
    errors: list[BaseException] = []

    with open_store(db_path) as store:

        def work(part: list[tuple]) -> None:
            try:
                for doc, sentences, events in part:
                    store.add_document(doc, sentences=sentences, events=events)
                    store.stats()
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
