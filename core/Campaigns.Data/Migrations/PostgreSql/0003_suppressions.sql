-- Schema version 3 for PostgreSQL: the global suppression list (bounced, unsubscribed, complained), per channel kind.

CREATE TABLE suppressions (
    customer_id  text COLLATE "C" NOT NULL,
    channel_kind text NOT NULL,
    reason       text NOT NULL,
    detail       text,
    created_at   bigint NOT NULL,
    PRIMARY KEY (customer_id, channel_kind)
);
