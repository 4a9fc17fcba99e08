"""Stage 4: actors to entities, places to the gazetteer, dates to absolute ranges.

:func:`resolve_document` is the stage function.
"""

from __future__ import annotations

from eventwatch.resolve.records import document_countries, resolve_document

__all__ = ["document_countries", "resolve_document"]
