-- Schema version 1 for SQLite. Every time is INTEGER Unix milliseconds UTC, as on PostgreSQL; money is REAL.

CREATE TABLE customers (
    id          TEXT PRIMARY KEY,
    email       TEXT,
    phone       TEXT,
    time_zone   TEXT NOT NULL,
    locale      TEXT,
    consent     TEXT NOT NULL,
    attributes  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE catalog_items (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT,
    category    TEXT,
    price       REAL NOT NULL,
    stock       INTEGER,
    tags        TEXT NOT NULL,
    image_url   TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE events (
    event_id    TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    type        TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    quantity    REAL NOT NULL,
    value       REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_events_occurred_at ON events (occurred_at, event_id);
CREATE INDEX ix_events_customer ON events (customer_id, occurred_at);
CREATE INDEX ix_events_item ON events (item_id);

CREATE TABLE campaigns (
    id           TEXT NOT NULL,
    version      INTEGER NOT NULL,
    definition   TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE deliveries (
    key              TEXT PRIMARY KEY,
    campaign_id      TEXT NOT NULL,
    campaign_version INTEGER NOT NULL,
    occurrence       TEXT NOT NULL,
    customer_id      TEXT NOT NULL,
    step             TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('planned', 'sending', 'sent', 'failed', 'suppressed')),
    reason           TEXT,
    send_at          INTEGER NOT NULL,
    preferred_at     INTEGER NOT NULL,
    address          TEXT,
    subject          TEXT,
    body             TEXT,
    item_ids         TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    claimed_by       TEXT,
    lease_until      INTEGER,
    provider_id      TEXT,
    detail           TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    sent_at          INTEGER
);
CREATE INDEX ix_deliveries_due ON deliveries (state, send_at);
CREATE INDEX ix_deliveries_campaign ON deliveries (campaign_id, occurrence);

CREATE TABLE delivery_outcomes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_key TEXT NOT NULL,
    state        TEXT NOT NULL,
    detail       TEXT,
    at           INTEGER NOT NULL
);
CREATE INDEX ix_delivery_outcomes_key ON delivery_outcomes (delivery_key);
