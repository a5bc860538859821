-- kaoping's own tables, beside Spring Batch's BATCH_* tables.
-- kp_run_file: every file a run found under input/<campaign>/ (nothing in input/ is ever written).
CREATE TABLE IF NOT EXISTS kp_run_file (
    run_id      VARCHAR(64)   NOT NULL,
    campaign    VARCHAR(128)  NOT NULL,
    path        VARCHAR(1024) NOT NULL,
    source      VARCHAR(16)   NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    modified    BIGINT        NOT NULL,
    sha256      VARCHAR(64)   NOT NULL,
    ignored     VARCHAR(256),
    parse_key   VARCHAR(64),
    PRIMARY KEY (run_id, path)
);
-- kp_parsed_file: what a workbook was read as, stored once per content, path, time and rubric/roster
-- (parse_key), so an unchanged file is not parsed twice and a restarted run does not parse it again.
CREATE TABLE IF NOT EXISTS kp_parsed_file (
    parse_key   VARCHAR(64)   NOT NULL PRIMARY KEY,
    path        VARCHAR(1024) NOT NULL,
    rejected    BOOLEAN       NOT NULL,
    parsed      CLOB          NOT NULL,
    parsed_at   TIMESTAMP     NOT NULL
);
