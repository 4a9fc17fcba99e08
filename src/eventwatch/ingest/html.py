"""HTML to article text: whole pages with trafilatura, feed fragments with lxml.

A whole page (a saved ``.html`` file, a fetched URL) goes through trafilatura,
which finds the main text and drops navigation, sidebars, comments and
footers, then through :func:`~eventwatch.ingest.furniture.clean_text` for the
furniture that survives inside the article body.  A fragment (the
``content:encoded`` of a feed item) is already the article body, so it is only
stripped of scripts and styles and flattened to text with its paragraph
breaks kept.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from lxml_html_clean import Cleaner

from eventwatch.errors import InputError
from eventwatch.ingest.dates import normalise_date
from eventwatch.ingest.furniture import clean_text

__all__ = ["extract_html", "fragment_to_text", "looks_like_markup"]

logger = logging.getLogger(__name__)

# Fewer words than this after extraction means the page had no article text.
_MIN_WORDS = 5
_LANG_ATTRIBUTE = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_TAG = re.compile(r"<(?:[A-Za-z][\w:-]*|/[A-Za-z][\w:-]*|!--)[^>]*>")
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li"),
        *("main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul"),
    }
)
_CLEANER = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    inline_style=True,
    embedded=True,
    forms=True,
    frames=True,
    meta=True,
    page_structure=False,
    links=False,
)


def extract_html(html: str, *, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Find the article in a web page and the metadata the page gives.

    Args:
        html: The page's markup, already decoded.
        url: Where the page came from; helps trafilatura resolve metadata.

    Returns:
        ``(text, metadata)``.  ``text`` is the cleaned article text, or ``""``
        when the page has no article text (fewer than five words).
        ``metadata`` holds only what was found, under ``Document`` field names:
        ``title``, ``author``, ``published`` (``YYYY-MM-DD``), ``url`` (the
        canonical address), ``outlet`` (the site name) and ``language`` (the
        primary subtag of ``<html lang>``).
    """
    if not html.strip():
        return "", {}
    extracted = _trafilatura(html, url=url, favor_recall=False)
    if extracted is None or not (extracted.text or "").strip():
        extracted = _trafilatura(html, url=url, favor_recall=True)
    text = clean_text(extracted.text or "") if extracted is not None else ""
    if len(text.split()) < _MIN_WORDS:
        text = ""
    metadata = _metadata(extracted, html)
    return text, metadata


def looks_like_markup(text: str) -> bool:
    """Whether a string contains HTML tags (rather than plain text)."""
    return _TAG.search(text) is not None


def fragment_to_text(fragment: str) -> str:
    """Flatten an HTML fragment (a feed item's content) to plain text.

    Scripts, styles, forms and embedded objects are removed; block elements and
    ``<br>`` become line breaks, so paragraphs survive as lines.

    Args:
        fragment: Markup such as ``<p>First.</p><p>Second.</p>``; plain text
            is returned unchanged.

    Returns:
        The text, one block per line, not yet furniture-filtered.
    """
    if not looks_like_markup(fragment):
        return fragment
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
        root = _CLEANER.clean_html(root)
    except (etree.ParserError, ValueError) as exc:
        logger.debug("unparseable HTML fragment (%s); using its tag-stripped text", exc)
        return _TAG.sub(" ", fragment)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return str(root.text_content())


def _trafilatura(html: str, *, url: str | None, favor_recall: bool) -> Any:
    """One trafilatura pass; ``None`` when it finds nothing or fails."""
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_recall=favor_recall,
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:
        logger.warning("%s: trafilatura could not parse the page: %s", url or "HTML", exc)
        return None


def _metadata(extracted: Any, html: str) -> dict[str, Any]:
    """The metadata trafilatura found, under Document field names."""
    found: dict[str, Any] = {}
    if extracted is not None:
        for key, attribute in (
            ("title", "title"),
            ("author", "author"),
            ("url", "url"),
            ("outlet", "sitename"),
        ):
            value = getattr(extracted, attribute, None)
            if isinstance(value, str) and value.strip():
                found[key] = " ".join(value.split())
        date = getattr(extracted, "date", None)
        if isinstance(date, str) and date.strip():
            try:
                published = normalise_date(date)
            except InputError:
                logger.debug("ignoring unparseable page date %r", date)
            else:
                if published:
                    found["published"] = published
    language = _LANG_ATTRIBUTE.search(html[:4096])
    if language:
        found["language"] = language.group(1).lower()
    return found
