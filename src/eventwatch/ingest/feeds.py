"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one Document per item.

A feed item that carries the article (``content:encoded``, Atom ``content``,
or a long ``description``/``summary``) becomes a Document from that text.  A
teaser shorter than :data:`MIN_ITEM_CHARS` is not enough to extract events
from, so the item's link is fetched instead and the page's main text used.

Feeds are parsed with lxml with entity resolution and network access turned
off (no XXE), and HTML named entities such as ``&nbsp;``, common in feeds but
undefined in XML, are turned into character references first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.entities import name2codepoint

from lxml import etree

from eventwatch.errors import FetchError, InputError
from eventwatch.ingest.decode import bom_encoding
from eventwatch.ingest.fetch import fetch
from eventwatch.ingest.furniture import clean_text
from eventwatch.ingest.html import fragment_to_text
from eventwatch.ingest.records import IngestContext, Item, build_document, page_documents
from eventwatch.model import IngestFailure, stable_id

__all__ = ["MIN_ITEM_CHARS", "Feed", "FeedItem", "iter_feed_documents", "looks_like_feed"]

logger = logging.getLogger(__name__)

MIN_ITEM_CHARS = 300

_ATOM = "http://www.w3.org/2005/Atom"
_RSS1 = "http://purl.org/rss/1.0/"
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_FEED_ROOT = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*\?>\s*)*"
    rb"<(?:[\w-]+:)?(?:rss|feed|RDF)\b",
    re.DOTALL,
)
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(slots=True)
class FeedItem:
    """One ``<item>`` or ``<entry>``, with the fields eventwatch uses."""

    index: int
    title: str | None = None
    link: str | None = None
    guid: str | None = None
    author: str | None = None
    published: str | None = None
    body: str | None = None


@dataclass(slots=True)
class Feed:
    """A parsed feed: its own title and language, and its items in order."""

    title: str | None = None
    language: str | None = None
    items: list[FeedItem] = field(default_factory=list)


def looks_like_feed(data: bytes) -> bool:
    """Whether bytes start like an RSS, RDF or Atom document.

    Args:
        data: The start of a file or response body.

    Returns:
        ``True`` for a document whose root element is ``rss``, ``feed`` or ``RDF``.
    """
    head = data[:4096]
    encoding = bom_encoding(head)
    if encoding is not None and encoding != "utf-8-sig":
        head = head.decode(encoding, errors="ignore").encode("utf-8")
    return _FEED_ROOT.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


def parse_feed(data: bytes, *, source: str) -> Feed:
    """Parse an RSS or Atom document.

    Args:
        data: The feed's bytes (lxml reads the XML declaration's encoding).
        source: The file or URL, named in errors.

    Returns:
        The feed's title, language and items.

    Raises:
        InputError: The XML is malformed, or its root is not a feed.
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(_html_entities_to_references(data), parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(source, f"malformed feed XML: {exc}") from exc
    if root is None:
        raise InputError(source, "malformed feed XML: no root element")
    name = etree.QName(root).localname
    if name == "feed":
        return _parse_atom(root)
    if name == "rss":
        channel = _child(root, None, "channel")
        if channel is None:
            raise InputError(source, "malformed RSS: no <channel> element")
        return _parse_rss(channel, channel, None)
    if name == "RDF":
        channel = _child(root, _RSS1, "channel")
        return _parse_rss(channel if channel is not None else root, root, _RSS1)
    raise InputError(source, f"not an RSS or Atom feed (the root element is <{name}>)")


def iter_feed_documents(data: bytes, *, source: str, context: IngestContext) -> Iterator[Item]:
    """Documents from a feed's items, fetching the articles behind short teasers.

    Args:
        data: The feed's bytes.
        source: The feed's path or URL; items are named ``{source}#item{n}``.
        context: Defaults, size cap and HTTP client for the linked articles.

    Yields:
        A Document per usable item; an IngestFailure for a malformed feed, an
        item with neither enough text nor a link, or a link that fails.
    """
    try:
        feed = parse_feed(data, source=source)
    except InputError as exc:
        yield IngestFailure(source, exc.reason)
        return
    if not feed.items:
        yield IngestFailure(source, "the feed has no items")
        return
    logger.info("%s: feed with %s items", source, len(feed.items))
    for item in feed.items:
        yield from _item_documents(item, feed, source=source, context=context)


def _item_documents(
    item: FeedItem, feed: Feed, *, source: str, context: IngestContext
) -> list[Item]:
    """The Document (or failure) for one feed item."""
    item_source = f"{source}#item{item.index}"
    metadata = {
        "title": item.title,
        "author": item.author,
        "published": item.published,
        "url": item.link,
        "outlet": feed.title,
        "language": feed.language,
    }
    doc_id = stable_id(item.link or item.guid or item_source)
    text = clean_text(fragment_to_text(item.body)) if item.body else ""
    if len(text) >= MIN_ITEM_CHARS:
        return build_document(
            text,
            kind="clean",
            doc_id=doc_id,
            source=item_source,
            metadata=metadata,
            defaults=context.defaults,
            url=item.link,
        )
    if not item.link:
        return [
            IngestFailure(
                item_source,
                f"feed item has only {len(text)} characters of text and no link to the article",
            )
        ]
    logger.debug("%s: teaser of %s characters; fetching %s", item_source, len(text), item.link)
    try:
        page = fetch(item.link, client=context.client, max_bytes=context.max_bytes)
    except FetchError as exc:
        return [IngestFailure(item.link, exc.reason)]
    return page_documents(
        page, doc_id=doc_id, source=item.link, metadata=metadata, defaults=context.defaults
    )


def _parse_rss(channel: etree._Element, container: etree._Element, ns: str | None) -> Feed:
    """RSS 2.0 (``ns`` None) or RSS 1.0 (``ns`` the RSS 1.0 namespace)."""
    feed = Feed(
        title=_text(_child(channel, ns, "title")),
        language=_text(_child(channel, None, "language"))
        or _text(_child(channel, _DC, "language")),
    )
    for index, element in enumerate(_children(container, ns, "item"), start=1):
        link = _text(_child(element, ns, "link"))
        guid_element = _child(element, ns, "guid")
        guid = _text(guid_element)
        if (
            not link
            and guid
            and guid.startswith(("http://", "https://"))
            and (guid_element is not None and guid_element.get("isPermaLink", "true") != "false")
        ):
            link = guid
        feed.items.append(
            FeedItem(
                index=index,
                title=_text(_child(element, ns, "title")),
                link=link,
                guid=guid or element.get(f"{{{_RDF}}}about"),
                author=_text(_child(element, _DC, "creator"))
                or _text(_child(element, ns, "author")),
                published=_text(_child(element, ns, "pubDate"))
                or _text(_child(element, _DC, "date")),
                body=_text(_child(element, _CONTENT, "encoded"))
                or _text(_child(element, ns, "description")),
            )
        )
    return feed


def _parse_atom(root: etree._Element) -> Feed:
    """An Atom 1.0 feed."""
    feed_author = _atom_author(root)
    feed = Feed(title=_text(_child(root, _ATOM, "title")), language=root.get(_XML_LANG))
    for index, entry in enumerate(_children(root, _ATOM, "entry"), start=1):
        feed.items.append(
            FeedItem(
                index=index,
                title=_text(_child(entry, _ATOM, "title")),
                link=_atom_link(entry),
                guid=_text(_child(entry, _ATOM, "id")),
                author=_atom_author(entry) or feed_author,
                published=_text(_child(entry, _ATOM, "published"))
                or _text(_child(entry, _ATOM, "updated")),
                body=_atom_body(_child(entry, _ATOM, "content"))
                or _atom_body(_child(entry, _ATOM, "summary")),
            )
        )
    return feed


def _atom_link(entry: etree._Element) -> str | None:
    """The entry's alternate (or unlabelled) link."""
    for link in _children(entry, _ATOM, "link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href", "").strip() or None
    return None


def _atom_author(element: etree._Element) -> str | None:
    """Names of an element's ``<author>`` children, joined with commas."""
    names = [_text(_child(author, _ATOM, "name")) for author in _children(element, _ATOM, "author")]
    joined = ", ".join(name for name in names if name)
    return joined or None


def _atom_body(element: etree._Element | None) -> str | None:
    """Text or markup of an Atom ``content``/``summary`` (``xhtml`` serialised)."""
    if element is None or element.get("src"):
        return None
    if element.get("type") == "xhtml":
        markup = "".join(
            etree.tostring(child, method="html", encoding="unicode") for child in element
        )
        return markup.strip() or None
    return _text(element)


def _child(element: etree._Element | None, ns: str | None, name: str) -> etree._Element | None:
    """The first child named ``{ns}name`` (no namespace when ``ns`` is None)."""
    if element is None:
        return None
    return next(_children(element, ns, name), None)


def _children(element: etree._Element, ns: str | None, name: str) -> Iterator[etree._Element]:
    """Children named ``{ns}name``."""
    tag = f"{{{ns}}}{name}" if ns else name
    yield from element.iterchildren(tag)


def _text(element: etree._Element | None) -> str | None:
    """An element's stripped text content, or None when empty."""
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def _html_entities_to_references(data: bytes) -> bytes:
    """Rewrite HTML named entities (``&nbsp;``) as numeric references XML accepts."""
    encoding = bom_encoding(data[:4])
    if encoding is not None and encoding != "utf-8-sig":
        return data  # the byte pattern below only fits ASCII-compatible encodings

    def replace(match: re.Match[bytes]) -> bytes:
        name = match.group(1).decode("ascii")
        if name in _XML_ENTITIES or name not in name2codepoint:
            return match.group(0)
        return f"&#{name2codepoint[name]};".encode("ascii")

    return _NAMED_ENTITY.sub(replace, data)
