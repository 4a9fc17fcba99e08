"""The event typer: a multinomial logistic regression over hashed sentence features.

:class:`EventTyper` holds the weights of the features seen in training (a few tens
of thousands of rows, one column per label) and scores a text in microseconds.
:func:`default_typer` loads the packaged weights once, lazily, from
``data/typer.npz``; nothing is fetched.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from eventwatch.classify.corpus import NO_EVENT
from eventwatch.classify.features import buckets, feature_names
from eventwatch.errors import ConfigError

__all__ = ["WEIGHTS_PATH", "EventTyper", "default_typer"]

logger = logging.getLogger(__name__)

WEIGHTS_PATH = Path(__file__).parent / "data" / "typer.npz"


@dataclass(eq=False)
class EventTyper:
    """Label probabilities for the sentence(s) reporting an event.

    Attributes:
        labels: The class names, in column order.
        rows: The sorted hash buckets that have weights.
        weights: One row per bucket in ``rows``, one column per label.
        bias: One value per label.
        vocabulary: Words seen lower-cased in training (a capitalised word outside it
            is read as a name).
        meta: How the weights were made (corpus size, regularisation, …).
    """

    labels: tuple[str, ...]
    rows: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    vocabulary: frozenset[str]
    meta: dict[str, object] = field(default_factory=dict)

    def logits(self, text: str) -> np.ndarray:
        """Unnormalised label scores of ``text``."""
        found = np.asarray(buckets(feature_names(text, self.vocabulary)), dtype=np.int64)
        total = self.bias.astype(np.float64)
        if found.size:
            at = np.searchsorted(self.rows, found)
            inside = at < self.rows.size
            at, found_inside = at[inside], found[inside]
            hits = at[self.rows[at] == found_inside]
            if hits.size:
                scale = 1.0 / np.sqrt(found.size)
                total = total + self.weights[hits].astype(np.float64).sum(axis=0) * scale
        return total

    def distribution(self, text: str) -> dict[str, float]:
        """Each class's probability for ``text``, :data:`NO_EVENT` included (they sum to 1)."""
        scores = self.logits(text)
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return {label: float(p) for label, p in zip(self.labels, scores, strict=True)}

    def probabilities(self, text: str) -> dict[str, float]:
        """Each event label's probability for ``text`` if it reports an event (they sum to 1).

        :data:`NO_EVENT` is left out and the rest renormalised: which kind of event
        it is, for a caller that already knows there is one (an event word fired).
        """
        return self.reading(text)[0]

    def reading(self, text: str) -> tuple[dict[str, float], float]:
        """:meth:`probabilities` and the probability of :data:`NO_EVENT`, from one pass."""
        logits = self.logits(text)
        scores = np.exp(logits - logits.max())
        events = np.array([label != NO_EVENT for label in self.labels])
        no_event = float(scores[~events].sum() / scores.sum())
        kept = scores[events] / scores[events].sum()
        labels = [label for label in self.labels if label != NO_EVENT]
        return dict(zip(labels, map(float, kept), strict=True)), no_event

    def predict(self, text: str) -> tuple[str, float]:
        """The most probable class of ``text`` (possibly :data:`NO_EVENT`) and its probability."""
        distribution = self.distribution(text)
        label = max(distribution, key=distribution.__getitem__)
        return label, distribution[label]

    def save(self, path: Path) -> None:
        """Write the weights as a compressed ``.npz`` file."""
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            rows=self.rows.astype(np.int32),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            vocabulary=np.array("\n".join(sorted(self.vocabulary))),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
        )

    @classmethod
    def load(cls, path: Path) -> EventTyper:
        """Read weights written by :meth:`save`.

        Raises:
            ConfigError: the file is missing or not a typer's weights.
        """
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls(
                    labels=tuple(str(x) for x in data["labels"]),
                    rows=data["rows"].astype(np.int64),
                    weights=data["weights"].astype(np.float32),
                    bias=data["bias"].astype(np.float32),
                    vocabulary=frozenset(str(data["vocabulary"]).split("\n")),
                    meta=json.loads(str(data["meta"])),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise ConfigError(
                f"cannot read the event typer's weights from {path} ({exc}); "
                "rebuild them with `python -m eventwatch.classify.train`"
            ) from exc


@lru_cache(maxsize=1)
def default_typer() -> EventTyper:
    """The packaged typer, loaded on first use."""
    typer = EventTyper.load(WEIGHTS_PATH)
    logger.debug("loaded the event typer from %s", WEIGHTS_PATH)
    return typer
