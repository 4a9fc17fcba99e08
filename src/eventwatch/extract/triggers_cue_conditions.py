"""Conditions of the senses in :mod:`eventwatch.extract.triggers_cues`: checks on the parse.

Each takes the trigger token and its objects (see :func:`eventwatch.extract.triggers.object_tokens`)
and says whether the word names the event here: "artillery fire" but not "a fire broke out
at the market"; "released 40 prisoners" but not "released a statement" or "released on
bail"; "threw a grenade at" but not "threw a party".
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventwatch.extract.triggers_cue_words import (
    ACCESS,
    ARMED_WORDS,
    BARRIERS,
    COMBATANT_WORDS,
    EXPLOSIVE_DEVICES,
    FIGURATIVE,
    GOODS,
    GROUP_MODIFIERS,
    HEAD_MARKS,
    HEAVY_WEAPONS,
    ILLICIT_SITES,
    MUNITIONS,
    OFFICIALS,
    PEOPLE_WORDS,
    PROJECTILES,
    REMAINS,
    SECURITY,
    SMALL_ARMS,
    SPORT,
    STRUCTURES,
    THROWN_MISSILES,
    WENT_OFF,
)
from eventwatch.extract.triggers_phrasal import is_person

__all__ = ["CUE_CONDITIONS", "PEOPLE_WORDS", "figurative_body", "natural_death", "passive_subject"]


def passive_subject(token: Token) -> Token | None:
    """The subject of a passive verb the parser left unattached: "a man was beaten …"."""
    if any(c.dep_ == "nsubjpass" for c in token.children):
        return None
    aux = next((c for c in token.children if c.dep_ == "auxpass"), None)
    if aux is None or aux.i == 0:
        return None
    before = token.doc[aux.i - 1]
    return before if before.pos_ in {"NOUN", "PROPN"} else None


def _with_passive(objects: list[Token], token: Token) -> list[Token]:
    subject = passive_subject(token)
    return objects + [subject] if subject is not None else objects


def _lemmas(tokens: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _modifiers(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in {"amod", "compound", "nmod"}}


def _is_people(token: Token) -> bool:
    return token.lower_ in PEOPLE_WORDS or token.lemma_.lower() in PEOPLE_WORDS or is_person(token)


def _heavy_weapon_fire(token: Token, objects: list[Token]) -> bool:
    """ "heavy artillery fire", "mortar fire": fire from weapons, not a blaze."""
    near = _modifiers(token) | {g.lower_ for c in token.children for g in c.children}
    return bool(near & HEAVY_WEAPONS) and bool(near & (HEAVY_WEAPONS - {"heavy"}))


def _small_arms_fire(token: Token, objects: list[Token]) -> bool:
    """ "sniper fire", "responded to pro-government fire", "came under fire from gunmen"."""
    if _modifiers(token) & SMALL_ARMS:
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in {"to", "with"}:
        verb = head.head.lemma_.lower()
        return verb in {"respond", "react", "return", "retaliate"}
    if token.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() == "come":
        words = {t.lower_ for t in token.sent}
        return bool(words & ARMED_WORDS)
    return False


def _of_projectile(token: Token, objects: list[Token]) -> bool:
    """ "the firing of three rockets"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in PROJECTILES for g in c.children)
        for c in token.children
    )


def _obj_munitions(token: Token, objects: list[Token]) -> bool:
    """ "exchanged artillery / fire / gunshots with": not "exchanged views"."""
    return bool(_lemmas(objects) & MUNITIONS)


def _obj_captives(token: Token, objects: list[Token]) -> bool:
    """ "exchanged prisoners", "a prisoner exchange"."""
    captives = {"prisoner", "prisoners", "detainee", "detainees", "hostage", "hostages", "captive"}
    captives |= {"captives", "body", "bodies"}
    if token.pos_ == "NOUN":
        return bool(_modifiers(token) & captives) or any(
            c.lower_ == "of" and any(g.lower_ in captives for g in c.children)
            for c in token.children
        )
    return bool(_lemmas(objects) & captives)


def _shot_dead(token: Token, objects: list[Token]) -> bool:
    """ "gunmen shot dead a farmer" (the parser may read "shot" as a noun)."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "dead"


def _obj_projectile(token: Token, objects: list[Token]) -> bool:
    """ "launched two missiles", "launched rockets into": not "launched a campaign"."""
    return bool(_lemmas(objects) & PROJECTILES)


def _thrown(token: Token, objects: list[Token]) -> set[str]:
    things = _lemmas(_with_passive(objects, token))
    things |= {m for t in objects for m in _modifiers(t)}
    return things


def _thrown_explosive(token: Token, objects: list[Token]) -> bool:
    """ "threw a hand grenade at", "a bomb was thrown into": not "threw a party"."""
    things = _thrown(token, objects)
    return bool(things & EXPLOSIVE_DEVICES) and not things & {"molotov", "petrol", "cocktail"}


def _thrown_missile(token: Token, objects: list[Token]) -> bool:
    """ "threw stones at police", "hurled Molotov cocktails at a shop"."""
    return bool(_thrown(token, objects) & THROWN_MISSILES)


def _weapon_went_off(token: Token, objects: list[Token]) -> bool:
    """ "an IED exploded", "a bomb went off", "detonated explosives": not "prices exploded"."""
    if token.lemma_.lower() == "go" and not any(
        c.dep_ == "prt" and c.lower_ == "off" for c in token.children
    ):
        return False
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    subject = passive_subject(token)
    if subject is not None:
        subjects.append(subject)
    things = _lemmas(subjects) | {m for s in subjects for m in _modifiers(s)}
    if not subjects and token.lemma_.lower() != "go":
        # "an IED planted by … in a bin near … reportedly exploded": the parse lost the subject
        before = token.doc[max(token.sent.start, token.i - 20) : token.i]
        things |= {t.lower_ for t in before}
    if token.lemma_.lower() == "detonate":
        things |= _lemmas(objects) | {m for t in objects for m in _modifiers(t)}
        if _lemmas(objects) & STRUCTURES:
            return True
    return bool(things & WENT_OFF)


def _hit_by_weapon(token: Token, objects: list[Token]) -> bool:
    """ "hit by a roadside bomb", "was hit by a rocket"."""
    agents = [g for c in token.children if c.dep_ in {"agent", "prep"} and c.lower_ == "by"
              for g in c.children]  # fmt: skip
    things = _lemmas(agents) | {m for a in agents for m in _modifiers(a)}
    return bool(things & (WENT_OFF | PROJECTILES | {"strike", "airstrike", "drone"}))


def _subject_people(token: Token) -> bool:
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    subjects += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    return any(_is_people(s) or s.lower_ in ARMED_WORDS for s in subjects)


def _hit_by_people(token: Token, objects: list[Token]) -> bool:
    """ "police hit several women": a person hits people (not "the storm hit residents")."""
    return _subject_people(token) and any(_is_people(t) for t in objects if t.dep_ == "dobj")


def _not_instrument(token: Token) -> bool:
    """ "gunfire was heard", not "sprayed a convoy with gunfire" (the verb is the event)."""
    if token.dep_ in {"amod", "compound"}:
        return False
    return not (token.dep_ == "pobj" and token.head.lower_ in {"with", "by", "using"})


def _repeated(token: Token) -> bool:
    """A campaign told as a whole, not one event: "bombed again and again over the past year"."""
    text = token.sent.text.lower()
    return any(p in text for p in ("again and again", "repeatedly", "over the past", "for years"))


def _bombed_target(token: Token, objects: list[Token]) -> bool:
    """ "bombed militant bases", "bombed the rebels": not "the film bombed"."""
    if token.pos_ != "VERB" or _repeated(token):
        return False
    targets = _with_passive(objects, token)
    return any(
        t.lower_ in ARMED_WORDS
        or t.lemma_.lower() in {"base", "position", "target", "camp", "hideout", "village", "town"}
        or t.lower_ in {"bases", "positions", "targets", "camps", "hideouts"}
        or t.ent_type_ in {"GPE", "LOC", "FAC"}
        for t in targets
    )


def figurative_body(token: Token) -> bool:
    """ "a body of evidence", "the body of work": no dead body."""
    figurative = {"evidence", "work", "water", "research", "knowledge", "literature", "law"}
    return any(
        c.lower_ == "of" and any(g.lemma_.lower() in figurative for g in c.children)
        for c in token.children
    )


def natural_death(token: Token) -> bool:
    """The sentence gives a death no one caused: "found dead of natural causes"."""
    words = {t.lower_ for t in token.sent}
    return (
        bool(words & {"overdose", "drowned", "illness"})
        or {"natural", "causes"} <= words
        or ({"heart", "attack"} <= words)
    )


def _subject_window(token: Token, size: int = 10) -> list[Token]:
    """The words before a passive verb back to the clause's start: its subject, however parsed."""
    aux = next((c for c in token.children if c.dep_ == "auxpass"), None)
    if aux is None:
        return []
    window: list[Token] = []
    for i in range(aux.i - 1, max(token.sent.start, aux.i - size) - 1, -1):
        word = token.doc[i]
        if word.text in {",", ";", ":", "(", ")"} or word.lower_ in {"when", "after", "while"}:
            break
        window.append(word)
    return window


def _found_remains(token: Token, objects: list[Token]) -> bool:
    """ "two human heads were found", "the body of a man was found": a killing's traces."""
    if natural_death(token):
        return False
    found = _with_passive(objects, token)
    window = _subject_window(token)
    if "dead" in {t.lower_ for t in window} and any(_is_people(t) for t in window):
        return True  # "three handcuffed dead women … were found"
    found += [t for t in window if t.lemma_.lower() in REMAINS or t.lower_ in REMAINS]
    for thing in found:
        lemma = thing.lemma_.lower()
        near = {t.lower_ for t in thing.subtree if abs(t.i - thing.i) <= 6}
        if lemma in {"head", "heads"} and _modifiers(thing) & HEAD_MARKS:
            return True
        if lemma in REMAINS or thing.lower_ in REMAINS:
            if figurative_body(thing):
                return False
            return lemma != "remains" or "human" in near or any(_is_people(t) for t in _near(thing))
        if lemma == "bag" and near & {"remains", "body", "bodies"}:
            return True
    return any(c.lemma_.lower() == "die" and c.dep_ == "conj" for c in token.head.children) or (
        token.dep_ == "conj" and token.head.lemma_.lower() == "die"
    )


def _near(thing: Token) -> list[Token]:
    return [t for t in thing.subtree if t.i != thing.i and abs(t.i - thing.i) <= 6]


def _left_dead(token: Token, objects: list[Token]) -> bool:
    """ "left three militants dead", "leaving two people injured"."""
    results = [c for c in token.children if c.dep_ in {"oprd", "xcomp", "acomp", "ccomp", "advcl"}]
    results += [g for c in objects for g in c.children if g.dep_ in {"amod", "acomp"}]
    if any(r.lower_ in {"dead", "injured", "wounded"} for r in results):
        return True
    doc = token.doc
    after = [doc[i].lower_ for i in range(token.i + 1, min(len(doc), token.i + 7))]
    return "dead" in after and not {"country", "office", "home", "party"} & set(after)


def _beaten_people(token: Token, objects: list[Token]) -> bool:
    """ "beaten to death", "beat and robbed a civilian", "whipped the man"."""
    found = _with_passive(objects, token)
    for (
        conj
    ) in token.conjuncts:  # "beat and extorted a civilian": the object sits on the other verb
        found += [c for c in conj.children if c.dep_ == "dobj"]
    if any(
        c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in token.children
    ):
        return True
    return any(_is_people(t) for t in found)


def _baton_charge(token: Token, objects: list[Token]) -> bool:
    """ "police baton charged the crowd", "a lathi charge"."""
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].lower_ in {"baton", "lathi", "cane"}


def _injured_by_people(token: Token, objects: list[Token]) -> bool:
    """ "injured by traders", "threw a rock at her and injured her"; not "injured in a crash"."""
    agents = [g for c in token.children if c.dep_ == "agent" for g in c.children]
    if any(_is_people(a) or a.lower_ in ARMED_WORDS for a in agents):
        return True
    words = {t.lemma_.lower() for t in token.sent}
    return bool(words & (THROWN_MISSILES | {"stick", "club", "baton", "machete", "knife"}))


def _made_to_disappear(token: Token, objects: list[Token]) -> bool:
    """ "forcibly disappeared a student" (the verb is transitive only in this sense)."""
    if any(c.lower_ in {"forcibly", "forcefully"} for c in token.children):
        return True
    return any(c.dep_ == "dobj" and _is_people(c) for c in token.children)


def _fight_broke_out(token: Token, objects: list[Token]) -> bool:
    """ "a fight broke out between", "fought each other / one another"; not "fought the charges"."""
    if _modifiers(token) & FIGURATIVE:
        return False
    if token.pos_ == "VERB":
        pairs = {" ".join(t.lower_ for t in obj.subtree) for obj in token.children
                 if obj.dep_ in {"dobj", "npadvmod"}}  # fmt: skip
        return bool(pairs & {"each other", "one another"})
    return token.head.lemma_.lower() in {"break", "erupt", "errupt", "ensue"} and token.dep_ in {
        "nsubj",
        "nsubjpass",
    }


def _violence_erupted(token: Token, objects: list[Token]) -> bool:
    """ "violence erupted", "the outbreak of hostilities", "fresh violence flared"."""
    head = token.head
    if token.dep_ in {"nsubj", "nsubjpass"}:
        return head.lemma_.lower() in {"erupt", "errupt", "break", "flare", "ensue", "escalate"}
    if token.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in {"eruption", "outbreak", "outburst", "flare-up"}
    return False


def _group_violence_erupted(token: Token, objects: list[Token]) -> bool:
    """ "inter-clan violence erupted": fighting between armed communities."""
    return bool(_modifiers(token) & GROUP_MODIFIERS) and _violence_erupted(token, objects)


def _armed_context(token: Token, objects: list[Token]) -> bool:
    """ "thwarted an incursion by militants": an armed group is in the sentence."""
    return bool({t.lower_ for t in token.sent} & ARMED_WORDS) or any(
        t.ent_type_ == "NORP" for t in token.sent
    )


def _obj_combatant(token: Token, objects: list[Token]) -> bool:
    """ "captured two rebels": fighters taken in battle."""
    return bool(_lemmas(objects) & COMBATANT_WORDS)


def _turned_violent(token: Token, objects: list[Token]) -> bool:
    """ "the protest turned violent", "the crowd turned ugly"."""
    return any(c.dep_ in {"acomp", "oprd"} and c.lower_ in {"violent", "ugly", "riotous"}
               for c in token.children)  # fmt: skip


def _obj_structure(token: Token, objects: list[Token]) -> bool:
    """ "destroyed a bulldozer", "uprooted olive trees": things, not "destroyed evidence"."""
    things = _with_passive(objects, token)
    things += [g for t in things for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children]  # fmt: skip
    return bool(_lemmas(things) & STRUCTURES)


def _obj_weapons_cache(token: Token, objects: list[Token]) -> bool:
    """ "destroyed a weapons cache", "defused IEDs": not "destroyed the enemy's ammunition depot"."""
    caches = {"cache", "caches", "stockpile", "stockpiles", "weapon", "weapons", "arms", "ied"}
    caches |= {"ieds", "explosive", "explosives", "mine", "mines", "landmine", "landmines"}
    return bool(_lemmas(_with_passive(objects, token)) & caches)


def _obj_explosive(token: Token, objects: list[Token]) -> bool:
    """ "used explosives to blow open a cash machine", "dropped barrel bombs on"."""
    things = _with_passive(objects, token)
    return bool(_lemmas(things) & (EXPLOSIVE_DEVICES - {"device", "devices", "charge", "charges"}))


def _cut_down_trees(token: Token, objects: list[Token]) -> bool:
    """ "cut down 30 olive trees"."""
    down = any(c.dep_ in {"prt", "advmod"} and c.lower_ == "down" for c in token.children)
    return down and bool(_lemmas(objects) & {"tree", "trees", "orchard", "crops", "vines"})


def _obj_illicit_site(token: Token, objects: list[Token]) -> bool:
    """ "dismantled a cocaine lab": a site, not "dismantled the very structure" of a state body."""
    return bool(_lemmas(_with_passive(objects, token)) & ILLICIT_SITES)


def _obj_goods(token: Token, objects: list[Token]) -> bool:
    """ "seized a ton of marijuana", "stole 40 cows": goods, not "seized the opportunity"."""
    things = list(objects)
    for t in objects:  # "a ton of marijuana", "dozens of cattle"
        things += [
            g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
        ]
    return bool(_lemmas(things) & GOODS)


def _released_captives(token: Token, objects: list[Token]) -> bool:
    """ "released 48 soldiers held as prisoners", "were released from prison".

    Not "released a statement", and not "released on bail" (a court's step, no concession).
    """
    if any(
        c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ in {"bail", "parole", "bond"}
            for g in c.children)
        for c in token.children
    ):  # fmt: skip
        return False
    if any(
        c.dep_ == "prep" and c.lower_ == "from"
        and any(g.lemma_.lower() in {"prison", "jail", "captivity", "custody", "detention"}
                for g in c.children)
        for c in token.children
    ):  # fmt: skip
        return True
    return any(_is_people(t) for t in _with_passive(objects, token))


def _booed_official(token: Token, objects: list[Token]) -> bool:
    """ "booed the prime minister": not fans booing a referee."""
    if {t.lower_ for t in token.sent} & SPORT:
        return False
    after = token.doc[token.i + 1 : min(token.sent.end, token.i + 6)]
    found = _with_passive(objects, token) + list(after)
    return any(
        t.lower_ in OFFICIALS or t.lemma_.lower() in OFFICIALS or t.ent_type_ == "PERSON"
        for t in found
    )


def _road_blockade(token: Token, objects: list[Token]) -> bool:
    """ "staged a road blockade": not a naval blockade or an economic one."""
    return bool(_modifiers(token) & {"road", "highway", "rail", "railway", "human"}) or (
        token.dep_ == "dobj" and token.head.lemma_.lower() in {"stage", "mount", "erect", "put"}
    )


def _blocked_access(token: Token, objects: list[Token]) -> bool:
    """ "blocked the entrance to the village with stones", "blocked the road with tyres".

    Not when the police or the army block the way: that is no protest.
    """
    subjects = [t for c in token.children if c.dep_ == "nsubj" for t in c.subtree]
    if any(t.lower_ in SECURITY for t in subjects):
        return False
    if _lemmas(objects) & ACCESS:
        return True
    words = {t.lower_ for t in token.sent}
    return bool(words & BARRIERS) and bool(words & ACCESS)


def _conducted_patrol(token: Token, objects: list[Token]) -> bool:
    """ "forces conducted a patrol", "a patrol took place"; not "a police patrol car"."""
    if token.dep_ == "compound":
        return False
    head = token.head
    if token.dep_ == "dobj":
        return head.lemma_.lower() in {
            "conduct",
            "carry",
            "launch",
            "begin",
            "start",
            "run",
            "mount",
        }
    if token.dep_ == "nsubj":  # "a patrol took place"
        return head.lemma_.lower() == "take" and any(c.lower_ == "place" for c in head.children)
    return False


def _military_convoy(token: Token, objects: list[Token]) -> bool:
    """ "a military column entered", "a convoy of armoured vehicles crossed the border"."""
    near = {t.lower_ for t in token.subtree}
    military = bool(near & {"military", "army", "armoured", "armored", "troops", "tanks"})
    moving = token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in {
        "enter", "cross", "arrive", "reach", "head", "send", "move", "deploy", "roll"
    }  # fmt: skip
    return military and moving


# condition name in :data:`eventwatch.extract.triggers_cues.EXTRA_TRIGGERS` -> check
CUE_CONDITIONS: dict[str, Callable[[Token, list[Token]], bool]] = {
    "heavy_weapon_fire": _heavy_weapon_fire,
    "small_arms_fire": _small_arms_fire,
    "of_projectile": _of_projectile,
    "obj_munitions": _obj_munitions,
    "obj_captives": _obj_captives,
    "shot_dead": _shot_dead,
    "obj_projectile": _obj_projectile,
    "thrown_explosive": _thrown_explosive,
    "thrown_missile": _thrown_missile,
    "weapon_went_off": _weapon_went_off,
    "hit_by_weapon": _hit_by_weapon,
    "hit_by_people": _hit_by_people,
    "bombed_target": _bombed_target,
    "found_remains": _found_remains,
    "left_dead": _left_dead,
    "beaten_people": _beaten_people,
    "baton_charge": _baton_charge,
    "injured_by_people": _injured_by_people,
    "made_to_disappear": _made_to_disappear,
    "fight_broke_out": _fight_broke_out,
    "violence_erupted": _violence_erupted,
    "group_violence_erupted": _group_violence_erupted,
    "armed_context": _armed_context,
    "obj_combatant": _obj_combatant,
    "turned_violent": _turned_violent,
    "obj_structure": _obj_structure,
    "cut_down_trees": _cut_down_trees,
    "obj_explosive": _obj_explosive,
    "obj_weapons_cache": _obj_weapons_cache,
    "not_instrument": lambda token, objects: _not_instrument(token),
    "obj_goods": _obj_goods,
    "obj_illicit_site": _obj_illicit_site,
    "released_captives": _released_captives,
    "booed_official": _booed_official,
    "road_blockade": _road_blockade,
    "blocked_access": _blocked_access,
    "conducted_patrol": _conducted_patrol,
    "military_convoy": _military_convoy,
}
