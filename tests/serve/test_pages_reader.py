"""The reader and the event page: hostile article text stays text; sourcing styles differ."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwatch.config import Settings
from eventwatch.pipeline import ingest_sources
from eventwatch.store import open_store
from tests.serve.conftest import make_client
from tests.serve.pages_fixtures import (
    HOSTILE_DOC_ID,
    HOSTILE_EVENT_ID,
    ODD_UNICODE,
    RTL_OVERRIDE,
    ZERO_WIDTH,
    add_hostile_document,
    assert_strict_page,
    table_event_ids,
    wait_for,
)

SEED_NAMED = "000_cd40a9a812a20dfa"  # relays the security service through named agencies
SEED_HEDGED = "003_9e42613316378326"  # builds on anonymous diplomats and hedges


@pytest.fixture
def hostile_client(db_path, store_events) -> Iterator:
    """An app over the canned store plus one document full of hostile strings."""
    add_hostile_document(db_path, store_events[0])
    with make_client(db_path) as client:
        wait_for(client, stories=False, events=len(store_events) + 1)
        yield client


def _assert_no_markup_from_text(html: str, script: int) -> None:
    """None of the hostile strings survives as markup; each is there, escaped."""
    for raw in (
        "<script>alert(",
        "<img src=x",
        "<svg onload",
        "<b>Junta</b>",
        '"onmouseover=',
        "onerror=alert(1)>",
        'href="javascript:',
    ):
        assert raw not in html, raw
    assert f"&lt;script&gt;alert({script})&lt;/script&gt;" in html
    assert "&lt;b&gt;Junta&lt;/b&gt;" in html
    assert "&#34;onmouseover=alert(2)" in html
    assert RTL_OVERRIDE not in html and ZERO_WIDTH not in html  # invisible controls are shown
    assert "U+202E" in html and "U+200B" in html
    for word in ODD_UNICODE.split():
        if word != "\ufffd":
            assert word in html, word


def test_pages_reader_escapes_hostile_document_text(hostile_client) -> None:
    response = hostile_client.get(f"/documents/{HOSTILE_DOC_ID}")
    page = assert_strict_page(response)
    html = response.text
    _assert_no_markup_from_text(html, 1)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;img src=x onerror=alert(5)&gt;" in html  # the carrier, in the card
    assert "&lt;script&gt;alert(7)&lt;/script&gt; title" in html
    assert not any(
        (attrs.get("href") or "").startswith("javascript") for _, attrs in page.tags
    )  # the document's javascript: URL is not linked
    marks = [attrs for tag, attrs in page.tags if tag == "mark"]
    assert any(HOSTILE_EVENT_ID in (m.get("data-events") or "") for m in marks)
    assert any("f-alleged" in (m.get("class") or "") for m in marks)


def test_pages_event_page_escapes_hostile_fields(hostile_client) -> None:
    response = hostile_client.get(f"/events/{HOSTILE_EVENT_ID}")
    assert_strict_page(response)
    _assert_no_markup_from_text(response.text, 3)  # the evidence sentence
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in response.text  # the source's name


@pytest.mark.parametrize(
    "path", ["/events", "/events?q=junta", "/", "/actors", "/actors?q=junta", "/timeline", "/map"]
)
def test_pages_listings_escape_hostile_names(hostile_client, path) -> None:
    response = hostile_client.get(path)
    assert_strict_page(response)
    html = response.text
    assert "<b>Junta</b>" not in html and "<script>alert(" not in html
    assert RTL_OVERRIDE not in html and ZERO_WIDTH not in html


def test_pages_reader_cut_keeps_every_character(hostile_client) -> None:
    """The highlighted runs put back together are the document text, controls included."""
    from eventwatch.serve.annotations import annotated_document
    from eventwatch.serve.pages.highlight import cut
    from eventwatch.serve.pages.reader import document_layers

    server = hostile_client.app.state.server
    annotated = annotated_document(server.store, HOSTILE_DOC_ID)
    runs = cut(annotated["text"], document_layers(annotated["text"], annotated))
    rebuilt = "".join(
        token.text or chr(int(token.control[2:], 16))
        for run in runs
        for part in run.parts
        for token in part.tokens
    )
    assert rebuilt == annotated["text"]


def test_pages_reader_marks_places_and_links_to_the_documents_events(client) -> None:
    wait_for(client, stories=False)
    response = client.get("/documents/wire-kgz-plot")
    page = assert_strict_page(response)
    html = response.text
    # Bishkek is marked in the text (the dateline and the sentence that names it).
    place_marks = re.findall(r'<span class="part[^"]*role-place[^"]*" title="([^"]*)"', html)
    assert any("place: Bishkek" in title for title in place_marks), place_marks
    # The places list links to the place's events; the header links to this document's events.
    links = [attrs.get("href") or "" for tag, attrs in page.tags if tag == "a"]
    assert "/events?place=Bishkek" in links
    assert "/events?doc=wire-kgz-plot" in links
    table = client.get("/events", params={"doc": "wire-kgz-plot"})
    api = client.get("/api/events", params={"doc": "wire-kgz-plot"}).json()
    assert api["total"] > 0
    assert table_event_ids(table.text) == [e["id"] for e in api["events"]]
    assert 'name="doc" value="wire-kgz-plot"' in table.text  # kept when filters change


# --------------------------------------------------------------------------- the seed articles


@pytest.fixture(scope="module")
def seeds_db(seeded_db: Path, shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The canned store plus the two seed articles of ../shared/seeds."""
    path = tmp_path_factory.mktemp("pages-seeds") / "seeds.db"
    shutil.copyfile(seeded_db, path)
    with open_store(path) as store:
        report = ingest_sources([str(shared_dir / "seeds")], store=store, settings=Settings())
    assert report.documents == 2, report.failures
    return path


@pytest.fixture
def seeds_client(seeds_db: Path, tmp_path: Path) -> Iterator:
    copy = tmp_path / "seeds.db"
    shutil.copyfile(seeds_db, copy)
    with make_client(copy) as client:
        wait_for(client, stories=False)
        yield client


def _marks(page) -> list[str]:
    return [attrs.get("class") or "" for tag, attrs in page.tags if tag == "mark"]


def test_pages_reader_tells_named_from_hedged_sourcing_at_a_glance(seeds_client) -> None:
    named = seeds_client.get(f"/documents/{SEED_NAMED}")
    hedged = seeds_client.get(f"/documents/{SEED_HEDGED}")
    named_page, hedged_page = assert_strict_page(named), assert_strict_page(hedged)

    # The verdict at the top differs.
    assert 'class="verdict verdict-named"' in named.text
    assert 'class="verdict verdict-hedged"' in hedged.text

    # The named-source report: claims attributed to the security service, carried by agencies.
    assert "State Committee for National Security" in named.text
    assert "24.KG" in named.text and "RIA Novosti" in named.text
    named_marks = _marks(named_page)
    assert sum("f-attributed" in m for m in named_marks) > sum(
        "f-alleged" in m for m in named_marks
    )

    # The analysis piece: anonymous sources and hedged claims, drawn in the hedged style.
    hedged_marks = _marks(hedged_page)
    assert any("f-alleged" in m for m in hedged_marks)
    assert "anonymous" in hedged.text and "Three sources" in hedged.text
    assert hedged.text.count("anon-flag") > named.text.count("anon-flag")

    # The legend explains the styles on both.
    for response in (named, hedged):
        assert 'id="legend"' in response.text and "hedged or anonymous" in response.text
