from __future__ import annotations

import pytest

from eventwatch.annotate import annotate, split_chunks
from eventwatch.model import Document


@pytest.mark.parametrize("limit", [40, 100, 1000])
def test_annotate_split_chunks_cover_the_text_exactly(limit: int) -> None:
    text = "\n".join(f"Paragraph {i} says something about the vote." for i in range(30))
    pieces = split_chunks(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(len(piece) <= limit for _, piece in pieces)


def test_annotate_line_breaks_end_sentences(nlp) -> None:
    text = "Army Chief Sacked\nThe president dismissed the army chief on Monday."
    [annotated] = list(annotate([Document("d", text)], nlp=nlp))
    starts = [text[s:e] for s, e in annotated.sentence_spans()]
    assert starts == ["Army Chief Sacked", "The president dismissed the army chief on Monday."]


def test_annotate_long_documents_keep_offsets(nlp) -> None:
    paragraph = "Police arrested two men in Osh on Monday.\n"
    text = paragraph * 50
    [annotated] = list(annotate([Document("d", text)], nlp=nlp, chunk_chars=300))
    assert len(annotated.chunks) > 1
    spans = annotated.sentence_spans()
    assert len(spans) == 50
    assert all(text[s:e] == paragraph.strip() for s, e in spans)


def test_annotate_keeps_input_order(nlp) -> None:
    documents = [Document(str(i), f"Story number {i} is short.") for i in range(7)]
    out = [a.document.id for a in annotate(documents, nlp=nlp, batch_size=2)]
    assert out == [str(i) for i in range(7)]
