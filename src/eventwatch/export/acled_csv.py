"""ACLED-style CSV: one flat row per event, columns of :data:`CSV_COLUMNS`.

Cells are plain text: ``None`` becomes an empty cell, booleans ``true`` /
``false``, numbers their usual decimal form.  The file is UTF-8 with ``\\n``
line endings and minimal quoting.

Formula injection: spreadsheet programs run a cell that starts with ``=``,
``+``, ``-`` or ``@`` (and some also one that starts with a tab or a carriage
return) as a formula, so text taken from articles could run code on an
analyst's machine.  Every *text* cell that starts with one of those characters
is written with a leading apostrophe (``'=HYPERLINK(...)``), which spreadsheets
show as text.  Numeric cells are left alone, so a longitude of ``-74.0`` stays
a number.  Read such a file back with pandas or ``csv`` and the apostrophe is
part of the value; strip it if the file never goes near a spreadsheet.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import IO, Any

from eventwatch.export.registry import register_exporter
from eventwatch.export.rows import CSV_COLUMNS, acled_row, document_for

__all__ = ["FORMULA_PREFIXES", "csv_cell", "write_csv"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Text cells starting with one of these get a leading apostrophe."""


def csv_cell(value: Any) -> str:
    """One row value as CSV cell text, guarded against formula injection.

    Args:
        value: A value from :func:`acled_row`.

    Returns:
        The cell text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


@register_exporter("csv", suffix=".csv")
def write_csv(
    events: Iterable[Mapping[str, Any]],
    fh: IO[str],
    documents: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write events as ACLED-style CSV with a header row, streaming.

    Args:
        events: Event records shaped like ``EventRecord.to_dict()``.
        fh: An open text handle (opened with ``newline=""`` for files).
        documents: Documents by id; a document's ``outlet`` fills ``source``.

    Returns:
        The number of data rows written (the header not counted).
    """
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    written = 0
    for event in events:
        row = acled_row(event, document_for(event, documents))
        writer.writerow([csv_cell(row[column]) for column in CSV_COLUMNS])
        written += 1
    return written
