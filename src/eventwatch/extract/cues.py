"""Cue words for attribution, hedging, negation, plans and conditionals."""

from __future__ import annotations

__all__ = [
    "ANONYMOUS_HEADS",
    "ATTITUDE_ADJECTIVES",
    "ATTRIBUTION_NOUNS",
    "SPEECH_VERBS",
    "STANCE_VERBS",
    "THOUGHT_VERBS",
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


# The attribution lexicon (``extract.attributions``): PolNeAR-style attribution covers
# what people say, what they think, want or plan, and the positions they take.
# Verbs of saying: they introduce a quote or a clause, or stand alone ("he said:").
SPEECH_VERBS = REPORTING_VERBS | frozenset(
    """
    add admit advise affirm agree allege announce answer argue ask assert assure aver boast
    brag brief caution chant charge claim clarify comment complain concede conclude confess
    confide confirm contend continue counter cry declare demand demonstrate deny describe
    detail disclose dispute echo email emphasise emphasize exclaim explain grumble hint
    imply inform insist instruct joke lament maintain mention mumble muse mutter note notify
    object observe opine order outline plead pledge point predict proclaim profess promise
    pronounce propose protest query question quip rave reason reassure recall recommend
    recount reiterate rejoin relate remark remind repeat reply report request respond retort
    reveal rule scream shout show sing speak speculate state stress suggest swear talk tell
    testify text theorise theorize tweet underline underscore urge venture voice vow warn
    whisper write yell
    """.split()
)
# Verbs of thinking, knowing, feeling, wanting and deciding.
THOUGHT_VERBS = frozenset(
    """
    accept anticipate assume believe choose consider decide desire determine discover doubt
    dread envision envisage expect fear feel figure find forget guess hope imagine intend
    judge know learn like love mean notice plan prefer presume realize realise reckon
    recognize recognise regard regret remember resolve seek sense suppose suspect think
    trust understand view want wish wonder worry
    """.split()
)
# Verbs of taking a position on something: the object is what the position is about.
STANCE_VERBS = frozenset(
    """
    accuse acknowledge advocate apologise apologize applaud attack back bash blame blast
    call castigate celebrate champion characterise characterize cite commend compare condemn
    congratulate convince credit criticise criticize decline decry defend demand denounce
    deride describe disagree discuss dismiss disparage dub embrace encourage endorse equate
    excoriate fault favor favour hail highlight ignore invoke label lambaste laud liken
    lobby mock offer oppose persuade pitch portray praise promote propose question rail
    rebuke rebut refer reference refuse reject ridicule savage scold slam slap thank
    threaten tout trumpet welcome
    """.split()
)
# Nouns that carry what somebody says, thinks or wants: "his claim that …", "her plan to …".
ATTRIBUTION_NOUNS = frozenset(
    """
    accusation admission advice allegation attack attacks allegations announcement argument assertion
    assessment belief call charge claim claims comment comments commitment complaint
    concern concerns conclusion contention criticism decision demand denial desire
    determination endorsement estimate expectation explanation fear fears hope hopes idea
    insistence intention message opinion plan plans pledge position prediction promise
    proposal proposals recommendation remark remarks reply request response statement
    suggestion testimony theory threat view views vision vow warning wish
    """.split()
)
# Adjectives of a state of mind, after "be", "seem", "feel": "aides were confident that …".
ATTITUDE_ADJECTIVES = frozenset(
    """
    afraid angry anxious apprehensive aware certain concerned confident convinced critical
    determined doubtful eager frustrated furious happy hopeful keen optimistic pessimistic
    pleased proud reluctant skeptical sceptical sure supportive surprised unaware uncertain
    unconvinced unhappy upset wary willing worried
    """.split()
)
