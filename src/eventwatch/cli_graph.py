"""The CLI verbs over resolved entities and stories: ``actors``, ``actor``, ``stories``, ``story``.

Thin shells: each opens the store, calls one of its methods
(:meth:`~eventwatch.store.graph.GraphStore.entities` and friends) and prints a
table, or JSON with ``--json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from eventwatch.store import open_store

__all__ = ["register"]

_DB = click.option("--db", help="SQLite file or database URL (default ./eventwatch.db).")
_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _cut(text: Any, width: int) -> str:
    value = "" if text is None else str(text)
    return value if len(value) <= width else value[: width - 1] + "…"


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[int]) -> str:
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append(
            "  ".join(_cut(v, w).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
        )
    return "\n".join(lines)


def _echo_json_lines(rows: Sequence[dict[str, Any]]) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


def _event_line(event: dict[str, Any]) -> str:
    when = event["date"]["start"] or "?"
    where = (event.get("location") or {}).get("name") or ""
    kind = event["event_type"] + (f"/{event['mode']}" if event.get("mode") else "")
    other = []
    for role in ("actor", "recipient"):
        if event.get(role):
            other.append(f"{role}: {event[role]['name']}")
    return f"  {when}  {kind:<18} {_cut(where, 18):<18} {event['factuality']:<11} {'; '.join(other)}  [{event['id']}]"


def render_actor(entity: dict[str, Any]) -> str:
    """An entity with its aliases, offices and dated events, as text."""
    lines = [
        f"{entity['name']}  ({entity['kind']}, {entity.get('country') or 'country unknown'}, "
        f"sector {entity.get('sector') or '-'})  id {entity['id']}",
        f"Named in {entity.get('documents', 0)} document(s).",
        "Aliases: " + (", ".join(entity.get("aliases") or []) or "-"),
    ]
    offices = entity.get("offices") or []
    lines.append("Offices:" if offices else "Offices: none stated")
    for office in offices:
        when = office.get("since") or office.get("as_of") or "date unknown"
        label = "since" if office.get("since") else "as of"
        lines.append(
            f"  {office['title']} ({office['status']}), {label} {when}  [{office.get('doc_id')}]"
        )
    for role in ("actor", "recipient"):
        events = entity.get(f"events_as_{role}") or []
        lines.append(f"Events as {role}: {len(events)}")
        lines.extend(_event_line(e) for e in events)
    return "\n".join(lines)


def render_story(story: dict[str, Any]) -> str:
    """A story with its reports side by side and its conflicts, as text."""
    lines = [
        f"Story {story['id']}: {story['event_type']} in {story.get('country') or 'unknown country'}, "
        f"earliest {story.get('earliest') or '?'}",
        f"Independent sources ({story['corroboration']}): {', '.join(story['independent_sources'])}",
    ]
    conflicts = story.get("conflicts") or {}
    if conflicts:
        lines.append("Reports disagree on:")
        for name, values in conflicts.items():
            shown = "; ".join(f"{v['value']} ({len(v['event_ids'])} report(s))" for v in values)
            lines.append(f"  {name}: {shown}")
    else:
        lines.append("Reports agree on date, toll, numbers detained and who did it.")
    lines.append(f"Reports ({len(story.get('events') or [])}):")
    for event in story.get("events") or []:
        document = event.get("document") or {}
        lines.append(
            f"- {document.get('published') or '?'}  {document.get('outlet') or event['doc_id']}: "
            f"{_cut(document.get('title'), 70)}"
        )
        lines.append(f"  {_cut(event['evidence']['text'], 160)}")
        counts = ", ".join(f"{k} {v}" for k, v in (event.get("counts") or {}).items())
        lines.append(
            f"  date {event['date']['start']}  {event['factuality']}  {counts}  [{event['id']}]"
        )
    return "\n".join(lines)


def register(main: click.Group, db_url: Any, run: Any) -> None:
    """Add the verbs to the CLI group (``db_url`` and ``run`` are the CLI's helpers)."""

    @main.command()
    @click.option("--kind", type=click.Choice(["person", "organization", "place"]))
    @click.option("--country", help="ISO 3166 alpha-3, e.g. KGZ.")
    @click.option("--name", help="Text in the name.")
    @click.option("--limit", type=int, default=50, show_default=True)
    @_DB
    @_JSON
    @click.pass_context
    def actors(
        ctx: click.Context,
        kind: str | None,
        country: str | None,
        name: str | None,
        limit: int,
        db: str | None,
        as_json: bool,
    ) -> None:
        """List resolved entities (people, organisations, places) with their event counts."""

        def go() -> list[dict[str, Any]]:
            with open_store(db_url(ctx, db)) as store:
                return store.entities(kind=kind, country=country, name=name, limit=limit)

        rows = run(go)
        if as_json:
            _echo_json_lines(rows)
            return
        click.echo(
            _table(
                ["events", "docs", "kind", "country", "sector", "name", "id"],
                [
                    [
                        r["events"],
                        r["documents"],
                        r["kind"],
                        r["country"],
                        r["sector"],
                        r["name"],
                        r["id"],
                    ]
                    for r in rows
                ],
                [6, 4, 12, 7, 6, 40, 16],
            )
        )

    @main.command()
    @click.argument("name")
    @_DB
    @_JSON
    @click.pass_context
    def actor(ctx: click.Context, name: str, db: str | None, as_json: bool) -> None:
        """Show one entity (by id, name or alias): aliases, offices, events as actor and recipient."""

        def go() -> dict[str, Any]:
            with open_store(db_url(ctx, db)) as store:
                found = store.entity(name)
                if found is None:
                    similar = store.entities(
                        name=name.split()[-1] if name.split() else name, limit=5
                    )
                    hint = ", ".join(r["name"] for r in similar) or "none"
                    raise click.ClickException(
                        f"no entity {name!r} in the store; similar names: {hint} (see `eventwatch actors`)"
                    )
                return found

        entity = run(go)
        click.echo(
            json.dumps(entity, ensure_ascii=False, indent=2) if as_json else render_actor(entity)
        )

    @main.command()
    @click.option(
        "--min-sources",
        type=int,
        default=1,
        show_default=True,
        help="At least this many independent outlets.",
    )
    @click.option("--country", help="ISO 3166 alpha-3, e.g. KGZ.")
    @click.option("--type", "event_type", help="Event type, e.g. COUP.")
    @click.option("--limit", type=int, default=50, show_default=True)
    @_DB
    @_JSON
    @click.pass_context
    def stories(
        ctx: click.Context,
        min_sources: int,
        country: str | None,
        event_type: str | None,
        limit: int,
        db: str | None,
        as_json: bool,
    ) -> None:
        """List stories (reports of one event across outlets), best corroborated first."""

        def go() -> list[dict[str, Any]]:
            with open_store(db_url(ctx, db)) as store:
                return store.stories(
                    min_sources=min_sources, country=country, event_type=event_type, limit=limit
                )

        rows = run(go)
        if as_json:
            _echo_json_lines(rows)
            return
        click.echo(
            _table(
                ["sources", "reports", "earliest", "type", "country", "conflicts", "outlets", "id"],
                [
                    [
                        r["corroboration"],
                        len(r["event_ids"]),
                        r["earliest"],
                        r["event_type"],
                        r["country"],
                        ",".join(r["conflicts"]) or "-",
                        ", ".join(r["independent_sources"]),
                        r["id"],
                    ]
                    for r in rows
                ],
                [7, 7, 10, 9, 7, 14, 44, 16],
            )
        )

    @main.command()
    @click.argument("story_id")
    @_DB
    @_JSON
    @click.pass_context
    def story(ctx: click.Context, story_id: str, db: str | None, as_json: bool) -> None:
        """Show one story: every report side by side, independent outlets, conflicting figures."""

        def go() -> dict[str, Any]:
            with open_store(db_url(ctx, db)) as store:
                found = store.story(story_id)
                if found is None:
                    raise click.ClickException(
                        f"no story {story_id!r} in the store (see `eventwatch stories`)"
                    )
                return found

        found = run(go)
        click.echo(
            json.dumps(found, ensure_ascii=False, indent=2) if as_json else render_story(found)
        )
