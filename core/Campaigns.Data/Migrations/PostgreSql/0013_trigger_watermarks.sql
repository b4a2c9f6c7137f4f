-- Schema version 13 for PostgreSQL: how far each trigger campaign's live matching is known to be planned. The trigger
-- queue lives in memory; after a crash the worker re-matches the stored events from a little before this mark
-- (docs/triggers.md, "Durability"). Advanced only after a micro-batch's ledger rows are committed.

CREATE TABLE trigger_watermarks (
    campaign_id       text COLLATE "C" PRIMARY KEY,
    accepted_through  bigint NOT NULL,
    updated_at        bigint NOT NULL
);
