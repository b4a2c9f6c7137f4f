-- Schema version 3 for SQLite: the global suppression list (bounced, unsubscribed, complained), per channel kind.

CREATE TABLE suppressions (
    customer_id  TEXT NOT NULL,
    channel_kind TEXT NOT NULL,
    reason       TEXT NOT NULL,
    detail       TEXT,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (customer_id, channel_kind)
);
