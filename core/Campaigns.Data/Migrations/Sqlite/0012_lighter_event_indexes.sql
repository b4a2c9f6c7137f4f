-- Schema version 12 for SQLite: a lighter events table to write (issue 5). Every index costs each inserted event;
-- (type, occurred_at) was there only for the scan of a window's purchases (attribution) and reads of purchases alone,
-- every other query leads with customer_id, item_id or event_id. A partial index over purchases serves those scans and
-- costs nothing for the views, carts and searches that make up most of the stream.

CREATE INDEX ix_events_purchases ON events (occurred_at, event_id) WHERE type = 'purchase';
DROP INDEX ix_events_type_time;
