"""The result of one evaluation run, as JSON and as a readable text report."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

__all__ = ["EvalReport"]

# Confusion matrices with more classes than this are rendered as a list of the
# most frequent confusions instead of a grid.
_GRID_MAX_CLASSES = 10
_TOP_CONFUSIONS = 25
_TEXT_WIDTH = 300


@dataclass(slots=True)
class EvalReport:
    """Scores of the extractor on one labelled dataset.

    Attributes:
        dataset: The dataset name, one of ``eventwatch.evaluate.DATASETS``.
        n_items: Items scored (rows, sentences, articles or gold events).
        scores: Flat name → value, e.g. ``"event_type.macro_f1"``.
        per_class: Field → class → ``precision``/``recall``/``f1``/``support``.
        confusion: Field → gold label → predicted label → count.
        worst: The worst misses, each with ``text``, ``gold`` and ``predicted``.
        notes: What was read, skipped or assumed, in plain sentences.
    """

    dataset: str
    n_items: int
    scores: dict[str, float] = field(default_factory=dict)
    per_class: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    confusion: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    worst: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with every attribute (see :meth:`from_json`)."""
        return {
            "dataset": self.dataset,
            "n_items": self.n_items,
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "per_class": {
                name: {label: dict(values) for label, values in classes.items()}
                for name, classes in self.per_class.items()
            },
            "confusion": {
                name: {gold: dict(row) for gold, row in matrix.items()}
                for name, matrix in self.confusion.items()
            },
            "worst": [dict(miss) for miss in self.worst],
            "notes": list(self.notes),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EvalReport:
        """Rebuild a report from :meth:`to_json` output.

        Args:
            data: The dict, e.g. from ``json.load``.

        Returns:
            The report.
        """
        return cls(
            dataset=str(data["dataset"]),
            n_items=int(data["n_items"]),
            scores={str(k): float(v) for k, v in data.get("scores", {}).items()},
            per_class=data.get("per_class", {}),
            confusion=data.get("confusion", {}),
            worst=list(data.get("worst", [])),
            notes=[str(n) for n in data.get("notes", [])],
        )

    def render(self) -> str:
        """A plain-text report: scores, per-class tables, confusions, worst misses, notes."""
        lines = [f"Evaluation on {self.dataset}: {self.n_items} item(s)", ""]
        lines += _render_scores(self.scores)
        for name, classes in self.per_class.items():
            lines += _render_per_class(name, classes)
        for name, matrix in self.confusion.items():
            lines += _render_confusion(name, matrix)
        lines += _render_worst(self.worst)
        if self.notes:
            lines += ["Notes", "-----"]
            lines += [f"- {note}" for note in self.notes]
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def _render_scores(scores: dict[str, float]) -> list[str]:
    """The flat scores as aligned ``name  value`` lines."""
    lines = ["Scores", "------"]
    if not scores:
        lines.append("(none)")
    width = max((len(name) for name in scores), default=0)
    for name, value in scores.items():
        shown = f"{value:.0f}" if float(value).is_integer() and abs(value) > 1 else f"{value:.3f}"
        lines.append(f"{name.ljust(width)}  {shown}")
    lines.append("")
    return lines


def _render_per_class(name: str, classes: dict[str, dict[str, float]]) -> list[str]:
    """One per-class table: class, precision, recall, F1, support."""
    title = f"Per-class scores: {name}"
    lines = [title, "-" * len(title)]
    width = max([len("class")] + [len(label) for label in classes])
    lines.append(f"{'class'.ljust(width)}  precision  recall     f1  support")
    for label, values in classes.items():
        lines.append(
            f"{label.ljust(width)}  {values.get('precision', 0.0):9.3f}  "
            f"{values.get('recall', 0.0):6.3f}  {values.get('f1', 0.0):5.3f}  "
            f"{int(values.get('support', 0)):7d}"
        )
    lines.append("")
    return lines


def _render_confusion(name: str, matrix: dict[str, dict[str, int]]) -> list[str]:
    """A gold × predicted grid, or the most frequent confusions when it is too wide."""
    title = f"Confusion: {name} (rows gold, columns predicted)"
    lines = [title, "-" * len(title)]
    predicted_labels = sorted({p for row in matrix.values() for p in row})
    labels = sorted(set(matrix) | set(predicted_labels))
    if len(labels) <= _GRID_MAX_CLASSES:
        short = {label: label[:12] for label in labels}
        width = max([len("gold")] + [len(short[g]) for g in matrix])
        columns = [max(len(short[p]), 4) for p in predicted_labels]
        header = "gold".ljust(width) + "".join(
            "  " + short[p].rjust(w) for p, w in zip(predicted_labels, columns, strict=True)
        )
        lines.append(header)
        for gold in sorted(matrix):
            row = matrix[gold]
            lines.append(
                short[gold].ljust(width)
                + "".join(
                    "  " + str(row.get(p, 0)).rjust(w)
                    for p, w in zip(predicted_labels, columns, strict=True)
                )
            )
    else:
        cells = [
            (n, gold, predicted)
            for gold, row in matrix.items()
            for predicted, n in row.items()
            if gold != predicted
        ]
        cells.sort(key=lambda cell: (-cell[0], cell[1], cell[2]))
        lines.append(f"{len(labels)} classes; the {_TOP_CONFUSIONS} most frequent confusions:")
        for n, gold, predicted in cells[:_TOP_CONFUSIONS]:
            lines.append(f"{n:6d}  {gold} -> {predicted}")
        if not cells:
            lines.append("(none)")
    lines.append("")
    return lines


def _compact(value: Any) -> str:
    """A short one-line JSON rendering of a gold or predicted value."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"


def _render_worst(worst: list[dict[str, Any]]) -> list[str]:
    """The worst misses, one block each."""
    lines = ["Worst misses", "------------"]
    if not worst:
        lines += ["(none)", ""]
        return lines
    for rank, miss in enumerate(worst, start=1):
        label = miss.get("id", "")
        lines.append(f"{rank}. {label}".rstrip())
        text = " ".join(str(miss.get("text", "")).split())
        if len(text) > _TEXT_WIDTH:
            text = text[: _TEXT_WIDTH - 1] + "…"
        lines.append(f"   text:      {text}")
        lines.append(f"   gold:      {_compact(miss.get('gold'))}")
        lines.append(f"   predicted: {_compact(miss.get('predicted'))}")
    lines.append("")
    return lines
