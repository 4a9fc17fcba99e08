from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.config import DEFAULT_MODEL, load_settings
from eventwatch.errors import ConfigError


def test_config_layers_file_then_command_line_then_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "eventwatch.toml"
    path.write_text('model = "from_file"\nbatch_size = 8\ndb = "file.db"\n', encoding="utf-8")
    monkeypatch.delenv("EVENTWATCH_MODEL", raising=False)
    monkeypatch.setenv("EVENTWATCH_DB", "env.db")
    settings = load_settings({"batch_size": 64, "model": None}, config_path=path)
    assert (settings.model, settings.batch_size, settings.db) == ("from_file", 64, "env.db")


def test_config_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for var in ("EVENTWATCH_MODEL", "EVENTWATCH_DB", "EVENTWATCH_CONFIG", "EVENTWATCH_BATCH_SIZE"):
        monkeypatch.delenv(var, raising=False)
    settings = load_settings()
    assert settings.model == DEFAULT_MODEL and settings.db is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('colour = "red"\n', "unknown setting 'colour'"),
        ("batch_size = 0\n", "at least 1"),
        ('batch_size = "many"\n', "whole number"),
        ("model = \n", "not valid TOML"),
    ],
)
def test_config_bad_file_says_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(config_path=path)


def test_config_missing_model_is_a_clear_error() -> None:
    from eventwatch.annotate import load_nlp
    from eventwatch.errors import ModelError

    with pytest.raises(ModelError, match="EVENTWATCH_MODEL"):
        load_nlp("no_such_model_installed")
