"""write_jsonl: one record per line, lossless."""

from __future__ import annotations

import io
import json
import math
from typing import Any

import pytest

from eventwatch.errors import InputError
from eventwatch.export import write_jsonl


def test_jsonl_round_trip(events: list[dict[str, Any]]) -> None:
    buffer = io.StringIO()
    assert write_jsonl(iter(events), buffer) == len(events)
    lines = buffer.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == events
    for line, event in zip(lines, events, strict=True):
        assert list(json.loads(line)) == list(event)


def test_jsonl_keeps_non_ascii(events: list[dict[str, Any]]) -> None:
    event = dict(events[0], evidence={"text": "Жапаров", "start": 0, "end": 7})
    buffer = io.StringIO()
    write_jsonl([event], buffer)
    assert "Жапаров" in buffer.getvalue()


@pytest.mark.parametrize("bad", [math.nan, math.inf, object()], ids=["nan", "inf", "object"])
def test_jsonl_unserialisable_value_names_event(events: list[dict[str, Any]], bad: Any) -> None:
    event = dict(events[0], confidence=bad)
    with pytest.raises(InputError, match="ev-full"):
        write_jsonl([event], io.StringIO())


def test_jsonl_empty_input_writes_nothing() -> None:
    buffer = io.StringIO()
    assert write_jsonl([], buffer) == 0
    assert buffer.getvalue() == ""
