-- 0001: the initial eventwatch schema.
--
-- Portable SQL: runs on SQLite and PostgreSQL.  {{AUTOINCREMENT_PK}} is filled in by
-- the backend's dialect.  "start" and "end" are quoted because END is a keyword.
-- The schema_migrations ledger itself is created by migrate.py before any migration.
-- Columns ending in _folded hold case-folded copies for case-insensitive search.

CREATE TABLE documents (
    id                  TEXT PRIMARY KEY,
    content_hash        TEXT NOT NULL UNIQUE,
    url                 TEXT,
    outlet              TEXT,
    title               TEXT,
    author              TEXT,
    published           TEXT,
    published_precision TEXT,
    language            TEXT,
    source_path         TEXT,
    text                TEXT NOT NULL,
    ingested_at         TEXT NOT NULL
);
CREATE INDEX idx_documents_ingested_at ON documents (ingested_at);
CREATE INDEX idx_documents_outlet ON documents (outlet);

CREATE TABLE sentences (
    doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE entities (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT,
    sector  TEXT
);

CREATE TABLE events (
    id                   TEXT PRIMARY KEY,
    doc_id               TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event_type           TEXT NOT NULL,
    mode                 TEXT,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    factuality           TEXT NOT NULL,
    confidence           DOUBLE PRECISION,
    date_text            TEXT,
    date_start           TEXT,
    date_end             TEXT,
    date_precision       TEXT,
    date_basis           TEXT,
    location_name        TEXT,
    location_country     TEXT,
    location_admin1      TEXT,
    lat                  DOUBLE PRECISION,
    lon                  DOUBLE PRECISION,
    killed               INTEGER,
    injured              INTEGER,
    arrested             INTEGER,
    participants         INTEGER,
    evidence_start       INTEGER NOT NULL,
    evidence_end         INTEGER NOT NULL,
    evidence_text        TEXT NOT NULL,
    evidence_folded      TEXT NOT NULL,
    record_json          TEXT NOT NULL
);
CREATE INDEX idx_events_doc_id ON events (doc_id, evidence_start);
CREATE INDEX idx_events_type_mode ON events (event_type, mode);
CREATE INDEX idx_events_mode ON events (mode);
CREATE INDEX idx_events_factuality ON events (factuality);
CREATE INDEX idx_events_location_country ON events (location_country);
CREATE INDEX idx_events_date_start ON events (date_start);
CREATE INDEX idx_events_date_end ON events (date_end);

CREATE TABLE event_arguments (
    event_id    TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('actor', 'recipient', 'source')),
    text        TEXT,
    name        TEXT,
    entity_id   TEXT REFERENCES entities (id),
    country     TEXT,
    sector      TEXT,
    text_folded TEXT NOT NULL
);
CREATE INDEX idx_event_arguments_event_id ON event_arguments (event_id);
CREATE INDEX idx_event_arguments_country ON event_arguments (country, role, event_id);
CREATE INDEX idx_event_arguments_entity_id ON event_arguments (entity_id);

CREATE TABLE attributions (
    event_id    TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    source_text TEXT,
    source_name TEXT,
    cue         TEXT,
    via_json    TEXT NOT NULL,
    anonymous   INTEGER NOT NULL
);
CREATE INDEX idx_attributions_event_id ON attributions (event_id);

CREATE TABLE ingest_failures (
    id     {{AUTOINCREMENT_PK}},
    source TEXT NOT NULL,
    stage  TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
);
CREATE INDEX idx_ingest_failures_stage ON ingest_failures (stage);
