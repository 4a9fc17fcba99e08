"""Every exception eventwatch raises on purpose.

Hierarchy::

    EventwatchError          base; catch this to handle any of ours
    ├── InputError           an input (file, URL, record) could not be read or parsed
    │   └── FetchError       a URL or feed could not be fetched
    ├── ConfigError          a setting is missing or has a bad value
    ├── ModelError           the spaCy model could not be loaded
    └── StoreError           the database could not be opened, migrated or written

Messages say what was wrong, with the value, and what to do.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EventwatchError",
    "FetchError",
    "InputError",
    "ModelError",
    "StoreError",
]


class EventwatchError(Exception):
    """Base class for eventwatch's own errors."""


class InputError(EventwatchError):
    """An input could not be read or parsed.  ``source`` names it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(InputError):
    """A URL or feed could not be fetched."""


class ConfigError(EventwatchError):
    """A setting is missing or invalid."""


class ModelError(EventwatchError):
    """The spaCy model could not be loaded."""


class StoreError(EventwatchError):
    """The store could not be opened, migrated or written."""
