"""Where exports go: atomic files, standard output, or a caller's handle.

Files are written to a temporary file in the target's directory and renamed
over the target only when the writer finished; a failed export removes the
temporary file and leaves any earlier file at the target untouched.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from eventwatch.errors import ConfigError

__all__ = ["STDOUT", "atomic_output", "open_target"]

STDOUT = "-"
"""The ``out`` value that means standard output."""

_NEW_FILE_MODE = 0o644


@contextlib.contextmanager
def atomic_output(path: str | Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Open a temporary file that replaces ``path`` when the block succeeds.

    Text handles are UTF-8 with no newline translation.  A new file gets mode
    0644; an existing file keeps its mode.

    Args:
        path: The file to create or replace.
        binary: Open the temporary file in binary mode.

    Yields:
        The open handle to write to.

    Raises:
        ConfigError: The target's directory does not exist or is a file.
    """
    target = Path(path)
    directory = target.parent
    if not directory.is_dir():
        raise ConfigError(
            f"cannot write {target}: directory {directory} does not exist; create it first"
        )
    if target.is_dir():
        raise ConfigError(f"cannot write {target}: it is a directory; give a file name")
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _NEW_FILE_MODE
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        if binary:
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def open_target(out: str | Path | IO[Any], *, binary: bool = False) -> Iterator[IO[Any]]:
    """Give a handle for ``out``: a path (written atomically), ``"-"``, or an open handle.

    Handles passed in, standard output included, are flushed but not closed.
    For a binary format, a text handle that wraps a binary one (like
    ``sys.stdout``) is unwrapped through its ``buffer``.

    Args:
        out: A file path, ``"-"`` for standard output, or an open handle.
        binary: The writer wants a binary handle.

    Yields:
        The handle to write to.

    Raises:
        ConfigError: A binary format was asked to write to a text-only handle.
    """
    if isinstance(out, str | Path) and str(out) != STDOUT:
        with atomic_output(out, binary=binary) as handle:
            yield handle
        return
    handle = sys.stdout if isinstance(out, str | Path) else out
    if binary:
        handle = _binary_handle(handle)
    yield handle
    handle.flush()


def _binary_handle(handle: IO[Any]) -> IO[Any]:
    """The binary handle under ``handle`` (itself if already binary)."""
    if "b" in getattr(handle, "mode", "") or not hasattr(handle, "encoding"):
        return handle
    buffer: IO[bytes] | None = getattr(handle, "buffer", None)
    if buffer is None:
        raise ConfigError(
            f"cannot write a binary format to text handle {handle!r}; "
            "pass a file opened in binary mode or a path"
        )
    handle.flush()
    return buffer
