-- Schema version 11 for Sqlite: the model registry. One row per trained version of a stage and its options, with its
-- data window, the host's offline metrics (JSON), the gate's decision and the artefact itself (bytes in the row, so
-- every host sharing this database sees it; sha256 guards against damage). At most one live version per stage and
-- options hash, enforced by the partial unique index beside the promotion lock.

CREATE TABLE models (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    stage_key     TEXT NOT NULL,
    options_hash  TEXT NOT NULL,
    options       TEXT NOT NULL,
    version       INTEGER NOT NULL CHECK (version > 0),
    status        TEXT NOT NULL CHECK (status IN ('live', 'candidate', 'rejected', 'retired')),
    data_from     INTEGER NOT NULL,
    data_until    INTEGER NOT NULL,
    gate_metric   TEXT NOT NULL,
    metrics       TEXT NOT NULL,
    stats         TEXT NOT NULL,
    format        TEXT NOT NULL,
    artefact      BLOB NOT NULL,
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    reason        TEXT,
    UNIQUE (stage_key, options_hash, version)
);
CREATE UNIQUE INDEX ux_models_live ON models (stage_key, options_hash) WHERE status = 'live';
