"""Named mentions with offsets, and the offices people are said to hold."""

from __future__ import annotations

import pytest

from eventwatch.annotate import annotate, load_nlp
from eventwatch.config import Settings
from eventwatch.extract import extract_document
from eventwatch.extract.named import NamedSpan, office_status
from eventwatch.model import Document


def _spans(text: str) -> list[NamedSpan]:
    nlp = load_nlp(Settings().model)
    (adoc,) = annotate([Document(id="t", text=text)], nlp=nlp)
    return extract_document(adoc).named


def _office(text: str, name: str) -> tuple[str, str] | None:
    span = next(s for s in _spans(text) if s.text == name)
    return (span.office.title, span.office.status) if span.office else None


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        (
            "Deputies elected the new speaker Aibek Moldoshev on Tuesday.",
            "Aibek Moldoshev",
            ("speaker", "new"),
        ),
        (
            "Talant Usenov, a former presidential candidate, was detained.",
            "Talant Usenov",
            ("presidential candidate", "former"),
        ),
        (
            "Interior Minister Ruslan Abdiev said the border was closed.",
            "Ruslan Abdiev",
            ("interior minister", "current"),
        ),
        ("The acting governor Nurlan Bekov resigned.", "Nurlan Bekov", ("governor", "acting")),
    ],
)
def test_named_reads_the_office_from_title_or_apposition(
    text: str, name: str, office: tuple[str, str]
) -> None:
    assert _office(text, name) == office


def test_named_gives_no_office_to_a_bare_name() -> None:
    assert _office("Reporters saw Sergei Ivanov leave the court in Minsk.", "Sergei Ivanov") is None


def test_named_offsets_point_into_the_text() -> None:
    text = (
        "Police in Osh detained Talant Usenov. The State Committee for National Security said so."
    )
    for span in _spans(text):
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("words", "status"),
    [
        (["former", "minister"], "former"),
        (["newly", "appointed", "envoy"], "new"),
        (["interim", "mayor"], "acting"),
        (["mayor"], "current"),
    ],
)
def test_office_status(words: list[str], status: str) -> None:
    assert office_status(words) == status
