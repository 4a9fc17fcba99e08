"""The API's download formats: the registry's plus a streamed JSON array."""

from __future__ import annotations

import io
import json

import pytest

from eventwatch.errors import ConfigError, InputError
from eventwatch.export import EXPORTERS
from eventwatch.export.jsonl import write_json_array
from eventwatch.serve.formats import download_formats, find_exporter
from eventwatch.serve.streaming import stream_export


@pytest.mark.parametrize(
    "events",
    [
        [],
        [{"id": "a"}],
        [{"id": "a", "text": "Ош — «кавычки» \u202e"}, {"id": "b", "n": 2}],
    ],
    ids=["none", "one", "two-unicode"],
)
def test_formats_json_array_round_trips(events) -> None:
    out = io.StringIO()
    assert write_json_array(iter(events), out) == len(events)
    assert json.loads(out.getvalue()) == events


def test_formats_json_array_refuses_values_json_cannot_carry() -> None:
    with pytest.raises(InputError, match="'bad'"):
        write_json_array([{"id": "bad", "score": float("nan")}], io.StringIO())


def test_formats_lists_the_registry_and_the_json_array() -> None:
    assert set(download_formats()) == {*EXPORTERS, "json"}
    assert find_exporter("json").suffix == ".json"
    assert find_exporter("csv") is EXPORTERS["csv"]
    with pytest.raises(ConfigError, match="'xlsx'.*json, jsonl"):
        find_exporter("xlsx")


def test_formats_json_array_streams_in_chunks() -> None:
    events = ({"id": str(i), "pad": "x" * 100} for i in range(3000))
    body = b"".join(stream_export(events, format="json"))
    parsed = json.loads(body)
    assert len(parsed) == 3000 and parsed[-1]["id"] == "2999"
