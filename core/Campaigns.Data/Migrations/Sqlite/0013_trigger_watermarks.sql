-- Schema version 13 for Sqlite: how far each trigger campaign's live matching is known to be planned. The trigger
-- queue lives in memory; after a crash the worker re-matches the stored events from a little before this mark
-- (docs/triggers.md, "Durability"). Advanced only after a micro-batch's ledger rows are committed.

CREATE TABLE trigger_watermarks (
    campaign_id       TEXT NOT NULL PRIMARY KEY,
    accepted_through  INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
