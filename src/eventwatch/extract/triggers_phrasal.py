"""Conditions of the trigger senses for events that reports phrase indirectly.

"stepped down", "His successor, X", "replaced him with X", "ended the premiership of X",
"put an end to the regime", "broke up a plot to storm the presidency", "was grabbed by
men in plain clothes", "X is free", "Saturday's unrest": each a check on the parse,
named in :mod:`eventwatch.extract.lexicon` and looked up through :data:`PHRASAL_CONDITIONS`.
Also who counts as a person for the ``obj_person`` conditions (:func:`is_person`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventwatch.extract.lexicon import FOIL_VERBS, POWER_WORDS

__all__ = [
    "PHRASAL_CONDITIONS",
    "QUANTITY_HEADS",
    "court_subject",
    "held_by_several",
    "is_person",
    "misparsed_object",
]

_PERSON_HEADS = frozenset(
    [
        "president",
        "minister",
        "head",
        "chief",
        "director",
        "chairman",
        "chair",
        "speaker",
        "governor",
        "mayor",
        "general",
        "commander",
        "officer",
        "official",
        "deputy",
        "leader",
        "premier",
        "prime",
        "ambassador",
        "judge",
        "prosecutor",
        "secretary",
        "spokesman",
        "spokesperson",
        "adviser",
        "advisor",
        "ceo",
        "man",
        "woman",
        "person",
        "people",
        "employee",
        "staff",
        "operative",
        "member",
        "associate",
        "supporter",
        "agent",
        "chief",
        "lawmaker",
        "deputy",
        "prisoner",
        "detainee",
        "hostage",
        "captive",
        "inmate",
    ]
)


_SURNAME_ENDINGS = (
    "ov",
    "ev",
    "ova",
    "eva",
    "in",
    "ina",
    "yan",
    "uulu",
    "kyzy",
    "enko",
    "sky",
    "ski",
    "vich",
    "dze",
    "shvili",
)


def is_person(token: Token) -> bool:
    if token.ent_type_ in {"PERSON", "NORP"} or token.lower_ in {"he", "she", "him", "her", "them"}:
        return True
    if token.pos_ == "PROPN" and any(
        ent.label_ == "PERSON" and token.text in ent.text.split() for ent in token.doc.ents
    ):
        return True  # named in full elsewhere ("Kamchybek Tashiev" … "fired Tashiev")
    if token.ent_type_ == "ORG" and token.pos_ == "PROPN":
        single = token.ent_iob_ == "B" and (
            token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"
        )
        return single and token.text.lower().endswith(_SURNAME_ENDINGS)
    lemma = token.lemma_.lower()
    return lemma in _PERSON_HEADS or token.pos_ == "PROPN" and token.ent_type_ == ""


def misparsed_object(token: Token) -> Token | None:
    """An object the parser made the subject of a later clause.

    "dismissed Minister Ali Sow, a week after a fire killed six": "Sow" is read as
    the subject of "killed"; a name right after a verb with no object is its object.
    """
    if any(c.dep_ in {"dobj", "nsubjpass"} for c in token.children):
        return None
    for clause in token.children:
        if clause.dep_ != "ccomp" or clause.i < token.i:
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if (
            subject is not None
            and subject.left_edge.i == token.i + 1
            and subject.pos_ == "PROPN"
            and subject.ent_type_ == "PERSON"
        ):
            return subject
    return None


_COURT_HEADS = frozenset("court tribunal judge judges ruling verdict bench".split())
# Posts a person holds for a term: "ended the premiership of …"
_TENURE_WORDS = frozenset("premiership presidency tenure mandate chairmanship".split())
# Who arrests: "grabbed by men in plain clothes", "seized by police"
_SECURITY_CUES = frozenset(
    "police policemen officer officers agent agents security plainclothes plain-clothes "
    "clothes uniform uniformed gendarme gendarmes".split()
)
_DAY_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today weekend".split()
)


QUANTITY_HEADS = frozenset("dozen hundred thousand score number lot several many part".split())


def held_by_several(token: Token) -> bool:
    """ "Aliyev and Pashinyan held a brief meeting": a meeting between the subject's parties."""
    if token.dep_ != "dobj" or token.head.lemma_.lower() not in {"hold", "have"}:
        return False
    subjects = [c for c in token.head.children if c.dep_ == "nsubj"]  # a dateline may be one
    return any(
        subject.conjuncts
        or subject.tag_ == "NNS"
        and any(c.lower_ in {"two", "both"} for c in subject.children)
        for subject in subjects
    )


def court_subject(token: Token) -> bool:
    """The doer is a court or a ruling ("the Constitutional Court removed the prime minister")."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]  # a dateline may be one too
    subjects += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    return any(t.lemma_.lower() in _COURT_HEADS for s in subjects for t in s.subtree)


def _successor_named(token: Token, objects: list[Token]) -> bool:
    """ "His successor, Anna Berg, …", "Anna Berg is his successor": a named new holder."""
    if any(c.dep_ == "appos" and is_person(c) for c in token.children):
        return True
    if token.dep_ == "attr":
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.ent_type_ == "PERSON"
    return False


def _replace_with_person(token: Token, objects: list[Token]) -> bool:
    """ "replaced him with General Omar Diallo": one holder gives way to a named other."""
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(is_person(g) for g in c.children)
        for c in token.children
    ) and any(c.dep_ in {"dobj", "nsubjpass"} and is_person(c) for c in token.children)


def _end_tenure(token: Token, objects: list[Token]) -> bool:
    """ "ended the premiership of …", "ended her presidency": a person's term of office."""
    for obj in token.children:
        if obj.dep_ in {"dobj", "nsubjpass"} and obj.lemma_.lower() in _TENURE_WORDS:
            owner = [
                g
                for c in obj.children
                if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
                for g in ([c] if c.dep_ == "poss" else c.children)
            ]
            # a term belongs to a person: any name or possessive will do ("her presidency")
            return any(is_person(o) or o.pos_ in {"PROPN", "PRON"} for o in owner)
    return False


def _ousted_not_by_court(token: Token, objects: list[Token]) -> bool:
    return not court_subject(token) and any(is_person(t) for t in objects)


def _foiled_power_plot(token: Token, objects: list[Token]) -> bool:
    """A plot against the state that was stopped: "broke up a conspiracy to storm the presidency"."""
    governor = token.head if token.dep_ in {"dobj", "nsubjpass"} else None
    if governor is None:
        return False
    lemma = governor.lemma_.lower()
    broken_up = lemma in {"break", "bust"} and any(
        c.dep_ == "prt" and c.lower_ == "up" for c in governor.children
    )
    if lemma not in FOIL_VERBS and not broken_up:
        return False
    aims = [token] + [  # "dismantled a plot … to attack": the parser may hang the aim on the verb
        t
        for t in governor.subtree
        if t.dep_ == "advcl"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
        and _within(t, governor, 3)
    ]
    targets = {t.lemma_.lower() for aim in aims for t in aim.subtree}
    return bool(targets & (POWER_WORDS | {"coup", "overthrow", "palace", "president"}))


def _within(token: Token, ancestor: Token, steps: int) -> bool:
    return any(a.i == ancestor.i for a in list(token.ancestors)[:steps])


def _seized_by_security(token: Token, objects: list[Token]) -> bool:
    """ "was grabbed by police", "men in plain clothes grabbed the blogger": an arrest."""
    if not any(is_person(t) for t in objects):
        return False
    doer = [g for c in token.children if c.dep_ in {"agent", "nsubj"} for g in c.subtree]
    return any(t.lower_ in _SECURITY_CUES for t in doer)


def _ordered_to_serve(token: Token, objects: list[Token]) -> bool:
    """ "the court ordered him to serve a year in prison": a sentence."""
    serves = [c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() == "serve"]
    if not serves:
        return False
    served = {t.lemma_.lower() for t in serves[0].subtree}
    return bool(served & {"prison", "jail", "sentence", "term"}) and (
        court_subject(token) or bool(served & {"sentence"})
    )


def _person_is_free(token: Token, objects: list[Token]) -> bool:
    """ "the activist is free", "walked free": a release."""
    if token.pos_ != "ADJ" or token.dep_ not in {"acomp", "oprd", "advmod"}:
        return False
    head = token.head
    if head.lemma_.lower() not in {"be", "walk", "go", "set"}:
        return False
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or not is_person(subject):
        return False
    return not any(c.dep_ in {"prep", "xcomp"} for c in token.children)  # "free to travel"


def _dated_occasion(token: Token, objects: list[Token]) -> bool:
    """ "Saturday's unrest", "the unrest on Monday": one dated occurrence, not a mood."""
    for child in token.children:
        if child.dep_ == "poss" and (child.lower_ in _DAY_WORDS or child.ent_type_ == "DATE"):
            return True
        if child.dep_ == "prep" and child.lower_ == "on":
            if any(g.lower_ in _DAY_WORDS for g in child.children):
                return True
    return False


def _end_to_power(token: Token, objects: list[Token]) -> bool:
    """ "put an end to the regime": the end of a government, not of a dispute."""
    for obj in token.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() == "end":
            preps = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "to"]
            preps += [c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"]
            return any(
                g.lemma_.lower() in POWER_WORDS | {"rule"} for p in preps for g in p.children
            )
    return False


# condition name in the lexicon -> check on (trigger, its objects)
PHRASAL_CONDITIONS: dict[str, Callable[[Token, list[Token]], bool]] = {
    "successor_named": _successor_named,
    "replace_with_person": _replace_with_person,
    "end_tenure": _end_tenure,
    "ousted_not_by_court": _ousted_not_by_court,
    "foiled_power_plot": _foiled_power_plot,
    "seized_by_security": _seized_by_security,
    "ordered_to_serve": _ordered_to_serve,
    "person_is_free": _person_is_free,
    "dated_occasion": _dated_occasion,
    "end_to_power": _end_to_power,
}
