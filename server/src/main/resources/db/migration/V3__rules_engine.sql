-- Reglament's rules engine: what each evaluated subject contributed to the scores, the per-day
-- score counters, and the deals waiting to be evaluated again.

-- One row per evaluated subject: a deal ('lead:<id>'), a manager's worktime ('worktime:<id>') or
-- the team's lead-dumping comparison ('dumping'). contributions is the subject's share of
-- score_days ("indicator,user,epochDay,applicable,violated;..."), so that a new evaluation can
-- take the old share out before putting the new one in.
CREATE TABLE rule_subjects (
    account_id     BIGINT        NOT NULL,
    subject        VARCHAR(64)   NOT NULL,
    lead_id        BIGINT,
    contributions  MEDIUMTEXT    NOT NULL,
    evaluated_at   BIGINT        NOT NULL,
    recheck_at     BIGINT,
    CONSTRAINT pk_rule_subjects PRIMARY KEY (account_id, subject)
);
CREATE INDEX ix_rule_subjects_recheck ON rule_subjects (recheck_at);

-- Applicable and violated items per manager, day (account timezone, epoch day) and indicator.
CREATE TABLE score_days (
    account_id   BIGINT       NOT NULL,
    user_id      BIGINT       NOT NULL,
    score_day    INT          NOT NULL,
    indicator    VARCHAR(32)  NOT NULL,
    applicable   INT          NOT NULL,
    violated     INT          NOT NULL,
    CONSTRAINT pk_score_days PRIMARY KEY (account_id, user_id, score_day, indicator)
);
CREATE INDEX ix_score_days_day ON score_days (account_id, score_day);

-- Deals whose facts changed since their last evaluation (written by the mirror, drained by the
-- evaluation worker).
CREATE TABLE rule_dirty (
    account_id  BIGINT  NOT NULL,
    lead_id     BIGINT  NOT NULL,
    marked_at   BIGINT  NOT NULL,
    CONSTRAINT pk_rule_dirty PRIMARY KEY (account_id, lead_id)
);

-- The account's last full evaluation: when, for which local day and rules version, how long.
CREATE TABLE rule_runs (
    account_id     BIGINT   NOT NULL,
    full_at        BIGINT   NOT NULL,
    full_day       INT      NOT NULL,
    rules_version  INT      NOT NULL,
    deals          INT      NOT NULL,
    duration_ms    BIGINT   NOT NULL,
    CONSTRAINT pk_rule_runs PRIMARY KEY (account_id)
);

CREATE INDEX ix_violations_open ON violations (account_id, user_id, closed_at);
CREATE INDEX ix_tasks_previous_result ON tasks (account_id, responsible_user_id, completed_at);

-- Which evaluation subject produced a violation ('lead:<id>', 'worktime:<userId>', 'dumping'), so
-- that a new evaluation of that subject can close what it no longer finds.
ALTER TABLE violations ADD COLUMN scope VARCHAR(64);
CREATE INDEX ix_violations_scope ON violations (account_id, scope, closed_at);

-- A violation that closes and later comes back is a new row of its history, so the occurrence
-- needs no unique key (and an insert is a plain insert, without a scan for duplicates on H2).
ALTER TABLE violations DROP CONSTRAINT uq_violations_occurrence;
CREATE INDEX ix_violations_subject ON violations (account_id, indicator, subject_key);

-- One evaluation of an account at a time across instances: the worker that holds the lease
-- evaluates it (a full evaluation and deal-by-deal updates of the same account never overlap).
ALTER TABLE accounts ADD COLUMN eval_owner VARCHAR(128);
ALTER TABLE accounts ADD COLUMN eval_lease_until_at BIGINT;
