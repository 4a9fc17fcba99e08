from __future__ import annotations

import importlib

import pytest

import eventwatch


def test_public_api_all_is_complete_and_importable() -> None:
    public = {name for name in dir(eventwatch) if not name.startswith("_")}
    modules = {name for name in public if isinstance(getattr(eventwatch, name), type(eventwatch))}
    modules.add("annotations")  # from __future__
    assert set(eventwatch.__all__) == (public - modules) | {"__version__"}
    for name in eventwatch.__all__:
        assert getattr(eventwatch, name) is not None


@pytest.mark.parametrize("stage", ["ingest", "annotate", "extract", "resolve", "store", "export"])
def test_public_api_every_stage_declares_all(stage: str) -> None:
    module = importlib.import_module(f"eventwatch.{stage}")
    for name in module.__all__:
        assert hasattr(module, name), f"eventwatch.{stage} lists {name} but has no such name"
