"""``iter_documents``: any mix of files, folders, URLs and feeds in, Documents out.

Each source is expanded (a folder into its files, recursively and in sorted
order), handed to the reader registered for its file extension, or fetched
when it is a URL.  Results stream out one at a time.  Nothing a source
contains can stop the batch: problems come out as ``IngestFailure`` items
alongside the Documents, and even an unexpected error in a reader is turned
into a failure for that one file.

Exact duplicates (the same ``content_hash``) are yielded once per call.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from eventwatch.errors import FetchError
from eventwatch.ingest.feeds import iter_feed_documents, looks_like_feed
from eventwatch.ingest.fetch import fetch
from eventwatch.ingest.files import (
    SIDECAR_SUFFIX,
    Reader,
    read_csv_file,
    read_feed_file,
    read_html_file,
    read_json_file,
    read_jsonl_file,
    read_sniffed_file,
    read_text_file,
    read_tsv_file,
)
from eventwatch.ingest.records import Defaults, IngestContext, Item, page_documents
from eventwatch.model import Document, IngestFailure, stable_id

__all__ = ["DEFAULT_MAX_BYTES", "iter_documents", "reader_for", "register_reader"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10_000_000

_READERS: dict[str, Reader] = {}


def register_reader(suffix: str, reader: Reader) -> None:
    """Use ``reader`` for files ending in ``suffix`` (replacing any earlier one).

    Args:
        suffix: A file extension with its dot, such as ``".md"``; case-insensitive.
        reader: A callable ``(path, context) -> Iterator[Document | IngestFailure]``.
    """
    if not suffix.startswith("."):
        suffix = "." + suffix
    _READERS[suffix.lower()] = reader


def reader_for(path: Path) -> Reader:
    """The reader registered for a file's extension; sniffing for unknown ones.

    Args:
        path: The file.

    Returns:
        The reader to call.
    """
    return _READERS.get(path.suffix.lower(), read_sniffed_file)


for _suffix, _reader in (
    (".txt", read_text_file),
    (".text", read_text_file),
    (".html", read_html_file),
    (".htm", read_html_file),
    (".xhtml", read_html_file),
    (".json", read_json_file),
    (".jsonl", read_jsonl_file),
    (".ndjson", read_jsonl_file),
    (".csv", read_csv_file),
    (".tsv", read_tsv_file),
    (".xml", read_feed_file),
    (".rss", read_feed_file),
    (".atom", read_feed_file),
):
    register_reader(_suffix, _reader)


def iter_documents(
    sources: Iterable[str | os.PathLike[str]],
    *,
    published: str | None = None,
    outlet: str | None = None,
    client: httpx.Client | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | IngestFailure]:
    """Read articles from files, folders, URLs and feeds, one at a time.

    Args:
        sources: File paths, folders (read recursively in sorted order,
            skipping hidden files and ``*.meta.json`` sidecars), ``http(s)://``
            URLs, and RSS/Atom feeds (a local ``.xml``/``.rss``/``.atom`` file
            or a URL that returns a feed).  A single string is taken as one
            source.
        published: Publication date for documents that give none (any form
            :func:`~eventwatch.ingest.dates.normalise_date` accepts).
        outlet: Outlet name for documents that give none.
        client: The HTTP client for URLs and feed links; by default one is
            made on first use (see :func:`~eventwatch.ingest.fetch.make_client`)
            and closed when the iterator finishes.
        max_bytes: The largest file, response or JSONL/CSV line accepted.

    Returns:
        An iterator of Documents and IngestFailures, in source order.  A
        Document whose text repeats an earlier one exactly is left out (and
        logged at INFO).  A Document whose ``published`` metadata could not
        be parsed comes with ``published=None`` and is followed by an
        IngestFailure with ``stage="metadata"``.

    Raises:
        InputError: ``published`` is not a date.
        ConfigError: ``max_bytes`` is not a positive integer.

    Example:
        >>> for item in iter_documents(["articles/", "https://example.org/feed.xml"]):
        ...     if isinstance(item, IngestFailure):
        ...         print("skipped", item)
    """
    if isinstance(sources, str | os.PathLike):
        sources = [sources]
    defaults = Defaults.from_arguments(published=published, outlet=outlet)
    context = IngestContext(defaults=defaults, max_bytes=max_bytes, client=client)
    return _iter_documents(sources, context)


def _iter_documents(
    sources: Iterable[str | os.PathLike[str]], context: IngestContext
) -> Iterator[Item]:
    """The generator behind iter_documents: expand, read, drop exact repeats."""
    first_seen: dict[str, str] = {}
    try:
        for source in sources:
            for item in _iter_source(os.fspath(source), context):
                if isinstance(item, IngestFailure):
                    logger.info("%s: %s", item.source, item.reason)
                    yield item
                    continue
                earlier = first_seen.get(item.content_hash)
                if earlier is not None:
                    logger.info("%s: same text as %s; skipped", item.source_path, earlier)
                    continue
                first_seen[item.content_hash] = item.source_path or item.id
                yield item
    finally:
        context.close()


def _iter_source(source: str, context: IngestContext) -> Iterator[Item]:
    """Everything one source expands to."""
    text = source.strip()
    scheme = urlsplit(text).scheme.lower() if "://" in text else ""
    if scheme in ("http", "https"):
        yield from _guarded(text, _iter_url(text, context))
        return
    if scheme == "file":
        path = Path(unquote(urlsplit(text).path))
    elif scheme:
        yield IngestFailure(
            source, f"unsupported URL scheme {scheme!r}; give an http(s) URL or a file path"
        )
        return
    else:
        path = Path(text).expanduser()
    if path.is_dir():
        for entry in _walk(path, set()):
            if isinstance(entry, IngestFailure):
                yield entry
            else:
                yield from _guarded(str(entry), reader_for(entry)(entry, context))
    elif path.name.endswith(SIDECAR_SUFFIX):
        yield IngestFailure(source, "is a metadata sidecar; give the document it describes instead")
    elif path.exists():
        yield from _guarded(str(path), reader_for(path)(path, context))
    else:
        yield IngestFailure(source, "no such file or folder")


def _iter_url(url: str, context: IngestContext) -> Iterator[Item]:
    """A fetched page or feed."""
    try:
        page = fetch(url, client=context.client, max_bytes=context.max_bytes)
    except FetchError as exc:
        yield IngestFailure(url, exc.reason)
        return
    if looks_like_feed(page.content):
        yield from iter_feed_documents(page.content, source=url, context=context)
        return
    yield from page_documents(
        page, doc_id=stable_id(url), source=url, metadata={}, defaults=context.defaults
    )


def _walk(folder: Path, visited: set[str]) -> Iterator[Path | IngestFailure]:
    """Files under a folder in sorted order; hidden entries, sidecars and READMEs skipped.

    A folder's README describes the folder; it is not an article.  Name it on the
    command line to read it anyway.
    """
    visited.add(os.path.realpath(folder))
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield IngestFailure(str(folder), f"cannot list the folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder:
            if os.path.realpath(entry.path) in visited:
                logger.warning("%s: folder already visited (a symlink loop?); skipped", entry.path)
                continue
            yield from _walk(Path(entry.path), visited)
        elif not entry.name.endswith(SIDECAR_SUFFIX) and not _is_readme(entry.name):
            yield Path(entry.path)


def _is_readme(name: str) -> bool:
    stem, _, suffix = name.lower().partition(".")
    return stem == "readme" and suffix in {"", "md", "txt", "rst"}


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Pass items through; turn an unexpected exception into a failure for ``source``."""
    try:
        yield from items
    except Exception as exc:  # a reader bug must not end the batch
        logger.exception("%s: unexpected error while reading", source)
        yield IngestFailure(
            source, f"unexpected error ({type(exc).__name__}: {exc}); please report it"
        )
