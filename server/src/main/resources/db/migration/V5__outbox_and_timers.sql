-- Reglament's automations: the action outbox doubles as the audit log the head reads, and durable
-- timers (SLA deadlines, reports) live beside it so that several instances share them.

-- What the audit log shows: the deal, which automation acted and why. entity_id is what the action
-- changes (a lead, a task, a field; none for a create): two changes of one entity are never sent
-- in one batch, and a later one waits until the earlier one is through.
ALTER TABLE action_outbox ADD COLUMN lead_id BIGINT;
ALTER TABLE action_outbox ADD COLUMN entity_id BIGINT;
ALTER TABLE action_outbox ADD COLUMN automation VARCHAR(64);
ALTER TABLE action_outbox ADD COLUMN reason VARCHAR(1000);
-- A claim walks one account's due rows of one kind by next_attempt_at and stops after a batch or two.
-- It orders by that column alone, which this index and ix_action_outbox_due both hold in order:
-- whichever the planner picks, it never sorts the whole queue (H2 picks the other one when a single
-- account fills the table).
CREATE INDEX ix_action_outbox_claim ON action_outbox (account_id, kind, state, next_attempt_at);
-- entity_id leads: a claim asks for a batch's entities with IN (...), which H2 looks up only on an
-- index's first column.
CREATE INDEX ix_action_outbox_entity ON action_outbox (entity_id, account_id, kind, state);
CREATE INDEX ix_action_outbox_lead ON action_outbox (account_id, lead_id, id);

-- One durable timer, named by account, kind and key. next_attempt_at is due_at until a failed
-- firing moves it later; claimed_by / claimed_until_at is the lease of the instance firing it.
CREATE TABLE timers (
    account_id        BIGINT        NOT NULL,
    kind              VARCHAR(64)   NOT NULL,
    timer_key         VARCHAR(191)  NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    due_at            BIGINT        NOT NULL,
    next_attempt_at   BIGINT        NOT NULL,
    attempts          INT           NOT NULL DEFAULT 0,
    last_error        VARCHAR(4000),
    claimed_by        VARCHAR(128),
    claimed_until_at  BIGINT,
    created_at        BIGINT        NOT NULL,
    fired_at          BIGINT,
    CONSTRAINT pk_timers PRIMARY KEY (account_id, kind, timer_key)
);
CREATE INDEX ix_timers_due ON timers (state, next_attempt_at);
