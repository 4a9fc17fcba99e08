"""How many were killed, injured, arrested or took part, as the sentence states it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwatch.extract.syntax import number_value

__all__ = ["find_counts"]

_KILLED_NOUNS = frozenset(
    ["death", "deaths", "dead", "fatality", "fatalities", "body", "bodies", "life", "lives"]
)
_INJURED_NOUNS = frozenset(["injury", "injuries", "wounded", "injured"])
_KILLED_VERBS = frozenset(
    ["kill", "die", "murder", "slay", "execute", "assassinate", "lose", "behead"]
)
_INJURED_VERBS = frozenset(["injure", "wound", "hurt", "hospitalize", "hospitalise", "maim"])
_ARREST_VERBS = frozenset(["arrest", "detain", "apprehend", "jail", "imprison", "hold"])
_ARREST_NOUNS = frozenset(["arrest", "arrests", "detention", "detentions", "detainee", "detainees"])
_PROTEST_NOUNS = frozenset(
    [
        "protester",
        "protesters",
        "protestor",
        "protestors",
        "demonstrator",
        "demonstrators",
        "marcher",
        "marchers",
        "participant",
        "participants",
        "supporter",
        "supporters",
        "rioter",
        "rioters",
        "striker",
        "strikers",
    ]
)
_PROTEST_VERBS = frozenset(
    ["protest", "demonstrate", "march", "rally", "gather", "strike", "riot", "participate"]
)
_VAGUE_BEFORE = frozenset(
    ["about", "around", "nearly", "almost", "some", "roughly", "approximately"]
)


def _governing_verb(token: Token) -> Token | None:
    """The verb a counted noun belongs to ("five citizens were detained" → detained)."""
    head = token.head
    if head.dep_ in {"nsubjpass", "nsubj", "dobj"} and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    if head.dep_ in {"pobj"} and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
        return head.head.head
    return None


def _classify(number: Token) -> str | None:
    noun = number.head if number.dep_ in {"nummod", "quantmod"} else number
    if number.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        noun = number
    noun_lemma = noun.lemma_.lower()
    noun_text = noun.lower_
    if any(a.lemma_.lower() == "toll" for a in list(number.ancestors)[:4]) or any(
        c.lemma_.lower() == "toll"
        for a in list(number.ancestors)[:3]
        for c in a.children
        if c.dep_ in {"nsubj", "nsubjpass"}
    ):
        return "killed"  # "the death toll rose to 42"
    if noun_text in _KILLED_NOUNS or noun_lemma in _KILLED_NOUNS:
        return "killed"
    if noun_text in _INJURED_NOUNS or noun_lemma in _INJURED_NOUNS:
        return "injured"
    if noun_text in _ARREST_NOUNS:
        return "arrested"
    verb = _governing_verb(number if noun is number else number)
    if verb is None and noun is not number:
        verb = _governing_verb(number) or (
            noun.head if noun.dep_ in {"nsubjpass", "nsubj", "dobj"} else None
        )
    if (
        verb is None
        and number.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and number.head.pos_ == "VERB"
    ):
        verb = number.head  # "eight were killed and 317 injured": the number is the subject
    verb_lemma = verb.lemma_.lower() if verb is not None else ""
    passive = verb is not None and (
        any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN"
    )
    role_ok = noun.dep_ in {"nsubjpass", "dobj"} or (noun.dep_ == "nsubj" and verb_lemma == "die")
    if verb_lemma in _KILLED_VERBS and (role_ok or passive):
        return "killed"
    if (
        verb is not None
        and verb_lemma == "shoot"
        and any(c.lower_ == "dead" for c in verb.children)
    ):
        return "killed"  # "shot dead 14 people"
    if verb_lemma in _INJURED_VERBS and (role_ok or passive):
        return "injured"
    if verb_lemma in _ARREST_VERBS and (role_ok or passive):
        return "arrested"
    if noun_lemma in _PROTEST_NOUNS or noun_text in _PROTEST_NOUNS:
        return "participants"
    if verb_lemma in _PROTEST_VERBS and noun.dep_ == "nsubj":
        return "participants"
    # "killing 6 civilians" / "injuring 29"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _KILLED_VERBS:
        return "killed"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _INJURED_VERBS:
        return "injured"
    return None


_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday day days week weeks month months year years".split()
)


def _is_date_number(token: Token, value: int) -> bool:
    """A day, year or duration inside a date ("March 3", "2024", "five years"), not a count."""
    if 1900 <= value <= 2100:
        return True
    neighbours = token.doc[max(token.i - 1, 0) : token.i + 2]
    return any(t.lower_.rstrip(".") in _DATE_WORDS for t in neighbours)


_DEATH_VERBS = frozenset("kill murder assassinate execute slay behead lynch die".split())
_SINGLE_PRONOUNS = frozenset("he she him her".split())


def _victims(verb: Token) -> list[Token]:
    """Who the death verb is about: the passive subject, the object, or the one who died."""
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    deps = {"nsubj", "nsubjpass"} if lemma == "die" or passive else {"dobj"}
    heads = [c for c in verb.children if c.dep_ in deps]
    if not heads and verb.dep_ in {"acl", "amod"} and verb.tag_ == "VBN":
        heads = [verb.head]  # "a man killed in the attack"
    return [t for h in heads for t in (h, *h.conjuncts)]


def _implied_deaths(sentence: Span) -> int:
    """Deaths stated without a number: "a civilian was killed", "the guard died", "shot dead"."""
    total = 0
    for token in sentence:
        lemma = token.lemma_.lower()
        dead = (
            lemma in _DEATH_VERBS
            or (
                lemma == "shoot"
                and any(
                    c.lower_ in {"dead", "death"}
                    or c.lower_ == "to"
                    and any(g.lower_ == "death" for g in c.children)
                    for c in token.children
                )
            )
            or (lemma == "find" and any(c.lower_ == "dead" for c in token.children))
        )
        if not dead or token.pos_ not in {"VERB", "AUX"}:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        for victim in _victims(token):
            if any(c.dep_ == "nummod" for c in victim.children) or victim.like_num:
                continue  # counted from its number
            if victim.tag_ in {"NN", "NNP"} or victim.lower_ in _SINGLE_PRONOUNS:
                total += 1
    return total


def find_counts(sentence: Span) -> dict[str, tuple[int, Token]]:
    """Counts stated in a sentence, keyed by kind, with the number token that gave each."""
    found: dict[str, tuple[int, Token]] = {}
    for token in sentence:
        if token.like_num is False and token.pos_ != "NUM":
            continue
        if token.ent_type_ in {"TIME", "MONEY", "PERCENT", "ORDINAL"}:
            continue
        value = number_value(token)
        if value is None or token.ent_type_ == "DATE" and _is_date_number(token, value):
            continue
        kind = _classify(token)
        if kind is None:
            continue
        previous = found.get(kind)
        if previous is None or (kind in {"killed", "injured"} and value > previous[0]):
            found[kind] = (value, token)
    if "killed" not in found:
        implied = _implied_deaths(sentence)
        if implied:
            found["killed"] = (implied, sentence.root)
    return found
