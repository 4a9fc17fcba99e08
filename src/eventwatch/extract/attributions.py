"""Who says what: attribution spans (source, cue, content), PolNeAR-style.

An attribution is a source (who), a cue (the word that attributes) and a content
(what is said, thought or wanted).  Cues found:

- verbs of saying, thinking, wanting and taking a position, with their subject (or,
  in the passive, their "by" agent; for "…, saying", "… and added", "decided to
  discuss", the subject of the clause above): "The Post has learned that …",
  "…, sources said", "officials believe …", "Trump attacked the plan";
- nouns of saying and thinking with an owner: "Trump's claim that …", "her plan to …";
- "according to X", polls and studies ("in a new poll, …"), transcript labels
  ("PENCE: …"), a name and a colon before a quote ("- Jane Doe: “…”") and dash
  credits after a quote ("“…” ― Jane Doe").

Attributions are univocal, as in PolNeAR: one inside the content of another (or
inside a quotation) is part of that content, not an attribution of its own.
Offsets are document offsets; ``event_ids`` lists the events whose evidence
sentence overlaps the content.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span, Token

from eventwatch.annotate import AnnotatedDocument
from eventwatch.extract.attributions_text import (
    colon_quotes,
    dash_credits,
    quoted_regions,
    speaker_label,
    univocal,
)
from eventwatch.extract.cues import (
    ANONYMOUS_HEADS,
    ATTITUDE_ADJECTIVES,
    ATTRIBUTION_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
    THOUGHT_VERBS,
)
from eventwatch.extract.events import iter_sentences
from eventwatch.model import EventRecord

__all__ = ["ATTRIBUTION_VERBS", "attribution_spans", "quoted_regions"]

ATTRIBUTION_VERBS = SPEECH_VERBS | THOUGHT_VERBS | STANCE_VERBS

# Verbs with other common senses ("see the city", "find a job", "know him"): they
# attribute only with a clause ("saw that …", "knows to …") or a colon after them.
_CLAUSE_ONLY = frozenset(
    """
    accept answer consider continue discover expect feel find know learn like love maintain
    mean notice prefer realize realise remember understand
    """.split()
)
# What a verb's clause or object says: '"…," he said', "said that …", "wants to …".
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
# Verbs whose cue takes its preposition along: "called for", "pointed to", "spoke of".
_PREPOSITIONAL_CUES = frozenset(
    [
        ("call", "for"),
        ("call", "on"),
        ("point", "to"),
        ("refer", "to"),
        ("speak", "of"),
        ("speak", "about"),
        ("talk", "about"),
        ("push", "for"),
        ("argue", "for"),
        ("argue", "against"),
        ("advocate", "for"),
        ("lobby", "for"),
    ]
)
# Speech verbs whose object is the person spoken to.
_ADDRESSEE_VERBS = frozenset("tell ask inform notify brief remind assure reassure".split())
# Prepositions whose object is what a statement or a position is about.
_TOPIC_PREPS = frozenset("about on of for against over to as with".split())
# Clauses through which a verb takes the subject of the verb above it.
_SHARED_SUBJECT_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Subjects that are never a speaker: "what he said", "it is thought that …".
_NOT_SOURCES = frozenset("what whatever there".split())
# Regular verb endings and what to put back: "hoping" → "hope", "wanted" → "want".
_INFLECTIONS = (("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""))
# Evidence that speaks for itself: "in a new poll, …", "in the study, …".
_EVIDENCE_NOUNS = frozenset("poll polls survey surveys study studies".split())
_EDGE_PUNCT = "\"“”‘’'«», ;:—–-"


def _trimmed(span: Span) -> tuple[int, int] | None:
    """Character bounds of a span without surrounding quotes and punctuation."""
    text = span.text
    left = len(text) - len(text.lstrip(_EDGE_PUNCT + " \n"))
    right = len(text.rstrip(_EDGE_PUNCT + " \n"))
    if right <= left:
        return None
    return span.start_char + left, span.start_char + right


def _part(span: Span | None, offset: int) -> dict[str, Any] | None:
    if span is None or not len(span):
        return None
    bounds = _trimmed(span)
    if bounds is None:
        return None
    start, end = bounds
    return {"start": offset + start, "end": offset + end, "text": span.doc.text[start:end]}


def _subtree(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _cue_span(verb: Token) -> Span:
    """The verb with its auxiliaries and negation on the left and its particle or bound
    preposition on the right: "has learned", "did not say", "called for", "pointed to"."""
    start = verb.i
    for child in sorted(verb.children, key=lambda c: -c.i):
        if child.i == start - 1 and child.dep_ in {"aux", "auxpass", "neg"}:
            start = child.i
    end = verb.i + 1
    following = verb.doc[end] if end < len(verb.doc) else None
    if following is not None and following.head.i == verb.i:
        if following.dep_ == "prt" or (
            following.dep_ == "prep"
            and (_verb_lemma(verb), following.lower_) in _PREPOSITIONAL_CUES
        ):
            end += 1
    return verb.doc[start:end]


def _anonymous(source: Span) -> bool:
    head = source.root
    named = any(t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in source)
    return head.lemma_.lower() in ANONYMOUS_HEADS and not named


def _verb_lemma(token: Token) -> str:
    """The token's lemma, or the base form of a regular inflection the lemmatizer missed
    ("hoped" → "hop" → "hope")."""
    lemma = token.lemma_.lower()
    if lemma in ATTRIBUTION_VERBS:
        return lemma
    form = token.lower_
    for suffix, ending in _INFLECTIONS:
        if form.endswith(suffix) and form[: -len(suffix)] + ending in ATTRIBUTION_VERBS:
            return form[: -len(suffix)] + ending
    return lemma


def _verb_kind(token: Token) -> str | None:
    """``speech``, ``thought`` or ``stance`` for an attributing verb, else ``None``."""
    if token.pos_ != "VERB":
        return None
    lemma = _verb_lemma(token)
    if lemma in SPEECH_VERBS:
        return "speech"
    if lemma in THOUGHT_VERBS:
        return "thought"
    if lemma in STANCE_VERBS:
        return "stance"
    if lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return "speech"  # "as the memo put it"
    return None


def _agent(verb: Token) -> Token | None:
    """The "by" agent of a passive verb: "endorsed by the Times" → Times."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "agent" or passive and child.dep_ == "prep" and child.lower_ == "by":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _speaker(verb: Token) -> Token | None:
    """Who speaks, thinks or acts through ``verb``."""
    agent = _agent(verb)
    if agent is not None:
        return agent
    current = verb
    for _ in range(4):
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in current.children)
        subject = next((c for c in current.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return None if passive or subject.lower_ in _NOT_SOURCES else subject
        if current.dep_ == "acl" and current.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return current.head  # "footage of Clinton asking …"
        if current.dep_ not in _SHARED_SUBJECT_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _content(verb: Token, kind: str) -> Span | None:
    """What the verb attributes: its clause, its object or what it is about."""
    doc = verb.doc
    clause = next((c for c in verb.children if c.dep_ in _CLAUSE_DEPS), None)
    if clause is not None:
        return _subtree(clause)
    if verb.dep_ in {"parataxis", "advcl", "ccomp"} and verb.head.pos_ in {"VERB", "AUX"}:
        if verb.head.i < verb.i and verb.left_edge.i > verb.head.left_edge.i:
            return doc[verb.head.left_edge.i : verb.left_edge.i]  # '"We will stay," he said'
    if _verb_lemma(verb) in _CLAUSE_ONLY:
        return None
    objects = [c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"}]
    if objects and (kind != "speech" or _verb_lemma(verb) not in _ADDRESSEE_VERBS):
        return _subtree(objects[-1])  # not "told reporters": the object is who is told
    topic = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS), None)
    if topic is not None:
        return _subtree(topic)
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is not None and _agent(verb) is not None:
        return _subtree(patient)  # "Trump was rebuked by rivals": what the stance is about
    return None


def _after_colon(verb: Token) -> Span | None:
    """The text after "said:" to the end of the sentence, if any."""
    doc = verb.doc
    colon = next((t for t in doc[verb.i + 1 : verb.i + 4] if t.text == ":"), None)
    if colon is None:
        return None
    end = colon.sent.end
    return doc[colon.i + 1 : end] if end > colon.i + 1 else None


def _from_verb(
    verb: Token, kind: str, offset: int, previous: tuple[int, Span] | None
) -> dict[str, Any] | None:
    subject = _speaker(verb)
    if subject is None:
        return None
    content = _content(verb, kind) or _after_colon(verb)
    content_offset = offset
    if content is None and previous is not None and _ends_in_quote(previous[1]):
        content_offset, content = previous  # '"… our country?" he asks.' after the quote
    if content is None and (kind != "speech" or _verb_lemma(verb) in _CLAUSE_ONLY):
        return None
    source_span = _subtree(subject)
    if subject.dep_ not in _SUBJECT_DEPS and subject.head.lower_ != "by":
        # the noun an "asking" hangs from: "footage of Clinton asking …" → Clinton
        source_span = subject.doc[subject.left_edge.i : subject.i + 1]
    return {
        "source": _part(source_span, offset),
        "cue": _part(_cue_span(verb), offset),
        "content": _part(content, content_offset),
        "anonymous": _anonymous(source_span),
    }


def _ends_in_quote(sentence: Span) -> bool:
    return sentence.text.rstrip()[-1:] in {"”", '"', "’"}


def _noun_content(noun: Token) -> Token | None:
    """What a noun of saying carries: a "that" clause, a "to" clause or an "about" phrase."""
    for child in noun.children:
        if child.dep_ in {"acl", "ccomp"} and any(
            g.lower_ in {"that", "to"} and g.dep_ in {"mark", "aux"} for g in child.children
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in {"about", "on", "against"}:
            return child
    return None


def _noun_owner(noun: Token) -> Token | None:
    """Whose statement or view a noun is: "Trump's claim", "a claim by Trump", or the
    subject of the verb it is the object of ("Christie launched attacks on …")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return None if owner.lower_ == "its" else owner
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return _speaker(noun.head)
    return None


def _from_noun(noun: Token, offset: int) -> dict[str, Any] | None:
    """ "Trump's claim that …", "her plan to …", "criticism by the mayor": owner, noun, content."""
    content = _noun_content(noun)
    owner = _noun_owner(noun) if content is not None else None
    if owner is None or content is None:
        return None
    doc = noun.doc
    source_span = _subtree(owner)
    return {
        "source": _part(source_span, offset),
        "cue": _part(doc[noun.i : noun.i + 1], offset),
        "content": _part(_subtree(content), offset),
        "anonymous": _anonymous(source_span),
    }


def _from_adjective(adjective: Token, offset: int) -> dict[str, Any] | None:
    """ "Democrats are worried about …", "she was confident that …": a state of mind."""
    if adjective.dep_ not in {"acomp", "oprd"} or adjective.head.pos_ not in {"AUX", "VERB"}:
        return None
    subject = _speaker(adjective.head)
    if subject is None:
        return None
    content = next(
        (
            c
            for c in adjective.children
            if c.dep_ in {"ccomp", "xcomp"} or c.dep_ == "prep" and c.lower_ != "than"
        ),
        None,
    )
    source_span = _subtree(subject)
    cue_start = min(
        [adjective.i, *[c.i for c in adjective.children if c.dep_ in {"advmod", "neg"}]]
    )
    return {
        "source": _part(source_span, offset),
        "cue": _part(adjective.doc[cue_start : adjective.i + 1], offset),
        "content": _part(_subtree(content), offset) if content is not None else None,
        "anonymous": _anonymous(source_span),
    }


def _from_evidence(prep: Token, offset: int) -> dict[str, Any] | None:
    """ "In a new poll, three in four voters …", "leads in the polls": the poll is the source."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in _EVIDENCE_NOUNS:
        return None
    doc = prep.doc
    clause = prep.head
    pieces = [
        doc[clause.left_edge.i : prep.left_edge.i],
        doc[prep.right_edge.i + 1 : clause.right_edge.i + 1],
    ]
    content = max(pieces, key=len)
    source_span = _subtree(pobj)
    return {
        "source": _part(source_span, offset),
        "cue": _part(doc[prep.i : prep.i + 1], offset),
        "content": _part(content, offset) if len(content) else None,
        "anonymous": False,
    }


def _from_according(prep: Token, offset: int) -> dict[str, Any] | None:
    to = next((c for c in prep.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    clause = prep.head
    doc = prep.doc
    source_span = _subtree(source)
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    pieces = [doc[start : prep.left_edge.i], doc[prep.right_edge.i + 1 : end]]
    content = max(pieces, key=len)
    return {
        "source": _part(source_span, offset),
        "cue": _part(doc[prep.i : to.i + 1], offset),
        "content": _part(content, offset) if len(content) else None,
        "anonymous": _anonymous(source_span),
    }


def attribution_spans(
    adoc: AnnotatedDocument, events: Iterable[EventRecord] = ()
) -> list[dict[str, Any]]:
    """Every attribution in a document, in text order.

    Args:
        adoc: the parsed document.
        events: its event records, to link each attribution to the events it covers.

    Returns:
        ``{"doc_id", "source", "cue", "content", "anonymous", "event_ids"}`` objects;
        ``source``/``cue``/``content`` are ``{"start", "end", "text"}`` or ``None``.
    """
    events = list(events)
    text = adoc.document.text
    found: list[dict[str, Any]] = []
    previous: tuple[int, Span] | None = None
    for offset, _paragraph, sentence in iter_sentences(adoc):
        candidates: list[dict[str, Any] | None] = [speaker_label(sentence, offset)]
        for token in sentence:
            kind = _verb_kind(token)
            if kind is not None:
                candidates.append(_from_verb(token, kind, offset, previous))
            elif token.lower_ == "according" and token.dep_ == "prep":
                candidates.append(_from_according(token, offset))
            elif token.lower_ == "in" and token.dep_ == "prep":
                candidates.append(_from_evidence(token, offset))
            elif token.pos_ == "NOUN" and token.lemma_.lower() in ATTRIBUTION_NOUNS:
                candidates.append(_from_noun(token, offset))
            elif token.pos_ == "ADJ" and token.lower_ in ATTITUDE_ADJECTIVES:
                candidates.append(_from_adjective(token, offset))
        previous = (offset, sentence)
        found.extend(c for c in candidates if c is not None and c["source"] is not None)
    taken = {(f["source"]["start"], f["source"]["end"]) for f in found}
    found.extend(
        c
        for c in [*dash_credits(text), *colon_quotes(text)]
        if not any(a < c["source"]["end"] and c["source"]["start"] < b for a, b in taken)
    )
    found = univocal(found, text)
    found.sort(key=lambda f: f["cue"]["start"] if f["cue"] else f["source"]["start"])
    result = []
    for item in found:
        content = item["content"]
        result.append(
            {
                "doc_id": adoc.document.id,
                "source": item["source"],
                "cue": item["cue"],
                "content": content,
                "anonymous": item["anonymous"],
                "event_ids": [
                    e.id
                    for e in events
                    if content is not None
                    and any(
                        ev.start < content["end"] and content["start"] < ev.end
                        for ev in [e.evidence, *e.mentions]
                    )
                ],
            }
        )
    return result
