-- Reglament: no query looks violations up by (indicator, subject_key), and every violation a full
-- evaluation opens paid for keeping that index.
DROP INDEX ix_violations_subject ON violations;
