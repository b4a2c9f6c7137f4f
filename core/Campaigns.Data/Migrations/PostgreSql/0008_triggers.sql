-- Schema version 8 for PostgreSql: trigger campaigns. A triggered message remembers the item and the instant of the moment
-- that started it, so a later purchase (of that item, or of anything) can cancel it while it is still planned, and a
-- cooldown can look up the customer's recent triggered messages. The partial index holds triggered rows only.

ALTER TABLE deliveries ADD COLUMN trigger_item_id text COLLATE "C";
ALTER TABLE deliveries ADD COLUMN triggered_at bigint;
CREATE INDEX ix_deliveries_triggered ON deliveries (customer_id, campaign_id, state) WHERE triggered_at IS NOT NULL;
