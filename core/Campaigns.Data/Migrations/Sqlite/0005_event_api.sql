-- Schema version 5 for SQLite: the event and catalog API. Events carry their type-specific properties (a search's
-- query, a review's text and rating) as JSON text; writers authenticate with API keys stored only as SHA-256 hashes.

ALTER TABLE events ADD COLUMN properties TEXT;

CREATE TABLE api_keys (
    name        TEXT PRIMARY KEY,
    key_hash    TEXT NOT NULL UNIQUE,
    scopes      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
