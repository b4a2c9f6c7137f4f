-- Schema version 1 for PostgreSQL. Every time is bigint Unix milliseconds UTC, as on SQLite.
-- Ids compare byte-wise (COLLATE "C"): keyset paging and ORDER BY then agree with SQLite and with ordinal order in C#,
-- and the comparisons are cheaper than a linguistic collation.

CREATE TABLE customers (
    id          text COLLATE "C" PRIMARY KEY,
    email       text,
    phone       text,
    time_zone   text NOT NULL,
    locale      text,
    consent     text NOT NULL,
    attributes  text NOT NULL,
    created_at  bigint NOT NULL,
    updated_at  bigint NOT NULL
);

CREATE TABLE catalog_items (
    id          text COLLATE "C" PRIMARY KEY,
    title       text NOT NULL,
    description text,
    category    text,
    price       numeric NOT NULL,
    stock       integer,
    tags        text NOT NULL,
    image_url   text,
    created_at  bigint NOT NULL,
    updated_at  bigint NOT NULL
);

CREATE TABLE events (
    event_id    text COLLATE "C" PRIMARY KEY,
    customer_id text COLLATE "C" NOT NULL,
    item_id     text COLLATE "C" NOT NULL,
    type        text NOT NULL,
    occurred_at bigint NOT NULL,
    quantity    double precision NOT NULL,
    value       numeric NOT NULL
);
CREATE INDEX ix_events_occurred_at ON events (occurred_at, event_id);
CREATE INDEX ix_events_customer ON events (customer_id, occurred_at);
CREATE INDEX ix_events_item ON events (item_id);

CREATE TABLE campaigns (
    id           text COLLATE "C" NOT NULL,
    version      integer NOT NULL,
    definition   text NOT NULL,
    content_hash text NOT NULL,
    created_at   bigint NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE deliveries (
    key              text COLLATE "C" PRIMARY KEY,
    campaign_id      text COLLATE "C" NOT NULL,
    campaign_version integer NOT NULL,
    occurrence       text COLLATE "C" NOT NULL,
    customer_id      text COLLATE "C" NOT NULL,
    step             text NOT NULL,
    state            text NOT NULL CHECK (state IN ('planned', 'sending', 'sent', 'failed', 'suppressed')),
    reason           text,
    send_at          bigint NOT NULL,
    preferred_at     bigint NOT NULL,
    address          text,
    subject          text,
    body             text,
    item_ids         text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    claimed_by       text,
    lease_until      bigint,
    provider_id      text,
    detail           text,
    created_at       bigint NOT NULL,
    updated_at       bigint NOT NULL,
    sent_at          bigint
);
CREATE INDEX ix_deliveries_due ON deliveries (state, send_at);
CREATE INDEX ix_deliveries_campaign ON deliveries (campaign_id, occurrence);

CREATE TABLE delivery_outcomes (
    id           bigserial PRIMARY KEY,
    delivery_key text COLLATE "C" NOT NULL,
    state        text NOT NULL,
    detail       text,
    at           bigint NOT NULL
);
CREATE INDEX ix_delivery_outcomes_key ON delivery_outcomes (delivery_key);
