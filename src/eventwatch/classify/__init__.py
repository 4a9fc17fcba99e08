"""Learned event typing: which ACLED sub-event type (or other kind of event) a sentence reports, if any.

A small multinomial logistic regression over hashed word and word-pair features,
trained on sentences written for this project (``data/sentences.jsonl``) by
:mod:`eventwatch.classify.train`.  :mod:`eventwatch.resolve.acled` combines its
probabilities with the ACLED rules; :data:`NO_EVENT` is the class of text that
reports no event at all (:meth:`EventTyper.distribution` gives its probability).

To teach it more: add sentences to ``data/sentences.jsonl`` (your own writing, never
rows of a licensed dataset), run ``python -m eventwatch.classify.train --check`` for
the cross-validated accuracy, then ``python -m eventwatch.classify.train`` to rewrite
``data/typer.npz``; ``tests/classify`` checks that the weights match the sentences.
"""

from __future__ import annotations

from eventwatch.classify.corpus import (
    ACLED_LABELS,
    LABELS,
    NO_EVENT,
    OTHER_LABELS,
    TYPER_LABELS,
    load_sentences,
)
from eventwatch.classify.model import EventTyper, default_typer

__all__ = [
    "ACLED_LABELS",
    "LABELS",
    "NO_EVENT",
    "OTHER_LABELS",
    "TYPER_LABELS",
    "EventTyper",
    "default_typer",
    "load_sentences",
]
