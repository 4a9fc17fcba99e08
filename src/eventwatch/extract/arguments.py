"""Who acts and whom it targets, read off the dependency parse.

Verbs: subject → actor, object → recipient; passives swap them ("were detained by
police").  Nouns: "the detention of X" (X is the recipient), "X's visit", "calls from
X", "sentence handed to X"; a noun that is the object of a light verb takes the
verb's subject as actor ("the court handed out a sentence").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwatch.extract.cues import LIGHT_VERBS, REPORTING_VERBS
from eventwatch.extract.lexicon import FOIL_VERBS, PLOT_NOUNS, SANCTION_OBJECTS, TRIGGERS
from eventwatch.extract.syntax import subject_of
from eventwatch.extract.triggers_phrasal import misparsed_object

__all__ = ["find_arguments"]

# Noun triggers whose "of"/possessor names the doer, not the target.
_AGENTIVE_NOUN_TYPES = {"CONSULT", "PROTEST", "OFFICE:resign", "COUP"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_WITH_TYPES = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT"}


_INSTRUMENTS = frozenset(
    "pellet bullet bullets shell missile rocket bomb grenade gas stone rock drone shrapnel".split()
)
_QUANTITY_HEADS = frozenset(
    "number group dozen dozens hundred hundreds thousand thousands score scores lot couple crowd band".split()
)
_PROTEST_VERBS = frozenset("observe call join stage organise organize lead begin start".split())
_NOT_ARGUMENT_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_ABSTRACT_HEADS = frozenset(
    [
        "instance",
        "instances",
        "series",
        "string",
        "wave",
        "number",
        "activity",
        "activities",
        "act",
        "acts",
        "case",
        "cases",
        "invitation",
        "information",
        "detail",
        "details",
        "role",
    ]
)


def _pobj(token: Token, *preps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in preps:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.ent_type_ not in _NOT_ARGUMENT_LABELS:
                    return grandchild
    return None


def _of_after_date(token: Token) -> Token | None:
    """ "the detention on February 16 of Sydyk": the parser hangs "of" on the date."""
    for child in token.children:
        if child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in _NOT_ARGUMENT_LABELS:
                    found = _pobj(pobj, "of")
                    if found is None:
                        for inner in pobj.subtree:
                            if inner.dep_ == "prep" and inner.lower_ == "of":
                                found = next((g for g in inner.children if g.dep_ == "pobj"), None)
                                break
                    if found is not None:
                        return found
    return None


def _who_antecedent(relcl: Token) -> Token:
    """The person a "who" clause is about: the nearest name before it, else the noun it hangs on."""
    doc = relcl.doc
    pronoun = next((c for c in relcl.children if c.lower_ in {"who", "whom"}), None)
    if pronoun is not None:
        for i in range(pronoun.i - 1, max(pronoun.i - 8, -1), -1):
            if doc[i].ent_type_ == "PERSON":
                return doc[i]
    return relcl.head


def _child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _not_place(token: Token | None) -> Token | None:
    if token is None or token.ent_type_ in _PLACE_LABELS and token.pos_ == "PROPN":
        return None if token is not None and token.ent_type_ in {"LOC", "FAC"} else token
    return token


def _verb_arguments(trigger: Token, key: str) -> tuple[Token | None, Token | None]:
    has_agent = any(c.dep_ == "agent" for c in trigger.children)
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children) or (
        trigger.tag_ == "VBN"
        and (trigger.dep_ in {"acl", "amod"} or has_agent)
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in trigger.children)
    )
    if trigger.dep_ == "conj" and trigger.tag_ == "VBN" and trigger.head.pos_ in {"NOUN", "PROPN"}:
        return _pobj(trigger, "by"), trigger.head
    if passive:
        actor = _pobj(trigger, "by")
        recipient = _child(trigger, "nsubjpass") or _child(trigger, "nsubj")
        if (
            recipient is not None
            and recipient.lower_ in {"who", "whom", "that", "which"}
            and trigger.dep_ == "relcl"
        ):
            recipient = _who_antecedent(trigger)
        if recipient is None and trigger.dep_ in {"acl", "amod", "conj"}:
            recipient = (
                trigger.head if trigger.dep_ != "conj" else _child(trigger.head, "nsubjpass")
            )
        if recipient is None and trigger.dep_ == "conj":
            recipient = _child(trigger.head, "nsubjpass")
        return actor, recipient
    actor = _child(trigger, "nsubj")
    if actor is not None and actor.lower_ in {"that", "who", "which"} and trigger.dep_ == "relcl":
        actor = _who_antecedent(trigger)
    if actor is None:
        actor = _climb_for_subject(trigger)
    recipient = _child(trigger, "dobj") or misparsed_object(trigger)
    if recipient is None and key.split(":")[0] in _WITH_TYPES:
        recipient = _pobj(trigger, "with", "against", "on")
    if recipient is None:
        recipient = _pobj(trigger, "against", "on") if key.startswith("ASSAULT") else None
    if key == "OFFICE:resign":
        recipient = None
    if key == "OFFICE:appoint" and recipient is None:
        recipient = _child(trigger, "nsubjpass")
    return actor, recipient


def _climb_for_subject(trigger: Token) -> Token | None:
    """Subject of an infinitive or participle: "plans to seize" → who plans.

    Climbing stops at verbs of prevention and of saying: the foiler and the speaker
    are not the doer of the foiled or reported event.
    """
    current = trigger
    for _ in range(4):
        if current.dep_ not in {"xcomp", "acl", "dobj", "pobj", "prep", "conj", "advcl", "pcomp"}:
            return None
        head = current.head
        lemma = head.lemma_.lower()
        if lemma in FOIL_VERBS or lemma in REPORTING_VERBS:
            return None
        if (
            current.dep_ == "acl"
            and head.pos_ in {"NOUN", "PROPN"}
            and lemma
            not in PLOT_NOUNS
            | {"attempt", "invitation", "decision", "intention", "bid", "offer", "promise"}
        ):
            return None
        if head.pos_ in {"VERB", "AUX"}:
            subject = subject_of(head)
            if subject is not None:
                return subject
        current = head
    return None


def _noun_arguments(trigger: Token, key: str) -> tuple[Token | None, Token | None]:
    event_type = key.split(":")[0]
    agentive = key in _AGENTIVE_NOUN_TYPES or event_type in _AGENTIVE_NOUN_TYPES
    of_obj = _pobj(trigger, "of") or _of_after_date(trigger)
    possessor = _child(trigger, "poss")
    by_obj = _pobj(trigger, "by", "from")
    with_obj = _pobj(trigger, "with", "against", "to", "on")
    actor: Token | None
    recipient: Token | None
    if agentive:
        actor = possessor or of_obj or by_obj
        recipient = with_obj if event_type != "COUP" else None
    else:
        actor = by_obj
        recipient = of_obj or possessor or (with_obj if event_type != "SANCTION" else None)
        if event_type == "SANCTION" and recipient is None:
            recipient = _pobj(trigger, "to", "on", "against")
    head = trigger.head
    if trigger.dep_ in {"dobj", "attr"} and (
        head.lemma_.lower() in LIGHT_VERBS
        or event_type == "PROTEST"
        and head.lemma_.lower() in _PROTEST_VERBS
    ):
        actor = actor or _child(head, "nsubj")
        recipient = recipient or _pobj(head, "to", "with", "on", "against")
        if event_type == "SANCTION":
            recipient = recipient or _pobj(head, "on", "against", "to")
    if trigger.dep_ == "compound" and event_type in {"COERCE", "SANCTION"}:
        recipient = recipient or None
    return actor, recipient


def _coup_actor(trigger: Token) -> Token | None:
    """Plotters of a coup: "prepared by officials", "a group that had plans to seize power"."""
    for child in [trigger, *trigger.children]:
        for grandchild in child.children:
            if grandchild.dep_ == "relcl" and grandchild.lemma_.lower() in {
                "prepare",
                "plan",
                "organize",
                "organise",
                "plot",
            }:
                agent = _pobj(grandchild, "by")
                if agent is not None:
                    return agent
    for ancestor in [trigger, *list(trigger.ancestors)[:5]]:
        lemma = ancestor.lemma_.lower()
        if lemma in FOIL_VERBS or lemma in REPORTING_VERBS:
            break
        agent = _pobj(ancestor, "by")
        if agent is not None and lemma in {"prepare", "plan", "organize", "organise", "attempt"}:
            return agent
        for child in ancestor.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in {
                "prepare",
                "plan",
                "organize",
                "organise",
                "plot",
            }:
                agent = _pobj(child, "by")
                if agent is not None:
                    return agent
        if ancestor.dep_ == "relcl" and ancestor.head.pos_ in {"NOUN", "PROPN"}:
            relcl_verb = ancestor
            agent = _pobj(relcl_verb, "by")
            if agent is not None:
                return agent
            subject = _child(relcl_verb, "nsubj")
            if subject is not None and subject.lower_ in {"that", "who", "which"}:
                return ancestor.head
            if ancestor.head.lemma_.lower() in PLOT_NOUNS | {"attempt", "coup"}:
                continue
        if ancestor.dep_ == "acl" and ancestor.head.lemma_.lower() in {"group", "network", "cell"}:
            return ancestor.head
    return None


def _special_arguments(trigger: Token, event_type: str) -> tuple[Token | None, Token | None] | None:
    """Participants of triggers whose new holder or freed person is not the object.

    "His successor, Anna Berg": the appositive; "replaced him with Omar Diallo": the
    "with" person; "ended the premiership of Anna Berg": the term's holder; "Omar
    Diallo is free": the subject.  None when the trigger is not one of these.
    """
    lemma = trigger.lemma_.lower()
    if event_type == "OFFICE" and lemma == "successor":
        named = _child(trigger, "appos")
        if named is None and trigger.dep_ == "attr":
            named = _child(trigger.head, "nsubj")
        return None, named
    if event_type == "OFFICE" and lemma == "replace":
        return _child(trigger, "nsubj") or _climb_for_subject(trigger), _pobj(trigger, "with")
    if event_type == "OFFICE" and lemma == "end":
        term = _child(trigger, "dobj")
        holder = term and (_pobj(term, "of") or _child(term, "poss"))
        return _child(trigger, "nsubj"), holder
    if event_type == "CONSULT" and trigger.dep_ == "dobj" and trigger.head.lemma_ == "hold":
        for subject in trigger.head.children:  # "Aliyev and Pashinyan held a meeting"
            if subject.dep_ == "nsubj" and subject.conjuncts:
                return subject, subject.conjuncts[0]
        return None
    if event_type == "CONCEDE" and trigger.pos_ == "ADJ":
        return None, _child(trigger.head, "nsubj") or _child(trigger.head, "nsubjpass")
    if event_type == "COUP" and lemma == "put":
        end = _child(trigger, "dobj")
        regime = (end and _pobj(end, "to")) or _pobj(trigger, "to")
        ruler = regime and (_pobj(regime, "of") or _child(regime, "poss"))
        return _child(trigger, "nsubj") or _climb_for_subject(trigger), ruler
    return None


def find_arguments(
    trigger: Token, event_type: str, mode: str | None
) -> tuple[Token | None, Token | None]:
    """Actor and recipient head tokens for a trigger (either may be ``None``)."""
    key = f"{event_type}:{mode}" if mode else event_type
    if event_type == "COUP" and trigger.lemma_.lower() != "put":
        actor = _coup_actor(trigger)
        recipient = _child(trigger, "dobj") if trigger.pos_ == "VERB" else None
        if recipient is not None and recipient.lemma_.lower() in {"power", "control"}:
            recipient = None
        if actor is None and trigger.pos_ == "VERB" and mode in {"realized", "attempt", None}:
            actor = _child(trigger, "nsubj") or _climb_for_subject(trigger)
        return actor, recipient
    special = _special_arguments(trigger, event_type)
    if special is not None:
        actor, recipient = special
    elif (
        trigger.pos_ in {"VERB", "AUX"}
        or trigger.tag_ in {"VBN", "VBD", "VBG"}
        and trigger.pos_ == "ADJ"
    ):
        actor, recipient = _verb_arguments(trigger, key)
    else:
        actor, recipient = _noun_arguments(trigger, key)
    if actor is not None and recipient is not None and actor.i == recipient.i:
        recipient = None
    if (
        recipient is not None
        and event_type == "SANCTION"
        and recipient.lemma_.lower() in SANCTION_OBJECTS | {"border"}
    ):
        # "closed the bloc's borders with Niger", "froze the country's assets": the target owns the thing
        owner = _pobj(recipient, "with", "of", "to") or _child(recipient, "poss")
        recipient = owner
    if recipient is not None and recipient.ent_type_ == "GPE" and recipient.dep_ == "pobj":
        if event_type in {"CONSULT", "PROTEST", "MOBILIZE", "ASSAULT"}:
            recipient = (
                None  # "a visit to Moscow", "a march on Bishkek": a place, not a participant
            )
    if actor is not None and actor.lemma_.lower() in _INSTRUMENTS:
        # "injured by pellets fired by soldiers": the weapon's user acts
        user = next((_pobj(c, "by") for c in actor.children if c.dep_ == "acl"), None)
        actor = user
    return _usable(_not_place(actor)), _usable(_not_place(recipient))


def _usable(token: Token | None) -> Token | None:
    """Drop arguments that are events or abstractions ("instances of mob violence")."""
    if token is None:
        return None
    lemma = token.lemma_.lower()
    if lemma in _QUANTITY_HEADS or token.like_num:
        # "a large number of workers", "hundreds of villagers": the people, not the amount
        inner = _pobj(token, "of")
        if inner is not None:
            return _usable(inner)
    if lemma in _ABSTRACT_HEADS or (lemma in TRIGGERS and token.pos_ == "NOUN"):
        return None
    if token.ent_type_ in _NOT_ARGUMENT_LABELS:
        return None
    return token
