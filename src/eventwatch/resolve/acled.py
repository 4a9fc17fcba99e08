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

from eventwatch.classify import ACLED_LABELS, LABELS, OTHER_LABELS, default_typer
from eventwatch.extract.mention import Argument, EventMention
from eventwatch.resolve import acled_words as lex
from eventwatch.resolve.acled_reading import (
    AIRCRAFT,
    BOMBERS_STOPPED,
    REBEL_TAKER,
    SMALL_ARMS,
    STATE_TAKER,
    event_words,
    names_chemical_weapon,
    words_of,
)

__all__ = ["acled_type", "event_category", "event_context", "inferred_type"]

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
# The typer's probability of "no event" at which a worded event gets no ACLED type or
# category ("Arbitrary arrests are commonplace", "the derby clash"); set on CASE and
# on the harmless texts of tests/classify/data.
NO_EVENT_VETO = 0.65
CATEGORY_THRESHOLD = 0.3  # event_category names an other kind of event at this probability
CONTEXT_LIMIT = 700  # characters of paragraph around an event that event_context keeps

# Words without which a weapon- or act-defined sub-type cannot be meant.
_NAMED_BY: dict[str, frozenset[str]] = {
    "Suicide bomb": frozenset({"suicide"}),
    "Grenade": frozenset({"grenade", "grenades"}),
    "Air/drone strike": frozenset({AIRCRAFT, "aerial", "bombed"}),
    "Sexual violence": frozenset(
        "rape raped raping rapes rapist sexually sexual molested molesting".split()
    ),
}
_PROPERTY = ("Strategic developments", "Looting/property destruction")
_BASE = ("Strategic developments", "Headquarters or base established")
_REGAIN_TYPE = ("Battles", "Government regains territory")
# Sub-types that only who took the ground tells apart.
_TAKER_DEFINED = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
_OVERTAKE_TYPE = ("Battles", "Non-state actor overtakes territory")


def _head(argument: Argument | None) -> str:
    return argument.head_lemma if argument is not None else ""


def _heads(argument: Argument | None) -> set[str]:
    """The head as lemma and as written ("riders" / "rider"), for word lists in either form."""
    if argument is None:
        return set()
    last = argument.text.split()[-1].lower() if argument.text.split() else ""
    return {argument.head_lemma, last}


def _armed(argument: Argument | None) -> bool:
    if argument is None:
        return False
    words = words_of(argument.text)
    return (
        argument.head_lemma in lex.ARMED_HEADS
        or bool(
            words
            & ({"forces", "army", "militia", "rebels", "military", "armed"} | lex.ARMED_GROUPS)
        )
        or (argument.label == "ORG" and argument.head_lemma not in lex.CIVILIAN_HEADS)
    )


def _off_duty(words: set[str]) -> bool:
    """Whether the words put the victim off duty or out of service ("an off-duty policeman")."""
    return bool(words & lex.OFF_DUTY) or {"off", "duty"} <= words


def _armed_target(argument: Argument | None, words: set[str]) -> bool:
    """Whether a participant is armed or on duty for a force ("a soldier", "an NDS member").

    Security forces off duty or no longer serving count as civilians, as ACLED codes them.
    """
    if argument is None or _off_duty(words):
        return False
    heads, own = _heads(argument), words_of(argument.text)
    if heads & lex.ARMED_PERSONNEL:
        return True
    named = own & (lex.FORCE_NAMES | lex.ARMED_GROUPS | lex.STATE_SIDE)
    return bool(heads & lex.ARMED_IF_NAMED and named)


def _crowd(argument: Argument | None) -> bool:
    """Whether a participant is a crowd or a group of civilians ("residents", "a mob")."""
    if argument is None:
        return False
    return bool(
        _heads(argument) & (lex.CROWD_HEADS - {"group"}) or words_of(argument.text) & {"mob"}
    )


def _state_side(argument: Argument | None) -> bool:
    """Whether a participant fights for the state ("the army", "FARDC", "pro-government militia")."""
    if argument is None:
        return False
    words = words_of(argument.text)
    if any(word.startswith("anti-") for word in words):
        return False
    if "armed forces" in argument.text.lower():
        return True
    return bool(words & (lex.STATE_FORCES | lex.STATE_SIDE) - {"armed"})  # "armed men" are anyone


def _non_state(argument: Argument | None) -> bool:
    """Whether a participant is a rebel or militant group, not the state ("ISIS fighters", "rebels")."""
    if argument is None or _state_side(argument):
        return False
    return bool(words_of(argument.text) & lex.NON_STATE)


def _territory(
    mention: EventMention, words: set[str] | frozenset[str] = frozenset()
) -> tuple[str, str]:
    """Who took ground: state forces regain it, rebels and militants overtake it (even "recaptured").

    The taker is the event's actor, else the side named before "took control" in the words.
    """
    if _non_state(mention.actor):
        return _OVERTAKE_TYPE
    if _state_side(mention.actor):
        return _REGAIN_TYPE
    if mention.actor is None and len(words & {STATE_TAKER, REBEL_TAKER}) == 1:
        return _REGAIN_TYPE if STATE_TAKER in words else _OVERTAKE_TYPE
    return _REGAIN_TYPE if mention.acled == _REGAIN_TYPE else _OVERTAKE_TYPE


def _side_known(argument: Argument | None) -> bool:
    """Whether a participant is plainly the state's or a rebel side ("the FARDC", "ISIS fighters")."""
    return _state_side(argument) or _non_state(argument)


def _ground_taken(words: set[str]) -> bool:
    """Whether the words tell of ground changing hands ("recaptured", "took control of")."""
    return bool(
        words & lex.REGAIN
        or ("control" in words and words & lex.CONTROL_TAKEN)
        or {"territorial", "gains"} <= words
    )


def _assault(mention: EventMention, words: set[str]) -> _Ruled:
    if mention.acled in {_REGAIN_TYPE, _OVERTAKE_TYPE}:
        # taking ground: state forces regain it, anyone else overtakes it; the taker's
        # side, when the actor shows it, decides (the sub-types are defined by it)
        return _territory(mention, words), CUE if _side_known(mention.actor) else LEAN
    actor_words = words_of(mention.actor.text) if mention.actor is not None else set()
    if actor_words & lex.CROWD_CONTROL and (
        words & {"protesters", "demonstrators", "protest", "protests", "rally", "demonstration"}
        or words & lex.FORCE_USED
    ):
        # force against a crowd: a riot if the crowd fought, excessive if people were hurt
        if words & (lex.RIOTING | lex.CROWD_FIGHTING) - {
            "beat"
        }:  # the police beating people is not a riot
            return ("Riots", "Violent demonstration"), LEAN
        if words & (lex.EXCESSIVE | {"wounded", "injured", "beaten", "injuring", "wounding"}):
            return ("Protests", "Excessive force against protesters"), CUE
        return ("Protests", "Protest with intervention"), LEAN
    if mention.mode == "abduct":
        if words & lex.DEATH:
            # abducted, then killed: ACLED codes the killing
            return ("Violence against civilians", "Attack"), LEAN
        return ("Violence against civilians", "Abduction/forced disappearance"), CUE
    if words & lex.SEXUAL:
        return ("Violence against civilians", "Sexual violence"), CUE
    if names_chemical_weapon(words):
        return ("Explosions/Remote violence", "Chemical weapon"), LEAN
    if words & lex.WAR_REMNANTS:
        # a landmine or shell left from a past war: no one fought; ACLED codes it as "Other"
        return ("Strategic developments", "Other"), CUE
    bombers_hit = (
        bool(_heads(mention.recipient) & {"bomber", "bombers"}) or BOMBERS_STOPPED in words
    )
    if words & lex.SUICIDE and words & (lex.IED | {"bomber", "bombers"}) and not bombers_hit:
        # "killed two suicide bombers" before they struck: not a suicide bombing
        return (
            "Explosions/Remote violence",
            "Suicide bomb",
        ), CUE if words & lex.DETONATED else LEAN
    if AIRCRAFT in words:  # an aircraft named, not shots into the air or a suicide bomber
        return ("Explosions/Remote violence", "Air/drone strike"), CUE
    answered = words & {"exchange", "exchanged"}  # fired back, or an exchange of fire
    if words & (lex.SHELLING | lex.HEAVY_WEAPONS) and (answered or words & lex.CLASHED):
        return ("Battles", "Armed clash"), CUE  # heavy weapons in a two-sided fight
    if words & lex.GRENADE and answered:
        return ("Battles", "Armed clash"), CUE  # a grenade the targeted side answered with fire
    if words & (lex.SHELLING | lex.HEAVY_WEAPONS):
        if SMALL_ARMS in words:
            return ("Battles", "Armed clash"), LEAN  # small arms beside the heavy weapons
        return ("Explosions/Remote violence", "Shelling/artillery/missile attack"), CUE
    if words & lex.GRENADE:
        return ("Explosions/Remote violence", "Grenade"), CUE
    if words & lex.IED:
        return ("Explosions/Remote violence", "Remote explosive/landmine/IED"), CUE
    if mention.mode == "explosives" or words & lex.BLAST:
        if words & lex.CLASH or SMALL_ARMS in words:
            return ("Battles", "Armed clash"), LEAN  # blasts heard amid small-arms fire
        if words & lex.FRONT:
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack"), LEAN
        return ("Explosions/Remote violence", "Remote explosive/landmine/IED"), LEAN
    if words & lex.REGAIN and _armed(mention.actor):
        return (_OVERTAKE_TYPE if _non_state(mention.actor) else _REGAIN_TYPE), LEAN
    if "control" in words and words & lex.CONTROL_TAKEN and _armed(mention.actor):
        return (_REGAIN_TYPE if _state_side(mention.actor) else _OVERTAKE_TYPE), LEAN
    if _ground_taken(words) and (words & lex.CLASH or _armed(mention.actor)):
        # ground changed hands in the fight: ACLED codes who took it, not the clash
        return _territory(mention, words), LEAN
    # a fight is a battle when an armed group or firearms are named on a side
    civilians_fight = (
        bool((actor_words | words) & lex.CIVIL_PARTIES)
        and not actor_words & lex.ARMED_HEADS - {"police", "policemen", "officers", "officer"}
        and not words & lex.ARMED_SIDE
    )
    if words & lex.CLASH and civilians_fight:
        # residents, workers or party members fighting police or each other: a riot, not a battle
        if (
            words & {"police", "policemen", "officers", "security", "authorities", "guards"}
            or words & lex.RIOTING
        ):
            return ("Riots", "Violent demonstration"), LEAN
        return ("Riots", "Mob violence"), LEAN
    if words & lex.CLASH and not mention.trigger[2].lower().startswith("execut"):
        return ("Battles", "Armed clash"), CUE  # a two-sided fight, whoever else was hurt in it
    if mention.trigger[2].lower().startswith("execut") or (
        mention.recipient is not None
        and _heads(mention.recipient) & lex.CIVILIAN_HEADS
        and _armed(mention.actor)
    ):
        return ("Violence against civilians", "Attack"), LEAN
    if _armed_target(mention.recipient, words) and not _crowd(mention.actor):
        # gunmen shooting a soldier, a police patrol or a militia member: a battle
        return ("Battles", "Armed clash"), CUE
    if _off_duty(words):
        return ("Violence against civilians", "Attack"), LEAN  # an off-duty officer: a civilian
    if words & {"bursts", "shots"} and mention.actor is None and not words & lex.CIVILIAN_HEADS:
        return ("Battles", "Armed clash"), CUE  # ceasefire violations observed along a front line
    crowd = (
        bool(_heads(mention.actor) & (lex.CROWD_HEADS - {"group"}))
        or "mob" in words
        or bool(words & lex.DISPUTE)
        or bool(actor_words & {"people", "villagers", "residents", "youths"})
    )
    if crowd and not _armed(mention.actor):
        if mention.acled == _PROPERTY or words & lex.RIOTING:
            return ("Riots", "Violent demonstration"), LEAN
        return ("Riots", "Mob violence"), LEAN
    if mention.acled == _PROPERTY:
        return _PROPERTY, LEAN
    victims_armed = bool((words - actor_words) & lex.ARMED_TARGETS)
    if (
        words & lex.CLASH
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
    if words & lex.RIOTING or words & {"clashed", "clashes", "clashing"}:
        return ("Riots", "Violent demonstration"), LEAN
    if words & (lex.EXCESSIVE | lex.SUPPRESSION) and words & (
        lex.CROWD_CONTROL | {"authorities", "forces"}
    ):
        # protesters shot or a protest violently suppressed by the authorities
        return ("Protests", "Excessive force against protesters"), LEAN
    if words & lex.FORCE_USED or (words & lex.POLICE_ACTION and words & lex.AUTHORITIES):
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
        if mention.mode == "arrest" and words & lex.PROTEST_WORDS:
            # arrests at a protest: ACLED codes the protest
            return ("Protests", "Protest with intervention"), LEAN
        if mention.mode == "arrest" and _non_state(mention.actor):
            # rebels or militants "arresting" people: ACLED codes an abduction
            return ("Violence against civilians", "Abduction/forced disappearance"), LEAN
        if mention.mode == "arrest":
            return ("Strategic developments", "Arrests"), GUESS
        if mention.mode == "seize" and mention.acled == _PROPERTY:
            return _PROPERTY, LEAN  # drugs, vehicles or cattle taken: no weapons disrupted
        if mention.mode == "seize":
            return ("Strategic developments", "Disrupted weapons use"), LEAN
        if mention.mode in {"ban", "censor"}:
            return ("Strategic developments", "Change to group/activity"), LEAN
        return None
    if kind == "AGREE":
        return ("Strategic developments", "Agreement"), GUESS
    if kind == "MOBILIZE":
        if mention.acled == _BASE and (
            not _armed(mention.actor) or words & lex.FORTIFICATIONS and not words & lex.BASE_WORDS
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
        return names_chemical_weapon(words)
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
    if BOMBERS_STOPPED in words:  # the bombers were killed or caught before they struck
        labels = [label for label in labels if label != "Suicide bomb"]
    if ruled is None:
        label = max(labels, key=probabilities.__getitem__)
        if probabilities[label] < UNRULED_THRESHOLD:
            return None
        return ACLED_LABELS[label], label
    (rule_type, rule_sub), strength = ruled
    if strength >= CUE and rule_sub in _TAKER_DEFINED:
        # the rules saw who took the ground: the other side's sub-type is ruled out
        labels = [label for label in labels if label not in _TAKER_DEFINED or label == rule_sub]
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
    words = event_words(text)
    if context and mention.sentence[2].strip() not in context:
        context = f"{text} {context}"
    if context:
        words |= event_words(context)
    ruled = _rules(mention, words)
    if ruled is None and mention.event_type not in _TYPED_KINDS:
        return None
    probabilities, no_event = default_typer().reading(context or text)
    if no_event >= NO_EVENT_VETO:
        return None  # the text reads as reporting nothing: a generic remark, a sports clash
    if (ruled is None or ruled[1] < CUE) and max(
        probabilities[label] for label in _NOT_POLITICAL
    ) >= NOT_POLITICAL_THRESHOLD:
        return None  # a flood or a factory fire that killed people: no political violence
    typed = _blend(ruled, probabilities, words)
    if typed is not None and typed[0] == "Riots":
        # a crowd with a demand or grievance demonstrates; one without is a mob
        return "Riots", "Violent demonstration" if words & lex.GRIEVANCE else "Mob violence"
    return typed


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
    probabilities, no_event = default_typer().reading(context or text)
    if no_event >= NO_EVENT_VETO:
        return None
    label = max(probabilities, key=probabilities.__getitem__)
    if label in OTHER_LABELS and probabilities[label] >= CATEGORY_THRESHOLD:
        return label
    return None


def inferred_type(text: str) -> tuple[str, float, float]:
    """The typer's best label for a text that no event word fired on, its probability
    given that the text reports an event, and the probability that it reports none.

    Any of :data:`eventwatch.classify.LABELS`; the weapon- or act-defined ACLED
    sub-types (grenade, suicide bomb, air strike, rape, chemical agent) only when
    their word is in the text.  One pass of the typer gives all three.

    Example:
        >>> inferred_type("Heavy rains flooded three districts and swept away homes.")[0]
        'Natural disaster'
    """
    words = event_words(text)
    probabilities, no_event = default_typer().reading(text)
    labels = [label for label in LABELS if label not in ACLED_LABELS or _named(label, words)]
    label = max(labels, key=probabilities.__getitem__)
    return label, probabilities[label], no_event


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
