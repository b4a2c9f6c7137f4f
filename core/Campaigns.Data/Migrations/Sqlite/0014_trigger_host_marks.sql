-- Schema version 14 for Sqlite: trigger durability with several hosts (docs/triggers.md, "Durability").
-- events.accepted_at is when the write that stored an event was accepted (null for rows written before this version):
-- the sweep replays by it, not by occurred_at, so an event a client buffered for hours is still found.
ALTER TABLE events ADD COLUMN accepted_at INTEGER;
CREATE INDEX ix_events_accepted_at ON events (accepted_at) WHERE accepted_at IS NOT NULL;

-- The catalog writes that start a moment (stock 0 -> more, a lower price), kept so back-in-stock and price-drop
-- moments can be replayed; written in the same transaction as the item.
CREATE TABLE catalog_changes (
    item_id         TEXT NOT NULL,
    changed_at      INTEGER NOT NULL,
    price           REAL NOT NULL,
    previous_price  REAL,
    stock           INTEGER,
    previous_stock  INTEGER,
    PRIMARY KEY (item_id, changed_at)
) WITHOUT ROWID;
CREATE INDEX ix_catalog_changes_changed_at ON catalog_changes (changed_at);

-- Each host's marks: per trigger campaign, the accept time up to which what this host accepted is in the ledger;
-- campaign_id '' is the host's own row (its floor for campaigns it had not listed). seen_at is its last heartbeat.
CREATE TABLE trigger_host_marks (
    host_id           TEXT NOT NULL,
    campaign_id       TEXT NOT NULL,
    accepted_through  INTEGER NOT NULL,
    seen_at           INTEGER NOT NULL,
    PRIMARY KEY (host_id, campaign_id)
);
CREATE INDEX ix_trigger_host_marks_seen_at ON trigger_host_marks (seen_at);

-- The shared marks of version 13 become the marks of a host that is gone: the first sweep adopts and replays them.
INSERT INTO trigger_host_marks (host_id, campaign_id, accepted_through, seen_at)
SELECT 'before-schema-14', campaign_id, accepted_through, 0 FROM trigger_watermarks;
DROP TABLE trigger_watermarks;
