-- 0003: an index in the order documents are listed (time of ingest, then id,
-- byte by byte), so Store.documents(limit=..., offset=...) walks the index
-- instead of sorting the whole table: the server's read model checks for new
-- documents with one such call every few seconds.  COLLATE BINARY is rendered
-- for each backend (COLLATE "C" on PostgreSQL), as in the store's queries, so
-- the planner can match the index to their ORDER BY.

CREATE INDEX idx_documents_ingest_order
    ON documents (ingested_at COLLATE BINARY, id COLLATE BINARY);
