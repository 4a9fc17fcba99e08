"""File readers: every file type, sidecars, defaults, encodings and every failure."""

from __future__ import annotations

import codecs
import json
import logging
import random
from pathlib import Path

import pytest

from eventwatch.ingest import iter_documents

from .conftest import split_items

ARTICLE = (
    "The interior ministry of Dravonia said on Thursday that police had detained six people "
    "suspected of organising an unauthorised march in the capital, Velgrad."
)
SECOND = "Rights groups said the detentions were meant to deter further protests."


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- readers ---------------------------------------------------------------------------


def test_files_text_file_gets_stem_id_and_source_path(tmp_path: Path) -> None:
    path = _write(tmp_path / "march.txt", f"{ARTICLE}\n\n{SECOND}\n\nLeave a comment\n")
    [document] = iter_documents([str(path)])
    assert document.id == "march"
    assert document.text == f"{ARTICLE}\n\n{SECOND}"
    assert document.source_path == str(path)
    assert document.published is None
    assert document.language == "en"


def test_files_sidecar_metadata_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "march.txt", ARTICLE)
    sidecar = {
        "id": "ledger-42",
        "url": "https://ledger.example/42",
        "outlet": "The Meridian Ledger",
        "title": "Six detained",
        "author": "Lena Okafor",
        "published": "2025-03-06",
        "published_precision": "month",
        "language": "tr",
        "note": "ignored",
    }
    _write(tmp_path / "march.meta.json", json.dumps(sidecar))
    [document] = iter_documents([path])
    assert document.id == "ledger-42"
    assert (document.url, document.outlet, document.title, document.author) == (
        "https://ledger.example/42",
        "The Meridian Ledger",
        "Six detained",
        "Lena Okafor",
    )
    assert (document.published, document.published_precision) == ("2025-03-06", "month")
    assert document.language == "tr"


def test_files_html_file_extracts_main_text_and_metadata(fixtures: Path) -> None:
    [document] = iter_documents([fixtures / "article.html"])
    assert document.id == "article"
    assert document.title == "Army chief replaced in Dravonia"
    assert document.author == "Tomas Reyna"
    assert document.outlet == "The Meridian Ledger"
    assert document.published == "2025-03-10"
    assert document.url == "https://ledger.example/world/army-chief"
    assert document.text.startswith("Army chief replaced in Dravonia\nThe president of Dravonia")
    assert document.text.endswith("accused of planning unrest.")
    for furniture in ("Most read", "Leave a comment", "Subscribe", "All rights reserved"):
        assert furniture not in document.text


def test_files_sidecar_wins_over_html_metadata(tmp_path: Path, fixtures: Path) -> None:
    page = _write(tmp_path / "page.html", (fixtures / "article.html").read_bytes())
    _write(tmp_path / "page.meta.json", '{"title": "Given title", "published": "2025-03-11"}')
    [document] = iter_documents([page])
    assert document.title == "Given title"
    assert document.published == "2025-03-11"
    assert document.author == "Tomas Reyna"


def test_files_jsonl_records(fixtures: Path) -> None:
    path = fixtures / "records.jsonl"
    documents, failures = split_items(iter_documents([path]))
    assert failures == []
    assert [d.id for d in documents] == ["wire-001", "records-2", "records-4"]
    assert [d.source_path for d in documents] == [f"{path}#L{n}" for n in (1, 2, 4)]
    first, second, third = documents
    assert (first.outlet, first.url, first.author, first.published) == (
        "Velgrad Wire",
        "https://wire.example/001",
        "Desk",
        "2025-03-14",
    )
    assert second.title == "Petition rejected"
    assert third.title == "Envoy recalled"
    assert "<p>" not in third.text and "recalled its ambassador" in third.text


def test_files_csv_records(fixtures: Path) -> None:
    path = fixtures / "records.csv"
    documents, failures = split_items(iter_documents([path]))
    assert failures == []
    assert [d.id for d in documents] == ["csv-1", "records-3"]
    assert [d.source_path for d in documents] == [f"{path}#L2", f"{path}#L3"]
    assert documents[0].published == "2025-03-15"
    assert documents[0].outlet == "Velgrad Wire"
    assert documents[1].text == (
        "A court sentenced a former mayor to six years in prison for abuse of office.\n"
        "He said he would appeal."
    )


def test_files_json_single_record(tmp_path: Path) -> None:
    record = {"id": "j-1", "text": ARTICLE, "outlet": "Velgrad Wire", "published": "2025-03-02"}
    path = _write(tmp_path / "one.json", json.dumps(record))
    [document] = iter_documents([path])
    assert (document.id, document.source_path, document.outlet, document.published) == (
        "j-1",
        str(path),
        "Velgrad Wire",
        "2025-03-02",
    )


def test_files_json_list_of_records(tmp_path: Path) -> None:
    path = _write(tmp_path / "many.json", json.dumps([{"text": ARTICLE}, 7, {"title": "x"}]))
    documents, failures = split_items(iter_documents([path]))
    assert [(d.id, d.source_path) for d in documents] == [("many-1", f"{path}#1")]
    assert [(f.source, f.reason) for f in failures] == [
        (f"{path}#2", "item 2 is a JSON int, not an object"),
        (f"{path}#3", "item 3 has no text: give a 'text' or 'html' value"),
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"text": "unterminated', "not valid JSON: Unterminated string"),
        ('"just a string"', "holds a JSON str; expected an object or a list of them"),
        ("[]", "empty document"),
    ],
)
def test_files_json_bad_content(tmp_path: Path, content: str, reason: str) -> None:
    [failure] = iter_documents([_write(tmp_path / "bad.json", content)])
    assert reason in failure.reason


@pytest.mark.parametrize("column", ["text", "body", "content", "notes", " Text "])
def test_files_csv_text_column_names(tmp_path: Path, column: str) -> None:
    path = _write(tmp_path / "rows.csv", f'id,{column}\nr1,"{ARTICLE}"\n')
    [document] = iter_documents([path])
    assert (document.id, document.text) == ("r1", ARTICLE)


def test_files_tsv_records(tmp_path: Path) -> None:
    path = _write(tmp_path / "rows.tsv", f"outlet\ttext\nVelgrad Wire\t{ARTICLE}\n")
    [document] = iter_documents([path])
    assert (document.id, document.outlet, document.source_path) == (
        "rows-2",
        "Velgrad Wire",
        f"{path}#L2",
    )


@pytest.mark.parametrize(
    ("name", "content", "expected_start"),
    [
        ("note.md", f"{ARTICLE}\n", "The interior ministry"),
        ("saved.page", f"<html><body><article><p>{ARTICLE}</p></article></body></html>", "The "),
        ("no_extension", f"  {ARTICLE}", "The interior ministry"),
    ],
)
def test_files_unknown_extension_is_sniffed(
    tmp_path: Path, name: str, content: str, expected_start: str
) -> None:
    [document] = iter_documents([_write(tmp_path / name, content)])
    assert document.text.startswith(expected_start)
    assert "<" not in document.text


def test_files_unknown_extension_feed_is_sniffed(tmp_path: Path, fixtures: Path) -> None:
    path = _write(tmp_path / "feed.download", (fixtures / "feed_atom.xml").read_bytes())
    documents, _ = split_items(iter_documents([path]))
    assert documents[0].title == "Parliament speaker steps down"


def test_files_keyword_defaults_fill_in_only_missing_fields(tmp_path: Path) -> None:
    bare = _write(tmp_path / "a.txt", ARTICLE)
    given = _write(tmp_path / "b.txt", SECOND)
    _write(tmp_path / "b.meta.json", '{"outlet": "Own Outlet", "published": "2025-02-01"}')
    first, second = iter_documents([bare, given], published="5 March 2025", outlet="Fallback")
    assert (first.outlet, first.published, first.published_precision) == (
        "Fallback",
        "2025-03-05",
        "day",
    )
    assert (second.outlet, second.published) == ("Own Outlet", "2025-02-01")


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 LE with BOM", "utf-16 BE with BOM"],
)
def test_files_unicode_encodings(tmp_path: Path, encode) -> None:
    text = "Kırgız mahkemesi iki yetkiliyi tutukladı — «Вечерний» ve café."
    [document] = iter_documents([_write(tmp_path / "enc.txt", encode(text))])
    assert document.text == text


def test_files_latin1_is_guessed_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = (
        "Le président a été arrêté à Velgrad mardi, selon l'agence de presse locale.\n"
        "Les forces spéciales ont bloqué une tentative de prise du pouvoir, a déclaré le comité."
    )
    path = _write(tmp_path / "latin.txt", text.encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="eventwatch.ingest"):
        [document] = iter_documents([path])
    assert document.text == text
    [record] = [r for r in caplog.records if "not UTF-8" in r.getMessage()]
    assert str(path) in record.getMessage()
    assert "cp1252" in record.getMessage() or "latin" in record.getMessage()


# --- failures ---------------------------------------------------------------------------

_RANDOM = random.Random(7)
_NOISE = bytes(_RANDOM.randrange(128, 256) for _ in range(3000))


_BAD_INPUTS = [
    ("blob.txt", b"text\x00with\x00nul bytes", "binary file (contains NUL bytes)"),
    ("controls.txt", bytes(range(1, 32)) * 50, "binary file (control characters"),
    ("noise.txt", _NOISE, "encoding could not be recognised"),
    ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    ("empty.txt", b"", "empty document"),
    ("blank.html", b"  \n ", "empty document"),
    ("chrome.txt", b"Leave a comment\nSubscribe now\n\xc2\xa9 2025 Ledger", "empty document"),
    ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
    ("empty.jsonl", b"", "empty document"),
    ("empty.csv", b"\n\n", "empty document"),
    ("people.csv", b"name,age\nAnna,40\n", "no text column: the header needs one of text"),
    ("broken.xml", b"<rss><channel><item></channel></rss>", "malformed feed XML"),
    ("catalog.xml", b"<catalog><book/></catalog>", "not an RSS or Atom feed"),
    ("nochannel.rss", b"<rss version='2.0'></rss>", "no <channel>"),
]


@pytest.mark.parametrize(
    ("name", "content", "reason"), _BAD_INPUTS, ids=[case[0] for case in _BAD_INPUTS]
)
def test_files_bad_input_becomes_failure(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = _write(tmp_path / name, content)
    good = _write(tmp_path / "zz_good.txt", ARTICLE)
    documents, failures = split_items(iter_documents([path, good]))
    assert [f.source for f in failures] == [str(path)]
    assert reason in failures[0].reason
    assert "\n" not in failures[0].reason
    assert [d.id for d in documents] == ["zz_good"]  # the batch goes on


def test_files_oversized_file_is_refused_with_size_and_limit(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        for _ in range(50):
            handle.write(b"x" * 1_048_575 + b"\n")
    good = _write(tmp_path / "small.txt", ARTICLE)
    documents, failures = split_items(iter_documents([big, good], max_bytes=1_000_000))
    [failure] = failures
    assert failure.source == str(big)
    assert "52,428,800 bytes" in failure.reason
    assert "1,000,000" in failure.reason
    assert "max_bytes" in failure.reason
    assert [d.id for d in documents] == ["small"]


def test_files_missing_file_is_reported(tmp_path: Path) -> None:
    [failure] = iter_documents([tmp_path / "absent.txt"])
    assert failure.reason == "no such file or folder"


def test_files_broken_json_lines_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": ARTICLE}),
        '{"id": "two", "text": "unterminated',
        json.dumps({"id": "three", "text": SECOND}),
        "[1, 2, 3]",
        json.dumps({"id": "five", "title": "no body"}),
        "",
        json.dumps({"id": "seven", "text": "Parliament met in an emergency session on Sunday."}),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    documents, failures = split_items(iter_documents([path]))
    assert [d.id for d in documents] == ["one", "three", "seven"]
    assert [(f.source, f.reason.split(":")[0]) for f in failures] == [
        (f"{path}#L2", "line 2 is not valid JSON"),
        (f"{path}#L4", "line 4 is a JSON list, not an object"),
        (f"{path}#L5", "line 5 has no text"),
    ]


def test_files_jsonl_line_over_the_limit_is_skipped(tmp_path: Path) -> None:
    long_line = json.dumps({"id": "long", "text": "word " * 500})
    path = _write(tmp_path / "batch.jsonl", f'{long_line}\n{{"id": "ok", "text": "{ARTICLE}"}}\n')
    documents, failures = split_items(iter_documents([path], max_bytes=1000))
    assert [d.id for d in documents] == ["ok"]
    [failure] = failures
    assert failure.source == f"{path}#L1"
    assert "over the limit of 1,000 bytes" in failure.reason


@pytest.mark.parametrize(
    ("content", "source_line", "reason"),
    [
        (f'id,text\nr1,"{ARTICLE}"\nr2,"bad "quoting" here"\n', 3, "malformed CSV at line 3"),
        (f'id,text\nr1,"{ARTICLE}"\nr2,too,many\n', 3, "line 3 has 3 fields but the header has 2"),
        (f'id,text\nr1,"{ARTICLE}"\nr2,\n', 3, "line 3 has no text"),
    ],
)
def test_files_bad_csv_rows(tmp_path: Path, content: str, source_line: int, reason: str) -> None:
    path = _write(tmp_path / "rows.csv", content)
    documents, failures = split_items(iter_documents([path]))
    assert [d.id for d in documents] == ["r1"]
    [failure] = failures
    assert failure.source == f"{path}#L{source_line}"
    assert reason in failure.reason


def test_files_unparseable_published_keeps_document_and_records_problem(tmp_path: Path) -> None:
    path = _write(tmp_path / "dated.txt", ARTICLE)
    _write(tmp_path / "dated.meta.json", '{"published": "sometime in spring"}')
    items = list(iter_documents([path], published="2025-01-01"))
    documents, failures = split_items(items)
    [document] = documents
    [failure] = failures
    assert document.published is None
    assert (failure.source, failure.stage) == (str(path), "metadata")
    assert "sometime in spring" in failure.reason


def test_files_unparseable_published_in_jsonl_record(tmp_path: Path) -> None:
    path = _write(tmp_path / "b.jsonl", json.dumps({"text": ARTICLE, "published": "n/a"}) + "\n")
    documents, failures = split_items(iter_documents([path]))
    assert documents[0].published is None
    assert [(f.source, f.stage) for f in failures] == [(f"{path}#L1", "metadata")]


def test_files_unknown_precision_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "p.txt", ARTICLE)
    _write(tmp_path / "p.meta.json", '{"published": "2025-03", "published_precision": "fortnight"}')
    documents, failures = split_items(iter_documents([path]))
    assert (documents[0].published, documents[0].published_precision) == ("2025-03-01", "month")
    assert failures[0].stage == "metadata"


@pytest.mark.parametrize("sidecar", ["{not json", "[1, 2]"])
def test_files_broken_sidecar_is_reported_and_document_kept(tmp_path: Path, sidecar: str) -> None:
    path = _write(tmp_path / "s.txt", ARTICLE)
    _write(tmp_path / "s.meta.json", sidecar)
    documents, failures = split_items(iter_documents([path]))
    assert [d.id for d in documents] == ["s"]
    [failure] = failures
    assert (failure.source, failure.stage) == (str(tmp_path / "s.meta.json"), "metadata")
