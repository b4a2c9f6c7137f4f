-- Schema version 2 for PostgreSQL: what the scheduler needs (provider_pace times are Unix microseconds: permits can be 200 µs apart). Frequency caps count ledger rows by customer, channel
-- kind and the customer's local day; provider rate limits keep one pacing row per provider, shared by every host.

ALTER TABLE deliveries ADD COLUMN channel_kind text;
ALTER TABLE deliveries ADD COLUMN local_day integer;
ALTER TABLE deliveries ADD COLUMN decision text;
CREATE INDEX ix_deliveries_contacts ON deliveries (customer_id, channel_kind, local_day);

CREATE TABLE provider_pace (
    provider     text COLLATE "C" PRIMARY KEY,
    next_at      bigint NOT NULL,
    paused_until bigint NOT NULL DEFAULT 0
);
