"""RSS and Atom feeds: items with text become Documents, teasers are fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.errors import InputError
from eventwatch.ingest import iter_documents
from eventwatch.ingest.feeds import looks_like_feed, parse_feed
from eventwatch.model import stable_id

from .conftest import split_items

HTML = {"content-type": "text/html; charset=utf-8"}


def test_feeds_rss_items(fixtures: Path, mock_client) -> None:
    linked = (fixtures / "linked_article.html").read_bytes()
    client = mock_client({"https://ledger.example/world/minister": (200, HTML, linked)})
    feed = fixtures / "feed_rss.xml"
    documents, failures = split_items(iter_documents([feed], client=client))

    first, second = documents
    assert first.id == stable_id("https://ledger.example/world/plot")
    assert first.source_path == f"{feed}#item1"
    assert (first.title, first.author, first.published) == (
        "Dravonia detains twelve over alleged plot",
        "Lena Okafor",
        "2025-03-04",
    )
    assert first.outlet == "The Meridian Ledger: World"
    assert first.language == "en"
    assert first.url == "https://ledger.example/world/plot"
    assert first.text.startswith("Security officers in Dravonia detained twelve people")
    assert "\n\nThe committee said weapons" in first.text
    assert "trackRead" not in first.text

    assert second.source_path == "https://ledger.example/world/minister"
    assert second.title == "Defence minister resigns"
    assert second.published == "2025-03-05"
    assert "resigned on Wednesday" in second.text

    [failure] = failures
    assert failure.source == f"{feed}#item3"
    assert "no link" in failure.reason


def test_feeds_atom_entries(fixtures: Path, mock_client) -> None:
    client = mock_client({})  # the teaser's link answers 404
    feed = fixtures / "feed_atom.xml"
    documents, failures = split_items(iter_documents([feed], client=client))

    speaker, fines = documents
    assert speaker.url == "https://observer.example/speaker"
    assert speaker.author == "Observer Desk"
    assert speaker.published == "2025-03-06"
    assert speaker.outlet == "Velgrad Observer"
    assert speaker.text.count("\n\n") == 2
    assert fines.author == "Mira Castell"
    assert fines.published == "2025-03-08"
    assert "<p>" not in fines.text

    [failure] = failures
    assert failure.source == "https://observer.example/border"
    assert failure.reason == "HTTP 404 Not Found"


def test_feeds_feed_behind_a_url(fixtures: Path, mock_client) -> None:
    rss = (fixtures / "feed_rss.xml").read_bytes()
    linked = (fixtures / "linked_article.html").read_bytes()
    client = mock_client(
        {
            "https://ledger.example/world/rss": (200, {"content-type": "text/xml"}, rss),
            "https://ledger.example/world/minister": (200, HTML, linked),
        }
    )
    documents, failures = split_items(
        iter_documents(["https://ledger.example/world/rss"], client=client)
    )
    assert [d.source_path for d in documents] == [
        "https://ledger.example/world/rss#item1",
        "https://ledger.example/world/minister",
    ]
    assert len(failures) == 1


def test_feeds_rss1_rdf(tmp_path: Path) -> None:
    body = "The regional governor announced a curfew after a night of unrest. " * 6
    path = tmp_path / "old.rdf.xml"
    path.write_text(
        '<?xml version="1.0"?>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="https://old.example/"><title>Old Wire</title></channel>'
        '<item rdf:about="https://old.example/1"><title>Curfew</title>'
        "<link>https://old.example/1</link><dc:date>2025-02-20</dc:date>"
        f"<description>{body}</description></item></rdf:RDF>",
        encoding="utf-8",
    )
    [document] = iter_documents([path])
    assert (document.outlet, document.title, document.published) == (
        "Old Wire",
        "Curfew",
        "2025-02-20",
    )


def test_feeds_html_entities_and_no_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    feed = parse_feed(
        (
            '<?xml version="1.0"?>'
            f'<!DOCTYPE rss [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'
            "<rss><channel><title>Wire&nbsp;Desk &amp; co</title>"
            "<item><title>&leak;</title><description>x</description></item>"
            "</channel></rss>"
        ).encode(),
        source="inline",
    )
    assert feed.title == "Wire\u00a0Desk & co"
    assert "TOP-SECRET-VALUE" not in (feed.items[0].title or "")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<rss><channel><item><title>open", "malformed feed XML"),
        (b"<html><body>not a feed</body></html>", "not an RSS or Atom feed"),
    ],
)
def test_feeds_parse_errors(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        parse_feed(data, source="inline")


def test_feeds_empty_feed_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text("<rss><channel><title>Quiet</title></channel></rss>", encoding="utf-8")
    [failure] = iter_documents([path])
    assert failure.reason == "the feed has no items"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0">', True),
        (b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>", True),
        (b"<?xml version='1.0'?><!-- note --><rdf:RDF xmlns:rdf='x'>", True),
        ('<?xml version="1.0"?><rss>'.encode("utf-16"), True),
        (b"<!DOCTYPE html><html>", False),
        (b"<feedback>", False),
        (b"plain text about an rss feed", False),
    ],
)
def test_feeds_looks_like_feed(data: bytes, expected: bool) -> None:
    assert looks_like_feed(data) is expected
