"""Cue words for attribution, hedging, negation, plans and conditionals."""

from __future__ import annotations

__all__ = [
    "ANONYMOUS_HEADS",
    "CARRIER_NOUNS",
    "CARRIER_VERBS",
    "DENIAL_VERBS",
    "HEDGE_ADVERBS",
    "HEDGE_ADJECTIVES",
    "HEDGE_VERBS",
    "HYPOTHETICAL_MARKS",
    "LIGHT_VERBS",
    "PLAN_WORDS",
    "REPORTING_VERBS",
    "STATEMENT_NOUNS",
]

# Verbs that introduce what somebody says (lemmas).
REPORTING_VERBS = frozenset(
    [
        "say",
        "report",
        "claim",
        "announce",
        "state",
        "tell",
        "confirm",
        "add",
        "note",
        "allege",
        "write",
        "read",
        "insist",
        "declare",
        "assert",
        "explain",
        "reveal",
        "disclose",
        "inform",
        "warn",
        "stress",
        "acknowledge",
        "admit",
        "argue",
        "believe",
        "suggest",
        "testify",
        "quote",
        "post",
        "tweet",
        "publish",
        "indicate",
        "estimate",
        "mention",
        "recount",
        "describe",
        "maintain",
        "point",
    ]
)
# Reporting verbs that distance the writer from the content: the claim is hedged.
HEDGE_VERBS = frozenset(["allege", "rumor", "rumour", "speculate", "suspect"])
# Adverbs that hedge the clause they sit in.
HEDGE_ADVERBS = frozenset(
    [
        "reportedly",
        "allegedly",
        "purportedly",
        "supposedly",
        "apparently",
        "seemingly",
        "possibly",
        "probably",
        "likely",
        "perhaps",
        "presumably",
        "ostensibly",
        "maybe",
        "arguably",
    ]
)
HEDGE_ADJECTIVES = frozenset(
    ["alleged", "suspected", "purported", "apparent", "possible", "presumed"]
)
# Verbs whose complement has not happened (yet).
PLAN_WORDS = frozenset(
    [
        "plan",
        "intend",
        "aim",
        "schedule",
        "expect",
        "suppose",
        "prepare",
        "want",
        "seek",
        "hope",
        "threaten",
        "vow",
        "pledge",
        "promise",
        "propose",
        "consider",
        "invitation",
        "invite",
        "agree",
        "decide",
        "set",
        "due",
    ]
)
HYPOTHETICAL_MARKS = frozenset(["if", "unless", "whether"])
DENIAL_VERBS = frozenset(["deny", "refute", "reject", "disavow"])
# Common nouns for unnamed people: a source with one of these heads and no name is anonymous.
ANONYMOUS_HEADS = frozenset(
    [
        "organiser",
        "organisers",
        "organizer",
        "organizers",
        "source",
        "sources",
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "person",
        "people",
        "insider",
        "insiders",
        "observer",
        "observers",
        "witness",
        "witnesses",
        "attaché",
        "attache",
        "resident",
        "residents",
        "aide",
        "aides",
        "expert",
        "experts",
        "analyst",
        "analysts",
        "member",
        "members",
        "employee",
        "employees",
        "someone",
        "activist",
        "activists",
        "figure",
        "figures",
        "circle",
        "circles",
    ]
)
# Things that speak for somebody else: "a statement", "the post".
STATEMENT_NOUNS = frozenset(
    [
        "statement",
        "post",
        "report",
        "reports",
        "communique",
        "communiqué",
        "release",
        "announcement",
        "message",
        "information",
        "data",
        "document",
        "letter",
        "video",
        "footage",
        "bulletin",
    ]
)
# Nouns for outlets that carry a report: they become the chain of carriers.
CARRIER_NOUNS = frozenset(
    [
        "agency",
        "outlet",
        "channel",
        "newspaper",
        "broadcaster",
        "media",
        "site",
        "portal",
        "tv",
        "television",
        "radio",
        "service",
        "wire",
        "daily",
        "newswire",
    ]
)
CARRIER_VERBS = frozenset(
    ["source", "carry", "relay", "quote", "cite", "publish", "broadcast", "come"]
)
# Verbs whose object noun names the real event: "held talks", "handed a sentence".
LIGHT_VERBS = frozenset(
    [
        "hold",
        "have",
        "conduct",
        "hand",
        "give",
        "carry",
        "launch",
        "stage",
        "make",
        "impose",
        "announce",
        "introduce",
        "slap",
        "pay",
        "deliver",
        "issue",
        "order",
        "pass",
        "mete",
    ]
)
