"""The dashboard's fixed vocabulary: event types, factuality labels and their CSS classes.

Colours live in ``static/app.css`` (one class per type and per factuality);
this module only maps values to those class names, so a value the CSS does not
know (a new type, a plugin's) still renders, in the neutral colour.
"""

from __future__ import annotations

import re

from eventwatch.model import EVENT_TYPES, FACTUALITY_VALUES

__all__ = [
    "EVENT_TYPES",
    "FACTUALITY_LABELS",
    "HEDGED",
    "factuality_class",
    "type_class",
]


#: What each factuality value means, for legends and tooltips.
FACTUALITY_LABELS = {
    "asserted": "asserted: the outlet states it",
    "attributed": "attributed: a named source says it",
    "alleged": "alleged: hedged or anonymous",
    "denied": "denied",
    "planned": "planned or scheduled",
    "hypothetical": "hypothetical",
    "negated": "negated: did not happen",
}

#: Factuality values shown as unconfirmed claims (the reader's hedged style).
HEDGED = frozenset({"alleged", "denied", "hypothetical", "planned", "negated"})

_KNOWN_TYPES = frozenset(EVENT_TYPES)
_SAFE = re.compile(r"[^a-z0-9_-]")


def type_class(event_type: str | None) -> str:
    """The CSS class of an event type (``t-coup``), ``t-other`` for types the CSS lacks."""
    value = (event_type or "").upper()
    return f"t-{value.lower()}" if value in _KNOWN_TYPES else "t-other"


def factuality_class(factuality: str | None, *, anonymous: bool = False) -> str:
    """The CSS class of a claim's factuality (``f-alleged``); anonymous claims count as alleged."""
    if anonymous and factuality in (None, "asserted", "attributed"):
        return "f-alleged"
    value = factuality if factuality in FACTUALITY_VALUES else "other"
    return "f-" + _SAFE.sub("", value or "other")
