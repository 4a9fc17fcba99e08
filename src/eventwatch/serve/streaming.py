"""Export formats streamed over HTTP: the registered exporters and the API's own (JSON array).

The exporters (found with :func:`eventwatch.serve.formats.find_exporter`) write to a file handle; a response wants an iterator of byte
chunks.  :func:`stream_export` runs the exporter in a worker thread that writes
into a bounded queue (64 KB chunks, at most 16 in flight) and yields the chunks
as they come, so memory stays flat on any export size and a client that stops
reading stops the exporter.
"""

from __future__ import annotations

import io
import logging
import queue
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from eventwatch.serve.formats import find_exporter

__all__ = ["MEDIA_TYPES", "media_type", "stream_export"]

logger = logging.getLogger(__name__)

MEDIA_TYPES = {
    "json": "application/json",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
_CHUNK = 64 * 1024
_IN_FLIGHT = 16
_DONE = object()


def media_type(format: str) -> str:
    """The Content-Type of an export format (octet-stream for plugins we do not know)."""
    return MEDIA_TYPES.get(format, "application/octet-stream")


class _Cancelled(Exception):
    """The client went away; the exporter stops at its next write."""


class _QueueWriter(io.RawIOBase):
    """A binary sink that hands what is written to a queue."""

    def __init__(self, chunks: queue.Queue[Any], cancelled: threading.Event) -> None:
        self._chunks = chunks
        self._cancelled = cancelled
        self._written = 0

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._written

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        while True:
            if self._cancelled.is_set():
                raise _Cancelled
            try:
                self._chunks.put(chunk, timeout=0.5)
                break
            except queue.Full:
                continue
        self._written += len(chunk)
        return len(chunk)


def stream_export(
    events: Iterable[Mapping[str, Any]],
    *,
    format: str,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
) -> Iterator[bytes]:
    """Export ``events`` in ``format`` as a stream of byte chunks.

    Args:
        events: Event records (``EventRecord.to_dict()`` shape), consumed lazily.
        format: An export format (:func:`~eventwatch.serve.formats.download_formats`).
        documents: Documents by id (fills each event's outlet).

    Returns:
        An iterator of chunks; closing it early stops the exporter.

    Raises:
        ConfigError: The format is unknown (raised before anything streams).
    """
    exporter = find_exporter(format)
    chunks: queue.Queue[Any] = queue.Queue(maxsize=_IN_FLIGHT)
    cancelled = threading.Event()

    def run() -> None:
        raw = _QueueWriter(chunks, cancelled)
        buffered = io.BufferedWriter(raw, buffer_size=_CHUNK)
        handle: Any = buffered
        if not exporter.binary:
            handle = io.TextIOWrapper(buffered, encoding="utf-8", newline="")
        try:
            written = exporter.write(events, handle, documents=documents)
            handle.flush()
            logger.debug("streamed %d %s rows", written, format)
            outcome: Any = _DONE
        except _Cancelled:
            return
        except BaseException as exc:  # handed to the response, which ends the stream
            outcome = exc
        while not cancelled.is_set():
            try:
                chunks.put(outcome, timeout=0.5)
                return
            except queue.Full:
                continue

    def generate() -> Iterator[bytes]:
        worker = threading.Thread(target=run, name=f"eventwatch-export-{format}", daemon=True)
        worker.start()
        try:
            while True:
                item = chunks.get()
                if item is _DONE:
                    return
                if isinstance(item, BaseException):
                    logger.error("export to %s failed: %s", format, item)
                    raise item
                yield item
        finally:
            cancelled.set()

    return generate()
