-- Schema version 5 for PostgreSQL: the event and catalog API. Events carry their type-specific properties (a search's
-- query, a review's text and rating) as JSON text; writers authenticate with API keys stored only as SHA-256 hashes.

ALTER TABLE events ADD COLUMN properties text;

CREATE TABLE api_keys (
    name        text COLLATE "C" PRIMARY KEY,
    key_hash    text NOT NULL UNIQUE,
    scopes      text NOT NULL,
    created_at  bigint NOT NULL,
    revoked_at  bigint
);
