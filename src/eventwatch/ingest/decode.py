"""Bytes to text: byte-order marks, UTF-8, and a cautious guess for the rest.

The order of attempts is fixed so that the same bytes always decode the same way:

1. a byte-order mark (UTF-8, UTF-16 or UTF-32) decides;
2. a declared charset (an HTTP header or an HTML ``<meta charset>``), if it decodes;
3. strict UTF-8;
4. ``charset_normalizer``'s best guess, accepted only when it is confident
   (little "chaos" in the decoded text).  When several encodings are equally
   clean, the one whose text has the least mojibake wins, then the most
   coherent, then the one most common on the web.  A warning names the file and the encoding so the
   guess can be checked.

Anything else, and anything with NUL bytes or many control characters, is
reported as binary or undecodable with :class:`~eventwatch.errors.InputError`.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from charset_normalizer import CharsetMatch, from_bytes

from eventwatch.errors import InputError

__all__ = [
    "bom_encoding",
    "decode_bytes",
    "detect_stream_encoding",
    "looks_binary",
    "sniff_html_charset",
]

logger = logging.getLogger(__name__)

# Longest-first, so a UTF-32 LE mark is not read as UTF-16 LE.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset_normalizer's chaos is 0 for clean text; above this the guess is refused.
_MAX_CHAOS = 0.2
# Candidates whose chaos is within this of the cleanest one are re-ranked.
_TIE = 0.001
_SUSPECT_CATEGORIES = frozenset({"No", "So", "Sk", "Sc", "Co", "Cc"})
_COMMON_ENCODINGS = (
    "cp1252",
    "cp1251",
    "cp1250",
    "cp1254",
    "cp1253",
    "cp1257",
    "cp1256",
    "cp1255",
    "iso8859_15",
    "latin_1",
    "koi8_r",
    "koi8_u",
    "shift_jis",
    "gb18030",
    "big5",
    "euc_kr",
)
# Share of control characters above which decoded "text" is really binary.
_MAX_CONTROL_SHARE = 0.005
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SAMPLE_BYTES = 65_536
_BINARY_HINT = "expected text, HTML, JSON Lines, CSV or an RSS/Atom feed"


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` announces."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(text: str) -> bool:
    """Whether decoded text is mostly control characters (or has any NUL)."""
    if "\x00" in text:
        return True
    sample = text[:_SAMPLE_BYTES]
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > _MAX_CONTROL_SHARE


def sniff_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> str:
    """Decode the bytes of a text input.

    Args:
        data: The raw bytes.
        source: The file or URL, named in warnings and errors.
        declared: An encoding the container declares (HTTP ``charset``, HTML
            ``<meta charset>``); tried after a byte-order mark, before UTF-8.

    Returns:
        The text, without a leading byte-order mark.

    Raises:
        InputError: The bytes are binary or in no encoding that can be
            recognised with confidence.
    """
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return _checked(data.decode(bom), source)
        except UnicodeDecodeError as exc:
            raise InputError(source, f"starts with a {bom} byte-order mark but {exc}") from exc
    if b"\x00" in data[:_SAMPLE_BYTES] or b"\x00" in data[-_SAMPLE_BYTES:]:
        raise InputError(source, f"binary file (contains NUL bytes); {_BINARY_HINT}")
    if declared:
        try:
            return _checked(data.decode(declared), source)
        except (LookupError, UnicodeDecodeError):
            logger.info("%s: declared charset %s does not fit; trying UTF-8", source, declared)
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    guess = _best_guess(data)
    if guess is None:
        raise InputError(
            source,
            "not UTF-8, and its encoding could not be recognised with confidence; "
            "convert it to UTF-8",
        )
    text = _checked(str(guess), source)
    logger.warning("%s: not UTF-8; decoded as %s (a guess, check it)", source, guess.encoding)
    return text


def detect_stream_encoding(sample: bytes, *, source: str) -> str:
    """Choose one encoding for a line-by-line file from its first bytes.

    Args:
        sample: The first few kilobytes of the file.
        source: The file, named in warnings and errors.

    Returns:
        A codec name; every line of the file will be decoded with it.

    Raises:
        InputError: The sample is binary or its encoding is not recognisable.
    """
    bom = bom_encoding(sample)
    if bom is not None:
        return bom
    if b"\x00" in sample:
        raise InputError(source, f"binary file (contains NUL bytes); {_BINARY_HINT}")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _best_guess(sample)
    if guess is None:
        raise InputError(
            source,
            "not UTF-8, and its encoding could not be recognised with confidence; "
            "convert it to UTF-8",
        )
    logger.warning("%s: not UTF-8; reading it as %s (a guess, check it)", source, guess.encoding)
    return guess.encoding


def _best_guess(data: bytes) -> CharsetMatch | None:
    """The most plausible confident candidate from charset_normalizer, or None.

    Candidates as clean as the best one are re-ranked: fewest symbols glued to
    letters (mojibake such as ``powiedzia³``), then the most coherent language,
    then the encodings most common on the web (windows-1252 first, old DOS
    code pages last), then charset_normalizer's own order.
    """
    matches = list(from_bytes(data))
    if not matches or matches[0].chaos > _MAX_CHAOS:
        return None
    floor = min(match.chaos for match in matches)
    clean = [match for match in matches if match.chaos <= floor + _TIE]
    ranked = sorted(
        enumerate(clean),
        key=lambda pair: (
            _mojibake(str(pair[1])),
            -round(pair[1].coherence, 2),
            _encoding_rank(pair[1].encoding),
            pair[0],
        ),
    )
    return ranked[0][1]


def _mojibake(text: str) -> int:
    """How many symbols sit right next to a letter: a sign of the wrong code page."""
    sample = text[:_SAMPLE_BYTES]
    count = 0
    for index, char in enumerate(sample):
        if unicodedata.category(char) not in _SUSPECT_CATEGORIES:
            continue
        before = sample[index - 1] if index else " "
        after = sample[index + 1] if index + 1 < len(sample) else " "
        if before.isalpha() or after.isalpha():
            count += 1
    return count


def _encoding_rank(encoding: str) -> int:
    """Lower for encodings common on the web; highest for DOS code pages."""
    if encoding in _COMMON_ENCODINGS:
        return _COMMON_ENCODINGS.index(encoding)
    dos = encoding.startswith(("cp4", "cp7", "cp8", "mac"))
    return len(_COMMON_ENCODINGS) + (1 if dos else 0)


def _checked(text: str, source: str) -> str:
    """Refuse binary-looking text; drop a leading BOM character."""
    if looks_binary(text):
        raise InputError(source, f"binary file (control characters in the text); {_BINARY_HINT}")
    return text.removeprefix("\ufeff")
