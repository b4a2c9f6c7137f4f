-- Schema version 10 for PostgreSql: experiments. Every ledger row of an experiment names its variant ('holdout' for
-- held-out customers), and each bandit allocation round is kept with the arm statistics it was computed from.

ALTER TABLE deliveries ADD COLUMN variant text;

CREATE TABLE allocation_rounds (
    experiment_id text COLLATE "C" NOT NULL,
    segment       text COLLATE "C" NOT NULL,
    round         integer NOT NULL,
    campaign_id   text COLLATE "C" NOT NULL,
    shares        text NOT NULL,
    arms          text NOT NULL,
    computed_at   bigint NOT NULL,
    PRIMARY KEY (experiment_id, segment, round)
);
