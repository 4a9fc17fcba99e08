"""Stage 1: inputs to ``Document`` objects.

Files (``.txt``, ``.html``, ``.jsonl``, ``.csv``), folders, ``http(s)`` URLs and
RSS/Atom feeds go in; cleaned :class:`~eventwatch.model.Document` objects come
out, with an :class:`~eventwatch.model.IngestFailure` for every input that
could not be used and why.  The modules, one idea each:

* ``sources``   -- :func:`iter_documents`: expanding sources, the reader registry
* ``files``     -- readers per file type, ``NAME.meta.json`` sidecars
* ``feeds``     -- RSS 2.0, RSS 1.0 and Atom
* ``fetch``     -- HTTP with ``httpx``: User-Agent, timeouts, size cap
* ``html``      -- main-text extraction (trafilatura) and feed fragments
* ``furniture`` -- :func:`clean_text`, the page-furniture filter for plain text
* ``decode``    -- bytes to text (BOMs, UTF-8, confident guesses)
* ``dates``     -- :func:`normalise_date`
* ``dedup``     -- :func:`simhash` and :func:`near_duplicate` for syndicated copies
* ``records``   -- merging metadata into one Document, shared by every reader
"""

from __future__ import annotations

from eventwatch.ingest.dates import normalise_date
from eventwatch.ingest.dedup import near_duplicate, simhash
from eventwatch.ingest.fetch import make_client
from eventwatch.ingest.furniture import clean_text
from eventwatch.ingest.html import extract_html
from eventwatch.ingest.sources import iter_documents

__all__ = [
    "clean_text",
    "extract_html",
    "iter_documents",
    "make_client",
    "near_duplicate",
    "normalise_date",
    "simhash",
]
