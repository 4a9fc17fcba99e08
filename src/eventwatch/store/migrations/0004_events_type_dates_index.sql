-- 0004: ingest links each batch against the stored stories "in reach": events of
-- one kind whose dates overlap a window around the batch's events.  An index on
-- (event_type, date_start, date_end) lets that lookup read only the window
-- instead of every event of the kind.

CREATE INDEX idx_events_type_dates ON events (event_type, date_start, date_end);
