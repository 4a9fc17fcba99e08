"""How the text presents an event, and who it says the claim comes from.

Scope is the clause: cues are looked for on the path from the trigger up to the
first reporting verb (or the root), so "allegedly" in one clause does not hedge the
next.  The reporting verb above the trigger names the source; an "according to" on
the path does too; statements "sourced by" / "carried by" an outlet add carriers.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwatch.extract.cues import (
    ANONYMOUS_HEADS,
    CARRIER_VERBS,
    DENIAL_VERBS,
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    HEDGE_VERBS,
    HYPOTHETICAL_MARKS,
    PLAN_WORDS,
    REPORTING_VERBS,
    STATEMENT_NOUNS,
)
from eventwatch.extract.mention import RawAttribution, argument_from_span
from eventwatch.extract.syntax import phrase_span

__all__ = ["Presentation", "attribution_from_verb", "present", "sentence_attribution"]

_ACCUSATION_VERBS = frozenset("accuse blame charge allege suspect".split())
# Prepositions of time and circumstance: an event inside them keeps its own modality
# ("did not detain anyone during the march" does not negate the march).
_ADJUNCT_PREPS = frozenset(
    "during after before since amid despite following throughout until".split()
)
_ADJUNCT_MARKS = frozenset("since after before when while as because once until".split())
_IRREALIS_NOUNS = frozenset(
    [
        "threat",
        "risk",
        "prospect",
        "danger",
        "possibility",
        "scenario",
        "fear",
        "spectre",
        "specter",
    ]
)


@dataclass(slots=True)
class Presentation:
    factuality: str
    attribution: RawAttribution
    hedge_cues: list[Token]


# "gave no reason for the dismissal": nouns whose denial takes the event for granted.
_PRESUPPOSING_NOUNS = frozenset(
    "reason explanation justification comment detail details motive timetable breakdown".split()
)


def _is_named(span: Span) -> bool:
    return any(t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in span)


def _anonymous(span: Span) -> bool:
    """A source with a common-noun head for people and no proper name."""
    head = span.root
    if head.ent_type_ in {"PERSON", "ORG", "GPE"}:
        return False
    has_person = any(t.ent_type_ == "PERSON" for t in span)
    has_org = any(t.ent_type_ == "ORG" for t in span)
    return head.lemma_.lower() in ANONYMOUS_HEADS and not has_person and not has_org


def _carriers(token: Token) -> list[str]:
    """Outlets that carried a statement: "a statement sourced by news agency 24.KG"."""
    names: list[str] = []
    for child in token.subtree:
        if child.lemma_.lower() in CARRIER_VERBS and child.dep_ in {"acl", "relcl", "amod"}:
            by = next((c for c in child.children if c.lower_ in {"by", "via"}), None)
            if by is None:
                continue
            doc = token.doc
            stop = max(token.right_edge.i, child.right_edge.i)
            named = [t for t in doc[by.i + 1 : stop + 1] if t.ent_type_ in {"ORG", "PERSON"}]
            pobj = next((g for g in by.children if g.dep_ == "pobj"), None)
            if named:
                names.append(_name_text(named[-1]))
            elif pobj is not None:
                names.append(_name_text(pobj))
    return names


def _name_text(token: Token) -> str:
    """The name a token belongs to, or its noun phrase."""
    if token.ent_type_:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent.text
    return phrase_span(token).text


def _source_span(subject: Token) -> tuple[Span, list[str]]:
    """The speaker: for "a ministry statement said", the ministry; carriers alongside."""
    via = _carriers(subject)
    if subject.lemma_.lower() in STATEMENT_NOUNS:
        owners = [c for c in subject.children if c.dep_ in {"poss", "compound"}]
        owner_of = [
            g for c in subject.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}
            for g in c.children if g.dep_ == "pobj"
        ]  # fmt: skip
        candidates = owners or owner_of
        if candidates:
            owner = candidates[-1]
            span = phrase_span(owner)
            # "national security ministry statement": keep the compound chain
            left = min(
                [
                    t.i
                    for t in subject.subtree
                    if t.dep_ in {"compound", "amod"} and t.i < subject.i
                ],
                default=owner.i,
            )
            span = subject.doc[min(span.start, left) : subject.i]
            return span, via
    return phrase_span(subject), via


def _according_to(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for grandchild in child.children:
                if grandchild.dep_ == "prep" and grandchild.lower_ == "to":
                    for pobj in grandchild.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def _according_source(pobj: Token) -> Token:
    """ "according to information received from the attaché" → the attaché."""
    if pobj.lemma_.lower() in STATEMENT_NOUNS | {"information", "data", "report"}:
        for token in pobj.subtree:
            if (
                token.dep_ == "pobj"
                and token.head.lower_ in {"from", "by", "of"}
                and token is not pobj
            ):
                return token
    return pobj


def attribution_from_verb(verb: Token, offset: int) -> RawAttribution | None:
    """Source, cue and carriers of a reporting verb ("the ministry said"), if it has a subject."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in {"it", "this", "that", "which"}:
        return None
    span, via = _source_span(subject)
    return RawAttribution(
        source=argument_from_span(span, offset),
        cue=verb.text,
        cue_start=offset + verb.idx,
        cue_end=offset + verb.idx + len(verb.text),
        via=via,
        anonymous=_anonymous(span),
        hedged=verb.lemma_.lower() in HEDGE_VERBS,
    )


def sentence_attribution(sentence: Span, offset: int) -> RawAttribution | None:
    """The speaker a sentence names, for the quotes that follow it in the paragraph."""
    for token in sentence:
        if token.lemma_.lower() in REPORTING_VERBS and token.pos_ == "VERB":
            found = attribution_from_verb(token, offset)
            if found is not None:
                return found
    return None


def present(trigger: Token, sentence: Span, offset: int, *, event_type: str = "") -> Presentation:
    """Factuality and attribution of the event named by ``trigger``.

    Args:
        trigger: the event's trigger token.
        sentence: the sentence it is in.
        offset: document offset of the chunk the sentence belongs to.
    """
    attribution = RawAttribution()
    hedges: list[Token] = []
    negated = denied = planned = hypothetical = False
    chain = [trigger, *trigger.ancestors]
    came_from = None
    reported = False
    in_argument = False
    for index, token in enumerate(chain):
        lemma = token.lemma_.lower()
        arrived_by = came_from.dep_ if came_from is not None else None
        if (
            index > 0
            and lemma in REPORTING_VERBS
            and (
                arrived_by in {"ccomp", "xcomp", "dobj", "parataxis", "advcl", "conj", None}
                or arrived_by == "prep"
                and lemma == "point"
            )
            and token.pos_ in {"VERB", "AUX"}
        ):
            subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            found = attribution_from_verb(token, offset) if attribution.source is None else None
            if found is not None:
                attribution = found
            elif (
                attribution.source is not None
                and subject is not None
                and _is_named(phrase_span(subject))
            ):
                attribution.via.append(_name_text(subject))
            reported = True
        if (
            lemma in _IRREALIS_NOUNS
            and token.pos_ == "NOUN"
            and arrived_by in {"pobj", "pcomp", "prep", "acl"}
        ):
            hypothetical = True  # "the threat of mobilizing his supporters"
        if (
            index > 0
            and lemma in _ACCUSATION_VERBS
            and arrived_by in {"prep", "pobj", "pcomp", "ccomp", "xcomp", "advcl"}
            and not reported
        ):
            hedges.append(token)  # "accused the clergy of plotting a coup": a claim, not a fact
        if (
            arrived_by in {"nsubj", "nsubjpass", "relcl", "appos"}
            or (arrived_by == "conj" and came_from is not None and came_from.pos_ == "VERB")
            or (
                arrived_by == "prep"
                and came_from is not None
                and came_from.lower_ in _ADJUNCT_PREPS
            )
            or (
                arrived_by == "advcl"
                and came_from is not None
                and any(c.dep_ == "mark" and c.lower_ in _ADJUNCT_MARKS for c in came_from.children)
            )
        ):
            if arrived_by == "conj" and any(
                c.dep_ == "mark" and c.lemma_.lower() in HYPOTHETICAL_MARKS for c in token.children
            ):
                hypothetical = (
                    True  # "if he can hold the helm and carry out a purge": both under "if"
                )
            in_argument = (
                True  # the event is a participant's description: the clause above is not its frame
            )
        if not reported and not in_argument:
            for child in token.children:
                child_lemma = child.lemma_.lower()
                if child.dep_ == "neg":
                    following = child.nbor(1).lower_ if child.i + 1 < len(child.doc) else ""
                    if following not in {"just", "only", "merely", "simply", "least"}:
                        negated = True
                elif (
                    child.dep_ == "det"
                    and child.lower_ in {"no"}
                    and token.pos_ == "NOUN"
                    and not (index > 0 and lemma in _PRESUPPOSING_NOUNS)
                ):
                    negated = True
                elif child.dep_ in {"advmod", "amod"} and (
                    child.lower_ in HEDGE_ADVERBS
                    or child.lower_ in HEDGE_ADJECTIVES
                    and token is trigger
                ):
                    hedges.append(child)
                elif child.dep_ == "aux" and child.lower_ in {"will", "shall", "'ll"}:
                    planned = True
                elif child.dep_ == "aux" and child.lower_ in {"could", "would", "might", "may"}:
                    perfect = any(c.lower_ == "have" for c in token.children if c.dep_ == "aux")
                    if child.lower_ in {"may", "might"} and perfect:
                        hedges.append(child)  # "may have killed": uncertain past
                    elif child.lower_ == "would" and not perfect:
                        planned = True  # future in the past: "said it would send troops"
                    else:
                        hypothetical = True  # "could have become", "could set off"
                elif child.dep_ == "mark" and child_lemma in HYPOTHETICAL_MARKS:
                    hypothetical = True
            if (
                index > 0
                and lemma in PLAN_WORDS
                and came_from is not None
                and (
                    came_from.dep_ in {"xcomp", "acl", "ccomp"}
                    or came_from.dep_ in {"pobj", "prep"}
                    and token.pos_ == "NOUN"
                )
            ):
                planned = True
            if index > 0 and lemma in DENIAL_VERBS and came_from is not None and came_from.dep_ in {
                "ccomp", "dobj"
            }:  # fmt: skip
                denied = True
        source_pobj = _according_to(token)
        if source_pobj is not None and attribution.source is None:
            source = _according_source(source_pobj)
            span = phrase_span(source)
            attribution.source = argument_from_span(span, offset)
            attribution.cue = "according to"
            attribution.anonymous = _anonymous(span)
        came_from = token
    if event_type == "COUP":
        planned = False  # a plan to seize power is the conspiracy itself
    if reported and negated:
        denied, negated = True, False
    if attribution.source is not None and attribution.source.is_pronoun:
        attribution.source = (
            None if attribution.source.head_lemma in {"it", "they"} else attribution.source
        )
    factuality = "asserted"
    if attribution.source is not None:
        factuality = "alleged" if attribution.anonymous or attribution.hedged else "attributed"
    if hedges:
        factuality = "alleged"
    if planned:
        factuality = "planned"
    if hypothetical:
        factuality = "hypothetical"
    if denied:
        factuality = "denied"
    elif negated:
        factuality = "negated"
    return Presentation(factuality, attribution, hedges)
