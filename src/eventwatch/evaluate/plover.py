"""PLOVER gold standard records: event type and source/target actors per sentence.

Reads ``PLOVER_GSR_CAMEO.txt`` (a JSON array; JSON Lines and concatenated
objects are accepted too, and a broken record is skipped, not fatal).  The
records use the 2016 PLOVER labels; each is converted to the current (2.0)
type through the CAMEO→PLOVER crosswalk ``CAMEO2PLOVER-2021.txt`` beside it:
an old label that is still a type stays; the others go through their CAMEO root
(DEMAND = CAMEO 10 → REQUEST, DISAPPROVE = 11 → ACCUSE, INVESTIGATE = 09 →
ACCUSE, FIGHT = 19 → ASSAULT).  Without the crosswalk file the same table is
built in.

Each sentence is one document.  The predicted type is that of the
highest-confidence event that has a PLOVER type, ``NONE`` when there is none.
Our two extensions count as the type PLOVER coders would use:
``COUP`` → ``COERCE`` (an irregular seizure of power; CAMEO's "seize" family),
``OFFICE``/``resign`` → ``CONCEDE`` (CAMEO 0831, accede to a change in
leadership), ``OFFICE``/``dismiss`` → ``COERCE`` (CAMEO 172, administrative
sanctions); appointments and elections have no PLOVER type and are passed over.

Scores: ``event_type.macro_f1`` / ``.accuracy`` and ``source.token_f1`` /
``target.token_f1`` (predicted actor / recipient against all gold actor texts of
that role; sentences without a gold actor of that role are not scored).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
from eventwatch.evaluate.metrics import NONE, Average, Confusion
from eventwatch.evaluate.report import EvalReport
from eventwatch.model import PLOVER_TYPES, Document

__all__ = ["PLOVER_TYPES", "PloverScorer", "old_label_map", "plover_type", "read_items"]


# The CAMEO root code each 2016 PLOVER label was an aggregation of.
_OLD_LABEL_ROOTS: dict[str, str] = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "INVESTIGATE": "09",
    "DEMAND": "10",
    "DISAPPROVE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
    "FIGHT": "19",
}
_BUILT_IN_ROOTS: dict[str, set[str]] = {
    "09": {"ACCUSE"},
    "10": {"REQUEST"},
    "11": {"ACCUSE"},
    "19": {"ASSAULT"},
}
_ROOT_LINE = re.compile(r"^\s*(\d{2})\s*:\s*([A-Z]+)\s*$")
_OFFICE_TO_PLOVER = {"resign": "CONCEDE", "dismiss": "COERCE"}


def _crosswalk_roots(path: Path | None) -> dict[str, set[str]]:
    """CAMEO root code → PLOVER types, from the crosswalk file's ``NN: TYPE`` lines."""
    if path is None:
        return dict(_BUILT_IN_ROOTS)
    roots: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _ROOT_LINE.match(line)
        if match:
            roots.setdefault(match.group(1), set()).add(match.group(2))
    return roots


def old_label_map(crosswalk: Path | None) -> dict[str, str]:
    """2016 PLOVER label → current PLOVER type.

    Args:
        crosswalk: ``CAMEO2PLOVER-2021.txt``, or ``None`` for the built-in table.

    Returns:
        The mapping for every old label whose type could be decided.
    """
    roots = _crosswalk_roots(crosswalk)
    mapping: dict[str, str] = {}
    for label, root in _OLD_LABEL_ROOTS.items():
        if label in PLOVER_TYPES:
            mapping[label] = label
            continue
        candidates = roots.get(root, set()) & set(PLOVER_TYPES)
        if len(candidates) == 1:
            mapping[label] = next(iter(candidates))
    return mapping


def plover_type(event: dict[str, Any]) -> str | None:
    """The PLOVER 2.0 type a predicted event counts as, or ``None``."""
    event_type = event.get("event_type")
    if event_type in PLOVER_TYPES:
        return event_type
    if event_type == "COUP":
        return "COERCE"
    if event_type == "OFFICE":
        return _OFFICE_TO_PLOVER.get(event.get("mode") or "")
    return None


def _iter_json_objects(text: str, notes: RunNotes) -> Iterator[dict[str, Any]]:
    """Objects of a JSON array, JSON Lines or concatenated JSON; bad ones skipped."""
    decoder = json.JSONDecoder()
    position = 0
    length = len(text)
    while position < length:
        while position < length and text[position] in " \t\r\n,[]":
            position += 1
        if position >= length:
            return
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            notes.skip("malformed JSON record")
            following = text.find("\n{", position + 1)
            if following < 0:
                return
            position = following + 1
            continue
        if isinstance(value, dict):
            yield value
        else:
            notes.skip("JSON value that is not an object")


def _actor_texts(value: Any) -> list[str]:
    """The ``actorText`` of each actor in a source/target field."""
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [
        str(a["actorText"]).strip()
        for a in value
        if isinstance(a, dict) and str(a.get("actorText") or "").strip()
    ]


@dataclass(slots=True)
class PloverGold:
    """One gold record's scored fields."""

    record_id: str
    old_label: str
    event_type: str
    sources: list[str]
    targets: list[str]


def read_items(path: Path, notes: RunNotes) -> Iterator[Item]:
    """PLOVER gold sentences as documents with their converted type and actors.

    Args:
        path: ``PLOVER_GSR_CAMEO.txt`` or its folder (the crosswalk is looked up
            beside it).
        notes: Where skips and the label conversion are recorded.

    Yields:
        One item per coded sentence.
    """
    source = find_file(path, ["PLOVER_GSR_CAMEO.txt", "PLOVER_GSR_CAMEO.json"], what="PLOVER GSR")
    crosswalk = source.parent / "CAMEO2PLOVER-2021.txt"
    if not crosswalk.is_file():
        notes.add("no CAMEO2PLOVER-2021.txt beside the records: built-in label conversion used")
    mapping = old_label_map(crosswalk if crosswalk.is_file() else None)
    notes.add(
        "old PLOVER labels converted: "
        + ", ".join(f"{old}→{new}" for old, new in sorted(mapping.items()) if old != new)
    )
    text = source.read_text(encoding="utf-8", errors="replace")
    for number, record in enumerate(_iter_json_objects(text, notes), start=1):
        label = str(record.get("event") or "").strip().upper()
        sentence = str(record.get("text") or "").strip()
        if label == "DOCUMENT":
            continue
        if not label or not sentence:
            notes.skip("record without event or text")
            continue
        if label not in mapping:
            notes.skip(f"record with an unknown PLOVER label ({label[:30]})")
            continue
        record_id = str(record.get("id") or number)
        yield Item(
            Document(id=f"plover-{number}-{record_id}", text=sentence),
            PloverGold(
                record_id=record_id,
                old_label=label,
                event_type=mapping[label],
                sources=_actor_texts(record.get("source")),
                targets=_actor_texts(record.get("target")),
            ),
        )


class PloverScorer:
    """Accumulates PLOVER type and actor scores."""

    def __init__(self) -> None:
        self.n = 0
        self.event_type = Confusion()
        self.source = Average()
        self.target = Average()
        self.worst = WorstMisses()

    def add(self, item: Item, prediction: Prediction) -> None:
        """Score one sentence."""
        gold: PloverGold = item.gold
        event = primary_event(prediction.events, eligible=lambda e: plover_type(e) is not None)
        predicted = plover_type(event) if event else None
        self.n += 1
        self.event_type.add(gold.event_type, predicted or NONE)
        losses = [float(predicted != gold.event_type)]
        actor = (event or {}).get("actor") if predicted else None
        recipient = (event or {}).get("recipient") if predicted else None
        if gold.sources:
            score = entity_f1(" ".join(gold.sources), actor)
            self.source.add(score)
            losses.append(1 - score)
        if gold.targets:
            score = entity_f1(" ".join(gold.targets), recipient)
            self.target.add(score)
            losses.append(1 - score)
        self.worst.add(
            # the type counts as much as both actors together
            (2 * losses[0] + sum(losses[1:])) / (1 + len(losses)),
            {
                "id": gold.record_id,
                "text": shorten(item.document.text),
                "gold": {
                    "event_type": gold.event_type,
                    "label_2016": gold.old_label,
                    "source": gold.sources,
                    "target": gold.targets,
                },
                "predicted": {
                    "event_type": predicted or NONE,
                    "ours": [event["event_type"], event["mode"]] if event else None,
                    "actor": (actor or {}).get("text"),
                    "recipient": (recipient or {}).get("text"),
                },
            },
        )

    def report(self, notes: RunNotes) -> EvalReport:
        """The PLOVER report."""
        notes.add(
            "our COUP counts as COERCE, OFFICE/resign as CONCEDE, OFFICE/dismiss as COERCE; "
            "other OFFICE events have no PLOVER type"
        )
        notes.add(
            f"actor scores: source on {self.source.n} sentence(s), target on "
            f"{self.target.n}; an actor counts only when the predicted type is a PLOVER type"
        )
        return EvalReport(
            dataset="plover",
            n_items=self.n,
            scores={
                "event_type.macro_f1": self.event_type.macro_f1(),
                "event_type.accuracy": self.event_type.accuracy(),
                "source.token_f1": self.source.value,
                "target.token_f1": self.target.value,
            },
            per_class={"event_type": self.event_type.per_class()},
            confusion={"event_type": self.event_type.matrix()},
            worst=self.worst.result(),
            notes=notes.render(),
        )
