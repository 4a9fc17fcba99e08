"""Fixtures for the HTTP API tests: a store of canned articles, an app per test.

The articles below were written for these tests: two outlets reporting one
coup plot (with different detention counts, so a story with a conflict), a
march, an attack with casualties, a coup.  They are ingested once per session
with ``eventwatch.pipeline.ingest_sources`` (the spaCy model loads once); each
test then gets its own copy of that SQLite file and an app over it.

Without FastAPI installed the serve tests are skipped, except when
``CI=true``, where they fail: CI must run them.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if os.environ.get("CI") != "true":
    pytest.importorskip("fastapi", reason="the serve extra (fastapi, uvicorn) is not installed")

import warnings  # noqa: E402

# Starlette suggests another HTTP client package for its TestClient; httpx is what we have.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

from fastapi.testclient import TestClient  # noqa: E402

from eventwatch.config import Settings  # noqa: E402
from eventwatch.pipeline import ingest_sources  # noqa: E402
from eventwatch.serve import ServeOptions, create_app  # noqa: E402
from eventwatch.store import open_store  # noqa: E402

TOKEN = "test-token-0123456789abcdef"

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "wire-kgz-plot",
        "outlet": "Central Asia Wire",
        "title": "Security service says coup plot foiled in Bishkek",
        "published": "2024-07-02",
        "url": "https://example.org/wire/kgz-plot",
        "text": (
            "BISHKEK — The national security committee of Kyrgyzstan said on Monday that it "
            "had foiled a plot to seize power by force.\n\nThe committee said its officers detained "
            "seven people in Bishkek on July 1, including two former army officers.\n\nPresident "
            "Sadyr Japarov dismissed the deputy head of the border service the same day."
        ),
    },
    {
        "id": "daily-kgz-plot",
        "outlet": "Bishkek Daily",
        "title": "Seven held over alleged coup attempt",
        "published": "2024-07-03",
        "url": "https://example.org/daily/kgz-plot",
        "text": (
            "Police in Bishkek detained nine people on July 1 over what officials called a "
            "conspiracy to overthrow the government, according to the State Committee for "
            "National Security.\n\nRelatives of the detained men denied that they had planned "
            "any violence."
        ),
    },
    {
        "id": "georgia-march",
        "outlet": "Caucasus Post",
        "title": "Thousands march in Tbilisi",
        "published": "2024-05-12",
        "url": "https://example.org/post/tbilisi",
        "text": (
            "TBILISI — Thousands of protesters marched through Tbilisi on Saturday against the "
            "foreign agents law.\n\nRiot police dispersed the crowd with tear gas and arrested 20 "
            "demonstrators, the interior ministry said.\n\nThe opposition leader Nika Melia was "
            "reportedly beaten by officers near the parliament building."
        ),
    },
    {
        "id": "pakistan-attack",
        "outlet": "Frontier News",
        "title": "Convoy attacked in Kurram",
        "published": "2024-11-22",
        "url": "https://example.org/frontier/kurram",
        "text": (
            "Gunmen attacked a passenger convoy in Kurram district on Thursday, killing 42 people "
            "and injuring 16 others, police said.\n\nThe provincial government announced a curfew "
            "in Parachinar after the attack."
        ),
    },
    {
        "id": "niger-coup",
        "outlet": "Sahel Monitor",
        "title": "Soldiers detain president in Niamey",
        "published": "2023-07-27",
        "url": "https://example.org/sahel/niger",
        "text": (
            "Soldiers of the presidential guard detained President Mohamed Bazoum in Niamey on "
            "Wednesday and announced on national television that they had seized power.\n\nThe "
            "African Union condemned the coup and demanded the immediate release of the president."
        ),
    },
]


@pytest.fixture(scope="session")
def serve_settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, serve_settings: Settings) -> Path:
    """A SQLite store holding the canned articles (built once; tests use copies)."""
    folder = tmp_path_factory.mktemp("serve-seed")
    source = folder / "articles.jsonl"
    source.write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", "utf-8"
    )
    path = folder / "seed.db"
    with open_store(path) as store:
        report = ingest_sources([str(source)], store=store, settings=serve_settings)
    assert report.documents == len(ARTICLES), report.failures
    assert report.events >= 8
    return path


@pytest.fixture
def db_path(seeded_db: Path, tmp_path: Path) -> Path:
    """A fresh copy of the seeded store for one test."""
    target = tmp_path / "events.db"
    shutil.copyfile(seeded_db, target)
    return target


def make_client(db: Path, *, token: str | None = TOKEN, **options: Any) -> TestClient:
    """A test client over ``db`` (use it as a context manager: it starts and stops the app)."""
    opts = ServeOptions(**{"refresh_seconds": 0.2, "wait_seconds": 30.0, **options})
    app = create_app(db=str(db), token=token, settings=Settings(), options=opts)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(db_path: Path) -> Iterator[TestClient]:
    """An app with a write token over a fresh copy of the seeded store."""
    with make_client(db_path) as test_client:
        yield test_client


@pytest.fixture
def store_events(db_path: Path) -> list[dict[str, Any]]:
    """Every event of the test's store, as the store returns them."""
    with open_store(db_path) as store:
        return list(store.events())


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is the one error shape with this status."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message"}
    assert error["status"] == status
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code
    return error
