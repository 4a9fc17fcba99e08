"""iter_documents: source expansion, ordering, duplicates, argument checks, robustness."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from eventwatch.errors import ConfigError, InputError
from eventwatch.ingest import iter_documents
from eventwatch.ingest import sources as sources_module
from eventwatch.ingest.records import IngestContext, Item

from .conftest import split_items

TEXTS = {
    "alpha": "The cabinet approved a draft law on public assemblies on Tuesday.",
    "bravo": "Police reopened the main road to the airport after two days of protests.",
    "charlie": "The central bank governor was dismissed by presidential decree on Friday.",
    "delta": "Deputies voted to lift the immunity of two opposition members.",
}


def _tree(root: Path) -> Path:
    """A folder with nested files, hidden entries and a sidecar."""
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "b.txt").write_text(TEXTS["bravo"], encoding="utf-8")
    (root / "a.txt").write_text(TEXTS["alpha"], encoding="utf-8")
    (root / "a.meta.json").write_text('{"outlet": "Sidecar Outlet"}', encoding="utf-8")
    (root / "sub" / "c.txt").write_text(TEXTS["charlie"], encoding="utf-8")
    (root / "sub" / "d.jsonl").write_text(f'{{"text": "{TEXTS["delta"]}"}}\n', encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden files are never read.", encoding="utf-8")
    (root / ".git" / "config.txt").write_text("Neither are hidden folders.", encoding="utf-8")
    return root


def test_sources_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = _tree(tmp_path / "corpus")
    documents, failures = split_items(iter_documents([root]))
    assert failures == []
    assert [d.source_path for d in documents] == [
        str(root / "a.txt"),
        str(root / "b.txt"),
        str(root / "sub" / "c.txt"),
        f"{root / 'sub' / 'd.jsonl'}#L1",
    ]
    assert documents[0].outlet == "Sidecar Outlet"
    assert [d.id for d in documents] == ["a", "b", "c", "d-1"]


def test_sources_single_string_is_one_source(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(TEXTS["alpha"], encoding="utf-8")
    assert [d.id for d in iter_documents(str(path))] == ["one"]


def test_sources_exact_duplicates_are_yielded_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    first = tmp_path / "first.txt"
    copy = tmp_path / "copy.txt"
    first.write_text(TEXTS["alpha"], encoding="utf-8")
    copy.write_text("  " + TEXTS["alpha"].replace(" ", "  ") + "\n\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="eventwatch.ingest"):
        documents = list(iter_documents([first, copy]))
    assert [d.id for d in documents] == ["first"]
    assert any(str(copy) in r.getMessage() and r.levelno == logging.INFO for r in caplog.records)


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("ftp://files.example/a.txt", "unsupported URL scheme 'ftp'"),
        ("missing/folder/", "no such file or folder"),
        ("notes.meta.json", "is a metadata sidecar"),
    ],
)
def test_sources_unusable_sources_become_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, reason: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.meta.json").write_text("{}", encoding="utf-8")
    [failure] = iter_documents([source])
    assert failure.source == source
    assert reason in failure.reason


def test_sources_file_url_is_read(tmp_path: Path) -> None:
    path = tmp_path / "local.txt"
    path.write_text(TEXTS["bravo"], encoding="utf-8")
    [document] = iter_documents([path.as_uri()])
    assert document.text == TEXTS["bravo"]


def test_sources_bad_published_argument_raises_at_once() -> None:
    with pytest.raises(InputError, match="not a recognised date"):
        iter_documents(["anything"], published="the day after tomorrow")


@pytest.mark.parametrize("max_bytes", [0, -5, 1.5, True])
def test_sources_bad_max_bytes_raises_at_once(max_bytes: object) -> None:
    with pytest.raises(ConfigError, match="max_bytes"):
        iter_documents(["anything"], max_bytes=max_bytes)  # type: ignore[arg-type]


def test_sources_reader_crash_becomes_failure_and_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_reader(path: Path, context: IngestContext) -> Iterator[Item]:
        raise RuntimeError("reader bug")
        yield  # pragma: no cover

    monkeypatch.setitem(sources_module._READERS, ".boom", broken_reader)
    (tmp_path / "a.boom").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXTS["alpha"], encoding="utf-8")
    documents, failures = split_items(iter_documents([tmp_path]))
    assert [d.id for d in documents] == ["b"]
    [failure] = failures
    assert failure.source == str(tmp_path / "a.boom")
    assert "RuntimeError: reader bug" in failure.reason


def test_sources_register_reader_adds_an_extension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources_module, "_READERS", dict(sources_module._READERS))
    sources_module.register_reader("story", sources_module.reader_for(Path("x.txt")))
    (tmp_path / "one.story").write_text(TEXTS["delta"], encoding="utf-8")
    assert [d.text for d in iter_documents([tmp_path / "one.story"])] == [TEXTS["delta"]]


def test_sources_caller_client_is_left_open(tmp_path: Path) -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(404)))
    list(iter_documents(["https://news.example/a"], client=client))
    assert not client.is_closed
    client.close()


def test_sources_streams_lazily(tmp_path: Path) -> None:
    for name, text in TEXTS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    iterator = iter_documents([tmp_path])
    first = next(iterator)
    assert first.id == "alpha"
    iterator.close()
