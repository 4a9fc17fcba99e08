-- 0002: canonical entities across documents, their mentions, and stories.
--
-- entities gains what entity resolution knows of a named entity: its kind
-- (person, organization, place; NULL for participants that are descriptions),
-- its aliases and offices (JSON lists) and how many documents name it.
-- entity_mentions holds every named mention with its offsets and entity.
-- stories holds one row per story (the summary as JSON); events.story_id
-- names the story an event was linked into (NULL: not linkable).

ALTER TABLE entities ADD COLUMN kind TEXT;
ALTER TABLE entities ADD COLUMN aliases_json TEXT;
ALTER TABLE entities ADD COLUMN offices_json TEXT;
ALTER TABLE entities ADD COLUMN documents INTEGER;
ALTER TABLE entities ADD COLUMN name_folded TEXT;
CREATE INDEX idx_entities_kind ON entities (kind);

CREATE TABLE entity_mentions (
    doc_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    "start"   INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kind      TEXT NOT NULL
);
CREATE INDEX idx_entity_mentions_doc ON entity_mentions (doc_id, "start");
CREATE INDEX idx_entity_mentions_entity ON entity_mentions (entity_id);

ALTER TABLE events ADD COLUMN story_id TEXT;
CREATE INDEX idx_events_story_id ON events (story_id);
CREATE INDEX idx_events_link_block ON events (event_type, location_country, date_start);

CREATE TABLE stories (
    id             TEXT PRIMARY KEY,
    event_type     TEXT NOT NULL,
    country        TEXT,
    earliest       TEXT,
    corroboration  INTEGER NOT NULL,
    event_count    INTEGER NOT NULL,
    document_count INTEGER NOT NULL,
    summary_json   TEXT NOT NULL
);
CREATE INDEX idx_stories_earliest ON stories (earliest);
CREATE INDEX idx_stories_corroboration ON stories (corroboration);
