-- Reglament: no query looks violations up by (indicator, subject_key), and every violation a full
-- evaluation opens paid for keeping that index.
DROP INDEX ix_violations_subject ON violations;

-- A hash of the details, so that an evaluation can tell whether an open violation's details changed
-- without reading them back (a full evaluation compares millions). Null on older rows: those are
-- rewritten once, at their next evaluation.
ALTER TABLE violations ADD COLUMN details_hash BIGINT;
