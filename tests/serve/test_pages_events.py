"""/events: filters in the URL, facets, downloads, cursor pages, hostile filter values."""

from __future__ import annotations

import html as html_lib
import re
import sqlite3
from urllib.parse import parse_qs, urlsplit

import pytest

from eventwatch.store import open_store
from tests.serve.pages_fixtures import assert_strict_page, table_event_ids, wait_for

FILTERS = [
    {"type": "COUP"},
    {"type": "coerce", "mode": "arrest"},
    {"country": "KGZ"},
    {"factuality": "attributed"},
    {"actor": "japarov"},
    {"place": "bishkek"},
    {"q": "tear gas"},
    {"date_from": "2024-07", "date_to": "2024-12"},
    {"country": "PAK", "sort": "-date"},
    {"min_corroboration": "2"},
]


def _links(html: str, prefix: str) -> list[str]:
    return [
        html_lib.unescape(h) for h in re.findall(r'href="(' + re.escape(prefix) + r'[^"]*)"', html)
    ]


@pytest.mark.parametrize(
    "params", FILTERS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items())
)
def test_pages_events_filters_narrow_the_table_like_the_api(client, params) -> None:
    wait_for(client)
    everything = client.get("/api/events", params={"limit": 500}).json()
    expected = client.get("/api/events", params={**params, "limit": 500}).json()
    assert expected["total"] < everything["total"]  # each filter really narrows
    response = client.get("/events", params={**params, "limit": 500})
    assert_strict_page(response)
    assert table_event_ids(response.text) == [e["id"] for e in expected["events"]]
    assert f'id="total">{expected["total"]}<' in response.text


def test_pages_events_downloads_carry_the_filters(client) -> None:
    wait_for(client)
    params = {"type": "COERCE", "country": "KGZ", "q": "Bishkek", "sort": "-date"}
    html = client.get("/events", params=params).text
    downloads = re.findall(r'<a class="button download" href="([^"]+)" data-format="([^"]+)"', html)
    formats = {fmt for _, fmt in downloads}
    assert {"page", "json", "jsonl", "csv", "geojson"} <= formats
    for href, fmt in downloads:
        href = html_lib.unescape(href)
        query = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
        for key, value in params.items():
            assert query[key] == value, (fmt, href)
        response = client.get(href)
        assert response.status_code == 200, (href, response.text[:300])
        if fmt == "page":
            body = response.json()
            assert body["total"] == client.get("/api/events", params=params).json()["total"]
        elif fmt == "json":
            assert len(response.json()) == client.get("/api/events", params=params).json()["total"]
        elif fmt == "jsonl":
            lines = [line for line in response.text.splitlines() if line]
            assert len(lines) == client.get("/api/events", params=params).json()["total"]
            assert "attachment" in response.headers["content-disposition"]


def test_pages_events_cursor_pages_visit_every_event_once(client) -> None:
    wait_for(client)
    expected = [e["id"] for e in client.get("/api/events", params={"limit": 500}).json()["events"]]
    seen: list[str] = []
    url = "/events?limit=3"
    for _ in range(100):
        response = client.get(url)
        assert_strict_page(response)
        seen += table_event_ids(response.text)
        following = re.search(r'<a rel="next" href="([^"]+)"', response.text)
        if following is None:
            break
        url = html_lib.unescape(following.group(1))
        assert "limit=3" in url and "cursor=" in url
    assert seen == expected


def test_pages_events_facet_links_add_one_filter(client) -> None:
    wait_for(client)
    html = client.get("/events", params={"country": "KGZ"}).text
    facet = re.search(r'<section class="facet facet-type">(.*?)</section>', html, re.S)
    assert facet
    links = _links(facet.group(1), "/events?")
    assert len(links) >= 2
    for href in links:
        query = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
        assert query["country"] == "KGZ" and "type" in query
        counted = int(
            re.search(
                re.escape(html_lib.escape(href, quote=True)) + r'.*?<span class="count">([\d,]+)<',
                facet.group(1),
                re.S,
            )
            .group(1)
            .replace(",", "")
        )  # type: ignore[union-attr]
        assert counted == client.get("/api/events", params=query).json()["total"], href


def test_pages_events_chips_remove_one_filter_each(client) -> None:
    wait_for(client)
    html = client.get("/events", params={"type": "COUP", "country": "KGZ"}).text
    removals = [
        html_lib.unescape(h) for h in re.findall(r'<a class="chip-remove" href="([^"]+)"', html)
    ]
    assert sorted(removals) == ["/events?country=KGZ", "/events?type=COUP"]


INJECTIONS = [
    "' OR 1=1 --",
    "'; DROP TABLE events; --",
    '"; DROP TABLE events; --',
    "%",
    "_",
    "\\",
    "%' --",
    "<script>alert(1)</script>",
    "\x00",
    "ünïcödé ✓ 中文 \u202e",
    "a" * 300,
]
PARAMS = [
    "type",
    "mode",
    "country",
    "actor",
    "place",
    "date_from",
    "date_to",
    "factuality",
    "q",
    "min_corroboration",
    "sort",
    "cursor",
    "limit",
]


def _tables(db_path) -> set[str]:
    with sqlite3.connect(db_path) as connection:
        return {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }


@pytest.mark.parametrize("value", INJECTIONS, ids=range(len(INJECTIONS)))
def test_pages_injection_strings_through_every_filter_are_harmless(client, db_path, value) -> None:
    wait_for(client)
    tables = _tables(db_path)
    with open_store(db_path) as store:
        before = store.stats()
    for name in PARAMS:
        for path in ("/events", "/timeline", "/map"):
            response = client.get(path, params={name: value})
            assert response.status_code in (200, 400), (path, name, value, response.text[:500])
            assert "<script>alert(1)</script>" not in response.text
            if value in ("%", "_", "\\") and name in ("q", "actor", "place") and path == "/events":
                total = int(
                    re.search(r'id="total">([\d,]+)<', response.text).group(1).replace(",", "")
                )  # type: ignore[union-attr]
                assert total == client.get("/api/events", params={name: value}).json()["total"]
    for path, name in (
        ("/actors", "q"),
        ("/actors", "country"),
        ("/actors", "sector"),
        ("/stories", "type"),
        ("/stories", "country"),
    ):
        response = client.get(path, params={name: value})
        assert response.status_code in (200, 400), (path, name, value)
    assert _tables(db_path) == tables and {"events", "documents"} <= tables
    with open_store(db_path) as store:
        after = store.stats()
    assert (after["documents"], after["events"]) == (before["documents"], before["events"])
