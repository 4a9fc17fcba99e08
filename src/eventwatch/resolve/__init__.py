"""Stage 4: actors to entities, places to the gazetteer, dates to absolute ranges.

:func:`resolve_document` is the stage function.
"""

from __future__ import annotations

from eventwatch.resolve.entities import (
    CanonicalEntity,
    EntityRegistry,
    LinkedMention,
    LocalEntity,
    document_entities,
)
from eventwatch.resolve.records import (
    document_countries,
    resolve_document,
    resolve_with_entities,
)

__all__ = [
    "CanonicalEntity",
    "EntityRegistry",
    "LinkedMention",
    "LocalEntity",
    "document_countries",
    "document_entities",
    "resolve_document",
    "resolve_with_entities",
]
