"""Sentence by sentence: triggers → event mentions with every raw field filled."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from eventwatch.annotate import AnnotatedDocument
from eventwatch.extract.arguments import find_arguments
from eventwatch.extract.counts import find_counts
from eventwatch.extract.factuality import present, sentence_attribution
from eventwatch.extract.mention import Argument, EventMention, RawAttribution, argument_from_span
from eventwatch.extract.syntax import phrase_span
from eventwatch.extract.triggers import assault_mode, coup_mode, find_triggers
from eventwatch.extract.triggers_cues import word_span

__all__ = ["extract_mentions", "iter_sentences"]


_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# "PESHAWAR, Pakistan, Nov 21 (Meridian) —" or "ALMATY —" at the top of a report.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]+)*,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?(?:\([^)]{1,40}\))?\s*(?:—|–|--)"
)
_TITLE_HEADS = frozenset(
    ["president", "speaker", "minister", "chairman", "leader", "general", "premier", "counterpart"]
)
_PLACE_NOUNS = frozenset(
    [
        "capital",
        "city",
        "town",
        "village",
        "region",
        "province",
        "district",
        "outskirts",
        "suburb",
        "area",
    ]
)
_PLACE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "across",
    "throughout",
    "inside",
    "into",
    "around",
    "on",
}
_QUOTES = "\"“”«»'‘’"
_TERMINAL = ".!?\"”’'»:;)…]"
_COUNT_TYPES = {
    "killed": {"ASSAULT", "PROTEST", "COUP"},
    "injured": {"ASSAULT", "PROTEST", "COUP"},
    "arrested": {"COERCE"},
    "participants": {"PROTEST"},
}
_CONTEXT_WORDS = {
    "political_institutions": {"parliament", "constitution", "constitutional", "speaker", "cabinet", "president", "presidential", "minister"},
    "elections": {"election", "elections", "vote", "ballot", "candidate", "electoral"},
    "military": {"army", "military", "troops", "soldiers", "forces", "general"},
    "intelligence": {"intelligence", "security", "espionage", "spy"},
    "judicial": {"court", "judge", "sentenced", "prosecutor", "trial", "verdict"},
    "human_rights": {"rights", "torture", "abuse", "arbitrary"},
    "terrorism": {"terrorist", "terrorism", "extremist", "jihadist"},
    "economic": {"economy", "economic", "trade", "sanctions", "goods"},
    "corruption": {"corruption", "bribery", "embezzlement"},
}  # fmt: skip
_TYPE_CONTEXTS = {
    "COUP": ["pro_autocracy", "political_institutions"],
    "OFFICE": ["political_institutions"],
}


def iter_sentences(adoc: AnnotatedDocument) -> Iterator[tuple[int, int, Span]]:
    """Every sentence with its chunk offset and paragraph number."""
    text = adoc.document.text
    paragraph = 0
    last_end = 0
    for chunk in adoc.chunks:
        for sent in chunk.doc.sents:
            start = chunk.offset + sent.start_char
            if (
                "\n" in text[last_end:start]
                or "\n"
                in sent.text_with_ws[: len(sent.text_with_ws) - len(sent.text_with_ws.lstrip())]
            ):
                paragraph += 1
            last_end = chunk.offset + sent.end_char
            yield chunk.offset, paragraph, sent


def _title_key(title: str | None) -> str:
    return " ".join(str(title or "").rstrip(".!?").split()).lower()


def _is_heading(sent: Span, text: str, start: int, end: int, title: str | None = None) -> bool:
    """A headline, section head or caption title: a short line standing alone.

    Either a line with no closing punctuation, or the document's first line when a
    blank line follows it (a title, whatever it ends with).
    """
    if not sent.text.strip():
        return True
    first_end = text.find("\n")
    leading = len(text) - len(text.lstrip())
    if start <= leading + 1 and first_end != -1 and text[first_end : first_end + 2] == "\n\n":
        first_line = text[:first_end].strip()
        is_title = bool(title) and _title_key(first_line) == _title_key(title)
        if is_title or (len(first_line.split()) <= 15 and "—" not in first_line):
            return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start + len(sent.text.rstrip()) - 1)
    line = text[line_start : line_end if line_end != -1 else len(text)].strip()
    if re.search(r"[.!?][\"”’]?\s", line):
        return False  # more than one sentence on the line: prose, not a heading
    return bool(line) and line[-1] not in _TERMINAL and len(line.split()) <= 25


def _places(
    trigger: Token, sentence: Span, roles: list[Token | None], offset: int
) -> list[Argument]:
    """Places the trigger's clause (or an argument) is said to be in or at."""
    anchors = {trigger.i}
    for ancestor in list(trigger.ancestors)[:3]:
        anchors.add(ancestor.i)
        if ancestor.dep_ in {"ccomp", "ROOT", "relcl"}:
            break
    for role in roles:
        if role is not None:
            anchors |= {t.i for t in phrase_span(role)}
            anchors |= {c.i for c in role.children if c.dep_ == "appos"}
    found: list[Argument] = []
    seen_heads: set[int] = set()
    for ent in sentence.ents:
        if ent.label_ not in _PLACE_LABELS:
            continue
        head = ent.root
        if head.i in seen_heads:
            continue
        prep = head.head
        preps = _PLACE_PREPS | (
            {"to"} if trigger.lemma_.lower() in {"visit", "trip", "travel"} else set()
        )
        if head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _PLACE_NOUNS:
            outer = prep.head  # "in the nation's capital of Bishkek"
            if outer.dep_ == "pobj" and outer.head.lower_ in preps and outer.head.head.i in anchors:
                prep = outer.head
                found.append(argument_from_span(ent, offset))
                seen_heads.add(head.i)
                continue
        if head.dep_ == "dobj" and head.head.i == trigger.i and trigger.lemma_.lower() == "visit":
            found.append(argument_from_span(ent, offset))
            seen_heads.add(head.i)
            continue
        if (
            head.dep_ == "pobj"
            and prep.lower_ in preps
            and prep.head.dep_ == "pobj"
            and prep.head.head.lower_ in preps
            and prep.head.head.head.i in anchors
        ):
            prep = prep.head.head  # "at a market in Kano"
        if head.dep_ == "pobj" and prep.lower_ in preps and prep.head.i in anchors:
            span = ent
            # "Kazan, Tatarstan": a place qualified by the region or country after a comma
            nxt = [
                e for e in sentence.ents if e.start in {ent.end + 1} and e.label_ in _PLACE_LABELS
            ]
            if nxt and sentence.doc[ent.end].text == ",":
                span = sentence.doc[ent.start : nxt[0].end]
                seen_heads.add(nxt[0].root.i)
            found.append(argument_from_span(span, offset))
            seen_heads.add(head.i)
    return found


def _contexts(event_type: str, sentence: Span) -> list[str]:
    words = {t.lower_ for t in sentence}
    found = list(_TYPE_CONTEXTS.get(event_type, []))
    for context, cues in _CONTEXT_WORDS.items():
        if words & cues and context not in found:
            found.append(context)
    return found


def _resolve_pronoun(token: Token | None, last_person: Argument | None) -> Argument | None:
    """ "he"/"she" as the last person named before (a first, simple antecedent rule)."""
    return (
        last_person if token is not None and token.lower_ in {"he", "she", "him", "her"} else None
    )


def _entity_of(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _argument(token: Token | None, offset: int, blocked_until: int = 0) -> Argument | None:
    """The phrase headed by ``token``, with the proper name it refers to.

    "his Kyrgyz counterpart Sadyr Japarov" → name Sadyr Japarov; "Eldar Zhakypbekov,
    the already arrested head …" (an apposition) → name Eldar Zhakypbekov.
    """
    if token is None or offset + token.idx < blocked_until:
        return None  # a dateline ("PESHAWAR, Nov 21 (Meridian) —") names no participant
    span = phrase_span(token)
    doc = token.doc
    name: Span | None = None
    own = _entity_of(token)
    if own is not None and own.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
        name = own
    if name is None:
        for child in token.children:
            ent = _entity_of(child)
            if child.i > token.i and ent is not None and ent.label_ in {"PERSON", "ORG"} and child.dep_ in {
                "appos", "compound", "npadvmod", "nmod", "attr"
            }:  # fmt: skip
                name = ent
                if ent.start <= span.end + 1 and all(
                    t.text != "," for t in doc[span.end : ent.start]
                ):
                    span = doc[span.start : max(span.end, ent.end)]
                break
    if name is None:
        for inner in span:
            for child in inner.children:
                ent = _entity_of(child)
                if child.dep_ == "appos" and ent is not None and ent.label_ == "PERSON":
                    name = ent
                    break
            if name is not None:
                break
    if name is None and token.dep_ == "appos":
        ent = _entity_of(token.head)
        if ent is not None and ent.label_ in {"PERSON", "ORG"}:
            name = ent
    if (
        name is None
        and span.end < len(doc)
        and doc[span.end].ent_type_ == "PERSON"
        and doc[span.end].ent_iob_ == "B"
    ):
        ent = _entity_of(doc[span.end])
        if ent is not None:
            name, span = ent, doc[span.start : ent.end]
    if name is None and token.lemma_.lower() in _TITLE_HEADS:
        name = next((e for e in span.ents if e.label_ == "PERSON"), None)
    argument = argument_from_span(span, offset)
    argument.name = name.text if name is not None else None
    return argument


def _aim_of_plot(token: Token, plot: EventMention) -> bool:
    """ "foiled a plot … to attack the presidency", the aim parsed as the verb's clause."""
    frame = plot.trigger_token
    return (
        plot.mode == "conspiracy"
        and frame is not None
        and token.dep_ == "advcl"
        and any(a.i == frame.head.i for a in list(token.ancestors)[:3])
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


def _merge_coup_frames(mentions: list[EventMention]) -> list[EventMention]:
    """One coup per sentence: merge coup mentions; drop riots/attacks that are part of the plan."""
    coups = [m for m in mentions if m.event_type == "COUP"]
    if not coups:
        return mentions
    keep = coups[0]
    for other in coups[1:]:
        keep.actor = keep.actor or other.actor
        keep.recipient = keep.recipient or other.recipient
        keep.mode = keep.mode or other.mode
        if other.mode == "conspiracy":
            keep.mode = "conspiracy"
        keep.weight = max(keep.weight, other.weight)
        if keep.attribution.source is None and other.attribution.source is not None:
            keep.attribution = other.attribution
            keep.factuality = other.factuality
    frame = keep.trigger_token
    top = frame
    if frame is not None:
        for ancestor in list(frame.ancestors)[:4]:
            if ancestor.dep_ in {"ccomp", "ROOT"}:
                break
            top = ancestor
    result = []
    for mention in mentions:
        if mention.event_type == "COUP" and mention is not keep:
            continue
        token = mention.trigger_token
        if (
            mention.event_type in {"PROTEST", "ASSAULT", "COERCE"}
            and mention.mode != "arrest"
            and top is not None
            and token is not None
            and (top.is_ancestor(token) or _aim_of_plot(token, keep))
        ):
            continue
        result.append(mention)
    return result


def extract_mentions(adoc: AnnotatedDocument) -> list[EventMention]:
    """Every event mention in a document, in text order.

    Headlines and caption titles (lines with no closing punctuation) give no events.
    A sentence that opens a quotation inherits the source named earlier in its paragraph.
    """
    document = adoc.document
    text = document.text
    dateline = _DATELINE.match(text)
    dateline_end = dateline.end() if dateline else 0
    mentions: list[EventMention] = []
    paragraph_source: tuple[int, RawAttribution, str] | None = None
    last_person: Argument | None = None
    for index, (offset, paragraph, sent) in enumerate(iter_sentences(adoc)):
        start, end = offset + sent.start_char, offset + sent.end_char
        if _is_heading(sent, text, start, end, document.title):
            continue
        sentence_mentions: list[EventMention] = []
        counts = find_counts(sent)
        for trigger in find_triggers(sent):
            token, sense = trigger.token, trigger.sense
            mode = sense.mode
            if sense.event_type == "COUP":
                mode = coup_mode(token, sense.mode)
            elif sense.event_type == "ASSAULT" and mode in {None, "explosives"}:
                mode = (
                    assault_mode(sent) if mode is None or assault_mode(sent) == "aerial" else mode
                )
            actor_token, recipient_token = find_arguments(token, sense.event_type, mode)
            word_start, word_end = word_span(token)  # "shoot-out", not its last piece
            presentation = present(token, sent, offset, event_type=sense.event_type)
            actor = _argument(actor_token, offset, dateline_end)
            recipient = _argument(recipient_token, offset, dateline_end)
            if actor is not None and actor.is_pronoun:
                source = presentation.attribution.source
                if source is not None and (
                    actor.head_lemma in {"it", "they"} or source.label == "PERSON"
                ):
                    actor = source  # "Tokayev said he removed …", "the SCNS reported that it had …"
                else:
                    actor = _resolve_pronoun(actor_token, last_person)
            if recipient is not None and recipient.is_pronoun:
                recipient = _resolve_pronoun(recipient_token, last_person)
            # named in passing inside a phrase ("the already arrested head", "weapons recovered");
            # not when the parser mistook a main verb for one ("interns protested in …")
            background = token.dep_ in {"amod", "compound"} or (
                token.dep_ == "acl"
                and token.tag_ == "VBN"
                and sense.event_type != "PROTEST"
                and token.head.dep_ != "ROOT"
                and not any(c.dep_ == "agent" for c in token.children)
            )
            mention = EventMention(
                doc_id=document.id,
                sentence_index=index,
                paragraph_index=paragraph,
                sentence=(start, end, sent.text),
                trigger=(
                    offset + word_start,
                    offset + word_end,
                    sent.doc.text[word_start:word_end],
                ),
                event_type=sense.event_type,
                mode=mode,
                acled=sense.acled,
                weight=sense.weight,
                actor=actor,
                recipient=recipient,
                places=_places(token, sent, [actor_token, recipient_token], offset),
                factuality=presentation.factuality,
                attribution=presentation.attribution,
                contexts=_contexts(sense.event_type, sent),
                definite=any(
                    c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "these", "those"}
                    for c in token.children
                ),
                trigger_token=token,
                background=background,
                date_scope=_date_scope(token, sent, offset),
                depth=sum(1 for _ in token.ancestors),
            )
            if sense.event_type == "MOBILIZE":
                mention.mode = _mobilize_mode(token)
            for kind, (value, _number) in counts.items():
                if sense.event_type in _COUNT_TYPES[kind] and (
                    kind != "arrested" or mention.mode == "arrest"
                ):
                    mention.counts[kind] = value
            sentence_mentions.append(mention)
        sentence_mentions = _dedupe(_absorb_into_riot(_merge_coup_frames(sentence_mentions)))
        if not sentence_mentions and counts:
            _attach_orphan_counts(counts, mentions, index)
        _mark_protest_topics(sentence_mentions)
        via = _carrier_statement(sent)
        if via:
            for mention in sentence_mentions:
                mention.carrier_via = via
        opens_quote = sent.text.lstrip()[:1] in _QUOTES
        for mention in sentence_mentions:
            if mention.attribution.source is None and opens_quote and paragraph_source is not None:
                source_paragraph, attribution, factuality = paragraph_source
                if source_paragraph == paragraph and mention.factuality in {"asserted", "alleged"}:
                    mention.attribution = copy.deepcopy(attribution)
                    mention.factuality = (
                        "alleged" if mention.factuality == "alleged" else factuality
                    )
            if mention.attribution.source is not None:
                paragraph_source = (
                    paragraph,
                    mention.attribution,
                    mention.factuality
                    if mention.factuality in {"attributed", "alleged"}
                    else "attributed",
                )
        if not any(m.attribution.source is not None for m in sentence_mentions):
            spoken = sentence_attribution(sent, offset)
            if spoken is not None:
                factuality = "alleged" if spoken.anonymous or spoken.hedged else "attributed"
                paragraph_source = (paragraph, spoken, factuality)
        for ent in sent.ents:
            if ent.label_ == "PERSON":
                last_person = argument_from_span(ent, offset)
        mentions.extend(sentence_mentions)
    for mention in mentions:
        mention.trigger_token = None  # the parse is not kept beyond extraction
    return mentions


def _date_scope(trigger: Token, sentence: Span, offset: int) -> list[tuple[int, int]]:
    """Character ranges where a date belongs to this event: its own clause or a clause above it.

    A date hanging from another clause ("since the generals seized power in 2021")
    dates that clause, not this event.
    """
    governing = {trigger.i, *(a.i for a in trigger.ancestors)}
    # a non-finite adjunct of the same clause dates it too: "speaking to the forces the day before, he stated …"
    for index in list(governing):
        for child in sentence.doc[index].children:
            if (
                child.dep_ == "advcl"
                and child.tag_ in {"VBG", "VBN"}
                and not any(c.dep_ == "mark" for c in child.children)
            ):
                governing.add(child.i)
    ranges: list[tuple[int, int]] = []
    for token in sentence:
        anchor = token
        while (
            anchor.i not in governing
            and anchor.pos_ not in {"VERB", "AUX"}
            and anchor.head is not anchor
        ):
            anchor = anchor.head
        if anchor.i in governing:
            ranges.append((offset + token.idx, offset + token.idx + len(token.text)))
    return ranges


def _mobilize_mode(token: Token) -> str | None:
    words = {t.lemma_.lower() for t in token.subtree}
    if words & {"troop", "soldier", "army", "force", "unit", "tank"}:
        return "troops"
    if words & {"police", "officer", "gendarme"}:
        return "police"
    return None


_CROWD_HEADS = frozenset(
    [
        "rioter",
        "rioters",
        "mob",
        "mobs",
        "protester",
        "protesters",
        "demonstrator",
        "demonstrators",
        "crowd",
        "crowds",
    ]
)


def _absorb_into_riot(mentions: list[EventMention]) -> list[EventMention]:
    """A riot and the attack it consisted of, in one sentence, are one event.

    Violence by a crowd ("rioters clashed with police") is itself a riot.
    """
    for mention in mentions:
        if (
            mention.event_type == "ASSAULT"
            and mention.actor is not None
            and mention.actor.head_lemma in _CROWD_HEADS
        ):
            mention.event_type, mention.mode = "PROTEST", "riot"
            mention.acled = (
                "Riots",
                "Mob violence" if "mob" in mention.actor.head_lemma else "Violent demonstration",
            )
            break
    riot = next((m for m in mentions if m.event_type == "PROTEST" and m.mode == "riot"), None)
    if riot is None:
        return mentions
    kept = []
    for mention in mentions:
        if mention.event_type == "ASSAULT" and mention.mode in {
            None,
            "beat",
            "primitive",
            "firearms",
        }:
            riot.actor = mention.actor or riot.actor
            riot.recipient = mention.recipient or riot.recipient
            riot.places = riot.places or mention.places
            riot.acled = ("Riots", "Mob violence")
            for key, value in mention.counts.items():
                riot.counts.setdefault(key, value)
            continue
        kept.append(mention)
    return kept


def _carrier_statement(sent: Span) -> list[str]:
    """ "The reports of the coup came via RIA Novosti": the outlets that carried the news."""
    names: list[str] = []
    for token in sent:
        if token.lemma_.lower() in {"come", "arrive"} and any(
            c.dep_ in {"nsubj", "nsubjpass"}
            and c.lemma_.lower() in {"report", "news", "word", "information"}
            for c in token.children
        ):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"via", "from", "through"}:
                    for pobj in child.children:
                        ent = _entity_of(pobj)
                        names.append(ent.text if ent is not None else phrase_span(pobj).text)
    return names


def _attach_orphan_counts(counts: dict, mentions: list[EventMention], index: int) -> None:  # type: ignore[type-arg]
    """ "The guard died." / "1 fatality." after the attack: the toll belongs to the event just told."""
    for mention in reversed(mentions):
        if index - mention.sentence_index > 2:
            return
        if mention.event_type in {"ASSAULT", "PROTEST", "COUP"}:
            for kind in ("killed", "injured"):
                if kind in counts and kind not in mention.counts:
                    mention.counts[kind] = counts[kind][0]
            return


def _mark_protest_topics(mentions: list[EventMention]) -> None:
    """ "a protest against the arrest of X": the arrest is what the protest is about, not the news."""
    protests = [
        m.trigger_token
        for m in mentions
        if m.event_type == "PROTEST" and m.trigger_token is not None
    ]
    for mention in mentions:
        token = mention.trigger_token
        if mention.event_type == "PROTEST" or token is None:
            continue
        if any(p.is_ancestor(token) for p in protests):
            mention.topic = True


def _linked(a: EventMention, b: EventMention) -> bool:
    """One trigger governs the other: "a drone strike … killed nine" is one attack."""
    x, y = a.trigger_token, b.trigger_token
    if x is None or y is None:
        return False
    if x.head.i == y.i or y.head.i == x.i:
        return True
    if x.is_ancestor(y) and y.head.head.i == x.i or y.is_ancestor(x) and x.head.head.i == y.i:
        return True
    # "an air strike hit a market …, killing nine": subject and adjunct of one verb
    return x.head.i == y.head.i and {x.dep_, y.dep_} & {"nsubj", "nsubjpass"} != set()


def _dedupe(mentions: list[EventMention]) -> list[EventMention]:
    """Two triggers for one event in a sentence ("detained and placed in detention"): keep the first."""
    result: list[EventMention] = []
    for mention in mentions:
        duplicate = next(
            (
                kept
                for kept in result
                if kept.event_type == mention.event_type
                and (kept.mode == mention.mode or kept.mode is None or mention.mode is None)
                and (
                    kept.recipient is None
                    or mention.recipient is None
                    or kept.recipient.text == mention.recipient.text
                    or _linked(kept, mention)
                )
            ),
            None,
        )
        if duplicate is None:
            result.append(mention)
            continue
        duplicate.background = duplicate.background and mention.background
        duplicate.date_scope = duplicate.date_scope + mention.date_scope
        if duplicate.mode is None and mention.mode is not None:
            duplicate.mode, duplicate.acled = mention.mode, mention.acled
        duplicate.actor = duplicate.actor or mention.actor
        duplicate.recipient = duplicate.recipient or mention.recipient
        duplicate.places = duplicate.places or mention.places
        for key, value in mention.counts.items():
            duplicate.counts.setdefault(key, value)
    return result
