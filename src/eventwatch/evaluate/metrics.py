"""Scoring arithmetic shared by every dataset: counts in, numbers out.

- :class:`Confusion` — gold/predicted label pairs → per-class precision, recall,
  F1, macro-F1, accuracy and the confusion matrix.
- :class:`SpanTally` — gold and predicted character spans → exact-match and
  overlap precision, recall and F1.
- :class:`Average` — a running mean.
- :func:`token_f1`, :func:`haversine_km`, :func:`prf`.

Conventions: a ratio with an empty denominator is 0.0 (never NaN, so reports stay
valid JSON); macro-F1 averages over the classes seen in gold or predictions,
leaving out the "no prediction" label :data:`NONE`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventwatch.geodesy import distance_km

__all__ = [
    "NONE",
    "Average",
    "Confusion",
    "SpanTally",
    "haversine_km",
    "prf",
    "token_f1",
    "tokens",
]

NONE = "NONE"  # the label of "nothing predicted"


# Words that carry no identity in an actor name.
_STOPWORDS = frozenset(
    {"a", "an", "and", "by", "for", "from", "in", "of", "on", "the", "to", "with"}
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def prf(true_positives: float, n_predicted: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts.

    Args:
        true_positives: Predictions that are right.
        n_predicted: All predictions.
        n_gold: All gold items.

    Returns:
        ``(precision, recall, f1)``; a ratio with a zero denominator is 0.0.
    """
    precision = true_positives / n_predicted if n_predicted else 0.0
    recall = true_positives / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _f1_from(precision: float, recall: float) -> float:
    """The harmonic mean of two ratios (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens of ``text`` without function words."""
    if not text:
        return []
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOPWORDS]


def token_f1(gold: str | None, predicted: str | None) -> float:
    """Bag-of-tokens F1 between two strings (SQuAD-style answer overlap).

    Args:
        gold: The reference text, e.g. ``"Police Forces of Kenya"``.
        predicted: The text to score, e.g. ``"Kenyan police"``.

    Returns:
        A value in ``[0, 1]``; 0.0 when either side has no tokens.
    """
    gold_tokens = Counter(tokens(gold))
    predicted_tokens = Counter(tokens(predicted))
    if not gold_tokens or not predicted_tokens:
        return 0.0
    common = sum((gold_tokens & predicted_tokens).values())
    if not common:
        return 0.0
    precision = common / sum(predicted_tokens.values())
    recall = common / sum(gold_tokens.values())
    return _f1_from(precision, recall)


haversine_km = distance_km  # the great-circle distance the place scores use


@dataclass(slots=True)
class Average:
    """A running mean of scores in ``[0, 1]`` (or any numbers)."""

    total: float = 0.0
    n: int = 0

    def add(self, value: float) -> None:
        self.total += value
        self.n += 1

    @property
    def value(self) -> float:
        return self.total / self.n if self.n else 0.0


@dataclass(slots=True)
class Confusion:
    """Counts of (gold, predicted) label pairs for one classified field."""

    cells: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: str, predicted: str | None) -> None:
        """Record one item; ``None`` means nothing was predicted (:data:`NONE`)."""
        self.cells[(gold, predicted or NONE)] += 1

    @property
    def n(self) -> int:
        return sum(self.cells.values())

    def labels(self, *, exclude: Iterable[str] = (NONE,)) -> list[str]:
        """Every label seen in gold or predictions, sorted, minus ``exclude``."""
        left_out = set(exclude)
        seen = {g for g, _ in self.cells} | {p for _, p in self.cells}
        return sorted(seen - left_out)

    def class_scores(self, label: str) -> dict[str, float]:
        """Precision, recall, F1 and gold support of one label."""
        tp = self.cells[(label, label)]
        n_predicted = sum(n for (_, p), n in self.cells.items() if p == label)
        n_gold = sum(n for (g, _), n in self.cells.items() if g == label)
        precision, recall, f1 = prf(tp, n_predicted, n_gold)
        return {"precision": precision, "recall": recall, "f1": f1, "support": float(n_gold)}

    def per_class(self, labels: Sequence[str] | None = None) -> dict[str, dict[str, float]]:
        """:meth:`class_scores` for every label (default: :meth:`labels`)."""
        return {label: self.class_scores(label) for label in (labels or self.labels())}

    def macro_f1(self, labels: Sequence[str] | None = None) -> float:
        """Unweighted mean of per-class F1 over ``labels`` (default: :meth:`labels`)."""
        chosen = list(labels) if labels is not None else self.labels()
        if not chosen:
            return 0.0
        return sum(self.class_scores(label)["f1"] for label in chosen) / len(chosen)

    def accuracy(self) -> float:
        """Share of items whose prediction equals the gold label."""
        total = self.n
        return sum(n for (g, p), n in self.cells.items() if g == p) / total if total else 0.0

    def matrix(self) -> dict[str, dict[str, int]]:
        """Nested counts: gold label → predicted label → number of items."""
        nested: dict[str, dict[str, int]] = {}
        for (gold, predicted), n in sorted(self.cells.items()):
            nested.setdefault(gold, {})[predicted] = n
        return nested


Span = tuple[int, int]


def _overlaps(a: Span, b: Span) -> bool:
    """Whether two half-open character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


@dataclass(slots=True)
class SpanTally:
    """Span-detection counts summed over documents.

    Exact: a predicted span is right when a gold span has the same start and end.
    Overlap: a predicted span is right when it shares a character with any gold
    span (precision), and a gold span is found when any predicted span shares a
    character with it (recall).
    """

    n_gold: int = 0
    n_predicted: int = 0
    exact: int = 0
    predicted_overlapping: int = 0
    gold_overlapped: int = 0

    def add(self, gold: Iterable[Span], predicted: Iterable[Span]) -> None:
        """Add one document's spans (duplicates and empty spans are dropped)."""
        gold_set = {s for s in gold if s[1] > s[0]}
        predicted_set = {s for s in predicted if s[1] > s[0]}
        self.n_gold += len(gold_set)
        self.n_predicted += len(predicted_set)
        self.exact += len(gold_set & predicted_set)
        self.predicted_overlapping += sum(
            1 for p in predicted_set if any(_overlaps(p, g) for g in gold_set)
        )
        self.gold_overlapped += sum(
            1 for g in gold_set if any(_overlaps(g, p) for p in predicted_set)
        )

    def exact_scores(self) -> dict[str, float]:
        """Exact-match precision, recall, F1 and gold support."""
        precision, recall, f1 = prf(self.exact, self.n_predicted, self.n_gold)
        return {"precision": precision, "recall": recall, "f1": f1, "support": float(self.n_gold)}

    def overlap_scores(self) -> dict[str, float]:
        """Overlap precision, recall, F1 and gold support."""
        precision = self.predicted_overlapping / self.n_predicted if self.n_predicted else 0.0
        recall = self.gold_overlapped / self.n_gold if self.n_gold else 0.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": _f1_from(precision, recall),
            "support": float(self.n_gold),
        }
