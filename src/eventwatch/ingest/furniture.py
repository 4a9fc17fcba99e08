"""Page furniture in plain-text captures: find it, drop it, keep the article.

A plain-text copy of a web page carries the page's furniture along with the
article: subscription offers, newsletter boxes, author boxes, comment and
share buttons, cookie notices, copyright lines, bullet lists of subscriber
perks.  :func:`clean_text` removes it line by line with two rules:

1. *Cue lexicon.*  A short line that matches a cue (``Leave a comment``,
   ``Yorum gönder``, ``Subscribe to our newsletter``, ``© 2024 ...``) is dropped
   wherever it stands.  Cues are anchored to whole lines or to the phrasing of
   buttons and prompts, so an article sentence that merely mentions a
   newsletter or a comment is left alone.  A line identical to an earlier line
   is dropped as repeated boilerplate.
2. *Trailing block.*  Furniture clusters at the end of a page.  Walking up from
   the last line, cue lines, repeats and short lines are gathered until a long
   line or a run of more than two plain short lines shows the article proper.
   Everything from the first cue of that stretch to the end is dropped, which
   takes the unlabelled furniture (an outlet's slogan, a co-author's name, a
   picture caption) with it.  Some cues, such as "X is a reporter based in
   ...", could be article prose elsewhere, so they only count inside this
   block.

The result keeps the article's paragraph breaks (runs of blank lines become one
blank line) and has whitespace normalised within each line.  It is the text
that every character offset in the project refers to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

__all__ = ["clean_text"]

# Longest run of plain (non-cue) short lines allowed inside a trailing block.
_MAX_LOOSE_LINES = 2
# A plain line with more words than this is article prose; the block stops there.
_LONG_LINE_WORDS = 30

_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)
_BULLET = r"[•·▪◦‣●■□▫►▶✓✔*\-–—]"


@dataclass(frozen=True, slots=True)
class _Cue:
    """One family of furniture lines."""

    name: str
    pattern: re.Pattern[str]
    max_words: int
    trailing_only: bool = False


def _cue(
    name: str,
    alternatives: tuple[str, ...],
    max_words: int,
    *,
    trailing_only: bool = False,
    case: bool = False,
) -> _Cue:
    """Compile alternative patterns into one cue; case-insensitive unless ``case``."""
    pattern = "|".join(f"(?:{alternative})" for alternative in alternatives)
    flags = 0 if case else re.IGNORECASE
    return _Cue(name, re.compile(pattern, flags), max_words, trailing_only)


# Comment buttons and comment-section headers, by language.  Matched as the
# whole line, give or take bullets, punctuation and a count ("Comments (12)").
_COMMENT_PHRASES = "|".join(
    (
        # English
        r"comments?|reply|replies|no comments(?: yet)?|be the first to comment",
        r"comments are closed|comment on (?:this |the )?(?:articles?|stor(?:y|ies)|posts?)",
        r"(?:leave|post|add|write|submit|view|show|see|read|load|hide|join) "
        r"(?:a |the |your |all |more )?(?:comments?|discussion|conversation|reply)",
        # Turkish
        r"yorum(?:lar)?|yorum (?:gönder|yap|yaz|ekle)|yorumları (?:göster|gör)",
        r"bir yorum (?:yazın|bırakın|gönderin|yap)",
        # German
        r"kommentare?|(?:jetzt )?kommentieren",
        r"kommentare? (?:schreiben|verfassen|abgeben|anzeigen|lesen)",
        # French
        r"commentaires?|commenter|(?:laisser|ajouter|écrire|poster) un commentaire",
        # Spanish, Portuguese
        r"comentarios?|comentar|comentários?|deixe (?:um |seu )?comentário",
        r"(?:dejar|deja|añadir|escribir|publicar) (?:un |tu )?comentario",
        # Italian, Dutch
        r"commenti|commenta|(?:lascia|scrivi|aggiungi) un commento",
        r"reacties?|reageer|(?:plaats|schrijf) (?:een )?(?:reactie|commentaar)",
        # Russian, Ukrainian, Polish
        r"комментари(?:и|ев|й)|(?:оставить|написать|добавить) комментарий",
        r"коментар(?:і|ів)?|коментувати|komentarze?|(?:dodaj|napisz) komentarz",
        # Scandinavian, Indonesian/Malay
        r"kommentera|kommentarer|kommenter|skriv en kommentar|legg igjen en kommentar",
        r"komentar|(?:tinggalkan|kirim|tulis) komentar",
        # Arabic, Persian, Chinese, Japanese
        r"تعليقات|(?:أضف|اكتب|اترك) تعليق[اك]?|ارسال نظر|نظرات",
        r"发表评论|评论|コメント(?:する)?",
    )
)
_SHARE_WORDS = "|".join(
    (
        r"share|tweet|e-?mail|print|copy link|link copied|save",
        r"facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|messenger",
        r"flipboard|vk|threads|bluesky",
        r"paylaş|teilen|partager|compartir|condividi|поделиться",
    )
)
_SOCIAL_SITES = (
    r"twitter|x|facebook|instagram|telegram|google news|linkedin|youtube|threads|bluesky"
    r"|tiktok|whatsapp"
)
_JOB_TITLES = (
    r"reporter|correspondent|journalist|editor|writer|columnist|contributor|producer|freelancer"
)

_CUES: tuple[_Cue, ...] = (
    _cue("comment button", (rf"^[\W\d_]*(?:{_COMMENT_PHRASES})[\W\d_]*$",), 8),
    _cue("share buttons", (rf"^\W*(?:{_SHARE_WORDS})(?:[\s|/·•,:]+(?:{_SHARE_WORDS}))*\W*$",), 12),
    _cue(
        "share prompt",
        (r"^\W*share (?:this|on|via|the) (?:article|story|post|page|facebook|twitter|x\b|email)",),
        15,
    ),
    _cue(
        "follow prompt",
        (
            rf"^\W*follow (?:us|me|@\w+|[\w .'’-]{{1,40}}?) on (?:{_SOCIAL_SITES})\b",
            r"^\W*follow (?:us|@\w+)\b",
            r"\bfollow (?:us|me) on\b",
            r"\blike us on facebook\b",
            r"\bjoin (?:us|our \w+ (?:channel|group)) on (?:telegram|whatsapp)\b",
        ),
        20,
    ),
    _cue(
        "subscription offer",
        (
            r"^\W*subscribe\b",
            r"\bsubscribe (?:now|today|here|for \W?\d|to (?:our|the) )",
            r"\bsign up (?:for|to) (?:our|the|a|\w+['’]s) [\w\s-]{0,40}?"
            r"(?:newsletters?|briefing|digest|alerts|updates)\b",
            r"\bnewsletter sign[- ]?up\b",
            r"\bget (?:our|the) [\w\s-]{0,40}?newsletter\b",
            r"\bdelivered (?:straight |directly )?to your (?:inbox|door)\b",
            r"\balready (?:a subscriber|have an account|subscribed)\b",
            r"\bunlimited (?:digital )?access\b",
            r"\bsubscriber[- ]only\b",
            r"\bstart (?:your |a )?free trial\b",
            r"\bsupport (?:our|independent) journalism\b",
            r"\bbecome a (?:member|subscriber|supporter)\b",
            r"\bad-free\b",
            r"^\W*(?:sign in|log in|login|register|my account)\W*$",
            r"^\W*(?:abone ol|abonnieren|abonnez-vous|suscríbete|подпишитесь|подписаться)\W*$",
        ),
        30,
    ),
    _cue(
        "read more",
        (
            r"^\W*(?:read more|read next|also read|see also|more from(?: [\w'’&-]+){1,5}"
            r"|related(?: \w+)?|recommended(?: for you)?|most (?:read|popular|viewed)"
            r"|trending(?: now)?|you (?:may|might) also like|top stories|more stories"
            r"|latest news)\s*(?:[:|»›>]|\s-\s|$)",
            r"(?:…|\.\.\.)\s*read more\W*$",
        ),
        30,
    ),
    _cue("author box", (r"^\W*(?:about|more about) (?:the )?(?:writer|author|reporter)s?\W*$",), 5),
    _cue(
        "byline",
        (
            r"^(?:[Ww]ritten |[Rr]eported |[Ee]dited )?(?:By|BY)"
            r"(?: [A-Z][\w.'’-]*| and| &|,)+(?<!\.)$",
        ),
        6,
        case=True,
    ),
    _cue(
        "tip prompt",
        (
            r"\bdo you have a (?:story|tip|question)",
            r"\bgot a (?:news )?tip\b|\bhave a (?:news )?tip\?",
            r"\bsend us (?:a tip|your (?:tips|story))",
            r"\bclick here\b|\btap here\b",
            r"\b(?:download|get) (?:our|the) app\b|\bopen in (?:the )?app\b",
        ),
        30,
    ),
    _cue(
        "page chrome",
        (
            r"^\W*(?:advertisement|advertising|sponsored(?: content)?|ad|promoted"
            r"|story continues (?:below|after (?:the )?advertisement)|continue reading(?: below)?"
            r"|skip to (?:main )?content|scroll to continue|listen to (?:this )?article"
            r"|\d+ min(?:ute)?s? read|print this page|back to top)\W*$",
            r"^\W*(?:tags?|topics?|filed under|categories|keywords)\s*:",
        ),
        20,
    ),
    _cue(
        "cookie notice",
        (
            r"\b(?:this|the|our) (?:site|website|page) uses cookies\b|\bwe use cookies\b",
            r"\bcookie (?:policy|settings|preferences|consent|notice)\b",
            r"^\W*(?:accept|reject|allow)(?: all)? cookies\b",
            r"\bby (?:continuing|using) (?:to (?:use|browse) )?(?:this|our|the) "
            r"(?:site|website|service)\b",
        ),
        60,
    ),
    _cue(
        "copyright",
        (r"^\W*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))", r"\ball rights reserved\b"),
        30,
    ),
    _cue(
        "perk bullet",
        (
            rf"^{_BULLET}\s.*\b(?:ad-free|delivered to your door|apps?|unlimited|exclusive"
            r"|subscribers?|newsletters?|podcasts?|digital (?:edition|access)|e-?paper|magazine"
            r"|comment on articles|audio|cancel anytime|premium)\b",
        ),
        12,
    ),
    # Only inside a trailing block: these could be article prose elsewhere.
    _cue(
        "author bio",
        (
            rf"^[\w.'’-]+(?: [\w.'’-]+){{0,4}} (?:is|was|has been|covers|writes)\b.{{0,80}}"
            rf"\b(?:{_JOB_TITLES})\b",
            rf"\b(?:{_JOB_TITLES}) (?:who is )?based in\b",
        ),
        60,
        trailing_only=True,
    ),
    _cue(
        "newsroom note",
        (
            r"\bcontact (?:the author|us|me)\b",
            r"\b(?:newsroom|editorial) (?:standards|guidelines|policy)\b|\buses ai\b",
            r"^\W*(?:source|photo|image|video|credit)s?\s*:",
        ),
        40,
        trailing_only=True,
    ),
)
_BULLET_LINE = re.compile(rf"^{_BULLET}\s")


class _Kind(Enum):
    """What a line looks like on its own."""

    BLANK = "blank"
    CUE = "cue"  # furniture anywhere
    TRAILING_CUE = "trailing cue"  # furniture only inside a trailing block
    REPEAT = "repeat"  # identical to an earlier line
    BULLET = "bullet"  # a list item: furniture-like inside a trailing block
    PLAIN = "plain"


def clean_text(text: str) -> str:
    """Drop page furniture from a plain-text capture of an article.

    Args:
        text: The captured text, with one paragraph or page element per line.

    Returns:
        The article text: furniture lines removed, whitespace within lines
        collapsed to single spaces, paragraph breaks kept (blank-line runs
        become one blank line), no leading or trailing blank lines.  An empty
        string when nothing but furniture was found.

    Example:
        >>> clean_text("Troops left the capital.\\n\\nLeave a comment\\n© 2024 The Ledger")
        'Troops left the capital.'
    """
    lines = [_normalise_line(line) for line in _LINE_BREAKS.sub("\n", text).split("\n")]
    kinds = _classify(lines)
    block_start = _trailing_block_start(lines, kinds)
    kept: list[str] = []
    for index, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if index >= block_start:
            break
        if kind in (_Kind.CUE, _Kind.REPEAT):
            continue
        if kind is _Kind.BLANK:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    return "\n".join(kept)


def _normalise_line(line: str) -> str:
    """NFC, no invisible characters, single spaces, no edge spaces."""
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    return " ".join(line.split())


def _classify(lines: list[str]) -> list[_Kind]:
    """Label every line by the cue lexicon and by repetition."""
    seen: set[str] = set()
    kinds: list[_Kind] = []
    for line in lines:
        if not line:
            kinds.append(_Kind.BLANK)
            continue
        if line in seen:
            kinds.append(_Kind.REPEAT)
            continue
        seen.add(line)
        kinds.append(_match_cue(line))
    return kinds


def _match_cue(line: str) -> _Kind:
    """The kind a non-blank, first-seen line gets from the cue lexicon."""
    words = len(line.split())
    trailing = False
    for cue in _CUES:
        if words <= cue.max_words and cue.pattern.search(line):
            if not cue.trailing_only:
                return _Kind.CUE
            trailing = True
    if trailing:
        return _Kind.TRAILING_CUE
    return _Kind.BULLET if _BULLET_LINE.match(line) else _Kind.PLAIN


def _trailing_block_start(lines: list[str], kinds: list[_Kind]) -> int:
    """Index of the first line of the trailing furniture block (``len(lines)`` if none)."""
    start = len(lines)
    loose = 0
    for index in range(len(lines) - 1, -1, -1):
        kind = kinds[index]
        if kind is _Kind.BLANK:
            continue
        if kind in (_Kind.CUE, _Kind.TRAILING_CUE):
            start, loose = index, 0
        elif kind in (_Kind.REPEAT, _Kind.BULLET):
            loose = 0
        elif len(lines[index].split()) > _LONG_LINE_WORDS:
            break
        else:
            loose += 1
            if loose > _MAX_LOOSE_LINES:
                break
    return start
