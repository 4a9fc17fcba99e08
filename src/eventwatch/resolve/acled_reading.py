"""The words of an ACLED note as the typing rules read them.

:func:`event_words` gives the note's lower-case words plus markers for what only
phrases tell: an aircraft named (not shots into the air), heavy weapons fired as
"heavy machine guns", small arms, fire returned, suicide bombers stopped before they
struck, and which side took ground.
"""

from __future__ import annotations

import re

from eventwatch.extract.lexicon import AIR_WORDS
from eventwatch.resolve import acled_words as lex

__all__ = [
    "AIRCRAFT",
    "BOMBERS_STOPPED",
    "REBEL_TAKER",
    "SMALL_ARMS",
    "STATE_TAKER",
    "event_words",
    "names_chemical_weapon",
    "words_of",
]

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")

_AIR = AIR_WORDS | {"airstrikes", "air-strike", "uav"}
# Air words that name no aircraft: shots fired into the air, a suicide bomber.
_NOT_AIR = re.compile(r"\b(?:in|into|in to) the air\b|\bsuicide bombers?\b", re.IGNORECASE)
AIRCRAFT = "<aircraft>"  # in a word set: the text names an aircraft or an air strike

_WATER_CANNON = re.compile(r"\bwater[ -]cannons?\b", re.IGNORECASE)
# Heavy weapons that reports name as gunfire ("heavy machine guns"): one-sided, they shell.
_HEAVY_FIRE = re.compile(
    r"\bheavy[ -](?:machine[ -]?guns?|machineguns?|weapons?|weaponry|guns?|calibre|caliber)\b",
    re.IGNORECASE,
)
# "forces killed two suicide bombers": stopped before they struck
_STOPPED = re.compile(
    r"\b(?:killed|shot|arrested|captured|intercepted|neutrali[sz]ed)\b(?:\s+\S+){0,4}?"
    r"\s+suicide bombers?\b",
    re.IGNORECASE,
)
BOMBERS_STOPPED = "<bombers-stopped>"  # in a word set: suicide bombers stopped before they struck
# Who took ground, read from the words before "took control" or "recaptured".
_TAKER = re.compile(
    r"([^.;,]{0,100}?)\b(?:took|taken|seized|gained|wrested|regained|recaptured|retook|re-captured"
    r"|re-took|liberated|recovered|overran)\b",
    re.IGNORECASE,
)
STATE_TAKER = "<taken-by-state>"  # in a word set: state forces took the ground
REBEL_TAKER = "<taken-by-rebels>"  # in a word set: rebels or militants took the ground
SMALL_ARMS = "<small-arms>"  # in a word set: light weapons fired (rifles, small arms, guns)
_LIGHT_FIRE = frozenset(
    "small rifle rifles gun guns machinegun machineguns pistol pistols ak kalashnikov "
    "kalashnikovs gunfire firearms shoot-out shootout".split()
)
# The side fired at fired back: a two-sided fight, whatever the first side's weapon.
_FIRED_BACK = re.compile(
    r"\b(?:returned|returning) fire\b|\b(?:fired|shot|hit) back\b|\bboth directions\b"
    r"|\b(?:responded|reacted|retaliated|replied)\b(?:\s+\S+){0,3}?\s+"
    r"(?:fire|firing|gunfire|shelling|shells|attack)\b"
    r"|\bopened (?:gun)?fire (?:in response|in retaliation|back)\b",
    re.IGNORECASE,
)


def words_of(text: str) -> set[str]:
    """Lower-case words, hyphenated ones also in parts ("pro-houthi" gives "houthi")."""
    words = set(_WORD.findall(text.lower()))
    return words | {part for word in words if "-" in word for part in word.split("-")}


def event_words(text: str) -> set[str]:
    """:func:`words_of`, plus markers for what only phrases tell.

    :data:`AIRCRAFT` when an aircraft or air strike is named, "heavy-weapons" for
    "heavy machine guns", :data:`SMALL_ARMS` for light weapons, "exchanged" when the
    side fired at fired back, :data:`BOMBERS_STOPPED` and :data:`STATE_TAKER` /
    :data:`REBEL_TAKER` for who took ground.  A water cannon is crowd control, not
    artillery: "cannon" is dropped when only water cannons are named.
    """
    words = words_of(text)
    if words & {"cannon", "cannons"} and not words_of(_WATER_CANNON.sub(" ", text)) & {
        "cannon",
        "cannons",
    }:
        words -= {"cannon", "cannons"}
        words.add("water-cannon")
    if words & _AIR and words_of(_NOT_AIR.sub(" ", text)) & _AIR:
        words.add(AIRCRAFT)
    if _HEAVY_FIRE.search(text):
        words.add("heavy-weapons")
    if words_of(_HEAVY_FIRE.sub(" ", text)) & _LIGHT_FIRE:
        words.add(SMALL_ARMS)
    if _FIRED_BACK.search(text):
        words.add("exchanged")  # "a police officer returned fire": two-sided
    if _STOPPED.search(text):
        words.add(BOMBERS_STOPPED)
    for taker in _TAKER.finditer(text):
        side = words_of(taker.group(1))
        if side & lex.NON_STATE and not side & lex.STATE_SIDE:
            words.add(REBEL_TAKER)
        elif side & (lex.STATE_FORCES | lex.STATE_SIDE) - {"armed"}:
            words.add(STATE_TAKER)
    return words


def names_chemical_weapon(words: set[str]) -> bool:
    """Whether the words name a chemical weapon: "chlorine", "a chemical attack", not "a chemical plant"."""
    if words & lex.CHEMICAL or {"toxic", "gas"} <= words or {"poison", "gas"} <= words:
        return True
    return "chemical" in words and bool(words & lex.CHEMICAL_USE) and not words & lex.CHEMICAL_SITE
