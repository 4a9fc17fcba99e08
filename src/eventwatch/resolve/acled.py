"""Each event's ACLED event type and sub-event type.

ACLED types rest on who fights whom and with what, more than on the verb: shells
fired at positions are "Explosions/Remote violence", gunfire between two armed
groups is "Battles", the same gunfire at a farmer is "Violence against civilians",
a crowd beating a man is "Riots".  The rules below read the event's PLOVER type and
mode, its participants' heads and the words of its sentence.
"""

from __future__ import annotations

import re

from eventwatch.extract.lexicon import AIR_WORDS
from eventwatch.extract.mention import Argument, EventMention

__all__ = ["acled_type"]

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")

_SEXUAL = frozenset("rape raped raping sexually sexual".split())
_CHEMICAL = frozenset("chemical chlorine sarin mustard nerve toxic-gas poison-gas".split())
_AIR = AIR_WORDS | {"airstrikes", "air-strike", "uav"}
_SHELLING = frozenset(
    "shell shells shelled shelling artillery mortar mortars rocket rockets missile missiles projectile "
    "projectiles howitzer howitzers cannon launcher launchers mlrs rpg rpgs bombard bombarded bombardment "
    "bombardments grad katyusha".split()
)
_IED = frozenset(
    "ied ieds landmine landmines mine mines roadside device devices vbied rcied booby-trap booby-trapped "
    "car-bomb planted".split()
)
# Blasts that may be shells or planted bombs; read with the rest of the sentence.
_BLAST = frozenset(
    "explosive explosives bomb bombs bombing explosion explosions blast blasts detonated exploded".split()
)
_FRONT = frozenset("observed frontline front positions fired impacts shelled directions".split())
_ARMED_GROUPS = frozenset(
    "taliban houthi houthis shabaab al-shabaab isis isil daesh jnim isgs iswap aqap aqim boko haram "
    "farc eln pkk ypg sdf hts adf m23 fdlr nsag militants jihadists".split()
)
_GRENADE = frozenset("grenade grenades".split())
_SUICIDE = frozenset("suicide".split())
_REGAIN = frozenset("recaptured recapture regained regain retook retake liberated".split())
_OVERTAKE = frozenset("overran overrun captured seized took".split())
_CLASH = frozenset(
    "clash clashes clashed exchange exchanged fighting fought battle battled engaged gunfight gunfights "
    "firefight firefights gunbattle shoot-out shoot-outs shootout shootouts skirmish skirmishes repel "
    "repelled repulsed repulse".split()
)
_ARMED_HEADS = frozenset(
    "force forces troop troops soldier soldiers army military militant militants fighter fighters "
    "rebel rebels insurgent insurgents militia militias position positions base bases gunmen police "
    "policemen officer officers guard guards unit units jihadist jihadists combatant combatants "
    "checkpoint checkpoints outpost outposts patrol convoy commander commanders sniper snipers "
    "separatist separatists paramilitary paramilitaries brigade brigades camp camps battalion "
    "battalions garrison front frontline taliban".split()
)
_CROWD_HEADS = frozenset(
    "mob mobs crowd crowds villager villagers resident residents people locals rioter rioters protester "
    "protesters demonstrator demonstrators group worker workers inmate inmates prisoner prisoners youths "
    "youth student students supporter supporters rider riders driver drivers trader traders farmer "
    "farmers herder herders community communities member members relatives family families vendor vendors".split()
)
# Force used on a crowd, whoever used it; and police actions that need the police named.
_FORCE_USED = frozenset(
    "dispersed disperse tear teargas tear-gas cannon cannons rubber batons baton-charged lathicharged lathi-charged".split()
)
_POLICE_ACTION = frozenset(
    "arrested detained charged intervened prevented removed stopped blocked pushed clashed scuffled".split()
)
_AUTHORITIES = frozenset(
    "police policemen officers security forces authorities gendarmes guards".split()
)
_EXCESSIVE = frozenset("killed killing shot dead live".split())
_RIOTING = frozenset(
    "torched burning burned burnt vandalized vandalised pelted stone-pelting hurled smashed looted "
    "beat barricaded alight molotov stones rocks rampage rampaged ransacked rioting violent".split()
)
_CIVIL_PARTIES = frozenset(
    "residents villagers citizens inhabitants workers laborers labourers inmates prisoners students "
    "shopkeepers traders vendors farmers herders supporters members community communities youths "
    "locals protesters demonstrators rioters drivers people groups families".split()
)
_DISPUTE = frozenset(
    "dispute disputes feud feuds brawl scuffle quarrel altercation argument rivalry".split()
)
_DIRECT_FIRE = frozenset(
    "gun guns machinegun machineguns machine small arms shots bursts rifle rifles fire".split()
)
_PROPERTY = ("Strategic developments", "Looting/property destruction")
_REGAIN_TYPE = ("Battles", "Government regains territory")
_OVERTAKE_TYPE = ("Battles", "Non-state actor overtakes territory")
_STATE_FORCES = frozenset(
    "army military government troops soldiers police forces armed gendarmerie".split()
) - {"forces"}
_PROTEST_WORDS = frozenset(
    "protest protests protested protesting protester protesters demonstration demonstrations "
    "demonstrators demonstrated rally rallies march marched sit-in strike".split()
)


def _words(text: str) -> set[str]:
    """Lower-case words, hyphenated ones also in parts ("pro-houthi" gives "houthi")."""
    words = set(_WORD.findall(text.lower()))
    return words | {part for word in words if "-" in word for part in word.split("-")}


def _head(argument: Argument | None) -> str:
    return argument.head_lemma if argument is not None else ""


def _heads(argument: Argument | None) -> set[str]:
    """The head as lemma and as written ("riders" / "rider"), for word lists in either form."""
    if argument is None:
        return set()
    last = argument.text.split()[-1].lower() if argument.text.split() else ""
    return {argument.head_lemma, last}


_CIVILIAN_HEADS = frozenset(
    "civilian civilians man men woman women child children boy girl people person villager villagers "
    "farmer farmers laborer labourer worker workers student students driver drivers pastoralist "
    "pastoralists trader traders merchant merchants resident residents family journalist journalists "
    "teacher teachers doctor doctors nurse patient patients passenger passengers".split()
)


def _armed(argument: Argument | None) -> bool:
    if argument is None:
        return False
    words = _words(argument.text)
    return (
        argument.head_lemma in _ARMED_HEADS
        or bool(words & ({"forces", "army", "militia", "rebels", "military"} | _ARMED_GROUPS))
        or (argument.label == "ORG" and argument.head_lemma not in _CIVILIAN_HEADS)
    )


def _assault(mention: EventMention, words: set[str]) -> tuple[str, str]:
    if mention.acled in {_REGAIN_TYPE, _OVERTAKE_TYPE}:
        # taking ground: state forces regain it, anyone else overtakes it
        state = mention.actor is not None and bool(_words(mention.actor.text) & _STATE_FORCES)
        return _REGAIN_TYPE if state or mention.acled == _REGAIN_TYPE else _OVERTAKE_TYPE
    if (
        mention.actor is not None
        and _words(mention.actor.text) & (_STATE_FORCES | {"police", "policemen"})
        and words & {"protesters", "demonstrators", "protest", "protests", "rally", "demonstration"}
    ):
        return "Protests", "Excessive force against protesters"
    if mention.mode == "abduct":
        return "Violence against civilians", "Abduction/forced disappearance"
    if words & _SEXUAL:
        return "Violence against civilians", "Sexual violence"
    if words & _CHEMICAL:
        return "Explosions/Remote violence", "Chemical weapon"
    if words & _SUICIDE and words & (_IED | {"bomber", "bombers"}):
        return "Explosions/Remote violence", "Suicide bomb"
    if mention.mode == "aerial" or words & _AIR:
        return "Explosions/Remote violence", "Air/drone strike"
    gunfire = bool(words & _DIRECT_FIRE)
    if (
        words & _SHELLING
        and gunfire
        and (words & _CLASH or "positions" in words or "directions" in words)
    ):
        return "Battles", "Armed clash"  # heavy weapons in a two-sided fight
    if words & _SHELLING:
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if words & _GRENADE:
        return "Explosions/Remote violence", "Grenade"
    if words & _IED:
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if mention.mode == "explosives" or words & _BLAST:
        if words & _FRONT:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if words & _REGAIN and _armed(mention.actor):
        return "Battles", "Government regains territory"
    actor_words = _words(mention.actor.text) if mention.actor is not None else set()
    civilians_fight = bool((actor_words | words) & _CIVIL_PARTIES) and not (
        actor_words & _ARMED_HEADS - {"police", "policemen", "officers", "officer"}
    )
    if words & _CLASH and civilians_fight:
        # residents, workers or party members fighting police or each other: a riot, not a battle
        if (
            words & {"police", "policemen", "officers", "security", "authorities", "guards"}
            or words & _RIOTING
        ):
            return "Riots", "Violent demonstration"
        return "Riots", "Mob violence"
    if words & _CLASH and not mention.trigger[2].lower().startswith("execut"):
        return "Battles", "Armed clash"  # a two-sided fight, whoever else was hurt in it
    if mention.trigger[2].lower().startswith("execut") or (
        mention.recipient is not None
        and _heads(mention.recipient) & _CIVILIAN_HEADS
        and _armed(mention.actor)
    ):
        return "Violence against civilians", "Attack"
    if words & {"bursts", "shots"} and mention.actor is None and not words & _CIVILIAN_HEADS:
        return "Battles", "Armed clash"  # ceasefire violations observed along a front line
    crowd = (
        bool(_heads(mention.actor) & (_CROWD_HEADS - {"group"}))
        or "mob" in words
        or bool(words & _DISPUTE)
        or bool(actor_words & {"people", "villagers", "residents", "youths"})
    )
    if crowd and not _armed(mention.actor):
        if mention.acled == _PROPERTY or words & _RIOTING:
            return "Riots", "Violent demonstration"
        return "Riots", "Mob violence"
    if mention.acled == _PROPERTY:
        return _PROPERTY
    victims_armed = bool(
        (words - actor_words)
        & {
            "soldiers",
            "troops",
            "fighters",
            "militants",
            "policemen",
            "officers",
            "positions",
            "brigade",
            "camp",
            "checkpoints",
            "checkpoint",
            "army",
        }
    )
    if (
        words & _CLASH
        or (_armed(mention.actor) and (_armed(mention.recipient) or victims_armed))
        or (
            mention.recipient is not None
            and _armed(mention.recipient)
            and mention.recipient.head_lemma != "police"
        )
    ):
        return "Battles", "Armed clash"
    return "Violence against civilians", "Attack"


def _protest(mention: EventMention, words: set[str]) -> tuple[str, str]:
    if "rioters" in words:
        return "Riots", "Violent demonstration"
    if mention.mode == "riot":
        if "mob" in words or (mention.recipient is not None and not _armed(mention.recipient)):
            return "Riots", "Mob violence"
        return "Riots", "Violent demonstration"
    if words & _RIOTING or "clashed" in words:
        return "Riots", "Violent demonstration"
    if words & _EXCESSIVE and words & {"police", "security", "forces", "troops", "soldiers"}:
        return "Protests", "Excessive force against protesters"
    if words & _FORCE_USED or (words & _POLICE_ACTION and words & _AUTHORITIES):
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"


def acled_type(
    mention: EventMention, other_sentences: list[str] | None = None
) -> tuple[str, str] | None:
    """ACLED ``(event_type, sub_event_type)`` of an event, or ``None`` (no ACLED counterpart).

    Args:
        mention: the event's leading mention.
        other_sentences: other sentences reporting the same event; their words count too.
    """
    words = _words(" ".join([mention.sentence[2], *(other_sentences or [])]))
    if {"returned", "fire"} <= words:
        words = words | {"exchanged"}  # "a police officer returned fire": two-sided
    kind = mention.event_type
    if kind == "ASSAULT":
        return _assault(mention, words)
    if kind == "PROTEST":
        return _protest(mention, words)
    if kind == "COERCE":
        if mention.mode == "arrest" and words & _PROTEST_WORDS:
            return (
                "Protests",
                "Protest with intervention",
            )  # arrests at a protest: ACLED codes the protest
        if mention.mode == "arrest":
            return "Strategic developments", "Arrests"
        if mention.mode == "seize":
            return "Strategic developments", "Disrupted weapons use"
        if mention.mode in {"ban", "censor"}:
            return "Strategic developments", "Change to group/activity"
        return None
    if kind == "AGREE":
        return "Strategic developments", "Agreement"
    if kind == "MOBILIZE":
        return mention.acled or ("Strategic developments", "Change to group/activity")
    if kind in {"COUP", "OFFICE", "CONCEDE"}:
        return "Strategic developments", "Other"
    return mention.acled
