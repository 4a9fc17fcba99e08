"""ACLED: one document per coded event, built from the coder's ``notes``.

Reads the ACLED CSV export, old (``iso`` numeric + ``iso3``, dates like
``9-May-20``) or new (ISO dates or ``09 May 2020``, ``country`` only); column
names are matched case-insensitively.  Each row's ``notes`` is run through the
pipeline and the row's *primary* predicted event (the highest-confidence event
with an ACLED mapping, else the first event) is compared with the row's columns.

The row's ``event_date`` is never given to the extractor.  Its publication date
is the day of the row's ``timestamp`` column (when ACLED uploaded it) if the file
has one, else the document has no publication date at all.

Scores:

- ``event_type.*`` (6 classes) and ``sub_event_type.*`` (25): macro-F1 and
  accuracy; a row with no ACLED-mapped prediction is predicted ``NONE``.
- ``date.exact``: on rows whose note states a full date (day, month and year), the
  predicted date is that one day; ``date.in_range``: the day falls in the
  predicted range.
- ``country.accuracy``: predicted location country (ISO3) equals the row's.
- ``location.within_50km`` (haversine) and ``location.name`` (case-insensitive
  equality or containment either way).
- ``fatalities.exact`` (all rows; predicted ``counts.killed`` or 0) and
  ``fatalities.exact_when_reported`` (rows with fatalities > 0).
- ``actor1.token_f1`` / ``actor2.token_f1``: predicted actor / recipient against
  ``actor1`` (``actor2``) or any of its associated actors, whichever is best,
  with ACLED's parenthesised qualifiers ("(Israel)", "(2016-)") removed; rows
  without that actor are not scored.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventwatch.classify.corpus import ACLED_LABELS
from eventwatch.evaluate.items import (
    Item,
    Prediction,
    RunNotes,
    WorstMisses,
    entity_f1,
    find_file,
    primary_event,
    shorten,
)
from eventwatch.evaluate.metrics import NONE, Average, Confusion, haversine_km
from eventwatch.evaluate.report import EvalReport
from eventwatch.model import Document
from eventwatch.resolve.countries import country_code

__all__ = ["ACLED_SUB_EVENT_TYPES", "AcledGold", "AcledScorer", "read_items", "stated_full_date"]

# The ACLED codebook's 25 sub-event types and the event type each belongs to (one table,
# shared with the typer's labels).
ACLED_SUB_EVENT_TYPES: dict[str, str] = ACLED_LABELS

WITHIN_KM = 50.0

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_FULL_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d %B %Y",
    "%d %b %Y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%d/%m/%Y",
    "%B %d, %Y",
)
_QUALIFIER = re.compile(r"\([^)]*\)")


def stated_full_date(text: str) -> bool:
    """Whether ``text`` states a full date: a day, a month and a year.

    Example:
        >>> stated_full_date("On 9 May 2020, medical interns protested.")
        True
    """
    return _FULL_DATE.search(text) is not None


def _parse_day(value: str | None) -> str | None:
    """An ACLED date cell (``2020-05-09``, ``09 May 2020``, ``9-May-20``) as ISO."""
    if not value or not value.strip():
        return None
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]", text):
        return text[:10]
    return None


def _timestamp_day(value: str | None) -> str | None:
    """The UTC day of an ACLED ``timestamp`` (Unix seconds, or a date)."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if re.fullmatch(r"\d{9,11}(?:\.\d+)?", text):
        return datetime.fromtimestamp(float(text), tz=UTC).date().isoformat()
    return _parse_day(text)


def _number(value: str | None) -> float | None:
    """A float cell, or ``None`` when blank or not a number."""
    try:
        return float(value) if value and value.strip() else None
    except ValueError:
        return None


def _actor_names(main: str | None, associated: str | None) -> list[str]:
    """An actor column and its associated actors, qualifiers removed."""
    names = [main or ""] + (associated or "").split(";")
    cleaned = [" ".join(_QUALIFIER.sub(" ", n).split()) for n in names]
    return [n for n in cleaned if n]


# Retired or non-standard alpha-3 codes some exports still use, and today's ISO codes.
_LEGACY_ISO3 = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "YUG": "SRB", "KOS": "XKX"}


def _iso3(row: dict[str, str]) -> str | None:
    """The row's country as ISO 3166 alpha-3 (legacy codes such as ROM → ROU mapped)."""
    for key in ("iso3", "iso"):
        code = (row.get(key) or "").strip().upper()
        if re.fullmatch(r"[A-Z]{3}", code):
            return _LEGACY_ISO3.get(code, code)
    name = (row.get("country") or "").strip()
    return country_code(name, adjectives=False) if name else None


@dataclass(slots=True)
class AcledGold:
    """The columns of one ACLED row that are scored."""

    row_id: str
    event_type: str
    sub_event_type: str | None
    date: str | None
    date_stated: bool
    country: str | None
    location: str | None
    lat: float | None
    lon: float | None
    fatalities: int | None
    actor1: list[str]
    actor2: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": self.date,
            "country": self.country,
            "location": self.location,
            "lat": self.lat,
            "lon": self.lon,
            "fatalities": self.fatalities,
            "actor1": self.actor1[:1],
            "actor2": self.actor2[:1],
        }


def _rows(path: Path, notes: RunNotes) -> Iterator[dict[str, str]]:
    """CSV rows with lower-cased keys, streaming; unreadable lines are counted."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        header: list[str] | None = None
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:
                notes.skip("unreadable CSV line")
                continue
            if header is None:
                header = [c.strip().lower() for c in cells]
                if "notes" not in header or "event_type" not in header:
                    notes.add(f"{path.name} has no `notes`/`event_type` columns; nothing to score")
                    return
                continue
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                notes.skip("row with the wrong number of columns")
                continue
            yield dict(zip(header, cells, strict=True))


def read_items(path: Path, notes: RunNotes) -> Iterator[Item]:
    """ACLED rows as documents (the ``notes`` text) with their gold columns.

    Args:
        path: The CSV file, or a folder holding ``acled_2020_global.csv`` or one
            ``*.csv`` file.
        notes: Where skips and assumptions are recorded.

    Yields:
        One item per usable row.
    """
    csv_files = sorted(p.name for p in path.glob("*.csv")) if path.is_dir() else []
    source = find_file(path, ["acled_2020_global.csv", *csv_files], what="ACLED CSV")
    with_timestamp = without_timestamp = 0
    try:
        for number, row in enumerate(_rows(source, notes), start=1):
            text = (row.get("notes") or "").strip()
            event_type = (row.get("event_type") or "").strip()
            if not text or not event_type:
                notes.skip("row without notes text or event_type")
                continue
            published = _timestamp_day(row.get("timestamp"))
            if published:
                with_timestamp += 1
            else:
                without_timestamp += 1
            event_day = _parse_day(row.get("event_date"))
            if row.get("event_date") and event_day is None:
                notes.add("some event_date cells are not dates; those rows have no date score")
            fatalities = _number(row.get("fatalities"))
            row_id = (row.get("event_id_cnty") or row.get("data_id") or "").strip() or str(number)
            gold = AcledGold(
                row_id=row_id,
                event_type=event_type,
                sub_event_type=(row.get("sub_event_type") or "").strip() or None,
                date=event_day,
                date_stated=stated_full_date(text),
                country=_iso3(row),
                location=(row.get("location") or "").strip() or None,
                lat=_number(row.get("latitude")),
                lon=_number(row.get("longitude")),
                fatalities=int(fatalities) if fatalities is not None else None,
                actor1=_actor_names(row.get("actor1"), row.get("assoc_actor_1")),
                actor2=_actor_names(row.get("actor2"), row.get("assoc_actor_2")),
            )
            document = Document(id=f"acled-{number}-{row_id}", text=text, published=published)
            yield Item(document, gold)
    finally:
        if with_timestamp:
            notes.add(
                f"published date given to the extractor: the day of the ACLED `timestamp` "
                f"(upload time) for {with_timestamp} row(s); never the event_date"
            )
        if without_timestamp:
            notes.add(
                f"{without_timestamp} row(s) had no `timestamp`: run without a published date"
            )


def _name_matches(gold: str, location: dict[str, Any] | None) -> bool:
    """Case-insensitive equality or containment of the place name either way."""
    if not location:
        return False
    wanted = gold.casefold()
    for candidate in (location.get("name"), location.get("text")):
        if candidate:
            found = candidate.casefold()
            if found == wanted or found in wanted or wanted in found:
                return True
    return False


def _date_scores(gold_day: str, predicted: dict[str, Any] | None) -> tuple[bool, bool]:
    """(exact day, day inside the predicted range)."""
    if not predicted or not predicted.get("start"):
        return False, False
    start, end = predicted["start"], predicted.get("end") or predicted["start"]
    return start == end == gold_day, start <= gold_day <= end


class AcledScorer:
    """Accumulates ACLED scores row by row."""

    def __init__(self) -> None:
        self.n = 0
        self.event_type = Confusion()
        self.sub_event_type = Confusion()
        self.averages: dict[str, Average] = {
            name: Average()
            for name in (
                "date.exact",
                "date.in_range",
                "country.accuracy",
                "location.within_50km",
                "location.name",
                "fatalities.exact",
                "fatalities.exact_when_reported",
                "actor1.token_f1",
                "actor2.token_f1",
                "coverage.any_event",
                "coverage.acled_event",
            )
        }
        self.worst = WorstMisses()

    def add(self, item: Item, prediction: Prediction) -> None:
        """Score one row against its primary predicted event."""
        gold: AcledGold = item.gold
        event = primary_event(prediction.events, eligible=lambda e: e["acled"] is not None)
        acled = (event or {}).get("acled") or {}
        location = (event or {}).get("location")
        self.n += 1
        checks: dict[str, bool] = {}
        avg = self.averages
        avg["coverage.any_event"].add(float(bool(prediction.events)))
        avg["coverage.acled_event"].add(float(bool(acled)))

        predicted_type = acled.get("event_type") or NONE
        self.event_type.add(gold.event_type, predicted_type)
        checks["event_type"] = predicted_type == gold.event_type
        if gold.sub_event_type:
            predicted_sub = acled.get("sub_event_type") or NONE
            self.sub_event_type.add(gold.sub_event_type, predicted_sub)
            checks["sub_event_type"] = predicted_sub == gold.sub_event_type
        if gold.date_stated and gold.date:
            exact, in_range = _date_scores(gold.date, (event or {}).get("date"))
            avg["date.exact"].add(float(exact))
            avg["date.in_range"].add(float(in_range))
            checks["date"] = exact
        if gold.country:
            checks["country"] = (location or {}).get("country") == gold.country
            avg["country.accuracy"].add(float(checks["country"]))
        if gold.lat is not None and gold.lon is not None:
            near = (
                location is not None
                and location.get("lat") is not None
                and location.get("lon") is not None
                and haversine_km(gold.lat, gold.lon, location["lat"], location["lon"]) <= WITHIN_KM
            )
            checks["location"] = bool(near)
            avg["location.within_50km"].add(float(near))
        if gold.location:
            avg["location.name"].add(float(_name_matches(gold.location, location)))
        killed = int(((event or {}).get("counts") or {}).get("killed") or 0)
        if gold.fatalities is not None:
            checks["fatalities"] = killed == gold.fatalities
            avg["fatalities.exact"].add(float(checks["fatalities"]))
            if gold.fatalities > 0:
                avg["fatalities.exact_when_reported"].add(float(checks["fatalities"]))
        if gold.actor1:
            actor = (event or {}).get("actor")
            avg["actor1.token_f1"].add(max(entity_f1(name, actor) for name in gold.actor1))
        if gold.actor2:
            recipient = (event or {}).get("recipient")
            avg["actor2.token_f1"].add(max(entity_f1(name, recipient) for name in gold.actor2))

        wrong = [name for name, ok in checks.items() if not ok]
        self.worst.add(
            len(wrong) / len(checks),
            {
                "id": gold.row_id,
                "text": shorten(item.document.text),
                "gold": gold.to_dict(),
                "predicted": _predicted_summary(event, killed),
                "wrong": wrong,
            },
        )

    def report(self, notes: RunNotes) -> EvalReport:
        """The ACLED report."""
        scores = {
            "event_type.macro_f1": self.event_type.macro_f1(),
            "event_type.accuracy": self.event_type.accuracy(),
            "sub_event_type.macro_f1": self.sub_event_type.macro_f1(),
            "sub_event_type.accuracy": self.sub_event_type.accuracy(),
        }
        scores.update({name: a.value for name, a in self.averages.items()})
        scored = {name: a.n for name, a in self.averages.items()}
        notes.add(
            "rows scored per field: "
            + ", ".join(f"{name} {n}" for name, n in scored.items() if not name.startswith("cov"))
        )
        notes.add(
            "primary event of a row: the highest-confidence event with an ACLED mapping, "
            "else the first; no ACLED-mapped event = predicted NONE"
        )
        return EvalReport(
            dataset="acled",
            n_items=self.n,
            scores=scores,
            per_class={
                "event_type": self.event_type.per_class(),
                "sub_event_type": self.sub_event_type.per_class(),
            },
            confusion={
                "event_type": self.event_type.matrix(),
                "sub_event_type": self.sub_event_type.matrix(),
            },
            worst=self.worst.result(),
            notes=notes.render(),
        )


def _predicted_summary(event: dict[str, Any] | None, killed: int) -> dict[str, Any] | None:
    """The fields of the primary event that are scored."""
    if event is None:
        return None
    location = event.get("location") or {}
    return {
        "event_type": event["event_type"],
        "acled": event.get("acled"),
        "date": (event.get("date") or {}).get("start"),
        "country": location.get("country"),
        "location": location.get("name"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "killed": killed,
        "actor": (event.get("actor") or {}).get("text"),
        "recipient": (event.get("recipient") or {}).get("text"),
    }
