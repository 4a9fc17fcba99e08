"""The server's shared state: reader connections, and the app factory's guards."""

from __future__ import annotations

import sys
import threading

from eventwatch.config import Settings
from eventwatch.serve.annotations import annotated_document, locate
from eventwatch.serve.app import _is_loopback
from eventwatch.serve.state import ServeOptions, ServerState
from eventwatch.store import open_store


def test_reader_is_one_connection_per_thread(db_path) -> None:
    state = ServerState(db=str(db_path), token=None, settings=Settings(), options=ServeOptions())
    try:
        mine = state.reader()
        assert state.reader() is mine and mine is not state.store
        other = []
        thread = threading.Thread(target=lambda: other.append(state.reader()))
        thread.start()
        thread.join()
        assert other[0] is not mine
        assert mine.get_document("niger-coup") is not None
    finally:
        state.close()
    assert "closed" in repr(mine) and "closed" in repr(other[0])


def test_reader_of_an_in_memory_store_is_the_shared_store() -> None:
    state = ServerState(db=":memory:", token=None, settings=Settings(), options=ServeOptions())
    try:
        assert state.reader() is state.store
    finally:
        state.close()


def test_annotated_document_reads_events_from_the_store_when_not_given(db_path) -> None:
    with open_store(db_path) as store:
        from_store = annotated_document(store, "niger-coup")
        records = store.events_for_document("niger-coup")
        given = annotated_document(store, "niger-coup", events=records)
    assert from_store == given
    assert [e["id"] for e in from_store["events"]] == [r["id"] for r in records]


def test_locate_finds_exact_then_case_insensitive_within_the_window() -> None:
    text = "The Police said. Police arrested the POLICE chief."
    assert locate(text, "Police", 17, len(text)) == (17, 23)
    assert locate(text, "police", 0, 16) == (4, 10)
    assert locate(text, "army", 0, len(text)) is None
    assert locate(text, None, 0, len(text)) is None


def test_is_loopback() -> None:
    assert all(_is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"))
    assert not any(_is_loopback(h) for h in ("0.0.0.0", "192.168.0.1", "example.org", "::"))


def test_serve_binds_to_loopback_and_guards_the_host_header(db_path, monkeypatch) -> None:
    import uvicorn

    from eventwatch.serve import serve

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append((app, kwargs)))
    monkeypatch.setattr(sys, "setswitchinterval", lambda seconds: None)  # keep this process's
    serve(db=str(db_path))
    app, kwargs = calls[0]
    assert kwargs["host"] == "127.0.0.1" and kwargs["port"] == 8000
    assert app.state.server.options.allowed_hosts is not None
    assert "localhost" in app.state.server.options.allowed_hosts
    assert app.state.server.token is None
    serve(db=str(db_path), host="0.0.0.0", port=9000, token="a-token-of-sixteen-chars")
    app, kwargs = calls[1]
    assert kwargs["host"] == "0.0.0.0" and kwargs["port"] == 9000
    assert app.state.server.options.allowed_hosts is None
    assert app.state.server.token == "a-token-of-sixteen-chars"
    for app, _ in calls:
        app.state.server.close()


def test_serve_modules_declare_all() -> None:
    import importlib
    import pkgutil

    import eventwatch.serve as package

    for info in pkgutil.walk_packages(package.__path__, "eventwatch.serve."):
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            assert hasattr(module, name), f"{info.name} lists {name} but has no such name"
    assert set(package.__all__) == {"ServeOptions", "create_app", "serve"}
