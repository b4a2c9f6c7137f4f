-- Schema version 7 for Sqlite: customer profiles. The numeric fields a rule segment filters on are typed columns; maps and
-- lists (affinities, hours, cart, engagement, tags) are JSON text. Times are Unix milliseconds UTC; money is REAL.

CREATE TABLE profiles (
    customer_id            TEXT PRIMARY KEY,
    computed_at            INTEGER NOT NULL,
    days_since_last_order  REAL,
    last_order_at          INTEGER,
    orders_30d             INTEGER NOT NULL,
    orders_90d             INTEGER NOT NULL,
    orders_365d            INTEGER NOT NULL,
    orders_total           INTEGER NOT NULL,
    revenue_90d            REAL NOT NULL,
    revenue_total          REAL NOT NULL,
    avg_order_value        REAL NOT NULL,
    interval_mean_days     REAL,
    interval_std_days      REAL,
    expected_next_order_at INTEGER,
    price_sensitivity      REAL,
    top_hour               INTEGER,
    cart_value             REAL NOT NULL,
    cart_updated_at        INTEGER,
    category_affinity      TEXT NOT NULL,
    brand_affinity         TEXT NOT NULL,
    activity_hours         TEXT NOT NULL,
    cart_items             TEXT NOT NULL,
    engagement             TEXT NOT NULL,
    interest_tags          TEXT NOT NULL
);
