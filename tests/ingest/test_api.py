"""The package's public surface: complete, importable, keyword-only options."""

from __future__ import annotations

import importlib
import inspect

# Not ``import eventwatch.ingest as ingest``: eventwatch/__init__.py exports a
# pipeline function named ``ingest`` that shadows the subpackage attribute.
ingest = importlib.import_module("eventwatch.ingest")

EXPECTED = {
    "clean_text",
    "extract_html",
    "iter_documents",
    "make_client",
    "near_duplicate",
    "normalise_date",
    "simhash",
}


def test_api_all_is_complete_and_importable() -> None:
    assert set(ingest.__all__) == EXPECTED
    for name in ingest.__all__:
        assert callable(getattr(ingest, name))


def test_api_public_functions_are_documented() -> None:
    for name in ingest.__all__:
        docstring = inspect.getdoc(getattr(ingest, name)) or ""
        assert "Args:" in docstring, name


def test_api_options_are_keyword_only() -> None:
    signature = inspect.signature(ingest.iter_documents)
    positional = [p.name for p in signature.parameters.values() if p.kind is not p.KEYWORD_ONLY]
    assert positional == ["sources"]
    assert signature.parameters["max_bytes"].default == 10_000_000
    assert inspect.signature(ingest.near_duplicate).parameters["max_distance"].default == 3
