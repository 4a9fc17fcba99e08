"""Each event's ACLED event type and sub-event type.

ACLED types rest on who fights whom and with what, more than on the verb: shells
fired at positions are "Explosions/Remote violence", gunfire between two armed
groups is "Battles", the same gunfire at a farmer is "Violence against civilians",
a crowd beating a man is "Riots".  The rules below read the event's PLOVER type and
mode, its participants' heads and the words of its sentence, and say how firmly
they hold their answer: a decisive word (``CUE``), a fair reading (``LEAN``) or a
default (``GUESS``).

The learned typer (:mod:`eventwatch.classify`) reads the same sentences (or the
paragraph around them, when the caller passes it) and gives every sub-type a
probability; the rules' firmness is added to the log-probability of their answer
and the best score wins.  So the rules decide where they have a decisive word and
the typer decides among sub-types where they only guess (a protest that the next
sentence says the police broke up; a "killing" that was a clash between two armed
groups).  Sub-types named by their weapon or act (grenade, suicide bomb, air strike,
chemical weapon, sexual violence) need that word in the text whatever the typer says.
"""

from __future__ import annotations

import math
import re

from eventwatch.classify import ACLED_LABELS, LABELS, OTHER_LABELS, default_typer
from eventwatch.extract.lexicon import AIR_WORDS
from eventwatch.extract.mention import Argument, EventMention

__all__ = ["acled_type", "event_category", "event_context", "inferred_type"]

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")

# How firmly a rule holds its answer: a vote added to the typer's log-probability for
# that sub-type (the typer overrules a vote of v when it finds another sub-type e**v
# times likelier).  Set on the ACLED and CASE dev data as three global numbers.
CUE = 3.0  # a decisive word: "suicide", "grenade", "air strike", "clashed", "abducted"
LEAN = 2.0  # a fair reading of the sentence that the words could still overturn
GUESS = 1.5  # the default when nothing more is said ("killed": an attack)
TYPE_VOTE = 1.0  # added to every sub-type of the rules' event type
UNRULED_THRESHOLD = 0.6  # the typer alone types an event the rules leave out at this probability
# PLOVER types whose events the typer may type when the rules give no ACLED type.
_TYPED_KINDS = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "SANCTION"})
_Ruled = tuple[tuple[str, str], float]
# Typer labels for events ACLED does not code at all, and how sure the typer must be.
_NOT_POLITICAL = ("Natural disaster", "Man-made disaster")
NOT_POLITICAL_THRESHOLD = 0.5
CATEGORY_THRESHOLD = 0.3  # event_category names an other kind of event at this probability
CONTEXT_LIMIT = 700  # characters of paragraph around an event that event_context keeps

_SEXUAL = frozenset("rape raped raping sexually sexual".split())
_CHEMICAL = frozenset("chlorine sarin mustard nerve toxic-gas poison-gas".split())
# "chemical" alone may be a target ("a chemical plant"); with one of these it is the weapon.
_CHEMICAL_USE = frozenset(
    "weapon weapons agent agents munitions gas substance substances attack attacks".split()
)
_CHEMICAL_SITE = frozenset(
    "plant factory warehouse industrial company refinery fertiliser fertilizer depot".split()
)
_AIR = AIR_WORDS | {"airstrikes", "air-strike", "uav"}
# Air words that name no aircraft: shots fired into the air, a suicide bomber.
_NOT_AIR = re.compile(r"\b(?:in|into|in to) the air\b|\bsuicide bombers?\b", re.IGNORECASE)
AIRCRAFT = "<aircraft>"  # in a word set: the text names an aircraft or an air strike
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
# Words without which a weapon- or act-defined sub-type cannot be meant.
_NAMED_BY: dict[str, frozenset[str]] = {
    "Suicide bomb": frozenset({"suicide"}),
    "Grenade": frozenset({"grenade", "grenades"}),
    "Air/drone strike": frozenset({AIRCRAFT, "aerial", "bombed"}),
    "Sexual violence": frozenset(
        "rape raped raping rapes rapist sexually sexual molested molesting".split()
    ),
}
_FRONT = frozenset("observed frontline front positions fired impacts shelled directions".split())
_ARMED_GROUPS = frozenset(
    "taliban houthi houthis shabaab al-shabaab isis isil daesh jnim isgs iswap aqap aqim boko haram "
    "farc eln pkk ypg sdf hts adf m23 fdlr nsag militants jihadists".split()
)
_GRENADE = frozenset("grenade grenades".split())
_SUICIDE = frozenset("suicide".split())
_DETONATED = frozenset(
    "detonated detonating blew exploded explosion blast rammed bombing vest belt".split()
)
_DEATH = frozenset(
    "killed dead death body bodies corpse murdered stabbed executed beheaded strangled".split()
)
_REGAIN = frozenset(
    "recaptured recapture regained regain retook retake liberated re-captured re-took re-gained".split()
)
# "took control of …": ground changed hands; the taker's side says which sub-type.
_CONTROL_TAKEN = frozenset("took taken seized captured gained wrested".split())
# State forces by the abbreviations reports use for them, and words that put a force on the state's side.
_STATE_SIDE = frozenset(
    "fardc fama fds fanci ana andsf nds saa tatmadaw updf kdf sndf endf pro-government loyalist "
    "loyalists gendarmes gendarmerie national".split()
)
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
    "dispersed disperse tear teargas tear-gas cannon cannons water-cannon rubber batons baton-charged "
    "lathicharged lathi-charged".split()
)
_POLICE_ACTION = frozenset(
    "arrested detained charged intervened prevented removed stopped blocked pushed clashed scuffled".split()
)
_AUTHORITIES = frozenset(
    "police policemen officers security forces authorities gendarmes guards".split()
)
_EXCESSIVE = frozenset("killed killing shot dead live".split())
# Words for force beyond crowd control: "violently suppressed", "a crackdown", "excessive force".
_SUPPRESSION = frozenset(
    "suppressed suppress suppressing crackdown crushed excessive brutally brutal".split()
)
# A crowd that fought back: the event is a riot, whatever force was used on it.
_CROWD_FIGHTING = frozenset(
    "clashed confronted barricading barricades stones rocks machetes attacked fought".split()
)
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
# Words for armed people or posts on the receiving end: ACLED codes an attack on them as a battle.
_ARMED_TARGETS = frozenset(
    "soldiers troops fighters militants policemen officers positions brigade camp checkpoints "
    "checkpoint army".split()
)
_PROPERTY = ("Strategic developments", "Looting/property destruction")
_BASE = ("Strategic developments", "Headquarters or base established")
_FORTIFICATIONS = frozenset("fortification fortifications trench trenches tent tents".split())
_BASE_WORDS = frozenset("base bases headquarters camp post outpost garrison".split())
_REGAIN_TYPE = ("Battles", "Government regains territory")
_OVERTAKE_TYPE = ("Battles", "Non-state actor overtakes territory")
_STATE_FORCES = frozenset(
    "army military government troops soldiers police forces armed gendarmerie".split()
) - {"forces"}
_WATER_CANNON = re.compile(r"\bwater[ -]cannons?\b", re.IGNORECASE)
# Rebels and militants: ground they take, even "recaptured", is overtaken, not regained.
_NON_STATE = _ARMED_GROUPS | frozenset(
    "rebel rebels insurgent insurgents militant militants jihadist jihadists islamist islamists "
    "opposition separatist separatists extremists terrorists".split()
)
# Forces that police a crowd: used on protesters, their force makes a protest sub-type.
_CROWD_CONTROL = (_STATE_FORCES | frozenset("police policemen officers security riot".split())) - {
    "armed"
}
_PROTEST_WORDS = frozenset(
    "protest protests protested protesting protester protesters demonstration demonstrations "
    "demonstrators demonstrated rally rallies march marched sit-in strike".split()
)


def _words(text: str) -> set[str]:
    """Lower-case words, hyphenated ones also in parts ("pro-houthi" gives "houthi")."""
    words = set(_WORD.findall(text.lower()))
    return words | {part for word in words if "-" in word for part in word.split("-")}


def _event_words(text: str) -> set[str]:
    """:func:`_words`, plus :data:`AIRCRAFT` when an aircraft or air strike is named.

    A water cannon is crowd control, not artillery: "cannon" is dropped when only
    water cannons are named.
    """
    words = _words(text)
    if words & {"cannon", "cannons"} and not _words(_WATER_CANNON.sub(" ", text)) & {
        "cannon",
        "cannons",
    }:
        words -= {"cannon", "cannons"}
        words.add("water-cannon")
    if words & _AIR and _words(_NOT_AIR.sub(" ", text)) & _AIR:
        words.add(AIRCRAFT)
    return words


def _chemical(words: set[str]) -> bool:
    """Whether the words name a chemical weapon: "chlorine", "a chemical attack", not "a chemical plant"."""
    if words & _CHEMICAL or {"toxic", "gas"} <= words or {"poison", "gas"} <= words:
        return True
    return "chemical" in words and bool(words & _CHEMICAL_USE) and not words & _CHEMICAL_SITE


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


def _state_side(argument: Argument | None) -> bool:
    """Whether a participant fights for the state ("the army", "FARDC", "pro-government militia")."""
    if argument is None:
        return False
    words = _words(argument.text)
    if any(word.startswith("anti-") for word in words):
        return False
    if "armed forces" in argument.text.lower():
        return True
    return bool(words & (_STATE_FORCES | _STATE_SIDE) - {"armed"})  # "armed men" are anyone


def _non_state(argument: Argument | None) -> bool:
    """Whether a participant is a rebel or militant group, not the state ("ISIS fighters", "rebels")."""
    if argument is None or _state_side(argument):
        return False
    return bool(_words(argument.text) & _NON_STATE)


def _territory(mention: EventMention) -> tuple[str, str]:
    """Who took ground: state forces regain it, rebels and militants overtake it (even "recaptured")."""
    if _non_state(mention.actor):
        return _OVERTAKE_TYPE
    if _state_side(mention.actor):
        return _REGAIN_TYPE
    return _REGAIN_TYPE if mention.acled == _REGAIN_TYPE else _OVERTAKE_TYPE


def _assault(mention: EventMention, words: set[str]) -> _Ruled:
    if mention.acled in {_REGAIN_TYPE, _OVERTAKE_TYPE}:
        # taking ground: state forces regain it, anyone else overtakes it
        return _territory(mention), LEAN
    actor_words = _words(mention.actor.text) if mention.actor is not None else set()
    if actor_words & _CROWD_CONTROL and (
        words & {"protesters", "demonstrators", "protest", "protests", "rally", "demonstration"}
        or words & _FORCE_USED
    ):
        # force against a crowd: a riot if the crowd fought, excessive if people were hurt
        if words & (_RIOTING | _CROWD_FIGHTING) - {
            "beat"
        }:  # the police beating people is not a riot
            return ("Riots", "Violent demonstration"), LEAN
        if words & (_EXCESSIVE | {"wounded", "injured", "beaten", "injuring", "wounding"}):
            return ("Protests", "Excessive force against protesters"), CUE
        return ("Protests", "Protest with intervention"), LEAN
    if mention.mode == "abduct":
        if words & _DEATH:
            # abducted, then killed: ACLED codes the killing
            return ("Violence against civilians", "Attack"), LEAN
        return ("Violence against civilians", "Abduction/forced disappearance"), CUE
    if words & _SEXUAL:
        return ("Violence against civilians", "Sexual violence"), CUE
    if _chemical(words):
        return ("Explosions/Remote violence", "Chemical weapon"), LEAN
    bombers_hit = bool(_heads(mention.recipient) & {"bomber", "bombers"})
    if words & _SUICIDE and words & (_IED | {"bomber", "bombers"}) and not bombers_hit:
        # "killed two suicide bombers" before they struck: not a suicide bombing
        return ("Explosions/Remote violence", "Suicide bomb"), CUE if words & _DETONATED else LEAN
    if AIRCRAFT in words:  # an aircraft named, not shots into the air or a suicide bomber
        return ("Explosions/Remote violence", "Air/drone strike"), CUE
    gunfire = bool(words & _DIRECT_FIRE)
    if (
        words & _SHELLING
        and gunfire
        and (words & _CLASH or "positions" in words or "directions" in words)
    ):
        return ("Battles", "Armed clash"), CUE  # heavy weapons in a two-sided fight
    if words & _SHELLING:
        return ("Explosions/Remote violence", "Shelling/artillery/missile attack"), CUE
    if words & _GRENADE:
        return ("Explosions/Remote violence", "Grenade"), CUE
    if words & _IED:
        return ("Explosions/Remote violence", "Remote explosive/landmine/IED"), CUE
    if mention.mode == "explosives" or words & _BLAST:
        if words & _FRONT:
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack"), LEAN
        return ("Explosions/Remote violence", "Remote explosive/landmine/IED"), LEAN
    if words & _REGAIN and _armed(mention.actor):
        return (_OVERTAKE_TYPE if _non_state(mention.actor) else _REGAIN_TYPE), LEAN
    if "control" in words and words & _CONTROL_TAKEN and _armed(mention.actor):
        return (_REGAIN_TYPE if _state_side(mention.actor) else _OVERTAKE_TYPE), LEAN
    civilians_fight = bool((actor_words | words) & _CIVIL_PARTIES) and not (
        actor_words & _ARMED_HEADS - {"police", "policemen", "officers", "officer"}
    )
    if words & _CLASH and civilians_fight:
        # residents, workers or party members fighting police or each other: a riot, not a battle
        if (
            words & {"police", "policemen", "officers", "security", "authorities", "guards"}
            or words & _RIOTING
        ):
            return ("Riots", "Violent demonstration"), LEAN
        return ("Riots", "Mob violence"), LEAN
    if words & _CLASH and not mention.trigger[2].lower().startswith("execut"):
        return ("Battles", "Armed clash"), CUE  # a two-sided fight, whoever else was hurt in it
    if mention.trigger[2].lower().startswith("execut") or (
        mention.recipient is not None
        and _heads(mention.recipient) & _CIVILIAN_HEADS
        and _armed(mention.actor)
    ):
        return ("Violence against civilians", "Attack"), LEAN
    if words & {"bursts", "shots"} and mention.actor is None and not words & _CIVILIAN_HEADS:
        return ("Battles", "Armed clash"), CUE  # ceasefire violations observed along a front line
    crowd = (
        bool(_heads(mention.actor) & (_CROWD_HEADS - {"group"}))
        or "mob" in words
        or bool(words & _DISPUTE)
        or bool(actor_words & {"people", "villagers", "residents", "youths"})
    )
    if crowd and not _armed(mention.actor):
        if mention.acled == _PROPERTY or words & _RIOTING:
            return ("Riots", "Violent demonstration"), LEAN
        return ("Riots", "Mob violence"), LEAN
    if mention.acled == _PROPERTY:
        return _PROPERTY, LEAN
    victims_armed = bool((words - actor_words) & _ARMED_TARGETS)
    if (
        words & _CLASH
        or (_armed(mention.actor) and (_armed(mention.recipient) or victims_armed))
        or (
            mention.recipient is not None
            and _armed(mention.recipient)
            and mention.recipient.head_lemma != "police"
        )
    ):
        return ("Battles", "Armed clash"), GUESS
    return ("Violence against civilians", "Attack"), GUESS


def _protest(mention: EventMention, words: set[str]) -> _Ruled:
    if "rioters" in words:
        return ("Riots", "Violent demonstration"), CUE
    if mention.mode == "riot":
        if "mob" in words or (mention.recipient is not None and not _armed(mention.recipient)):
            return ("Riots", "Mob violence"), LEAN
        return ("Riots", "Violent demonstration"), LEAN
    if words & _RIOTING or words & {"clashed", "clashes", "clashing"}:
        return ("Riots", "Violent demonstration"), LEAN
    if words & (_EXCESSIVE | _SUPPRESSION) and words & (_CROWD_CONTROL | {"authorities", "forces"}):
        # protesters shot or a protest violently suppressed by the authorities
        return ("Protests", "Excessive force against protesters"), LEAN
    if words & _FORCE_USED or (words & _POLICE_ACTION and words & _AUTHORITIES):
        return ("Protests", "Protest with intervention"), LEAN
    return ("Protests", "Peaceful protest"), LEAN


def _rules(mention: EventMention, words: set[str]) -> _Ruled | None:
    """The rules' ACLED type and how firmly they hold it, or ``None`` (no ACLED counterpart)."""
    kind = mention.event_type
    if kind == "ASSAULT":
        return _assault(mention, words)
    if kind == "PROTEST":
        return _protest(mention, words)
    if kind == "COERCE":
        if mention.mode == "arrest" and words & _PROTEST_WORDS:
            # arrests at a protest: ACLED codes the protest
            return ("Protests", "Protest with intervention"), LEAN
        if mention.mode == "arrest":
            return ("Strategic developments", "Arrests"), GUESS
        if mention.mode == "seize":
            return ("Strategic developments", "Disrupted weapons use"), LEAN
        if mention.mode in {"ban", "censor"}:
            return ("Strategic developments", "Change to group/activity"), LEAN
        return None
    if kind == "AGREE":
        return ("Strategic developments", "Agreement"), GUESS
    if kind == "MOBILIZE":
        if mention.acled == _BASE and (
            not _armed(mention.actor) or words & _FORTIFICATIONS and not words & _BASE_WORDS
        ):
            # trenches dug or a protest camp pitched: no base set up
            return ("Strategic developments", "Change to group/activity"), GUESS
        return mention.acled or ("Strategic developments", "Change to group/activity"), GUESS
    if kind in {"COUP", "OFFICE", "CONCEDE"}:
        return ("Strategic developments", "Other"), GUESS
    return (mention.acled, GUESS) if mention.acled else None


def _named(label: str, words: set[str]) -> bool:
    """Whether the words name what a weapon-defined sub-type needs ("grenade" for Grenade)."""
    if label == "Chemical weapon":
        return _chemical(words)
    needed = _NAMED_BY.get(label)
    return needed is None or bool(words & needed)


def _blend(
    ruled: _Ruled | None, probabilities: dict[str, float], words: set[str]
) -> tuple[str, str] | None:
    """The sub-event type with the best score: the typer's log-probability plus the rules' vote.

    Sub-types defined by a weapon or act (a grenade, a suicide bomber, an aircraft,
    rape, a chemical agent) need their word in the text: the typer may not infer them.
    """
    labels = [label for label in ACLED_LABELS if _named(label, words)]
    if ruled is None:
        label = max(labels, key=probabilities.__getitem__)
        if probabilities[label] < UNRULED_THRESHOLD:
            return None
        return ACLED_LABELS[label], label
    (rule_type, rule_sub), strength = ruled
    best, best_score = rule_sub, -math.inf
    for label in labels:
        event_type = ACLED_LABELS[label]
        score = math.log(probabilities[label] + 1e-9)
        score += strength * (label == rule_sub) + TYPE_VOTE * (event_type == rule_type)
        if score > best_score:
            best, best_score = label, score
    return ACLED_LABELS[best], best


def acled_type(
    mention: EventMention,
    other_sentences: list[str] | None = None,
    *,
    context: str | None = None,
) -> tuple[str, str] | None:
    """ACLED ``(event_type, sub_event_type)`` of an event, or ``None`` (no ACLED counterpart).

    The rules read the event's PLOVER type, mode, participants and words; the
    learned typer (:mod:`eventwatch.classify`) reads the words of its sentences.
    The rules' answer gets a vote as strong as its evidence (a suicide vest, an
    air strike: decisive; "killed" with no more said: a guess), and the typer's
    log-probabilities decide the rest.

    Args:
        mention: the event's leading mention.
        other_sentences: other sentences reporting the same event; their words count too.
        context: the text around the event (its paragraph, or a short report whole);
            the typer reads it too ("… protested. Police dispersed the crowd.").
    """
    text = " ".join([mention.sentence[2], *(other_sentences or [])])
    words = _event_words(text)
    if context and mention.sentence[2].strip() not in context:
        context = f"{text} {context}"
    if context:
        words |= _event_words(context)
    if {"returned", "fire"} <= words or {"shot", "back"} <= words:
        words |= {"exchanged"}  # "a police officer returned fire": two-sided
    ruled = _rules(mention, words)
    if ruled is None and mention.event_type not in _TYPED_KINDS:
        return None
    probabilities = default_typer().probabilities(context or text)
    if (ruled is None or ruled[1] < CUE) and max(
        probabilities[label] for label in _NOT_POLITICAL
    ) >= NOT_POLITICAL_THRESHOLD:
        return None  # a flood or a factory fire that killed people: no political violence
    return _blend(ruled, probabilities, words)


def event_category(
    mention: EventMention,
    other_sentences: list[str] | None = None,
    *,
    context: str | None = None,
) -> str | None:
    """The kind of event outside ACLED's scope that the sentences report, or ``None``.

    One of :data:`eventwatch.classify.OTHER_LABELS` ("Natural disaster",
    "Man-made disaster", "Organised crime", "Diplomacy", "Claim of
    responsibility") when the typer ranks it first; arguments as for :func:`acled_type`.
    """
    text = " ".join([mention.sentence[2], *(other_sentences or [])])
    if context and mention.sentence[2].strip() not in context:
        context = f"{text} {context}"
    probabilities = default_typer().probabilities(context or text)
    label = max(probabilities, key=probabilities.__getitem__)
    if label in OTHER_LABELS and probabilities[label] >= CATEGORY_THRESHOLD:
        return label
    return None


def inferred_type(text: str) -> tuple[str, float]:
    """The typer's best label for a text that no event word fired on, and its probability.

    Any of :data:`eventwatch.classify.LABELS`; the weapon- or act-defined ACLED
    sub-types (grenade, suicide bomb, air strike, rape, chemical agent) only when
    their word is in the text.

    Example:
        >>> inferred_type("Heavy rains flooded three districts and swept away homes.")[0]
        'Natural disaster'
    """
    words = _event_words(text)
    probabilities = default_typer().probabilities(text)
    labels = [label for label in LABELS if label not in ACLED_LABELS or _named(label, words)]
    label = max(labels, key=probabilities.__getitem__)
    return label, probabilities[label]


def event_context(text: str, start: int, end: int, *, limit: int = CONTEXT_LIMIT) -> str:
    """The paragraph of ``text`` around the sentence at ``start:end``, for ``context=``.

    A paragraph runs between line breaks; a long one is cut to about ``limit``
    characters, the sentence first and then what follows it (where reports add
    how the event ended: "Police dispersed the crowd.").

    Example:
        >>> note = "Farmers protested in Ludhiana. Police dispersed them.\\nOther news."
        >>> event_context(note, 0, 30)
        'Farmers protested in Ludhiana. Police dispersed them.'
    """
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last == -1 else last
    if last - first > limit:
        first = max(first, min(start, end - limit))
        last = min(last, max(end, first + limit))
    return text[first:last].strip()
