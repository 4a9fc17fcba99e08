"""Entities across documents and stories across outlets, as a user meets them on the CLI.

Three invented outlets report one arrest (two copies of a wire story and an
independent report with a different count); a fourth report, weeks later, is of a
look-alike arrest of another man.  A second ingest run adds a follow-up, which
must join the stored story rather than start a new one.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwatch.cli import main
from eventwatch.store import open_store

WIRE = (
    "Police in Almaty detained the opposition politician Daniyar Seitkali on Tuesday, "
    "the interior ministry said. Seitkali, a former presidential candidate, was taken "
    "from his office along with four aides."
)
REPORTS = [
    {
        "id": "w-1",
        "outlet": "Steppe Wire",
        "published": "2025-03-12",
        "title": "Opposition figure held",
        "text": WIRE,
    },
    {
        "id": "w-2",
        "outlet": "Almaty Evening",
        "published": "2025-03-12",
        "title": "Seitkali detained",
        "text": WIRE + " (Wire copy)",
    },
    {
        "id": "w-3",
        "outlet": "Kazakh Ledger",
        "published": "2025-03-13",
        "title": "Politician and aides arrested",
        "text": "Officers arrested Daniyar Seitkali in Almaty on Tuesday, March 11, together with "
        "six of his aides, his lawyer said. The interior ministry confirmed the detention.",
    },
    {
        "id": "w-4",
        "outlet": "Steppe Wire",
        "published": "2025-04-22",
        "title": "Second activist held",
        "text": "Police in Almaty detained the activist Murat Zhaksybek on Monday, April 21, "
        "the interior ministry said.",
    },
]
FOLLOW_UP = {
    "id": "w-5",
    "outlet": "Central Desk",
    "published": "2025-03-14",
    "title": "Court keeps Seitkali in custody",
    "text": "Police detained Daniyar Seitkali in Almaty on Tuesday, March 11, the court heard "
    "on Thursday, and he will stay in custody for two months.",
}


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("graph")
    database = str(folder / "graph.db")
    runner = CliRunner()
    for rows, name in ((REPORTS, "first.jsonl"), ([FOLLOW_UP], "second.jsonl")):
        result = runner.invoke(main, ["ingest", str(_write(folder / name, rows)), "--db", database])
        assert result.exit_code == 0, result.output
    return database


def _arrest_story(database: str, doc_id: str) -> str | None:
    with open_store(database) as store:
        events = [e for e in store.events_for_document(doc_id) if e["event_type"] == "COERCE"]
    assert events, f"no arrest extracted from {doc_id}"
    return events[0]["story_id"]


def test_reports_of_one_arrest_share_a_story_and_the_look_alike_does_not(db: str) -> None:
    stories = {doc: _arrest_story(db, doc) for doc in ("w-1", "w-2", "w-3", "w-4", "w-5")}

    assert stories["w-1"] is not None
    assert stories["w-1"] == stories["w-2"] == stories["w-3"]
    assert (
        stories["w-5"] == stories["w-1"]
    )  # the follow-up of the second run joins the stored story
    assert stories["w-4"] != stories["w-1"]


def test_stories_lists_independent_outlets_with_copies_counted_once(db: str) -> None:
    result = CliRunner().invoke(main, ["stories", "--db", db, "--json", "--type", "COERCE"])

    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    top = rows[0]
    assert top["corroboration"] == 3  # Steppe Wire (with its copy), Kazakh Ledger, Central Desk
    assert "Almaty Evening" not in top["independent_sources"]
    assert set(top["doc_ids"]) == {"w-1", "w-2", "w-3", "w-5"}


def test_story_shows_reports_side_by_side_and_the_conflicting_count(db: str) -> None:
    story_id = _arrest_story(db, "w-1")
    result = CliRunner().invoke(main, ["story", story_id, "--db", db])

    assert result.exit_code == 0, result.output
    assert "Kazakh Ledger" in result.output and "Steppe Wire" in result.output
    assert "Reports disagree on" in result.output


def test_actor_joins_surname_and_full_name_across_documents_with_office(db: str) -> None:
    result = CliRunner().invoke(main, ["actor", "Seitkali", "--db", db, "--json"])

    assert result.exit_code == 0, result.output
    entity = json.loads(result.output)
    assert entity["name"] == "Daniyar Seitkali"
    assert entity["kind"] == "person"
    assert entity["documents"] >= 4
    assert {"Seitkali", "Daniyar Seitkali"} <= set(entity["aliases"])
    assert any(
        o["title"] == "presidential candidate" and o["status"] == "former"
        for o in entity["offices"]
    )
    assert {e["doc_id"] for e in entity["events_as_recipient"]} >= {"w-1", "w-3"}


def test_actors_keeps_different_people_apart(db: str) -> None:
    result = CliRunner().invoke(main, ["actors", "--db", db, "--json", "--kind", "person"])

    names = [json.loads(line)["name"] for line in result.output.splitlines()]
    assert "Daniyar Seitkali" in names and "Murat Zhaksybek" in names
    assert len([n for n in names if "Seitkali" in n]) == 1


def test_unknown_actor_and_story_fail_with_a_hint(db: str) -> None:
    runner = CliRunner()
    actor = runner.invoke(main, ["actor", "Nobody Atall", "--db", db])
    story = runner.invoke(main, ["story", "feedfeedfeedfeed", "--db", db])

    assert actor.exit_code != 0 and "eventwatch actors" in actor.output
    assert story.exit_code != 0 and "eventwatch stories" in story.output


def test_export_per_story_writes_each_story_once(db: str) -> None:
    result = CliRunner().invoke(
        main, ["export", "-", "--format", "csv", "--per", "story", "--db", db, "--type", "COERCE"]
    )

    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    ids = [r["story_id"] for r in rows]
    assert len(ids) == len(set(ids)) >= 2
    assert any(int(r["corroboration"]) == 3 for r in rows)


def test_export_per_story_refuses_formats_it_cannot_write(db: str) -> None:
    result = CliRunner().invoke(
        main, ["export", "-", "--format", "geojson", "--per", "story", "--db", db]
    )

    assert result.exit_code != 0
    assert "--per event" in result.output


def test_extract_records_carry_story_ids_across_the_batch(tmp_path: Path) -> None:
    source = _write(tmp_path / "all.jsonl", [*REPORTS, FOLLOW_UP])
    result = CliRunner().invoke(main, ["extract", str(source), "--format", "jsonl"])

    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    arrests = {r["doc_id"]: r["story_id"] for r in records if r["event_type"] == "COERCE"}
    assert arrests["w-1"] == arrests["w-3"] == arrests["w-5"] != arrests["w-4"]
