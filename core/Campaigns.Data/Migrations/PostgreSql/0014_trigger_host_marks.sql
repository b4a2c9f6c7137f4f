-- Schema version 14 for PostgreSQL: trigger durability with several hosts (docs/triggers.md, "Durability").
-- events.accepted_at is when the write that stored an event was accepted (null for rows written before this version):
-- the sweep replays by it, not by occurred_at, so an event a client buffered for hours is still found. BRIN: rows
-- arrive in accept order, so a block range index finds a window at almost no cost per insert.
ALTER TABLE events ADD COLUMN accepted_at bigint;
CREATE INDEX ix_events_accepted_at ON events USING brin (accepted_at);

-- The catalog writes that start a moment (stock 0 -> more, a lower price), kept so back-in-stock and price-drop
-- moments can be replayed; written in the same transaction as the item.
CREATE TABLE catalog_changes (
    item_id         text COLLATE "C" NOT NULL,
    changed_at      bigint NOT NULL,
    price           numeric NOT NULL,
    previous_price  numeric,
    stock           integer,
    previous_stock  integer,
    PRIMARY KEY (item_id, changed_at)
);
CREATE INDEX ix_catalog_changes_changed_at ON catalog_changes (changed_at);

-- Each host's marks: per trigger campaign, the accept time up to which what this host accepted is in the ledger;
-- campaign_id '' is the host's own row (its floor for campaigns it had not listed). seen_at is its last heartbeat.
CREATE TABLE trigger_host_marks (
    host_id           text COLLATE "C" NOT NULL,
    campaign_id       text COLLATE "C" NOT NULL,
    accepted_through  bigint NOT NULL,
    seen_at           bigint NOT NULL,
    PRIMARY KEY (host_id, campaign_id)
);
CREATE INDEX ix_trigger_host_marks_seen_at ON trigger_host_marks (seen_at);

-- The shared marks of version 13 become the marks of a host that is gone: the first sweep adopts and replays them.
INSERT INTO trigger_host_marks (host_id, campaign_id, accepted_through, seen_at)
SELECT 'before-schema-14', campaign_id, accepted_through, 0 FROM trigger_watermarks;
DROP TABLE trigger_watermarks;
