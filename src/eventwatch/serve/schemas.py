"""The shapes of the API's requests and responses, for validation and the OpenAPI document.

Request bodies (:class:`IngestRequest`) are validated with these models.  Responses
are written directly as JSON (the event records are spliced in as stored, so
nothing is re-validated on the hot path); the response models here describe
them in ``/api/openapi.json``, and the test suite checks real responses against
that document.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "ActorDetail",
    "ActorPage",
    "DocumentDetail",
    "DocumentPage",
    "ErrorResponse",
    "EventDetail",
    "EventPage",
    "Health",
    "IngestReportModel",
    "IngestRequest",
    "PlacePage",
    "SearchResult",
    "StoryDetail",
    "StoryPage",
]

_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:~@-]{0,199}$"
_MAX_URL = 2000


class _Open(BaseModel):
    """A response object that may carry more keys than documented (records grow)."""

    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status, repeated.")
    code: str = Field(description="A short machine-readable code, e.g. not_found.")
    message: str = Field(description="What was wrong and what to do.")


class ErrorResponse(BaseModel):
    """Every failure, whatever the status."""

    error: ErrorDetail


class Entity(_Open):
    text: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    id: str | None = None


class Span(_Open):
    text: str | None = None
    start: int | None = None
    end: int | None = None


class EventRecord(_Open):
    """One event, exactly as stored (the JSON Lines record of the README)."""

    id: str
    doc_id: str
    event_type: str
    mode: str | None = None
    contexts: list[str] = []
    acled: dict[str, Any] | None = None
    actor: Entity | None = None
    recipient: Entity | None = None
    date: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    counts: dict[str, int] = {}
    factuality: str
    attribution: dict[str, Any] | None = None
    evidence: Span
    trigger: Span | None = None
    confidence: float | None = None
    outlet: str | None = None
    mentions: list[Span] = []


class EventPage(BaseModel):
    events: list[EventRecord]
    next_cursor: str | None = Field(
        description="Pass as cursor for the next page; null at the end."
    )
    total: int = Field(description="How many events match the filters.")


class DocumentMeta(_Open):
    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    ingested_at: str | None = None


class StoryRef(BaseModel):
    id: str
    corroboration: int
    independent_sources: list[str]


class EventDetail(BaseModel):
    event: EventRecord
    document: DocumentMeta | None
    story: StoryRef | None


class DocumentPage(BaseModel):
    documents: list[DocumentMeta]
    next_cursor: str | None
    total: int


class EventAnnotation(_Open):
    id: str
    event_type: str
    mode: str | None
    factuality: str
    confidence: float | None
    evidence: Span
    trigger: Span | None
    mentions: list[Span]
    spans: list[dict[str, Any]] = Field(
        description=(
            "actor / recipient / source as written, with offsets where found in the evidence; "
            "place (role place, with name, country, lat, lon) in the evidence, else where the "
            "document first names it."
        )
    )


class Attribution(BaseModel):
    event_id: str
    source: dict[str, Any] | None
    cue: Span | None
    via: list[str]
    anonymous: bool


class PlaceMention(BaseModel):
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    event_ids: list[str] = Field(description="The events that resolved to this place.")
    spans: list[Span] = Field(description="Every whole-word mention of the place in the text.")


class DocumentDetail(BaseModel):
    document: DocumentMeta
    text: str
    sentences: list[Span]
    events: list[EventAnnotation]
    attributions: list[Attribution]
    places: list[PlaceMention] = Field(
        description="Each place the events resolved to, once, in order of first mention."
    )


class ActorSummary(BaseModel):
    id: str
    name: str
    country: str | None
    sector: str | None
    aliases: list[str]
    events: int
    as_actor: int
    as_recipient: int
    as_source: int


class ActorPage(BaseModel):
    actors: list[ActorSummary]
    next_cursor: str | None
    total: int


class EventBrief(_Open):
    id: str
    doc_id: str
    event_type: str
    mode: str | None
    factuality: str
    date: dict[str, Any]
    place: str | None
    country: str | None
    confidence: float


class ActorDetail(BaseModel):
    actor: ActorSummary
    aliases: list[str]
    names: list[str] | None = Field(
        default=None,
        description="Every name the entity goes by across documents (entity resolution).",
    )
    kind: str | None = Field(default=None, description="person, organization or place.")
    offices: list[dict[str, Any]] | None = Field(
        default=None,
        description="Offices the texts give it: title, status (current, new, acting, former), "
        "as_of (publication date of the report), doc_id.",
    )
    events: dict[str, list[EventBrief]] = Field(
        description="Events by role (actor, recipient, source), newest first, up to limit each."
    )


class PlaceSummary(BaseModel):
    id: str
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    events: int


class PlacePage(BaseModel):
    places: list[PlaceSummary]
    next_cursor: str | None
    total: int


class Story(BaseModel):
    id: str
    event_type: str
    country: str | None
    earliest: str | None
    independent_sources: list[str]
    corroboration: int
    conflicts: dict[str, list[dict[str, Any]]]
    event_ids: list[str]
    doc_ids: list[str]


class StoryPage(BaseModel):
    stories: list[Story]
    next_cursor: str | None
    total: int
    stale: bool = Field(description="True while stories are being relinked after new events.")


class StoryDetail(BaseModel):
    story: Story
    events: list[EventRecord]


class SearchHits(BaseModel):
    total: int
    items: list[dict[str, Any]]


class SearchResult(BaseModel):
    q: str
    events: SearchHits
    documents: SearchHits


class Health(_Open):
    status: str
    version: str
    index: str
    events: int | None
    documents: int | None
    stories: str
    writable: bool


class IngestDocument(BaseModel):
    """One article to ingest: ``text`` or ``html``, with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(
        None,
        pattern=_ID_PATTERN,
        description="Document id; made from the text (and url) when left out.",
    )
    text: str | None = Field(None, description="Plain text (page furniture is removed).")
    html: str | None = Field(None, description="An HTML page (its main text is extracted).")
    url: str | None = Field(None, max_length=_MAX_URL)
    outlet: str | None = Field(None, max_length=300)
    title: str | None = Field(None, max_length=1000)
    author: str | None = Field(None, max_length=300)
    published: str | None = Field(
        None, max_length=64, description="Publication date, e.g. 2024-07-15."
    )

    @model_validator(mode="after")
    def _has_body(self) -> IngestDocument:
        if not (self.text and self.text.strip()) and not (self.html and self.html.strip()):
            raise ValueError("give 'text' or 'html' with the article")
        if self.text and self.html:
            raise ValueError("give either 'text' or 'html', not both")
        return self


def _check_http_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{value[:100]!r} is not an http(s) URL")
    return value.strip()


class IngestRequest(BaseModel):
    """Articles to store: given inline, as URLs to fetch, or as a feed to read."""

    model_config = ConfigDict(extra="forbid")

    documents: list[IngestDocument] | None = Field(None, max_length=1000)
    urls: list[str] | None = Field(None, max_length=100)
    feed: str | None = Field(None, max_length=_MAX_URL)

    @field_validator("urls")
    @classmethod
    def _urls(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        for url in value:
            if len(url) > _MAX_URL:
                raise ValueError(f"a URL is longer than {_MAX_URL} characters")
        return [_check_http_url(url) for url in value]

    @field_validator("feed")
    @classmethod
    def _feed(cls, value: str | None) -> str | None:
        return None if value is None else _check_http_url(value)

    @model_validator(mode="after")
    def _not_empty(self) -> IngestRequest:
        if not (self.documents or self.urls or self.feed):
            raise ValueError("give 'documents', 'urls' or 'feed'")
        return self


class IngestFailureModel(BaseModel):
    source: str
    stage: str
    reason: str


class IngestReportModel(BaseModel):
    documents: int = Field(description="Documents stored.")
    events: int = Field(description="Events stored with them.")
    skipped: int = Field(description="Documents whose text was already stored.")
    stored_ids: list[str]
    failures: list[IngestFailureModel]
