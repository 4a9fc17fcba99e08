"""Which date each event mention takes: its clause's, its sentence's opening one, or one
carried from the sentences just before (hand-made mentions; no parsing involved)."""

from __future__ import annotations

import re

import pytest

from eventwatch.extract import EventMention, ExtractedDocument
from eventwatch.model import Document
from eventwatch.resolve.event_dates import event_date, passage_date, sentence_dates


def _document(text: str, published: str, events: list[tuple[str, str, bool]]) -> ExtractedDocument:
    """A document whose sentences end at ". " or a blank line, with one mention per
    ``(trigger word, event type, background)``; each mention's clause is its whole sentence."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^\s][^\n]*?(?:\.(?= |\n|$)|$)", text)]
    mentions = []
    for word, event_type, background in events:
        at = text.index(word)
        number, (start, end) = next((n, s) for n, s in enumerate(sentences) if s[0] <= at < s[1])
        mentions.append(
            EventMention(
                doc_id="d",
                sentence_index=number,
                paragraph_index=0,
                sentence=(start, end, text[start:end]),
                trigger=(at, at + len(word), word),
                event_type=event_type,
                mode=None,
                acled=None,
                weight=1.0,
                background=background,
                date_scope=[(start, end)],
            )
        )
    document = Document(id="d", text=text, published=published)
    return ExtractedDocument(document, mentions, [], [], sentences)


def _dates(text: str, published: str, *events: tuple[str, str, bool]) -> list[str | None]:
    extracted = _document(text, published, list(events))
    dates, carried = sentence_dates(extracted)
    picked = [event_date(m, dates, carried) for m in extracted.mentions]
    return [p.range.start if p else None for p in picked]


def test_event_dates_an_opening_date_carries_to_the_next_sentences_of_other_kinds() -> None:
    text = "On 8 May 2020, police raided a farm near the town. A man was arrested."
    assert _dates(
        text, "2020-05-11", ("raided", "ASSAULT", False), ("arrested", "COERCE", False)
    ) == [
        "2020-05-08",
        "2020-05-08",
    ]


def test_event_dates_a_date_inside_a_sentence_carries_only_to_its_own_kind() -> None:
    text = "Rebels shelled the town, police said on Monday. A man was arrested."
    found = _dates(text, "2020-05-13", ("shelled", "ASSAULT", False), ("arrested", "COERCE", False))
    assert found == ["2020-05-11", None]


def test_event_dates_an_opening_date_holds_for_its_paragraph_not_the_next() -> None:
    text = (
        "On 8 May 2020, crowds gathered in the square. Speakers addressed them. "
        "Police watched. Twelve people were detained.\n\n"
        "Officials said later. Nobody spoke. A lawyer was detained."
    )
    found = _dates(
        text,
        "2020-05-11",
        ("Twelve people were detained", "COERCE", False),
        ("A lawyer was detained", "COERCE", False),
    )
    assert found == ["2020-05-08", None]


def test_event_dates_a_mention_in_passing_takes_the_opening_date() -> None:
    text = "On 7 May 2020, a bomb exploded near a checkpoint, leaving one officer injured."
    assert _dates(text, "2020-05-11", ("injured", "ASSAULT", True)) == ["2020-05-07"]


def test_event_dates_a_mention_in_passing_takes_only_an_opening_date_carried() -> None:
    text = "On 7 May 2020, a bomb exploded near a bank. One soldier was left injured."
    assert _dates(text, "2020-05-11", ("injured", "ASSAULT", True)) == ["2020-05-07"]
    text = "A bomb exploded near a bank, police said on Thursday. One soldier was left injured."
    found = _dates(text, "2020-05-11", ("exploded", "ASSAULT", False), ("injured", "ASSAULT", True))
    assert found == ["2020-05-07", None]


def test_event_dates_a_mention_in_passing_takes_no_date_of_another_clause() -> None:
    text = "The already detained editor was sentenced on Friday to five years."
    assert _dates(text, "2020-05-11", ("detained", "COERCE", True)) == [None]


def test_event_dates_the_dateline_date_is_skipped_but_not_the_sentences_own() -> None:
    text = "TASHKENT, Jan 31 (Wire) — A court on Monday sentenced a journalist to 16 years."
    assert _dates(text, "2023-01-31", ("sentenced", "SANCTION", False)) == ["2023-01-30"]
    text = "TASHKENT, Jan 31 (Wire) — A court sentenced a journalist to 16 years."
    assert _dates(text, "2023-01-31", ("sentenced", "SANCTION", False)) == [None]


def test_event_dates_so_long_after_dates_only_the_clause_it_introduces() -> None:
    text = "Lawyers appealed on Monday, four days after the court sentenced him."
    found = _dates(
        text, "2025-03-11", ("appealed", "APPEAL", False), ("sentenced", "SANCTION", False)
    )
    assert found == ["2025-03-10", "2025-03-06"]


@pytest.mark.parametrize(
    "second",
    ["Four people were arrested after a brawl.", "A brawl followed and four were arrested."],
)
def test_event_dates_a_carried_sentence_gives_its_opening_date_first(second: str) -> None:
    text = f"On 8 May 2020, people protested the arrest of two men a day before. {second}"
    found = _dates(
        text, "2020-05-11", ("arrest of", "COERCE", False), ("arrested", "COERCE", False)
    )
    assert found[1] == "2020-05-08"


def test_event_dates_a_bracketed_range_qualifies_the_date_before_it() -> None:
    text = "Around 2 May 2020 (from 2 - 4 May), residents marched against the curfew."
    assert _dates(text, "2020-05-11", ("marched", "PROTEST", False)) == ["2020-05-02"]


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("As reported on 30 April 2020, in Zapopan, gunmen torched a bus.", "2020-04-30"),
        ("Late on Monday, gunmen torched a bus.", "2020-05-11"),
        ("Gunmen torched a bus, police said on Monday.", None),
    ],
)
def test_event_dates_only_an_opening_date_carries_to_other_kinds(
    first: str, expected: str | None
) -> None:
    text = f"{first} A driver was detained."
    found = _dates(text, "2020-05-13", ("torched", "ASSAULT", False), ("detained", "COERCE", False))
    assert found[1] == expected


def test_event_dates_a_sentence_without_an_event_word_takes_its_passage_date() -> None:
    text = (
        "On 8 May 2020, shots were heard near the market. Heavy fire followed in the area. "
        "Lawyers spoke on Monday, four days after the raid."
    )
    extracted = _document(text, "2020-05-13", [])
    dates, carried = sentence_dates(extracted)
    starts = [start for start, _ in extracted.sentences]
    found = [passage_date(start, dates, carried) for start in starts]
    assert [d.range.start if d else None for d in found] == [
        "2020-05-08",
        "2020-05-08",
        "2020-05-11",
    ]
