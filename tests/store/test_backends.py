"""open_store: paths, URLs, the default location and unavailable backends."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

import eventwatch.store
from eventwatch.errors import StoreError
from eventwatch.store import default_db_path, open_store
from eventwatch.store.backends import DB_ENV_VAR, parse_location


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("events.db", ("sqlite", "events.db")),
        ("data/events.db", ("sqlite", "data/events.db")),
        ("/abs/events.db", ("sqlite", "/abs/events.db")),
        (":memory:", ("sqlite", ":memory:")),
        ("sqlite:///events.db", ("sqlite", "events.db")),
        ("sqlite:////abs/events.db", ("sqlite", "/abs/events.db")),
        ("sqlite://", ("sqlite", ":memory:")),
        ("sqlite:///:memory:", ("sqlite", ":memory:")),
        ("SQLite:///x.db", ("sqlite", "x.db")),
        (Path("some/where.db"), ("sqlite", "some/where.db")),
        ("postgresql://user:pw@host/db", ("postgresql", "postgresql://user:pw@host/db")),
        ("postgresql+psycopg://host/db", ("postgresql", "postgresql+psycopg://host/db")),
        ("postgres://host/db", ("postgres", "postgres://host/db")),
    ],
)
def test_backends_parse_location(url: str | Path, expected: tuple[str, str]) -> None:
    assert parse_location(url) == expected


@pytest.mark.parametrize("url", ["mysql://host/db", "http://example.org/x.db"])
def test_backends_unknown_scheme_is_refused(url: str) -> None:
    with pytest.raises(StoreError, match="unsupported database URL scheme"):
        open_store(url)


@pytest.mark.parametrize(
    "url", ["postgresql://user:s3cret@db.example/events", "postgres://user:s3cret@db/events"]
)
def test_backends_postgres_without_psycopg_says_what_to_install(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # makes `import psycopg` fail
    monkeypatch.delitem(sys.modules, "eventwatch.store.postgres", raising=False)

    with pytest.raises(StoreError, match=re.escape("pip install 'eventwatch[postgres]'")) as error:
        open_store(url)
    assert "s3cret" not in str(error.value)


def test_backends_empty_path_is_refused() -> None:
    with pytest.raises(StoreError, match="empty"):
        open_store("  ")


@pytest.mark.parametrize("template", ["{tmp}/a.db", "sqlite:///{tmp}/a.db"])
def test_backends_open_store_accepts_paths_and_urls(tmp_path: Path, template: str) -> None:
    with open_store(template.format(tmp=tmp_path)) as store:
        assert store.label == str(tmp_path / "a.db")
    assert (tmp_path / "a.db").exists()


def test_backends_open_store_accepts_path_objects(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        assert store.label == str(tmp_path / "a.db")


def test_backends_default_db_path_is_in_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DB_ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)

    assert default_db_path() == tmp_path / "eventwatch.db"
    with open_store() as store:
        assert store.label == str(tmp_path / "eventwatch.db")
    assert (tmp_path / "eventwatch.db").exists()


def test_backends_default_db_path_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "env.db"))

    assert default_db_path() == tmp_path / "env.db"
    with open_store(None) as store:
        assert store.label == str(tmp_path / "env.db")


def test_backends_environment_may_hold_a_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV_VAR, "sqlite://")

    with open_store() as store:
        assert store.label == ":memory:"


def test_backends_public_names_are_complete() -> None:
    public = {name for name in dir(eventwatch.store) if not name.startswith("_")}
    modules = {
        "backends",
        "base",
        "dialect",
        "migrate",
        "queries",
        "sqlite",
        "postgres",
        "annotations",
        "graph",
    }

    assert set(eventwatch.store.__all__) == public - modules
    assert os.fspath(default_db_path())
