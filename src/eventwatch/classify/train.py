"""Train the event typer on our own sentences and write its weights.

Usage::

    python -m eventwatch.classify.train            # rewrite data/typer.npz
    python -m eventwatch.classify.train --check    # cross-validated accuracy only

Training is deterministic (full-batch gradient descent from zeros, no sampling),
so the same sentences always give the same weights.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import re
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from eventwatch.classify.corpus import (
    NO_EVENT,
    SENTENCES_PATH,
    TYPER_LABELS,
    LabelledSentence,
    load_sentences,
)
from eventwatch.classify.features import buckets, feature_names
from eventwatch.classify.model import WEIGHTS_PATH, EventTyper

__all__ = [
    "build_vocabulary",
    "corpus_digest",
    "cross_validate",
    "main",
    "sentence_weights",
    "train_typer",
]

logger = logging.getLogger(__name__)

L2 = 1e-6  # weight decay (chosen by 5-fold log-loss on the sentences)
EPOCHS = 200
LEARNING_RATE = 0.5
# The NO_EVENT sentences, however many, weigh in training as much as the median event
# class: harmless text comes in many kinds and needs many examples, but a text whose
# words the typer barely knows should not default to "no event".
_LOWER_WORD = re.compile(r"\b[a-z]+(?:['-][a-z]+)*\b")


def build_vocabulary(sentences: Sequence[LabelledSentence]) -> frozenset[str]:
    """Words written in lower case somewhere in the sentences ("police", "air", not "Kabul")."""
    return frozenset(w for s in sentences for w in _LOWER_WORD.findall(s.text))


def corpus_digest(sentences: Sequence[LabelledSentence]) -> str:
    """A short fingerprint of the sentences and labels, stored with the weights."""
    digest = hashlib.sha256()
    for sentence in sentences:
        digest.update(f"{sentence.label}\t{sentence.text}\n".encode())
    return digest.hexdigest()[:16]


def _design(
    sentences: Sequence[LabelledSentence], vocabulary: frozenset[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sparse rows: (row pointer, compact column of each entry, entry value, bucket of each column)."""
    per_row = [buckets(feature_names(s.text, vocabulary)) for s in sentences]
    columns = np.array(sorted({b for row in per_row for b in row}), dtype=np.int64)
    position = {int(b): i for i, b in enumerate(columns)}
    pointer = np.zeros(len(per_row) + 1, dtype=np.int64)
    pointer[1:] = np.cumsum([len(row) for row in per_row])
    cols = np.array([position[b] for row in per_row for b in row], dtype=np.int64)
    values = np.concatenate([np.full(len(row), 1.0 / np.sqrt(max(len(row), 1))) for row in per_row])
    return pointer, cols, values, columns


def sentence_weights(sentences: Sequence[LabelledSentence]) -> np.ndarray:
    """Each sentence's weight in the loss: 1, or less for NO_EVENT (see above); mean 1."""
    counts = Counter(s.label for s in sentences)
    events = sorted(count for label, count in counts.items() if label != NO_EVENT)
    no_event = counts.get(NO_EVENT, 0)
    share = events[len(events) // 2] / no_event if events and no_event else 1.0
    weights = np.array([min(share, 1.0) if s.label == NO_EVENT else 1.0 for s in sentences])
    return weights * len(weights) / weights.sum()


def train_typer(
    sentences: Sequence[LabelledSentence],
    *,
    l2: float = L2,
    epochs: int = EPOCHS,
    learning_rate: float = LEARNING_RATE,
) -> EventTyper:
    """Fit the typer's weights by full-batch gradient descent (Adam) on weighted cross-entropy.

    The weights are :func:`sentence_weights`: NO_EVENT sentences count as much as the
    median event class together.

    Args:
        sentences: Labelled training sentences (every label should occur).
        l2: Weight decay.
        epochs: Passes over the data.
        learning_rate: Adam's step size.

    Returns:
        The fitted typer (weights kept only for buckets seen in training).
    """
    labels = TYPER_LABELS
    vocabulary = build_vocabulary(sentences)
    pointer, cols, values, columns = _design(sentences, vocabulary)
    n, k, f = len(sentences), len(labels), len(columns)
    index = {label: i for i, label in enumerate(labels)}
    target = np.zeros((n, k))
    target[np.arange(n), [index[s.label] for s in sentences]] = 1.0
    sample = sentence_weights(sentences)[:, None]
    row_of = np.repeat(np.arange(n), np.diff(pointer))
    order = np.argsort(cols, kind="stable")
    col_starts = np.flatnonzero(np.r_[True, np.diff(cols[order]) != 0])

    weights, bias = np.zeros((f, k)), np.zeros(k)
    moments = [np.zeros((f, k)), np.zeros((f, k)), np.zeros(k), np.zeros(k)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        logits = np.add.reduceat(weights[cols] * values[:, None], pointer[:-1], axis=0) + bias
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        error = (probs - target) * sample / n
        contributions = (error[row_of] * values[:, None])[order]
        grad_w = np.add.reduceat(contributions, col_starts, axis=0) + l2 * weights
        grad_b = error.sum(axis=0)
        for param, grad, m, v in ((weights, grad_w, *moments[:2]), (bias, grad_b, *moments[2:])):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            param -= (
                learning_rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
            )
    return EventTyper(
        labels=labels,
        rows=columns,
        weights=weights.astype(np.float32),
        bias=bias.astype(np.float32),
        vocabulary=vocabulary,
        meta={
            "sentences": n,
            "corpus": corpus_digest(sentences),
            "features": f,
            "l2": l2,
            "epochs": epochs,
        },
    )


def cross_validate(
    sentences: Sequence[LabelledSentence], *, folds: int = 5, **options: float
) -> float:
    """Accuracy over ``folds`` interleaved held-out slices of the sentences."""
    right = 0
    for fold in range(folds):
        train = [s for i, s in enumerate(sentences) if i % folds != fold]
        held = [s for i, s in enumerate(sentences) if i % folds == fold]
        typer = train_typer(train, **options)  # type: ignore[arg-type]
        right += sum(typer.predict(s.text)[0] == s.label for s in held)
    return right / len(sentences)


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: train on the packaged sentences and write the weights."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=Path, default=None, help="JSON Lines file")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH, help="weights file to write")
    parser.add_argument("--check", action="store_true", help="only report 5-fold accuracy")
    args = parser.parse_args(argv)
    sentences = load_sentences(args.sentences or SENTENCES_PATH)
    started = time.perf_counter()
    if args.check:
        print(f"5-fold accuracy on {len(sentences)} sentences: {cross_validate(sentences):.3f}")
        return
    typer = train_typer(sentences)
    typer.save(args.out)
    print(
        f"trained on {len(sentences)} sentences, {len(typer.rows)} features, "
        f"in {time.perf_counter() - started:.1f} s; wrote {args.out}"
    )


if __name__ == "__main__":
    main()
