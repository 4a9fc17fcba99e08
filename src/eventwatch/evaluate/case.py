"""CASE 2021 task 2: event sub-type classification of news snippets.

Reads the tab-separated file (``id``, ``EventSnippet``, ``SubType``; a header row
is optional).  Each snippet is one document; its primary predicted event (the
highest-confidence event with a CASE label, else nothing) gives the predicted
label, ``NONE`` when there is none.

Our labels map to CASE labels as follows: an event's ACLED sub-event type gives
the 25 "seen" labels one to one (:data:`ACLED_TO_CASE`); an event without an ACLED
mapping whose PLOVER type is a diplomatic exchange (consult, support, agree,
request, reject) is ``DIPLO``.  The other "unseen" labels (``ORG_CRIME``,
``NATURAL_DISASTER``, ``MAN_MADE_DISASTER``, ``ATTRIB``) come from a record's
``category`` (:data:`CATEGORY_TO_CASE`: the event typer's labels for events ACLED
does not code, which the pipeline sets when the typer ranks one first).

Scores: ``subtype.macro_f1`` over the CASE labels that occur in gold or
predictions, ``subtype.accuracy``, and the share of snippets with any CASE label.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwatch.evaluate.items import (
    Item,
    Prediction,
    RunNotes,
    WorstMisses,
    find_file,
    primary_event,
    shorten,
)
from eventwatch.evaluate.metrics import NONE, Average, Confusion
from eventwatch.evaluate.report import EvalReport
from eventwatch.model import Document

__all__ = [
    "ACLED_TO_CASE",
    "CASE_LABELS",
    "CATEGORY_TO_CASE",
    "CaseScorer",
    "case_label",
    "read_items",
]

ACLED_TO_CASE: dict[str, str] = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}
DIPLOMATIC_TYPES = frozenset({"CONSULT", "SUPPORT", "AGREE", "REQUEST", "REJECT"})
UNSEEN_LABELS = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
CASE_LABELS: tuple[str, ...] = tuple(sorted(set(ACLED_TO_CASE.values()) | set(UNSEEN_LABELS)))

_HEADER_TEXT = ("eventsnippet", "snippet", "text", "sentence")
_HEADER_LABEL = ("subtype", "label", "event_type")


# The typer's labels for events ACLED does not code (a record's optional ``category``).
CATEGORY_TO_CASE: dict[str, str] = {
    "Organised crime": "ORG_CRIME",
    "Natural disaster": "NATURAL_DISASTER",
    "Man-made disaster": "MAN_MADE_DISASTER",
    "Diplomacy": "DIPLO",
    "Claim of responsibility": "ATTRIB",
}


def case_label(event: dict[str, Any]) -> str | None:
    """The CASE label of one predicted event dict, or ``None``.

    A record's ``category`` (an event kind outside ACLED, when the pipeline gives
    one) comes first, then its ACLED sub-event type, then its PLOVER type.
    """
    category = CATEGORY_TO_CASE.get(event.get("category") or "")
    if category:
        return category
    acled = event.get("acled") or {}
    sub = acled.get("sub_event_type")
    if sub:
        return ACLED_TO_CASE.get(sub)
    if event.get("event_type") in DIPLOMATIC_TYPES:
        return "DIPLO"
    return None


@dataclass(slots=True)
class CaseGold:
    """One labelled snippet."""

    snippet_id: str
    label: str


def _columns(header: list[str]) -> tuple[int, int, int] | None:
    """Indexes of id, snippet and label in a header row, or ``None`` if it is data."""
    lowered = [h.strip().lower() for h in header]
    text = next((lowered.index(h) for h in _HEADER_TEXT if h in lowered), None)
    label = next((lowered.index(h) for h in _HEADER_LABEL if h in lowered), None)
    if text is None or label is None:
        return None
    return (lowered.index("id") if "id" in lowered else -1), text, label


def read_items(path: Path, notes: RunNotes) -> Iterator[Item]:
    """CASE snippets as documents with their sub-type.

    Args:
        path: The TSV file, or its folder (``test_set_final_release_with_labels.tsv``
            or the only ``*.tsv`` there).
        notes: Where skips are recorded.

    Yields:
        One item per usable row.
    """
    tsv_files = sorted(p.name for p in path.glob("*.tsv")) if path.is_dir() else []
    source = find_file(
        path, ["test_set_final_release_with_labels.tsv", *tsv_files], what="CASE TSV"
    )
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    known = set(CASE_LABELS)
    with open(source, encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        columns: tuple[int, int, int] | None = None
        for number, cells in enumerate(reader, start=1):
            if not any(c.strip() for c in cells):
                continue
            if columns is None:
                columns = _columns(cells)
                if columns is not None:
                    continue  # a header row
                columns = (0, 1, 2)
            id_at, text_at, label_at = columns
            if len(cells) <= max(text_at, label_at):
                notes.skip("row with too few columns")
                continue
            text, label = cells[text_at].strip(), cells[label_at].strip().upper()
            if not text or not label:
                notes.skip("row without snippet or label")
                continue
            if label not in known:
                notes.skip(f"label not in the CASE set ({label[:40]})")
                continue
            snippet_id = cells[id_at].strip() if id_at >= 0 else str(number)
            yield Item(
                Document(id=f"case-{number}-{snippet_id}", text=text),
                CaseGold(snippet_id or str(number), label),
            )


class CaseScorer:
    """Accumulates CASE sub-type scores."""

    def __init__(self) -> None:
        self.n = 0
        self.subtype = Confusion()
        self.covered = Average()
        self.worst = WorstMisses()

    def add(self, item: Item, prediction: Prediction) -> None:
        """Score one snippet."""
        gold: CaseGold = item.gold
        labelled = [e for e in prediction.events if case_label(e) is not None]
        event = primary_event(labelled, eligible=lambda e: True)
        predicted = case_label(event) if event else None
        self.n += 1
        self.subtype.add(gold.label, predicted or NONE)
        self.covered.add(float(predicted is not None))
        if predicted != gold.label:
            self.worst.add(
                1.0 if predicted else 0.9,  # a wrong label ranks above a silent miss
                {
                    "id": gold.snippet_id,
                    "text": shorten(item.document.text),
                    "gold": gold.label,
                    "predicted": {
                        "label": predicted or NONE,
                        "events": [
                            [
                                e["event_type"],
                                e["mode"],
                                (e.get("acled") or {}).get("sub_event_type"),
                            ]
                            for e in prediction.events[:5]
                        ],
                    },
                },
            )

    def report(self, notes: RunNotes) -> EvalReport:
        """The CASE report."""
        labels = [label for label in CASE_LABELS if label in set(self.subtype.labels())]
        notes.add(
            "ACLED sub-event types map one to one to CASE labels; CONSULT/SUPPORT/AGREE/"
            "REQUEST/REJECT without an ACLED mapping count as DIPLO; ORG_CRIME, "
            "NATURAL_DISASTER, MAN_MADE_DISASTER and ATTRIB come only from a record's category"
        )
        return EvalReport(
            dataset="case",
            n_items=self.n,
            scores={
                "subtype.macro_f1": self.subtype.macro_f1(labels),
                "subtype.accuracy": self.subtype.accuracy(),
                "coverage.labelled": self.covered.value,
            },
            per_class={"subtype": self.subtype.per_class(labels)},
            confusion={"subtype": self.subtype.matrix()},
            worst=self.worst.result(),
            notes=notes.render(),
        )
