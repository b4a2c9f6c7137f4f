-- Schema version 6 for PostgreSQL: secrets generated on first use and shared by every host of the installation (the
-- HMAC key of erased customers' hashed ids, unless Campaigns:Privacy:Secret is configured).

CREATE TABLE installation_secrets (
    name       text COLLATE "C" PRIMARY KEY,
    value      text NOT NULL,
    created_at bigint NOT NULL
);
