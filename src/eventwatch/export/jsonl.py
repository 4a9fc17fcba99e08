"""JSON Lines: one event record per line, exactly as the pipeline made it.

This is the lossless format of DESIGN.md (and ``json``, the same records in one array): each line is the event dict given,
keys in their order, non-ASCII text kept as is.  Values JSON cannot carry
(NaN, infinities, objects) are refused with the event's id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import IO, Any

from eventwatch.errors import InputError
from eventwatch.export.registry import register_exporter

__all__ = ["dumps_event", "write_json_array", "write_jsonl"]


def dumps_event(event: Mapping[str, Any]) -> str:
    """Serialise one event record as a single line of JSON (no newline).

    Args:
        event: An event record.

    Returns:
        The JSON text.

    Raises:
        InputError: The record holds a value JSON cannot represent.
    """
    try:
        return json.dumps(event, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InputError(
            f"event {event.get('id')!r}",
            f"cannot be written as JSON ({exc}); fix the value in the record",
        ) from exc


@register_exporter("jsonl", suffix=".jsonl")
def write_jsonl(
    events: Iterable[Mapping[str, Any]],
    fh: IO[str],
    *,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write events as JSON Lines, one record per line, streaming.

    Args:
        events: Event records shaped like ``EventRecord.to_dict()``.
        fh: An open text handle.
        documents: Unused; accepted so every exporter takes the same arguments.

    Returns:
        The number of records written.

    Raises:
        InputError: A record holds a value JSON cannot represent.
    """
    written = 0
    for event in events:
        fh.write(dumps_event(event))
        fh.write("\n")
        written += 1
    return written


@register_exporter("json", suffix=".json")
def write_json_array(
    events: Iterable[Mapping[str, Any]],
    fh: IO[str],
    *,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write events as one JSON array, a record per line, streaming (same records as JSON Lines).

    Returns:
        The number of records written.

    Raises:
        InputError: A record holds a value JSON cannot represent.
    """
    written = 0
    fh.write("[")
    for event in events:
        fh.write(",\n" if written else "\n")
        fh.write(dumps_event(event))
        written += 1
    fh.write("\n]\n" if written else "]\n")
    return written
