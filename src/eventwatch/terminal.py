"""Plain-terminal views: an events table and a document with its evidence marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

__all__ = ["event_table", "render_document"]

FACTUALITY_COLOURS = {
    "asserted": "green",
    "attributed": "cyan",
    "alleged": "yellow",
    "denied": "red",
    "negated": "red",
    "planned": "magenta",
    "hypothetical": "magenta",
}


def _cut(text: str | None, width: int) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _name(entity: dict[str, Any] | None) -> str:
    if not entity:
        return "-"
    country = f" ({entity['country']})" if entity.get("country") else ""
    return f"{entity['name']}{country}"


def _date(event: dict[str, Any]) -> str:
    date = event.get("date") or {}
    start, end = date.get("start"), date.get("end")
    if not start:
        return "?"
    text = start if start == end else f"{start}…{end[5:] if end and end[:4] == start[:4] else end}"
    return text + ("*" if date.get("basis") == "published" else "")


def _counts(event: dict[str, Any]) -> str:
    short = {"killed": "k", "injured": "i", "arrested": "a", "participants": "p"}
    return " ".join(f"{v}{short[k]}" for k, v in (event.get("counts") or {}).items())


def _source(event: dict[str, Any]) -> str:
    attribution = event.get("attribution") or {}
    source = attribution.get("source")
    text = source["name"] if source else ("anonymous" if attribution.get("anonymous") else "")
    via = attribution.get("via") or []
    return text + (f" via {', '.join(via)}" if via else "")


def event_table(events: Sequence[dict[str, Any]], *, total: int | None = None) -> str:
    """A fixed-width table of events, one line each; ``*`` marks dates taken from publication."""
    if not events:
        return "No events match."
    header = f"{'date':<22} {'type/mode':<22} {'actor → recipient':<44} {'place':<18} {'counts':<10} {'factuality':<12} source"
    lines = [header, "-" * len(header)]
    for event in events:
        kind = event["event_type"] + (f"/{event['mode']}" if event.get("mode") else "")
        who = f"{_name(event.get('actor'))} → {_name(event.get('recipient'))}"
        place = (event.get("location") or {}).get("name")
        lines.append(
            f"{_cut(_date(event), 22):<22} {_cut(kind, 22):<22} {_cut(who, 44):<44} {_cut(place, 18):<18} "
            f"{_cut(_counts(event), 10):<10} {event['factuality']:<12} {_cut(_source(event), 40)}"
        )
    if total is not None and total > len(events):
        lines.append(f"… {total - len(events)} more (use --limit, filters, or --format jsonl)")
    lines.append("* date not in the text: the publication date stands in")
    return "\n".join(lines)


def render_document(document: dict[str, Any], events: Sequence[dict[str, Any]]) -> str:
    """The document's text with evidence sentences coloured by factuality and numbered.

    Each evidence sentence is wrapped as ``[E1 …]`` and its trigger word is bold;
    the events' fields follow the text.
    """
    text: str = document["text"]
    marks: list[tuple[int, int, int, dict[str, Any]]] = []
    for number, event in enumerate(events, start=1):
        evidence = event["evidence"]
        marks.append((evidence["start"], evidence["end"], number, event))
    marks.sort(key=lambda m: (m[0], m[2]))
    out: list[str] = []
    position = 0
    for start, end, _number, event in marks:
        if start < position:
            continue  # a second event in the same sentence: listed below, marked once
        out.append(text[position:start])
        colour = FACTUALITY_COLOURS.get(event["factuality"], "white")
        numbers = [str(n) for s, _e, n, _ev in marks if s == start]
        trigger = event.get("trigger") or {}
        sentence = text[start:end]
        if trigger and start <= trigger.get("start", -1) < end:
            a, b = trigger["start"] - start, trigger["end"] - start
            body = (
                click.style(sentence[:a], fg=colour)
                + click.style(sentence[a:b], fg=colour, bold=True, underline=True)
                + click.style(sentence[b:], fg=colour)
            )
        else:
            body = click.style(sentence, fg=colour)
        out.append(
            click.style(f"[E{','.join(numbers)} ", bold=True) + body + click.style("]", bold=True)
        )
        position = end
    out.append(text[position:])
    header = [
        click.style(document.get("title") or document["id"], bold=True),
        " · ".join(
            str(x)
            for x in (document.get("outlet"), document.get("published"), document.get("url"))
            if x
        ),
        "",
    ]
    legend = "Colours: " + ", ".join(click.style(k, fg=v) for k, v in FACTUALITY_COLOURS.items())
    details = ["", legend, ""]
    for number, event in enumerate(events, start=1):
        kind = event["event_type"] + (f"/{event['mode']}" if event.get("mode") else "")
        details.append(
            f"E{number} {kind}  {_name(event.get('actor'))} → {_name(event.get('recipient'))}  "
            f"date {_date(event)}  place {(event.get('location') or {}).get('name') or '-'}  "
            f"{_counts(event)}  {event['factuality']}"
            + (f"  source {_source(event)}" if _source(event) else "")
            + f"  conf {event['confidence']}"
        )
    return "\n".join(header) + "".join(out) + "\n".join(details)
