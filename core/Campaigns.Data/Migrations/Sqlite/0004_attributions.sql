-- Schema version 4 for SQLite: purchases credited to the message that led to them (conversion attribution).

CREATE TABLE attributions (
    purchase_event_id TEXT PRIMARY KEY,
    delivery_key      TEXT NOT NULL,
    campaign_id       TEXT NOT NULL,
    customer_id       TEXT NOT NULL,
    item_id           TEXT NOT NULL,
    via               TEXT NOT NULL CHECK (via IN ('click', 'view')),
    recommended       INTEGER NOT NULL,
    revenue           REAL NOT NULL,
    purchased_at      INTEGER NOT NULL
);
CREATE INDEX ix_attributions_campaign ON attributions (campaign_id, purchased_at);
CREATE INDEX ix_events_type_time ON events (type, occurred_at);
