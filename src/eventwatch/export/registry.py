"""The exporter registry: output formats looked up by name.

Every format, the built-in ones included, is a function registered with
:func:`register_exporter`; the CLI, the API and batch jobs look formats up with
:func:`get_exporter` and never name a writer directly.  A plugin adds a format
the same way::

    from eventwatch.export import register_exporter

    @register_exporter("ndjson-gz", binary=True, suffix=".jsonl.gz")
    def write_gzipped(events, fh, *, documents=None) -> int:
        ...

An exporter function takes ``(events, target, *, documents=None)`` and returns
the number of rows it wrote.  ``target`` is an open text handle, or an open
binary handle when the exporter is registered with ``binary=True``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import IO, Any, Protocol, TypeVar

from eventwatch.errors import ConfigError

__all__ = ["EXPORTERS", "Exporter", "ExportFunction", "get_exporter", "register_exporter"]

log = logging.getLogger(__name__)


class ExportFunction(Protocol):
    """What a registered exporter looks like."""

    def __call__(
        self,
        events: Iterable[Mapping[str, Any]],
        target: IO[Any],
        /,
        *,
        documents: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> int: ...


@dataclass(frozen=True, slots=True)
class Exporter:
    """One registered output format.

    Attributes:
        name: The name users pass as ``format``.
        write: The function that writes events to an open handle.
        binary: Whether ``write`` wants a binary handle instead of a text one.
        suffix: The usual file-name ending for the format, e.g. ``".csv"``.
    """

    name: str
    write: ExportFunction
    binary: bool = False
    suffix: str = ""


EXPORTERS: dict[str, Exporter] = {}
"""Registered exporters by name; fill it with :func:`register_exporter`."""

_F = TypeVar("_F", bound=Callable[..., int])


def register_exporter(
    name: str, *, binary: bool = False, suffix: str = "", replace: bool = False
) -> Callable[[_F], _F]:
    """Register the decorated function as the exporter for ``name``.

    Args:
        name: The format name, e.g. ``"csv"``.
        binary: Give the function a binary handle instead of a text one.
        suffix: The usual file-name ending for the format.
        replace: Allow replacing an exporter already registered under ``name``.

    Returns:
        A decorator that registers the function and returns it unchanged.

    Raises:
        ConfigError: ``name`` is empty, or already taken and ``replace`` is false.
    """
    if not name or not name.strip():
        raise ConfigError("exporter name is empty; register it under a format name like 'csv'")

    def decorator(func: _F) -> _F:
        if name in EXPORTERS and not replace:
            raise ConfigError(
                f"exporter {name!r} is already registered ({EXPORTERS[name].write!r}); "
                "pick another name or pass replace=True"
            )
        EXPORTERS[name] = Exporter(name=name, write=func, binary=binary, suffix=suffix)
        log.debug("registered exporter %s", name)
        return func

    return decorator


def get_exporter(name: str) -> Exporter:
    """Return the exporter registered under ``name``.

    Args:
        name: The format name.

    Returns:
        The registered :class:`Exporter`.

    Raises:
        ConfigError: No exporter has that name; the message lists the known ones.
    """
    try:
        return EXPORTERS[name]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS)) or "(none registered)"
        raise ConfigError(f"unknown export format {name!r}; known formats: {known}") from None
