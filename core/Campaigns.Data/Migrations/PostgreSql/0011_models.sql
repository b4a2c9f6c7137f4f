-- Schema version 11 for PostgreSql: the model registry. One row per trained version of a stage and its options, with its
-- data window, the host's offline metrics (JSON), the gate's decision and the artefact itself (bytes in the row, so
-- every host sharing this database sees it; sha256 guards against damage). At most one live version per stage and
-- options hash, enforced by the partial unique index beside the promotion lock.

CREATE TABLE models (
    id            bigserial PRIMARY KEY,
    stage_key     text COLLATE "C" NOT NULL,
    options_hash  text COLLATE "C" NOT NULL,
    options       text NOT NULL,
    version       integer NOT NULL CHECK (version > 0),
    status        text NOT NULL CHECK (status IN ('live', 'candidate', 'rejected', 'retired')),
    data_from     bigint NOT NULL,
    data_until    bigint NOT NULL,
    gate_metric   text NOT NULL,
    metrics       text NOT NULL,
    stats         text NOT NULL,
    format        text NOT NULL,
    artefact      bytea NOT NULL,
    sha256        text NOT NULL,
    size          bigint NOT NULL,
    created_at    bigint NOT NULL,
    reason        text,
    UNIQUE (stage_key, options_hash, version)
);
CREATE UNIQUE INDEX ux_models_live ON models (stage_key, options_hash) WHERE status = 'live';
