"""The download formats of the API: every registered exporter.

``/api/export`` offers every format in :data:`eventwatch.export.EXPORTERS`:
JSON (one array), JSON Lines, CSV, GeoJSON, Parquet and any plugin's.
"""

from __future__ import annotations

from eventwatch.errors import ConfigError
from eventwatch.export import EXPORTERS, Exporter

__all__ = ["download_formats", "find_exporter"]


def download_formats() -> list[str]:
    """Every format ``/api/export`` accepts, sorted."""
    return sorted(EXPORTERS)


def find_exporter(name: str) -> Exporter:
    """The registered exporter of format ``name``.

    Args:
        name: The format name, e.g. ``"csv"`` or ``"json"``.

    Returns:
        The exporter.

    Raises:
        ConfigError: No such format; the message lists the known ones.
    """
    exporter = EXPORTERS.get(name)
    if exporter is None:
        raise ConfigError(
            f"unknown export format {name!r}; known formats: {', '.join(download_formats())}"
        )
    return exporter
