"""Fingerprints for syndicated copies: 64-bit simhash over word 3-shingles.

Exact duplicates are caught by ``Document.content_hash``.  Syndicated copies
of one wire story are not exact: each outlet adds a headline, a byline or a
footer.  Their simhashes still differ in only a few bits, so
:func:`near_duplicate` compares two fingerprints with a Hamming distance.

The fingerprint is pure Python and deterministic across runs and machines
(shingles are hashed with BLAKE2b, never with the salted built-in ``hash``).
Votes are tallied per byte of each shingle hash rather than per bit, which
keeps the inner loop at eight steps per shingle.
"""

from __future__ import annotations

import re
from collections import Counter
from hashlib import blake2b

__all__ = ["hamming_distance", "near_duplicate", "simhash"]

_BITS = 64
_BYTES = _BITS // 8
_SHINGLE_SIZE = 3
_WORD = re.compile(r"\w+", re.UNICODE)


def simhash(text: str) -> int:
    """Fingerprint a text so that near-identical texts get near-identical values.

    Words are case-folded and taken as runs of letters and digits, so
    punctuation and spacing changes do not move the fingerprint.

    Args:
        text: Any text; usually ``Document.text``.

    Returns:
        A 64-bit unsigned integer; ``0`` for a text without words.

    Example:
        >>> simhash("Troops left the city.") == simhash("troops LEFT the city")
        True
    """
    weights = Counter(_shingle_hash(shingle) for shingle in _shingles(text))
    if not weights:
        return 0
    # tallies[position][byte value] = total weight of shingles with that byte there.
    tallies: list[Counter[int]] = [Counter() for _ in range(_BYTES)]
    for value, weight in weights.items():
        for position, byte in enumerate(value.to_bytes(_BYTES, "little")):
            tallies[position][byte] += weight
    total = sum(weights.values())
    fingerprint = 0
    for position, tally in enumerate(tallies):
        for bit in range(8):
            mask = 1 << bit
            ones = sum(weight for byte, weight in tally.items() if byte & mask)
            if 2 * ones > total:
                fingerprint |= 1 << (position * 8 + bit)
    return fingerprint


def hamming_distance(a: int, b: int) -> int:
    """Number of bits in which two fingerprints differ.

    Args:
        a: A fingerprint from :func:`simhash`.
        b: Another fingerprint.

    Returns:
        The Hamming distance, 0 to 64.
    """
    return (a ^ b).bit_count()


def near_duplicate(a: int, b: int, *, max_distance: int = 3) -> bool:
    """Whether two fingerprints belong to near-identical texts.

    Args:
        a: A fingerprint from :func:`simhash`.
        b: Another fingerprint.
        max_distance: The largest Hamming distance still counted as a copy.
            Three bits catch copies of an article of a few hundred words that
            differ by a dateline, a credit line or a few words; longer added
            headers and footers, or shorter texts, drift further (6 to 10 bits
            catch those).  Unrelated articles sit about 32 bits apart.

    Returns:
        ``True`` when the fingerprints differ in at most ``max_distance`` bits.
        Two empty texts (fingerprint ``0``) are not duplicates of anything.
    """
    if a == 0 or b == 0:
        return False
    return hamming_distance(a, b) <= max_distance


def _shingles(text: str) -> list[str]:
    """Overlapping word triples; the words themselves when there are fewer."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < _SHINGLE_SIZE:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + _SHINGLE_SIZE]) for i in range(len(words) - _SHINGLE_SIZE + 1)]


def _shingle_hash(shingle: str) -> int:
    """A stable 64-bit hash of one shingle."""
    return int.from_bytes(blake2b(shingle.encode("utf-8"), digest_size=_BYTES).digest(), "little")
