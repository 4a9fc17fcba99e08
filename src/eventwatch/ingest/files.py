"""Readers for local files, one per kind of file.

Whole-document files (``.txt``, ``.html``, ``.json``, feeds, anything unknown)
are read in one piece after a size check; their ``NAME.meta.json`` sidecar, if present,
supplies metadata.  Record files (``.jsonl``, ``.csv``, ``.tsv``) are streamed
line by line, one Document per record, so a file of a million articles never
sits in memory; for them ``max_bytes`` caps each line, not the file.

Every reader has the same shape, ``(path, context) -> Iterator[Document |
IngestFailure]``, and reports bad input as ``IngestFailure`` instead of raising.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from eventwatch.errors import InputError
from eventwatch.ingest.decode import decode_bytes, detect_stream_encoding, sniff_html_charset
from eventwatch.ingest.feeds import iter_feed_documents, looks_like_feed
from eventwatch.ingest.records import METADATA_KEYS, BodyKind, IngestContext, Item, build_document
from eventwatch.model import IngestFailure

__all__ = [
    "SIDECAR_SUFFIX",
    "TEXT_COLUMNS",
    "Reader",
    "read_capped",
    "read_csv_file",
    "read_feed_file",
    "read_html_file",
    "read_json_file",
    "read_jsonl_file",
    "read_sidecar",
    "read_sniffed_file",
    "read_text_file",
    "read_tsv_file",
]

logger = logging.getLogger(__name__)

Reader = Callable[[Path, IngestContext], Iterator[Item]]

SIDECAR_SUFFIX = ".meta.json"
TEXT_COLUMNS = ("text", "body", "content", "notes")
_SIDECAR_MAX_BYTES = 1_000_000
_SAMPLE_BYTES = 65_536
_CSV_FIELD_LIMIT = 2**31 - 1
# Leading bytes of binary formats people drop into input folders by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document; convert it to text or HTML first"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub); extract or convert it first"),
    (b"\x1f\x8b", "a gzip archive; decompress it first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


def read_capped(path: Path, *, max_bytes: int) -> bytes:
    """Read a whole file, refusing files over ``max_bytes``.

    Args:
        path: The file.
        max_bytes: The largest size accepted.

    Returns:
        The file's bytes.

    Raises:
        InputError: The file is missing, unreadable, too large, or a known
            binary format.
    """
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, _too_big(size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise InputError(source, "no such file") from exc
    except PermissionError as exc:
        raise InputError(source, "cannot read the file: permission denied") from exc
    except IsADirectoryError as exc:
        raise InputError(source, "is a folder, not a file") from exc
    except OSError as exc:
        raise InputError(source, f"cannot read the file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise InputError(source, _too_big(len(data), max_bytes, at_least=True))
    for magic, description in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"binary file ({description})")
    return data


def read_sidecar(path: Path) -> tuple[dict[str, Any], IngestFailure | None]:
    """The ``NAME.meta.json`` next to ``NAME.ext``, if there is one.

    Args:
        path: The document file.

    Returns:
        ``(metadata, None)``; ``({}, None)`` without a sidecar; ``({},
        failure)`` when the sidecar exists but cannot be used (the document
        is still read, without it).
    """
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}, None
    try:
        metadata = json.loads(
            read_capped(sidecar, max_bytes=_SIDECAR_MAX_BYTES).decode("utf-8-sig")
        )
    except (InputError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = exc.reason if isinstance(exc, InputError) else str(exc)
        return {}, _sidecar_failure(sidecar, reason)
    if not isinstance(metadata, dict):
        return {}, _sidecar_failure(
            sidecar, f"holds a JSON {type(metadata).__name__}, not an object"
        )
    return metadata, None


def read_text_file(path: Path, context: IngestContext) -> Iterator[Item]:
    """A plain-text article; page furniture is filtered out."""
    yield from _read_whole(path, context, kind="text")


def read_html_file(path: Path, context: IngestContext) -> Iterator[Item]:
    """A saved web page; the main text is extracted."""
    yield from _read_whole(path, context, kind="html")


def read_sniffed_file(path: Path, context: IngestContext) -> Iterator[Item]:
    """A file of unknown type: a feed, HTML if it starts with ``<``, else text."""
    yield from _read_whole(path, context, kind=None)


def read_feed_file(path: Path, context: IngestContext) -> Iterator[Item]:
    """A saved RSS or Atom feed."""
    try:
        data = read_capped(path, max_bytes=context.max_bytes)
    except InputError as exc:
        yield IngestFailure(str(path), exc.reason)
        return
    yield from iter_feed_documents(data, source=str(path), context=context)


def read_jsonl_file(path: Path, context: IngestContext) -> Iterator[Item]:
    """JSON Lines: one object per line with ``text`` or ``html`` and optional metadata."""
    for line in _iter_lines(path, max_bytes=context.max_bytes):
        if isinstance(line, IngestFailure):
            yield line
            continue
        number, text = line
        if not text.strip():
            continue
        source = f"{path}#L{number}"
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield IngestFailure(
                source, f"line {number} is not valid JSON: {exc.msg} (column {exc.colno})"
            )
            continue
        if not isinstance(record, dict):
            yield IngestFailure(
                source, f"line {number} is a JSON {type(record).__name__}, not an object"
            )
            continue
        yield from _line_record_documents(record, path=path, number=number, context=context)


def read_json_file(path: Path, context: IngestContext) -> Iterator[Item]:
    """A JSON file holding one record object, or a list of them.

    Records have the fields of JSON Lines records.  A single object is named
    by the file (id: its ``id`` or the file stem); list items are named
    ``{path}#{n}`` (id: their ``id`` or ``{stem}-{n}``).  Unlike JSON Lines, the
    whole file is read at once, so ``max_bytes`` caps the file.
    """
    source = str(path)
    try:
        value = json.loads(
            decode_bytes(read_capped(path, max_bytes=context.max_bytes), source=source)
        )
    except InputError as exc:
        yield IngestFailure(source, exc.reason)
        return
    except json.JSONDecodeError as exc:
        yield IngestFailure(
            source, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        )
        return
    if isinstance(value, dict):
        yield from _record_documents(
            value, source=source, doc_id=path.stem, label="the record", context=context
        )
        return
    if not isinstance(value, list):
        yield IngestFailure(
            source, f"holds a JSON {type(value).__name__}; expected an object or a list of them"
        )
        return
    if not value:
        yield IngestFailure(source, "empty document: the JSON list has no records")
    for number, record in enumerate(value, start=1):
        item_source = f"{path}#{number}"
        if not isinstance(record, dict):
            yield IngestFailure(
                item_source, f"item {number} is a JSON {type(record).__name__}, not an object"
            )
            continue
        yield from _record_documents(
            record,
            source=item_source,
            doc_id=f"{path.stem}-{number}",
            label=f"item {number}",
            context=context,
        )


def read_csv_file(path: Path, context: IngestContext) -> Iterator[Item]:
    """CSV with a header row and a text column (``text``, ``body``, ``content`` or ``notes``)."""
    yield from _read_table(path, context, delimiter=",")


def read_tsv_file(path: Path, context: IngestContext) -> Iterator[Item]:
    """Tab-separated values, otherwise as :func:`read_csv_file`."""
    yield from _read_table(path, context, delimiter="\t")


def _read_whole(path: Path, context: IngestContext, *, kind: BodyKind | None) -> Iterator[Item]:
    """Read, decode and build one document; ``kind`` None means sniff it."""
    source = str(path)
    try:
        data = read_capped(path, max_bytes=context.max_bytes)
    except InputError as exc:
        yield IngestFailure(source, exc.reason)
        return
    if kind is None and looks_like_feed(data):
        yield from iter_feed_documents(data, source=source, context=context)
        return
    try:
        declared = sniff_html_charset(data) if kind != "text" else None
        body = decode_bytes(data, source=source, declared=declared)
    except InputError as exc:
        yield IngestFailure(source, exc.reason)
        return
    if kind is None:
        kind = "html" if body.lstrip().startswith("<") else "text"
    metadata, problem = read_sidecar(path)
    if problem is not None:
        yield problem
    logger.debug("%s: read as %s", source, kind)
    yield from build_document(
        body,
        kind=kind,
        doc_id=path.stem,
        source=source,
        metadata=metadata,
        defaults=context.defaults,
    )


def _record_documents(
    record: Mapping[str, Any],
    *,
    source: str,
    doc_id: str,
    label: str,
    context: IngestContext,
) -> list[Item]:
    """The Document for one JSON, JSON Lines or CSV record (``label`` names it in errors)."""
    text, html = record.get("text"), record.get("html")
    kind: BodyKind
    if isinstance(text, str) and text.strip():
        body, kind = text, "text"
    elif isinstance(html, str) and html.strip():
        body, kind = html, "html"
    else:
        return [IngestFailure(source, f"{label} has no text: give a 'text' or 'html' value")]
    return build_document(
        body, kind=kind, doc_id=doc_id, source=source, metadata=record, defaults=context.defaults
    )


def _line_record_documents(
    record: Mapping[str, Any], *, path: Path, number: int, context: IngestContext
) -> list[Item]:
    """A JSON Lines or CSV record, named by its line number."""
    return _record_documents(
        record,
        source=f"{path}#L{number}",
        doc_id=f"{path.stem}-{number}",
        label=f"line {number}",
        context=context,
    )


@dataclass(slots=True)
class _TableLines:
    """Feeds decoded lines to ``csv.reader``, noting their numbers and any bad lines."""

    lines: Iterator[tuple[int, str] | IngestFailure]
    numbers: list[int] = field(default_factory=list)
    skipped: list[IngestFailure] = field(default_factory=list)
    problems: int = 0

    def __iter__(self) -> Iterator[str]:
        for line in self.lines:
            if isinstance(line, IngestFailure):
                self.skipped.append(line)
                self.problems += 1
                continue
            self.numbers.append(line[0])
            yield line[1]


def _read_table(path: Path, context: IngestContext, *, delimiter: str) -> Iterator[Item]:
    """CSV/TSV records, streamed; the header names the columns."""
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    source = str(path)
    feed = _TableLines(_iter_lines(path, max_bytes=context.max_bytes))
    reader = csv.reader(feed, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    try:
        for row in reader:
            start = feed.numbers[0] if feed.numbers else reader.line_num
            feed.numbers.clear()
            yield from _drain(feed.skipped)
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [name.strip().lstrip("\ufeff").lower() for name in row]
                problem = _header_problem(header)
                if problem:
                    yield IngestFailure(source, problem)
                    return
                continue
            if len(row) > len(header):
                yield IngestFailure(
                    f"{path}#L{start}",
                    f"line {start} has {len(row)} fields but the header has {len(header)}",
                )
                continue
            record = _row_record(header, row)
            yield from _line_record_documents(record, path=path, number=start, context=context)
    except csv.Error as exc:
        line = feed.numbers[-1] if feed.numbers else reader.line_num
        yield IngestFailure(
            f"{path}#L{line}",
            f"malformed CSV at line {line}: {exc}; the rest of the file was skipped",
        )
        return
    yield from _drain(feed.skipped)
    if header is None and not feed.problems:
        yield IngestFailure(source, "empty document: the file has no header row and no records")


def _header_problem(header: list[str]) -> str | None:
    """Why a header row cannot be used, or None."""
    if any(name in header for name in (*TEXT_COLUMNS, "html")):
        return None
    return (
        f"no text column: the header needs one of {', '.join(TEXT_COLUMNS)} (or html); "
        f"found {', '.join(name or '(blank)' for name in header)}"
    )


def _row_record(header: list[str], row: list[str]) -> dict[str, Any]:
    """A CSV row as a record with ``text``/``html`` and metadata keys."""
    cells = dict(zip(header, [*row, *[""] * (len(header) - len(row))], strict=True))
    record: dict[str, Any] = {key: cells[key] for key in METADATA_KEYS if cells.get(key)}
    text_column = next((name for name in TEXT_COLUMNS if cells.get(name, "").strip()), None)
    if text_column is not None:
        record["text"] = cells[text_column]
    elif cells.get("html", "").strip():
        record["html"] = cells["html"]
    return record


def _iter_lines(path: Path, *, max_bytes: int) -> Iterator[tuple[int, str] | IngestFailure]:
    """Decoded ``(line number, line)`` pairs, each line at most ``max_bytes``.

    Line endings are kept (``csv`` needs them).  A line over the cap or not in
    the file's encoding becomes an IngestFailure and reading goes on.
    """
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror or str(exc)
        yield IngestFailure(source, f"cannot read the file: {reason}")
        return
    with handle:
        sample = handle.read(_SAMPLE_BYTES)
        if not sample.strip():
            yield IngestFailure(source, "empty document: the file is empty")
            return
        try:
            encoding = detect_stream_encoding(sample, source=source)
        except InputError as exc:
            yield IngestFailure(source, exc.reason)
            return
        handle.seek(0)
        if encoding in ("utf-16", "utf-32"):
            yield from _text_lines(handle, encoding=encoding, max_bytes=max_bytes, path=path)
        else:
            yield from _byte_lines(handle, encoding=encoding, max_bytes=max_bytes, path=path)


def _byte_lines(
    handle: BinaryIO, *, encoding: str, max_bytes: int, path: Path
) -> Iterator[tuple[int, str] | IngestFailure]:
    """Lines of an ASCII-compatible encoding, split on bytes and decoded one by one."""
    number = 0
    while raw := handle.readline(max_bytes + 1):
        number += 1
        size = len(raw)
        while len(raw) > max_bytes and not raw.endswith(b"\n"):
            raw = handle.readline(max_bytes + 1)
            size += len(raw)
            if not raw:
                break
        if size > max_bytes:
            reason = _too_big(size, max_bytes, what=f"line {number}")
            yield IngestFailure(f"{path}#L{number}", reason)
            continue
        try:
            yield number, raw.decode(encoding)
        except UnicodeDecodeError as exc:
            yield IngestFailure(
                f"{path}#L{number}", f"line {number} is not valid {encoding}: {exc}"
            )


def _text_lines(
    handle: BinaryIO, *, encoding: str, max_bytes: int, path: Path
) -> Iterator[tuple[int, str] | IngestFailure]:
    """Lines of a UTF-16/UTF-32 file (``max_bytes`` counted in characters)."""
    stream = io.TextIOWrapper(handle, encoding=encoding, newline="")
    number = 0
    try:
        while line := stream.readline(max_bytes + 1):
            number += 1
            size = len(line)
            while len(line) > max_bytes and not line.endswith("\n"):
                line = stream.readline(max_bytes + 1)
                size += len(line)
                if not line:
                    break
            if size > max_bytes:
                reason = _too_big(size, max_bytes, what=f"line {number} (in characters)")
                yield IngestFailure(f"{path}#L{number}", reason)
                continue
            yield number, line
    except UnicodeDecodeError as exc:
        yield IngestFailure(
            f"{path}#L{number + 1}",
            f"line {number + 1} is not valid {encoding} ({exc}); the rest of the file was skipped",
        )
    finally:
        stream.detach()


def _drain(failures: list[IngestFailure]) -> list[IngestFailure]:
    """Hand over and forget the failures gathered so far."""
    drained = list(failures)
    failures.clear()
    return drained


def _sidecar_failure(sidecar: Path, reason: str) -> IngestFailure:
    """A metadata-stage failure for an unusable sidecar."""
    return IngestFailure(
        str(sidecar),
        f"unusable metadata sidecar ({reason}); the document was read without it",
        stage="metadata",
    )


def _too_big(size: int, max_bytes: int, *, at_least: bool = False, what: str = "file") -> str:
    """The over-the-limit reason, with the size, the limit and the fix."""
    amount = f"over {max_bytes:,}" if at_least else f"{size:,}"
    return (
        f"{what} is {amount} bytes, over the limit of {max_bytes:,} bytes; "
        "raise max_bytes to read it"
    )
