-- Schema version 9 for PostgreSql: the decision log (variant, items, slot per message, with its probability), for reports,
-- audits and off-policy evaluation. One row per (delivery key, kind); outcomes join by delivery_key.

CREATE TABLE decisions (
    id               bigserial PRIMARY KEY,
    delivery_key     text COLLATE "C" NOT NULL,
    campaign_id      text COLLATE "C" NOT NULL,
    campaign_version integer NOT NULL,
    occurrence       text COLLATE "C" NOT NULL,
    customer_id      text COLLATE "C" NOT NULL,
    kind             text NOT NULL,
    policy           text NOT NULL,
    policy_version   text NOT NULL,
    model_version    text,
    chosen           text NOT NULL,
    probability      double precision NOT NULL CHECK (probability > 0 AND probability <= 1),
    candidates       text,
    features         text,
    decided_at       bigint NOT NULL,
    UNIQUE (delivery_key, kind)
);
CREATE INDEX ix_decisions_campaign ON decisions (campaign_id, kind, id);
CREATE INDEX ix_decisions_customer ON decisions (customer_id);
