-- kaoping's own tables, beside Spring Batch's BATCH_* tables.
-- kp_run_file_list: every file a run found under input/<campaign>/ (nothing in input/ is ever written), as one
-- document per run (RunFileRepository: path, source, size, mtime, ctime, SHA-256, ignore reason, parse key;
-- deflated). A row per file cost a rerun thousands of inserts, and H2 as much again to commit them.
CREATE TABLE IF NOT EXISTS kp_run_file_list (
    run_id      VARCHAR(64)          NOT NULL PRIMARY KEY,
    campaign    VARCHAR(128)         NOT NULL,
    files       VARBINARY(100000000) NOT NULL
);
-- base_run: when set, files holds only the changes against base_run's list (files new or changed since, paths
-- gone), which is itself whole: a rerun after one correction stores one entry, not thousands. Added later.
ALTER TABLE kp_run_file_list ADD COLUMN IF NOT EXISTS base_run VARCHAR(64);
-- kp_run_file: the same, a row per file, as runs before kp_run_file_list recorded it; read for those runs only.
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
    changed     BIGINT,
    PRIMARY KEY (run_id, path)
);
-- changed: the file's status-change time (Unix ctime, ms), which lets the next intake trust an unchanged file's
-- hash without reading it again (InputScanner); added after the first release, hence the ALTER.
ALTER TABLE kp_run_file ADD COLUMN IF NOT EXISTS changed BIGINT;
-- kp_parse_result: what a workbook was read as, stored once per content, path, time and rubric/roster
-- (parse_key), so an unchanged file is not parsed twice and a restarted run does not parse it again. parsed is
-- the ParsedWorkbook in ParsedWorkbookCodec's binary form. units, summary, rejection, findings are the part the
-- report needs for every file (the units it names, how it was read, its findings, null when none), so a rerun
-- decodes the scores of changed units' files only. VARBINARY, not BLOB: H2 keeps a BLOB of over 256 bytes
-- apart from its row, one more lookup per workbook.
CREATE TABLE IF NOT EXISTS kp_parse_result (
    parse_key   VARCHAR(64)          NOT NULL PRIMARY KEY,
    path        VARCHAR(1024)        NOT NULL,
    rejected    BOOLEAN              NOT NULL,
    parsed      VARBINARY(100000000) NOT NULL,
    parsed_at   TIMESTAMP            NOT NULL,
    units       VARCHAR(1000000),
    summary     VARCHAR(4096),
    rejection   VARCHAR(4096),
    findings    VARBINARY(100000000)
);
-- Earlier versions kept the same as JSON (kp_parsed_file, then deflated in kp_parsed_workbook); they were only a
-- cache, so they are dropped and the files are read again once.
DROP TABLE IF EXISTS kp_parsed_file;
DROP TABLE IF EXISTS kp_parsed_workbook;
-- kp_run: one row per run that reached its report, written once by the report step (in its transaction, so a
-- run killed before the report committed has none): the counts `history` prints, and the input fingerprint
-- that tells a rerun on unchanged inputs. Status comes from the BATCH_* tables.
CREATE TABLE IF NOT EXISTS kp_run (
    run_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    campaign       VARCHAR(128)  NOT NULL,
    files_found    INT           NOT NULL,
    files_parsed   INT           NOT NULL,
    files_rejected INT           NOT NULL,
    units          INT           NOT NULL,
    units_ranked   INT           NOT NULL,
    discrepancies  INT           NOT NULL,
    inputs_key     VARCHAR(64)   NOT NULL,
    reported_at    TIMESTAMP     NOT NULL
);
CREATE INDEX IF NOT EXISTS kp_run_campaign ON kp_run (campaign, run_id);
-- unit_records: each unit's status, total and rank in the run, one document (RunRecordRepository, deflated), so
-- the next run can list the units whose total or rank changed (old → new).
ALTER TABLE kp_run ADD COLUMN IF NOT EXISTS unit_records VARBINARY(100000000);
-- kp_run_unit: the same, a row per unit, as runs before unit_records recorded it; read for those runs only.
CREATE TABLE IF NOT EXISTS kp_run_unit (
    run_id      VARCHAR(64)   NOT NULL,
    unit        VARCHAR(256)  NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    total       DECIMAL(20, 6),
    unit_rank   INT,
    PRIMARY KEY (run_id, unit)
);
-- kp_unit_outcome_shard: each unit's scored outcome (UnitOutcomeCodec) under a fingerprint of everything it follows
-- from: the campaign's configuration, the unit, and the parse keys of the files that name it. A rerun scores again
-- only the units whose fingerprint is new; the rest are decoded. With each outcome, the unit's 分项得分 rows as a
-- deflate segment, valid where the unit's rows start at the row stored with them. Only the latest run's outcomes are
-- kept. One row per campaign and shard (UnitOutcomeRepository: a fingerprint's hash mod 1,024), holding the shard's
-- outcomes as one document: a row per outcome cost H2 an index entry and an undo-log entry per unit and index, each
-- visited again at commit, a third of a 5,000-unit first run's report step.
CREATE TABLE IF NOT EXISTS kp_unit_outcome_shard (
    campaign    VARCHAR(128)         NOT NULL,
    shard       INT                  NOT NULL,
    outcomes    VARBINARY(100000000) NOT NULL,
    PRIMARY KEY (campaign, shard)
);
-- Earlier versions kept a row per outcome; it was only a cache of scoring, so it is dropped and units are scored
-- once more.
DROP TABLE IF EXISTS kp_unit_outcome;
