-- Schema version 10 for Sqlite: experiments. Every ledger row of an experiment names its variant ('holdout' for
-- held-out customers), and each bandit allocation round is kept with the arm statistics it was computed from.

ALTER TABLE deliveries ADD COLUMN variant TEXT;

CREATE TABLE allocation_rounds (
    experiment_id TEXT NOT NULL,
    segment       TEXT NOT NULL,
    round         INTEGER NOT NULL,
    campaign_id   TEXT NOT NULL,
    shares        TEXT NOT NULL,
    arms          TEXT NOT NULL,
    computed_at   INTEGER NOT NULL,
    PRIMARY KEY (experiment_id, segment, round)
);
