"""Armed groups, security forces and parties that belong to one country.

The knowledge lives in ``data/groups.tsv``, a table the team writes from general
knowledge ("Houthi" -> Yemen, "FARDC" -> DR Congo, "Boko Haram" -> Nigeria).  A
mention of such a group is a cue to the country a text is about, used when the
places it names do not settle it ("Taliban militants attacked a checkpoint").

Acronyms ("FARDC", "M23", "FAMa") match case-sensitively, other names
case-insensitively and in the plural; all as whole words, so "pro-Houthi" counts and
"Hamasaki" does not.  Where names overlap, the longest wins ("Kataib Hezbollah" is
Iraqi, "Hezbollah" Lebanese).

A group that fights or works in a few first-level divisions of its country only
also names them (the Donbas separatists: Donetsk and Luhansk oblasts): where a
village name recurs across the country, the one in those regions is meant.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GroupMention", "find_groups"]

GROUPS_FILE = Path(__file__).parent / "data" / "groups.tsv"
_ACRONYM = re.compile(r"^\S*[A-Z]\S*[A-Z0-9]\S*$")
_CURLY_APOSTROPHE = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class GroupMention:
    """A group named in a text: its name as written, offsets and country (ISO alpha-3).

    ``regions`` are the first-level divisions of the country it is active in, as the
    gazetteer names them, when it keeps to a few; else empty.
    """

    text: str
    start: int
    end: int
    country: str
    regions: tuple[str, ...] = ()


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SEPARATOR = re.compile(r"[\s/&-]+")


@dataclass(frozen=True, slots=True)
class _Entry:
    """One name of the table as tokens: case-folded unless an acronym."""

    tokens: tuple[str, ...]
    acronym: bool
    country: str
    regions: tuple[str, ...] = ()


@functools.cache
def _index() -> dict[str, list[_Entry]]:
    """First token (as written for acronyms, case-folded for names) -> entries, longest first."""
    index: dict[str, list[_Entry]] = {}
    with GROUPS_FILE.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            iso3, cell, _what, *rest = line.rstrip("\n").split("\t")
            regions = tuple(r.strip() for r in rest[0].split(";") if r.strip()) if rest else ()
            for name in (item.strip() for item in cell.split(";")):
                if not name:
                    continue
                acronym = bool(_ACRONYM.match(name))
                tokens = tuple(
                    token.group() if acronym else token.group().casefold()
                    for token in _TOKEN.finditer(name.translate(_CURLY_APOSTROPHE))
                )
                if tokens:
                    index.setdefault(tokens[0], []).append(_Entry(tokens, acronym, iso3, regions))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry.tokens))
    return index


def find_groups(text: str) -> list[GroupMention]:
    """Every group of the table named in ``text``, in text order.

    Args:
        text: Any text, e.g. ``"pro-Houthi forces shelled FARDC positions"``.

    Returns:
        The mentions; of overlapping ones, only the longest.
    """
    index = _index()
    tokens = list(_TOKEN.finditer(text.translate(_CURLY_APOSTROPHE)))
    found: list[GroupMention] = []
    position = 0
    while position < len(tokens):
        match = _match_at(text, tokens, position, index)
        if match is None:
            position += 1
            continue
        end, entry = match
        start = tokens[position].start()
        found.append(
            GroupMention(
                text[start : tokens[end].end()],
                start,
                tokens[end].end(),
                entry.country,
                entry.regions,
            )
        )
        position = end + 1
    return found


def _match_at(
    text: str, tokens: list[re.Match[str]], position: int, index: dict[str, list[_Entry]]
) -> tuple[int, _Entry] | None:
    """The last token and entry of the longest name starting at token ``position``."""
    written = tokens[position].group()
    for entry in (*index.get(written, ()), *index.get(written.casefold(), ())):
        last = position + len(entry.tokens) - 1
        if last >= len(tokens):
            continue
        if not all(
            _SEPARATOR.fullmatch(text, tokens[i].end(), tokens[i + 1].start())
            for i in range(position, last)
        ):
            continue
        if entry.acronym:
            matched = all(
                tokens[position + i].group() == token for i, token in enumerate(entry.tokens)
            )
            # "SPLM" is not the "SPLM" of "SPLM-IO"
            matched = matched and not _continues_with_hyphen(text, tokens, last)
        else:
            words = [tokens[position + i].group().casefold() for i in range(len(entry.tokens))]
            *head, tail = entry.tokens
            matched = words[:-1] == head and words[-1] in {tail, tail + "s", tail + "es"}
        if matched:
            return last, entry
    return None


def _continues_with_hyphen(text: str, tokens: list[re.Match[str]], last: int) -> bool:
    """Whether the token at ``last`` is joined by a hyphen to the next one."""
    return last + 1 < len(tokens) and text[tokens[last].end() : tokens[last + 1].start()] == "-"
