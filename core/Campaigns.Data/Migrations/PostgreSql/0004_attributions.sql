-- Schema version 4 for PostgreSQL: purchases credited to the message that led to them (conversion attribution).

CREATE TABLE attributions (
    purchase_event_id text COLLATE "C" PRIMARY KEY,
    delivery_key      text COLLATE "C" NOT NULL,
    campaign_id       text COLLATE "C" NOT NULL,
    customer_id       text COLLATE "C" NOT NULL,
    item_id           text COLLATE "C" NOT NULL,
    via               text NOT NULL CHECK (via IN ('click', 'view')),
    recommended       boolean NOT NULL,
    revenue           numeric NOT NULL,
    purchased_at      bigint NOT NULL
);
CREATE INDEX ix_attributions_campaign ON attributions (campaign_id, purchased_at);
CREATE INDEX ix_events_type_time ON events (type, occurred_at);
