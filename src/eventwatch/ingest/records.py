"""From raw text plus metadata to one ``Document``: the step every reader shares.

Every reader (text and HTML files, JSON Lines and CSV records, feed items,
fetched pages) ends in :func:`build_document`, so metadata is merged the same
way everywhere:

* metadata given with the input (a sidecar, the record's own fields, a feed
  item's fields) wins;
* then what the page itself says (HTML ``<title>``, author, date, site name);
* then the caller's defaults (``published=`` and ``outlet=`` of
  ``iter_documents``).

A ``published`` value that cannot be parsed is not fatal: the document is kept
with ``published=None`` and an ``IngestFailure`` with ``stage="metadata"``
records the problem.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from eventwatch.errors import ConfigError, InputError
from eventwatch.ingest.dates import parse_date
from eventwatch.ingest.decode import decode_bytes, sniff_html_charset
from eventwatch.ingest.fetch import FetchedPage, make_client
from eventwatch.ingest.furniture import clean_text
from eventwatch.ingest.html import extract_html
from eventwatch.model import DATE_PRECISIONS, Document, IngestFailure

__all__ = [
    "METADATA_KEYS",
    "Defaults",
    "IngestContext",
    "Item",
    "build_document",
    "page_documents",
]

logger = logging.getLogger(__name__)

Item = Document | IngestFailure
BodyKind = Literal["text", "html", "clean"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown"})

METADATA_KEYS = (
    "id",
    "url",
    "outlet",
    "title",
    "author",
    "published",
    "published_precision",
    "language",
)


@dataclass(frozen=True, slots=True)
class Defaults:
    """Values that fill in where a document has none."""

    published: str | None = None
    published_precision: str | None = None
    outlet: str | None = None

    @classmethod
    def from_arguments(cls, *, published: str | None, outlet: str | None) -> Defaults:
        """Validate the caller's ``published=`` and ``outlet=`` once, up front."""
        parsed = parse_date(published)
        return cls(
            published=parsed[0] if parsed else None,
            published_precision=parsed[1] if parsed else None,
            outlet=(outlet or "").strip() or None,
        )


class IngestContext:
    """What readers need besides their input: defaults, the size cap, a client."""

    def __init__(
        self, *, defaults: Defaults, max_bytes: int, client: httpx.Client | None = None
    ) -> None:
        if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0:
            raise ConfigError(
                f"max_bytes must be a positive whole number of bytes, got {max_bytes!r}"
            )
        self.defaults = defaults
        self.max_bytes = max_bytes
        self._client = client
        self._owns_client = False

    @property
    def client(self) -> httpx.Client:
        """The caller's client, or one made on first use (and closed by :meth:`close`)."""
        if self._client is None:
            self._client = make_client()
            self._owns_client = True
        return self._client

    def close(self) -> None:
        """Close the client if this context made it."""
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None
            self._owns_client = False


def build_document(
    body: str,
    *,
    kind: BodyKind,
    doc_id: str,
    source: str,
    metadata: Mapping[str, Any],
    defaults: Defaults,
    url: str | None = None,
) -> list[Item]:
    """Turn one input's body and metadata into a Document (or say why not).

    Args:
        body: The decoded input: plain text, HTML, or text already cleaned.
        kind: ``"text"`` (run the furniture filter), ``"html"`` (extract the
            main text first) or ``"clean"`` (use as is).
        doc_id: The id to use when the metadata gives none.
        source: The path or URL it came from; becomes ``Document.source_path``.
        metadata: Fields given with the input; see ``METADATA_KEYS``.
        defaults: The caller's fill-in values.
        url: The address the body was fetched from, if it was.

    Returns:
        ``[Document]``; ``[Document, IngestFailure]`` when a metadata field was
        unusable; ``[IngestFailure]`` when there is no text.
    """
    fields = _metadata_fields(metadata)
    found: dict[str, Any] = {}
    if not body.strip():
        return [IngestFailure(source, "empty document: there is no text")]
    if kind == "html":
        text, found = extract_html(body, url=fields.get("url") or url)
        if not text:
            return [
                IngestFailure(
                    source, "no article text found in the HTML (an index, login or empty page?)"
                )
            ]
    else:
        text = clean_text(body) if kind == "text" else body.strip()
    if not text:
        return [
            IngestFailure(source, "empty document: no text is left once page furniture is removed")
        ]

    failures: list[Item] = []
    published, precision = _published(fields, found, defaults, source, failures)
    language = fields.get("language") or found.get("language") or "en"
    document = Document(
        id=fields.get("id") or doc_id,
        text=text,
        url=fields.get("url") or url or found.get("url"),
        outlet=fields.get("outlet") or found.get("outlet") or defaults.outlet,
        title=fields.get("title") or found.get("title"),
        author=fields.get("author") or found.get("author"),
        published=published,
        published_precision=precision,
        language=language.split("-")[0].split("_")[0].lower(),
        source_path=source,
    )
    return [document, *failures]


def page_documents(
    page: FetchedPage,
    *,
    doc_id: str,
    source: str,
    metadata: Mapping[str, Any],
    defaults: Defaults,
) -> list[Item]:
    """Build the Document for a fetched web page (HTML or plain text).

    Args:
        page: The response.
        doc_id: The id to use when the metadata gives none.
        source: The URL to name as ``source_path``.
        metadata: Fields known before fetching (say, from a feed item).
        defaults: The caller's fill-in values.

    Returns:
        As :func:`build_document`; an IngestFailure for content that is not
        text (PDF, images, archives) or cannot be decoded.
    """
    content_type = page.content_type
    is_html = content_type in _HTML_TYPES
    if not (is_html or content_type == "" or content_type.startswith("text/")):
        return [
            IngestFailure(
                source,
                f"unsupported content type {content_type!r}; "
                "expected an HTML page, plain text or a feed",
            )
        ]
    declared = page.charset or (sniff_html_charset(page.content) if is_html else None)
    try:
        body = decode_bytes(page.content, source=source, declared=declared)
    except InputError as exc:
        return [IngestFailure(source, exc.reason)]
    if not is_html and content_type not in _TEXT_TYPES:
        is_html = body.lstrip().startswith("<")
    return build_document(
        body,
        kind="html" if is_html else "text",
        doc_id=doc_id,
        source=source,
        metadata=metadata,
        defaults=defaults,
        url=page.final_url,
    )


def _metadata_fields(metadata: Mapping[str, Any]) -> dict[str, str]:
    """The known metadata keys, as stripped strings; empty values left out."""
    fields: dict[str, str] = {}
    for key in METADATA_KEYS:
        value = metadata.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, str | int | float):
            text = " ".join(str(value).split())
            if text:
                fields[key] = text
    return fields


def _published(
    fields: Mapping[str, str],
    found: Mapping[str, Any],
    defaults: Defaults,
    source: str,
    failures: list[Item],
) -> tuple[str | None, str | None]:
    """The ISO publication day and its precision, recording unusable values."""
    given_precision = fields.get("published_precision")
    if given_precision is not None and given_precision not in DATE_PRECISIONS:
        failures.append(
            IngestFailure(
                source,
                f"published_precision {given_precision!r} is not one of "
                f"{', '.join(DATE_PRECISIONS)}; ignored",
                stage="metadata",
            )
        )
        given_precision = None
    raw = fields.get("published")
    if raw is not None:
        try:
            parsed = parse_date(raw)
        except InputError:
            failures.append(
                IngestFailure(
                    source,
                    f"published date {raw!r} is not a recognised date; the document is kept "
                    "with published=None (use YYYY-MM-DD)",
                    stage="metadata",
                )
            )
            return None, None
        if parsed is not None:
            return parsed[0], given_precision or parsed[1]
    if found.get("published"):
        return found["published"], given_precision or "day"
    if defaults.published:
        return defaults.published, given_precision or defaults.published_precision
    return None, None
