"""Sentence → hashed sparse features for the event typer.

The typer reads the words of the sentence(s) that report an event, nothing else,
so the features are the same whether the words come from a training sentence or
from an extracted mention (whose parse is gone by the time it is typed):

- ``w:<stem>`` — each content word, lower-cased and crudely stemmed
  ("shelled" / "shelling" / "shells" → ``shell``);
- ``b:<stem>_<stem>`` — each pair of neighbouring content words ("tear gas",
  "open fire", "blew himself");
- names (a capitalised word the model has never seen lower-cased, such as a
  town) become ``<name>``, numbers ``<num>``, so places and dates do not carry a
  type.

Each feature is hashed (CRC-32) into :data:`N_BUCKETS` buckets.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Collection, Iterable

__all__ = ["GROUP_NAMES", "N_BUCKETS", "bucket", "buckets", "feature_names", "stem", "tokens"]

N_BUCKETS = 1 << 20

_TOKEN = re.compile(r"\[size=[^\]]*\]|[A-Za-z]+(?:['’-][A-Za-z]+)*|\d+(?:[.,]\d+)*")
_STOPWORDS = frozenset(
    "a an the of to in on at by for from with and or but as into onto over under about after "
    "before during near between around across through against within without along "
    "is are was were be been being has have had do does did this that these those it its "
    "their his her they he she we i you our them him who which what when where while than "
    "then there here also very more most some any other such own same so too just".split()
)
# Armed groups and forces named often enough that their name says something of the event.
GROUP_NAMES = frozenset(
    "taliban houthi houthis shabaab al-shabaab isis isil daesh jnim isgs iswap aqap aqim boko haram "
    "farc eln pkk ypg sdf hts adf m23 fdlr codeco anti-balaka mai-mai imbonerakure wagner hamas "
    "hezbollah npa amisom minusma monusco iron dome".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_SUFFIXES = (  # (suffix, replacement, shortest word it applies to), first match wins
    ("ies", "y", 5),
    ("ied", "y", 5),
    ("sses", "ss", 5),
    ("ing", "", 6),
    ("ed", "", 5),
    ("es", "", 5),
    ("ss", "ss", 4),
    ("us", "us", 4),
    ("is", "is", 4),
    ("s", "", 4),
)


def stem(word: str) -> str:
    """A crude English stem that folds inflections together ("shells", "shelled", "shelling" → "shell").

    Not a linguistic root: "fire", "fired" and "firing" all give "fir".  Only the
    folding matters, and training and prediction use the same function.
    """
    if len(word) <= 3 or "-" in word:
        return word
    root = word
    for suffix, replacement, minimum in _SUFFIXES:
        if word.endswith(suffix) and len(word) >= minimum:
            root = word[: len(word) - len(suffix)] + replacement
            break
    if len(root) > 3 and root[-1] == root[-2] and root[-1] not in "lsz":
        root = root[:-1]  # "stopped" → "stopp" → "stop"
    if len(root) > 3 and root.endswith("e"):
        root = root[:-1]  # "fire" and "fired" alike
    return root


def tokens(text: str, vocabulary: Collection[str] = ()) -> list[str]:
    """The normalised content words of ``text``, in order.

    Args:
        text: One or more sentences.
        vocabulary: Words known in lower case; a capitalised word outside it is a name.
    """
    out: list[str] = []
    sentence_start = True
    for match in _TOKEN.finditer(text):
        raw = match.group()
        start = sentence_start
        sentence_start = text[match.end() : match.end() + 2].startswith((". ", "! ", "? "))
        if raw.startswith("[size="):
            out.append("<size>")
            continue
        if raw[0].isdigit():
            out.append("<num>")
            continue
        lower = raw.lower().replace("’", "'")
        if lower in _STOPWORDS:
            continue
        if lower in _MONTHS:
            out.append("<month>")
            continue
        if (
            raw[0].isupper()
            and not raw.isupper()
            and not start
            and lower not in vocabulary
            and lower not in GROUP_NAMES
        ):
            out.append("<name>")
            continue
        out.append(stem(lower))
    return out


def feature_names(text: str, vocabulary: Collection[str] = ()) -> list[str]:
    """Unigram and bigram feature names of ``text`` (duplicates removed, order kept)."""
    words = tokens(text, vocabulary)
    names = [f"w:{w}" for w in words if w != "<name>"]
    names += [f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    return list(dict.fromkeys(names))


def bucket(name: str) -> int:
    """The hash bucket of one feature name."""
    return zlib.crc32(name.encode("utf-8")) & (N_BUCKETS - 1)


def buckets(names: Iterable[str]) -> list[int]:
    """Distinct hash buckets of feature names, in first-seen order."""
    return list(dict.fromkeys(bucket(n) for n in names))
