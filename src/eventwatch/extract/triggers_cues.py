"""More event words: nominal, passive and idiomatic wordings that name violence or unrest.

"a shoot-out took place", "heavy artillery fire was reported", "two human heads were
found", "beaten to death", "threw a grenade at", "an IED exploded", "violence erupted",
"a fight broke out", "released 40 prisoners", "booed the minister", "staged a road
blockade", "conducted a patrol", "left three militants dead".  Each sense is tried only
after the senses of :data:`eventwatch.extract.lexicon.TRIGGERS` for the same word failed,
and each has a condition (in :mod:`eventwatch.extract.triggers_cue_conditions`) that keeps
its look-alikes out ("released a statement", "a fire broke out at the market", "threw
a party", "the film bombed").

Also how a token is looked up: by its lemma, its surface form, a stem of an inflected
verb the lemmatizer got wrong ("raped" → "rap"), or a hyphenated word the tokenizer
split ("shoot - out").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwatch.extract.lexicon import (
    ABDUCTION,
    AGREEMENT,
    ATTACK,
    CLASH,
    GRENADE,
    IED,
    MOB,
    OTHER_DEV,
    PEACEFUL,
    PROPERTY,
    SHELLING,
    TRIGGERS,
    VIOLENT_DEMO,
    WEAPONS,
    Sense,
)

__all__ = ["EXTRA_TRIGGERS", "hyphenated_trigger", "senses_for", "word_span"]

GROUP_CHANGE = ("Strategic developments", "Change to group/activity")
AIR = ("Explosions/Remote violence", "Air/drone strike")


def _senses(*items: tuple) -> list[Sense]:  # type: ignore[type-arg]
    return [Sense(*item) for item in items]


# Senses tried after the main lexicon's senses of the same word (or alone, for new words).
EXTRA_TRIGGERS: dict[str, list[Sense]] = {
    # --- fire and its nouns: "heavy artillery fire", "an exchange of fire" -------------
    "fire": _senses(
        ("ASSAULT", "explosives", "NOUN", SHELLING, "heavy_weapon_fire", 0.65),
        ("ASSAULT", "firearms", "NOUN", CLASH, "small_arms_fire", 0.6),
        ("ASSAULT", None, "NOUN", SHELLING, "of_projectile", 0.6),
    ),
    "firing": _senses(("ASSAULT", None, "NOUN", SHELLING, "of_projectile", 0.6)),
    "gunfire": _senses(("ASSAULT", "firearms", "NOUN", CLASH, "not_instrument", 0.55)),
    "exchange": _senses(
        ("ASSAULT", None, "VERB", CLASH, "obj_munitions", 0.75),
        ("ASSAULT", "firearms", "NOUN", CLASH, "of_fire", 0.75),
        ("CONCEDE", "release", "ANY", AGREEMENT, "obj_captives", 0.6),
    ),
    "shot": _senses(("ASSAULT", "firearms", "ANY", ATTACK, "shot_dead", 0.75)),
    "use": _senses(("ASSAULT", "explosives", "VERB", IED, "obj_explosive", 0.6)),
    "drop": _senses(("ASSAULT", "aerial", "VERB", AIR, "obj_explosive", 0.65)),
    "launch": _senses(("ASSAULT", None, "VERB", SHELLING, "obj_projectile", 0.7)),
    # --- thrown and planted weapons -----------------------------------------------------
    "throw": _senses(
        ("ASSAULT", "explosives", "VERB", GRENADE, "thrown_explosive", 0.7),
        ("ASSAULT", "primitive", "VERB", MOB, "thrown_missile", 0.6),
    ),
    "hurl": _senses(("ASSAULT", "explosives", "VERB", GRENADE, "thrown_explosive", 0.7)),
    "lob": _senses(
        ("ASSAULT", "explosives", "VERB", GRENADE, "thrown_explosive", 0.7),
        ("ASSAULT", "primitive", "VERB", MOB, "thrown_missile", 0.6),
    ),
    "explode": _senses(("ASSAULT", "explosives", "VERB", IED, "weapon_went_off", 0.7)),
    "detonate": _senses(("ASSAULT", "explosives", "VERB", IED, "weapon_went_off", 0.7)),
    "go": _senses(("ASSAULT", "explosives", "VERB", IED, "weapon_went_off", 0.65)),
    "hit": _senses(
        ("ASSAULT", None, "VERB", ATTACK, "hit_by_weapon", 0.6),
        ("ASSAULT", "beat", "VERB", ATTACK, "hit_by_people", 0.55),
    ),
    "bomb": _senses(("ASSAULT", "explosives", "VERB", AIR, "bombed_target", 0.65)),
    # --- killings and bodies ------------------------------------------------------------
    "find": _senses(("ASSAULT", None, "VERB", ATTACK, "found_remains", 0.6)),
    "leave": _senses(("ASSAULT", None, "VERB", ATTACK, "left_dead", 0.6)),
    "beat": _senses(("ASSAULT", "beat", "VERB", ATTACK, "beaten_people", 0.65)),
    "whip": _senses(("ASSAULT", "beat", "VERB", ATTACK, "beaten_people", 0.65)),
    "flog": _senses(("ASSAULT", "beat", "VERB", ATTACK, "beaten_people", 0.65)),
    "club": _senses(("ASSAULT", "beat", "VERB", ATTACK, "to_death", 0.7)),
    "stone": _senses(("ASSAULT", "primitive", "VERB", ATTACK, "to_death", 0.7)),
    "baton-charge": _senses(("ASSAULT", "beat", "ANY", ATTACK, None, 0.7)),
    "lathi-charge": _senses(("ASSAULT", "beat", "ANY", ATTACK, None, 0.7)),
    "charge": _senses(("ASSAULT", "beat", "ANY", ATTACK, "baton_charge", 0.7)),
    "injure": _senses(("ASSAULT", None, "VERB", ATTACK, "injured_by_people", 0.45)),
    "kidnapping": _senses(("ASSAULT", "abduct", "NOUN", ABDUCTION, None, 0.75)),
    "disappear": _senses(("ASSAULT", "abduct", "VERB", ABDUCTION, "made_to_disappear", 0.7)),
    # --- fighting between groups --------------------------------------------------------
    "fight": _senses(("ASSAULT", None, "ANY", MOB, "fight_broke_out", 0.6)),
    "violence": _senses(
        ("ASSAULT", None, "NOUN", CLASH, "group_violence_erupted", 0.6),
        ("PROTEST", "riot", "NOUN", MOB, "violence_erupted", 0.55),
    ),
    "hostility": _senses(("ASSAULT", None, "NOUN", CLASH, "violence_erupted", 0.55)),
    "incursion": _senses(("ASSAULT", None, "NOUN", CLASH, "armed_context", 0.55)),
    "capture": _senses(("ASSAULT", None, "ANY", CLASH, "obj_combatant", 0.6)),
    "turn": _senses(("PROTEST", "riot", "VERB", VIOLENT_DEMO, "turned_violent", 0.6)),
    # --- property -----------------------------------------------------------------------
    "destroy": _senses(
        ("COERCE", "seize", "VERB", WEAPONS, "obj_weapons_cache", 0.6),
        ("ASSAULT", None, "VERB", PROPERTY, "obj_structure", 0.55),
    ),
    "demolish": _senses(("ASSAULT", None, "VERB", PROPERTY, "obj_structure", 0.55)),
    "burn": _senses(("ASSAULT", None, "VERB", PROPERTY, "obj_structure", 0.55)),
    "raze": _senses(("ASSAULT", None, "VERB", PROPERTY, None, 0.65)),
    "uproot": _senses(("ASSAULT", None, "VERB", PROPERTY, "obj_structure", 0.6)),
    "bulldoze": _senses(("ASSAULT", None, "VERB", PROPERTY, "obj_structure", 0.6)),
    "cut": _senses(("ASSAULT", None, "VERB", PROPERTY, "cut_down_trees", 0.55)),
    "dismantle": _senses(("COERCE", "seize", "VERB", PROPERTY, "obj_illicit_site", 0.55)),
    "seize": _senses(("COERCE", "seize", "VERB", PROPERTY, "obj_goods", 0.6)),
    "steal": _senses(("COERCE", "seize", "VERB", PROPERTY, "obj_goods", 0.55)),
    "rustle": _senses(("COERCE", "seize", "VERB", PROPERTY, "obj_goods", 0.55)),
    # --- captives -----------------------------------------------------------------------
    "release": _senses(("CONCEDE", "release", "VERB", OTHER_DEV, "released_captives", 0.6)),
    # --- protest ------------------------------------------------------------------------
    "boo": _senses(("PROTEST", "demo", "VERB", PEACEFUL, "booed_official", 0.6)),
    "heckle": _senses(("PROTEST", "demo", "VERB", PEACEFUL, "booed_official", 0.6)),
    "blockade": _senses(("PROTEST", "demo", "NOUN", PEACEFUL, "road_blockade", 0.6)),
    "block": _senses(("PROTEST", "demo", "VERB", PEACEFUL, "blocked_access", 0.55)),
    # --- forces on the move -------------------------------------------------------------
    "patrol": _senses(("MOBILIZE", "troops", "NOUN", GROUP_CHANGE, "conducted_patrol", 0.55)),
    "convoy": _senses(("MOBILIZE", "troops", "NOUN", GROUP_CHANGE, "military_convoy", 0.5)),
    "column": _senses(("MOBILIZE", "troops", "NOUN", GROUP_CHANGE, "military_convoy", 0.5)),
}

# Verb tags whose surface form may give the lemma the lemmatizer missed.
_INFLECTED = frozenset({"VBD", "VBN", "VBG", "VBZ"})


def _stems(word: str) -> list[str]:
    """Candidate base forms of an inflected verb: "raped" → "rape", "stabbed" → "stab"."""
    found: list[str] = []
    for ending in ("ed", "ing", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            found += [base, base + "e"]
            if len(base) > 2 and base[-1] == base[-2]:
                found.append(base[:-1])  # "stabbed" → "stab"
            if ending == "ed" and base.endswith("i"):
                found.append(base[:-1] + "y")  # "occupied" → "occupy"
    if word.endswith("d") and len(word) > 3:
        found.append(word[:-1])  # "raped" → "rape"
    return found


def senses_for(token: Token) -> list[Sense]:
    """Every sense a token may have: the main lexicon's first, then :data:`EXTRA_TRIGGERS`."""
    lemma = token.lemma_.lower()
    keys = [lemma, token.lower_]
    if token.tag_ in _INFLECTED and lemma not in TRIGGERS and lemma not in EXTRA_TRIGGERS:
        keys += _stems(token.lower_)
    for key in keys:
        if key in TRIGGERS or key in EXTRA_TRIGGERS:
            return TRIGGERS.get(key, []) + EXTRA_TRIGGERS.get(key, [])
    return []


def hyphenated_trigger(token: Token) -> tuple[Token, list[Sense]] | None:
    """ "shoot - out", "sit - in", "baton - charged": a hyphenated event word split in three.

    Returns the syntactic head of the three tokens (where the word's sense is checked)
    and the senses of the whole word.
    """
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "-" or token.whitespace_:
        return None
    hyphen, last = doc[token.i + 1], doc[token.i + 2]
    if hyphen.whitespace_:
        return None
    words = {f"{token.lower_}-{last.lower_}", f"{token.lower_}-{last.lemma_.lower()}"}
    words |= {f"{token.lower_}-{stem}" for stem in _stems(last.lower_)}
    senses = [s for w in sorted(words) for s in TRIGGERS.get(w, []) + EXTRA_TRIGGERS.get(w, [])]
    if not senses:
        return None
    span = doc[token.i : token.i + 3]
    return span.root, senses


def word_span(token: Token) -> tuple[int, int]:
    """Character offsets (in the parse) of the whole word a trigger token belongs to.

    "out" of "shoot - out" stands for "shoot-out"; any other token for itself.
    """
    doc = token.doc
    start, end = token.idx, token.idx + len(token.text)
    for first in (token.i - 2, token.i - 1, token.i):
        if first < 0 or first + 2 >= len(doc) or not first <= token.i <= first + 2:
            continue
        found = hyphenated_trigger(doc[first])
        if found is not None and found[0].i == token.i:
            last = doc[first + 2]
            return doc[first].idx, last.idx + len(last.text)
    return start, end
