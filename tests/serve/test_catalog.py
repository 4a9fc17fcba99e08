"""The read model agrees with the store, and follows it as documents are added."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from eventwatch.serve.catalog import Catalog, EventFilters
from eventwatch.serve.catalog.snapshot import TextColumn
from eventwatch.serve.seed import record_from_dict
from eventwatch.store import EventQuery, open_store

# Every filter the store has, alone and combined, with values that match and values that do not.
STORE_QUERIES = [
    {},
    {"event_type": "COERCE"},
    {"event_type": "coup"},
    {"event_type": "NOPE"},
    {"mode": "arrest"},
    {"country": "KGZ"},
    {"country": "geo"},
    {"country": "USA"},
    {"actor": "police"},
    {"actor": "JAPAROV"},
    {"actor": "%"},
    {"actor": "_"},
    {"date_from": "2024-07"},
    {"date_from": "2024-07-02"},
    {"date_to": "2024-05"},
    {"date_to": "2023"},
    {"date_from": "2024", "date_to": "2024-06-30"},
    {"factuality": "attributed"},
    {"event_type": "COERCE", "country": "KGZ", "factuality": "attributed"},
    {"actor": "officers", "date_from": "2024-05-12", "date_to": "2024-05-12"},
]


@pytest.mark.parametrize("fields", STORE_QUERIES, ids=lambda f: json.dumps(f, sort_keys=True))
def test_catalog_selection_equals_store_query(db_path, fields) -> None:
    with open_store(db_path) as store:
        expected = [e["id"] for e in store.events(EventQuery(**fields))]
        snapshot = Catalog(store).refresh()
    fields = {("event_type" if k == "event_type" else k): v for k, v in fields.items()}
    filters = EventFilters.checked(**fields)
    selection = snapshot.select(filters, sort="doc")
    got = [entry.id for entry in snapshot.iter_selection(selection, sort="doc")]
    assert got == expected  # same events, same order


def test_catalog_refresh_adds_new_documents_and_keeps_cursors_valid(db_path) -> None:
    with open_store(db_path) as store:
        catalog = Catalog(store)
        first = catalog.refresh()
        filters = EventFilters()
        selection = first.select(filters, sort="doc")
        page, last = first.page(selection, sort="doc", after=None, limit=2)
        assert last is not None
        # Store a copy of one document under a new id (what another ingest would do).
        doc_id = first.entries[0].doc_id
        document = store.get_document(doc_id)
        events = store.events_for_document(doc_id)
        from eventwatch.model import Document

        copy = Document(
            id="zz-copy",
            text=document["text"] + "\n\nCopied.",
            outlet="Copy Desk",
            published=document["published"],
        )
        records = [
            record_from_dict({**e, "id": "zz-" + e["id"], "doc_id": "zz-copy"}) for e in events
        ]
        store.add_document(copy, sentences=document["sentences"], events=records)
        second = catalog.refresh()
        assert second.serial > first.serial
        assert second.event_count == first.event_count + len(records)
        assert second.document_count == first.document_count + 1
        assert catalog.refresh() is second  # nothing new: the same snapshot
        rest, _ = second.page(
            second.select(filters, sort="doc"), sort="doc", after=last, limit=10_000
        )
        seen = [e.id for e in page] + [e.id for e in rest]
        assert len(seen) == len(set(seen)) == second.event_count


def test_catalog_filters_key_changes_with_every_field() -> None:
    base = EventFilters()
    keys = {base.key()}
    for name, value in [
        ("event_type", "COUP"),
        ("mode", "attempt"),
        ("country", "KGZ"),
        ("actor", "x"),
        ("place", "x"),
        ("date_from", "2024"),
        ("date_to", "2024"),
        ("factuality", "alleged"),
        ("q", "x"),
        ("min_corroboration", 2),
    ]:
        keys.add(replace(base, **{name: value}).key())
    assert len(keys) == 11


@pytest.mark.parametrize(
    ("texts", "needle", "rows"),
    [
        (["abc", "bcd", "xyz"], "bc", [0, 1]),
        (["abc", "bcd", "xyz"], "c\x00b", []),  # never across rows
        (["abc", "abcabc", "x"], "abc", [0, 1]),  # one hit per row
        (["été", "ete"], "été", [0]),
        (["a", "b"], "", []),
        ([], "a", []),
    ],
)
def test_text_column_rows_containing(texts, needle, rows) -> None:
    assert TextColumn(texts).rows_containing(needle).tolist() == rows


def test_text_column_extends_previous_rows() -> None:
    column = TextColumn(["b"], TextColumn(["a", "ab"]))
    assert column.rows_containing("b").tolist() == [1, 2]


def test_text_column_windows_never_miss_a_match(monkeypatch) -> None:
    import random

    import eventwatch.serve.catalog.snapshot as snapshot_module

    rng = random.Random(7)
    texts = ["".join(rng.choice("abc ") for _ in range(rng.randint(0, 12))) for _ in range(300)]
    column = TextColumn(texts)
    for window in (1, 2, 3, 5, 8, 64):
        monkeypatch.setattr(snapshot_module, "_SCAN_WINDOW", window)
        for needle in ("a", "ab", "abc", "c a", "bbb", "cab c"):
            expected = [i for i, text in enumerate(texts) if needle in text]
            assert column.rows_containing(needle).tolist() == expected, (window, needle)
