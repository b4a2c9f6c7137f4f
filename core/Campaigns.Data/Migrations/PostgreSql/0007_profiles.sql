-- Schema version 7 for PostgreSql: customer profiles. The numeric fields a rule segment filters on are typed columns; maps and
-- lists (affinities, hours, cart, engagement, tags) are JSON text. Times are Unix milliseconds UTC.

CREATE TABLE profiles (
    customer_id            text COLLATE "C" PRIMARY KEY,
    computed_at            bigint NOT NULL,
    days_since_last_order  double precision,
    last_order_at          bigint,
    orders_30d             integer NOT NULL,
    orders_90d             integer NOT NULL,
    orders_365d            integer NOT NULL,
    orders_total           integer NOT NULL,
    revenue_90d            numeric NOT NULL,
    revenue_total          numeric NOT NULL,
    avg_order_value        numeric NOT NULL,
    interval_mean_days     double precision,
    interval_std_days      double precision,
    expected_next_order_at bigint,
    price_sensitivity      double precision,
    top_hour               integer,
    cart_value             numeric NOT NULL,
    cart_updated_at        bigint,
    category_affinity      text NOT NULL,
    brand_affinity         text NOT NULL,
    activity_hours         text NOT NULL,
    cart_items             text NOT NULL,
    engagement             text NOT NULL,
    interest_tags          text NOT NULL
);
