"""The command line as a user runs it: extract, ingest, events, show, export, demo."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwatch.cli import main

ARTICLE = (
    "Police detain opposition leader\n\n"
    "Police in Tbilisi detained the opposition leader Levan Beridze on Monday, the interior "
    "ministry said. Thousands of protesters rallied outside parliament the next day.\n\n"
    "Share this article\nLeave a comment\n"
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "beridze.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "beridze.meta.json").write_text(
        json.dumps({"id": "ge-1", "outlet": "Caucasus Test Daily", "published": "2024-12-03"}),
        encoding="utf-8",
    )
    (folder / "broken.jsonl").write_text(
        '{"id": "ok-1", "text": "Soldiers arrested four journalists in Juba on Friday.", "published": "2024-05-10"}\n'
        "{not json\n",
        encoding="utf-8",
    )
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cli_extract_prints_one_record_per_line_and_reports_bad_inputs(corpus: Path) -> None:
    code, out, err = run("extract", str(corpus))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    arrests = [r for r in records if r["event_type"] == "COERCE"]
    assert {r["doc_id"] for r in arrests} == {"ge-1", "ok-1"}
    beridze = next(r for r in arrests if r["doc_id"] == "ge-1")
    assert beridze["date"]["start"] == "2024-12-02"
    assert beridze["location"]["name"] == "Tbilisi"
    assert beridze["factuality"] == "attributed"
    assert beridze["outlet"] == "Caucasus Test Daily"
    assert "Levan Beridze" in beridze["recipient"]["name"]
    assert "binary.txt" in err and "empty.txt" in err and "broken.jsonl" in err
    assert all("comment" not in r["evidence"]["text"].lower() for r in records)


def test_cli_extract_csv_has_acled_columns(corpus: Path) -> None:
    code, out, _ = run(
        "extract", "--format", "csv", str(corpus / "beridze.txt"), "--published", "2024-12-03"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "country",
        "fatalities",
        "notes",
        "source",
    } <= set(rows[0])


def test_cli_extract_exits_nonzero_when_every_input_fails(tmp_path: Path) -> None:
    code, out, err = run("extract", str(tmp_path / "missing.txt"))
    assert code == 1
    assert out == ""
    assert "missing.txt" in err


def test_cli_ingest_is_idempotent_and_records_failures(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "ew.db")
    code, out, err = run("ingest", str(corpus), "--db", db)
    assert code == 0
    assert "Stored 2 new document(s)" in out
    code, out, _ = run("ingest", str(corpus), "--db", db)
    assert "Stored 0 new document(s)" in out and "2 already stored" in out
    from eventwatch.store import open_store

    with open_store(db) as store:
        assert store.stats()["documents"] == 2
        failures = {f["source"] for f in store.failures()}
    assert any("binary.txt" in s for s in failures) and any("empty.txt" in s for s in failures)


def test_cli_events_show_and_export(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "ew.db")
    run("ingest", str(corpus), "--db", db)
    code, out, _ = run("events", "--db", db, "--type", "COERCE", "--country", "GEO")
    assert code == 0 and "Levan Beridze" in out and "Juba" not in out
    code, out, _ = run("events", "--db", db, "--format", "jsonl", "--factuality", "attributed")
    assert all(json.loads(line)["factuality"] == "attributed" for line in out.splitlines())
    code, out, _ = run("show", "ge-1", "--db", db, "--no-color")
    assert code == 0 and "[E1" in out and "Levan Beridze" in out
    code, _, err = run("show", "nope", "--db", db)
    assert code != 0 and "no document 'nope'" in err
    target = tmp_path / "events.geojson"
    code, _, _ = run("export", str(target), "--format", "geojson", "--db", db)
    assert code == 0
    features = json.loads(target.read_text())["features"]
    assert features and all(len(f["geometry"]["coordinates"]) == 2 for f in features)


def test_cli_demo_ingests_the_sample_corpus(tmp_path: Path) -> None:
    code, out, err = run("demo", "--db", str(tmp_path / "demo.db"))
    assert code == 0, err
    assert "Stored 12 new document(s)" in out
    assert "0 failure(s)" in out
    assert "eventwatch show" in out


@pytest.mark.parametrize(
    "command", ["extract", "ingest", "events", "show", "export", "demo", "bench", "eval", "serve"]
)
def test_cli_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "Usage:" in out
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"eventwatch {command}" in readme


def test_cli_ingest_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "latin1.txt").write_bytes(
        "Police in Bogotá arrested the mayor of Medellín on Tuesday, prosecutors said.".encode(
            "latin-1"
        )
    )
    (folder / "huge.txt").write_bytes(b"Protesters marched again. " * 2_000_000)  # about 50 MB
    (folder / "bad_date.txt").write_text(
        "Soldiers detained two reporters in Niamey on Monday.", encoding="utf-8"
    )
    (folder / "bad_date.meta.json").write_text(
        '{"published": "the day after tomorrow"}', encoding="utf-8"
    )
    (folder / "broken.html").write_text("<html><body><div><p>unclosed", encoding="utf-8")
    (folder / "broken.csv").write_text('id,body\n1,"never closed\n', encoding="utf-8")
    db = str(tmp_path / "ew.db")
    code, out, err = run("ingest", str(folder), "--db", db)
    assert code == 0
    lines = [line for line in err.splitlines() if line.startswith("eventwatch: error:")]
    assert any("huge.txt" in line and "max_bytes" in line for line in lines)
    assert any("bad_date" in line for line in lines)
    from eventwatch.store import open_store

    with open_store(db) as store:
        stored = {d["id"] for d in store.documents()}
        failures = store.failures()
    assert {"latin1", "bad_date"} <= stored
    assert any("huge.txt" in f["source"] for f in failures)
    assert all(len(line) < 400 for line in lines)


def test_cli_interrupted_ingest_keeps_what_was_committed_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"doc{i:02d}.txt").write_text(
            f"Police arrested {i + 2} protesters in Osh on Monday.", encoding="utf-8"
        )
    db = str(tmp_path / "ew.db")
    import eventwatch.pipeline as pipeline

    real = pipeline.process_documents

    def interrupted(*args, **kwargs):
        for count, processed in enumerate(real(*args, **kwargs)):
            if count == 20:
                raise KeyboardInterrupt
            yield processed

    monkeypatch.setattr(pipeline, "process_documents", interrupted)
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 1 and "Aborted" in result.output  # Ctrl-C: click's one-line abort
    from eventwatch.store import open_store

    with open_store(db) as store:
        kept = store.stats()["documents"]
    assert kept == 16  # one committed batch; the half-done second batch is not stored
    monkeypatch.setattr(pipeline, "process_documents", real)
    code, out, _ = run("ingest", str(folder), "--db", db)
    assert "Stored 24 new document(s)" in out and "16 already stored" in out
