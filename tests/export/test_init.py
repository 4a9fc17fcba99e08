"""The export package's public surface."""

from __future__ import annotations

import inspect

import eventwatch.export as export


def test_init_all_complete() -> None:
    public = {
        name
        for name, value in vars(export).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
    }
    assert public == set(export.__all__)


def test_init_all_sorted_and_importable() -> None:
    assert list(export.__all__) == sorted(export.__all__)
    for name in export.__all__:
        assert getattr(export, name) is not None
