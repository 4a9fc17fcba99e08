"""The typer's training sentences: our own writing, shipped as JSON Lines.

``data/sentences.jsonl`` holds one object per sentence::

    {"text": "...", "label": "Armed clash", "event_type": "Battles",
     "sub_event_type": "Armed clash", "style": "acled"}

``label`` is the class the typer learns: one of the 25 ACLED sub-event types,
one of :data:`OTHER_LABELS` for events ACLED does not code, or :data:`NO_EVENT`
for text that reports no event at all (a match result, a market report, a
forecast, a plan); ``event_type`` and ``sub_event_type`` are null unless the
label is an ACLED one.  ``style`` says whether the sentence imitates an
ACLED coder's note (``acled``) or a news report (``news``).  Every sentence was
written for this project; none comes from a licensed dataset.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from eventwatch.errors import InputError

__all__ = [
    "ACLED_LABELS",
    "LABELS",
    "NO_EVENT",
    "OTHER_LABELS",
    "SENTENCES_PATH",
    "TYPER_LABELS",
    "LabelledSentence",
    "load_sentences",
]

SENTENCES_PATH = Path(__file__).parent / "data" / "sentences.jsonl"

# The ACLED codebook's 25 sub-event types, each with its event type.
ACLED_LABELS: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
# Events outside ACLED's scope that news about conflict often reports (the CASE 2021 extras).
OTHER_LABELS: tuple[str, ...] = (
    "Organised crime",
    "Natural disaster",
    "Man-made disaster",
    "Diplomacy",
    "Claim of responsibility",
)
# Every kind of event the typer tells apart.
LABELS: tuple[str, ...] = (*ACLED_LABELS, *OTHER_LABELS)
# Text that reports no political event or disaster: sport, markets, weather, culture,
# routine administration, plans, opinions, natural deaths.  The typer learns it beside
# the events so that words shared with them ("the two sides clash on Sunday", "a fire
# drill") need not read as one.
NO_EVENT = "No event"
# The typer's classes, in column order: the event labels, then :data:`NO_EVENT`.
TYPER_LABELS: tuple[str, ...] = (*LABELS, NO_EVENT)


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """One training sentence and its class."""

    text: str
    label: str
    style: str = "news"


def load_sentences(path: Path | None = None) -> list[LabelledSentence]:
    """The training sentences, in file order.

    Args:
        path: A JSON Lines file (default: the packaged ``data/sentences.jsonl``).

    Raises:
        InputError: a line is not JSON, lacks ``text``/``label``, or has an unknown label.
    """
    source = path or SENTENCES_PATH
    known = set(TYPER_LABELS)
    sentences: list[LabelledSentence] = []
    with open(source, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"{source}:{number}", f"not JSON ({exc.msg}); fix the line"
                ) from exc
            text, label = row.get("text"), row.get("label")
            if not text or label not in known:
                raise InputError(
                    f"{source}:{number}",
                    f"needs a text and a label from corpus.TYPER_LABELS, got label {label!r}",
                )
            sentences.append(LabelledSentence(text, label, row.get("style", "news")))
    return sentences
