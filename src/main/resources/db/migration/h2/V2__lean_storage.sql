-- Stored results keyed by the build (BuildFingerprint) replace the hand-bumped versions, so every result stored
-- before is unreachable and dropped. File lists are stored whole: a list stored as changes against another
-- (base_run) is dropped. Rows per file and per unit of the earliest versions are no longer read.
DELETE FROM kp_parse_result;
DELETE FROM kp_unit_outcome_shard;
DELETE FROM kp_run_file_list WHERE base_run IS NOT NULL;
ALTER TABLE kp_run_file_list DROP COLUMN base_run;
DROP TABLE kp_run_file;
DROP TABLE kp_run_unit;
