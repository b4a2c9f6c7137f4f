-- Schema version 6 for SQLite: secrets generated on first use and shared by every host of the installation (the
-- HMAC key of erased customers' hashed ids, unless Campaigns:Privacy:Secret is configured).

CREATE TABLE installation_secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
