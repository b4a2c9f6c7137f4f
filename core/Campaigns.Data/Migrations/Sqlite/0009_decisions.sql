-- Schema version 9 for Sqlite: the decision log (variant, items, slot per message, with its probability), for reports,
-- audits and off-policy evaluation. One row per (delivery key, kind); outcomes join by delivery_key.

CREATE TABLE decisions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_key     TEXT NOT NULL,
    campaign_id      TEXT NOT NULL,
    campaign_version INTEGER NOT NULL,
    occurrence       TEXT NOT NULL,
    customer_id      TEXT NOT NULL,
    kind             TEXT NOT NULL,
    policy           TEXT NOT NULL,
    policy_version   TEXT NOT NULL,
    model_version    TEXT,
    chosen           TEXT NOT NULL,
    probability      REAL NOT NULL CHECK (probability > 0 AND probability <= 1),
    candidates       TEXT,
    features         TEXT,
    decided_at       INTEGER NOT NULL,
    UNIQUE (delivery_key, kind)
);
CREATE INDEX ix_decisions_campaign ON decisions (campaign_id, kind, id);
CREATE INDEX ix_decisions_customer ON decisions (customer_id);
