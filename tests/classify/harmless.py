"""The canned harmless texts: short reports of no political event or disaster.

``data/harmless.txt`` holds one text per line (``#`` lines are comments): sport,
markets, weather, culture, health advice, court schedules, plans, opinions, natural
deaths, anniversaries, travel and science, many with words that events share ("clash",
"shot", "strike", "fire drill", "protest vote").  The typer never trains on them;
tests measure with them how often harmless text gets a made-up event.
"""

from __future__ import annotations

from pathlib import Path

HARMLESS_PATH = Path(__file__).parent / "data" / "harmless.txt"


def harmless_texts() -> list[str]:
    """The harmless texts, in file order."""
    lines = HARMLESS_PATH.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]
