-- Reglament schema, version 1.
--
-- Portability rules for every migration (each runs unchanged on H2 and on MySQL 8 / MariaDB 10.6+):
--   * instants are BIGINT epoch milliseconds in columns named *_at (mapped to java.time.Instant);
--   * identifiers are lower case and avoid words reserved by either database (user, key, value, ...);
--   * every table that holds account data has account_id as the first column of its primary key;
--   * an AUTO_INCREMENT column also gets a UNIQUE constraint of its own, as InnoDB requires;
--   * JSON documents are stored as MEDIUMTEXT and validated by the application.

-- One connected amoCRM account.
CREATE TABLE accounts (
    account_id          BIGINT        NOT NULL,
    base_domain         VARCHAR(255)  NOT NULL,
    name                VARCHAR(255),
    hook_token          VARCHAR(64)   NOT NULL,
    state               VARCHAR(32)   NOT NULL,
    state_reason        VARCHAR(1000),
    paused_until_at     BIGINT,
    paused_reason       VARCHAR(1000),
    sync_status         MEDIUMTEXT,
    leads_cursor_at     BIGINT,
    tasks_cursor_at     BIGINT,
    events_cursor_at    BIGINT,
    sync_due_at         BIGINT,
    sync_owner          VARCHAR(128),
    sync_lease_until_at BIGINT,
    installed_at        BIGINT        NOT NULL,
    updated_at          BIGINT        NOT NULL,
    CONSTRAINT pk_accounts PRIMARY KEY (account_id),
    CONSTRAINT uq_accounts_hook_token UNIQUE (hook_token)
);

-- An account's OAuth tokens: AES-256-GCM ciphertexts bound to the account id. A table of their own,
-- because a refresh locks the row for as long as amoCRM takes to answer, and the accounts row is
-- written all the time (sync progress, cursors, leases).
CREATE TABLE account_tokens (
    account_id          BIGINT          NOT NULL,
    access_token_enc    VARBINARY(8192) NOT NULL,
    refresh_token_enc   VARBINARY(8192) NOT NULL,
    expires_at          BIGINT          NOT NULL,
    refreshed_at        BIGINT          NOT NULL,
    version             INT             NOT NULL,
    CONSTRAINT pk_account_tokens PRIMARY KEY (account_id)
);

CREATE TABLE user_groups (
    account_id  BIGINT        NOT NULL,
    group_id    BIGINT        NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_user_groups PRIMARY KEY (account_id, group_id)
);

CREATE TABLE users (
    account_id  BIGINT        NOT NULL,
    user_id     BIGINT        NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    email       VARCHAR(255),
    group_id    BIGINT,
    role_id     BIGINT,
    is_admin    BOOLEAN       NOT NULL DEFAULT FALSE,
    is_active   BOOLEAN       NOT NULL DEFAULT TRUE,
    updated_at  BIGINT        NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (account_id, user_id)
);

CREATE TABLE pipelines (
    account_id   BIGINT        NOT NULL,
    pipeline_id  BIGINT        NOT NULL,
    name         VARCHAR(255)  NOT NULL,
    sort         INT           NOT NULL DEFAULT 0,
    is_main      BOOLEAN       NOT NULL DEFAULT FALSE,
    is_archive   BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_pipelines PRIMARY KEY (account_id, pipeline_id)
);

-- 142 (won) and 143 (lost) repeat in every pipeline, so a status is keyed by its pipeline too.
CREATE TABLE statuses (
    account_id   BIGINT        NOT NULL,
    pipeline_id  BIGINT        NOT NULL,
    status_id    BIGINT        NOT NULL,
    name         VARCHAR(255)  NOT NULL,
    sort         INT           NOT NULL DEFAULT 0,
    status_type  INT           NOT NULL DEFAULT 0,
    color        VARCHAR(16),
    CONSTRAINT pk_statuses PRIMARY KEY (account_id, pipeline_id, status_id)
);

-- Custom-field definitions; required_statuses is amoCRM's [{status_id, pipeline_id}] as JSON.
CREATE TABLE custom_fields (
    account_id         BIGINT        NOT NULL,
    entity_type        VARCHAR(16)   NOT NULL,
    field_id           BIGINT        NOT NULL,
    name               VARCHAR(255)  NOT NULL,
    field_code         VARCHAR(255),
    field_type         VARCHAR(32)   NOT NULL,
    sort               INT           NOT NULL DEFAULT 0,
    is_api_only        BOOLEAN       NOT NULL DEFAULT FALSE,
    required_statuses  MEDIUMTEXT,
    enums              MEDIUMTEXT,
    CONSTRAINT pk_custom_fields PRIMARY KEY (account_id, entity_type, field_id)
);

CREATE TABLE loss_reasons (
    account_id      BIGINT        NOT NULL,
    loss_reason_id  BIGINT        NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    sort            INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_loss_reasons PRIMARY KEY (account_id, loss_reason_id)
);

-- The mirror of amoCRM deals. custom_fields holds the v4 custom_fields_values array as JSON.
CREATE TABLE leads (
    account_id           BIGINT        NOT NULL,
    lead_id              BIGINT        NOT NULL,
    name                 VARCHAR(1000) NOT NULL,
    price                BIGINT,
    responsible_user_id  BIGINT,
    group_id             BIGINT,
    pipeline_id          BIGINT        NOT NULL,
    status_id            BIGINT        NOT NULL,
    loss_reason_id       BIGINT,
    created_by           BIGINT,
    updated_by           BIGINT,
    created_at           BIGINT        NOT NULL,
    updated_at           BIGINT        NOT NULL,
    closed_at            BIGINT,
    closest_task_at      BIGINT,
    is_deleted           BOOLEAN       NOT NULL DEFAULT FALSE,
    custom_fields        MEDIUMTEXT,
    contact_names        VARCHAR(1000),
    company_name         VARCHAR(255),
    manual_name          BOOLEAN       NOT NULL DEFAULT FALSE,
    synced_at            BIGINT        NOT NULL,
    CONSTRAINT pk_leads PRIMARY KEY (account_id, lead_id)
);
CREATE INDEX ix_leads_responsible ON leads (account_id, responsible_user_id);
CREATE INDEX ix_leads_stage ON leads (account_id, pipeline_id, status_id);
CREATE INDEX ix_leads_updated ON leads (account_id, updated_at);

CREATE TABLE contacts (
    account_id           BIGINT        NOT NULL,
    contact_id           BIGINT        NOT NULL,
    name                 VARCHAR(255)  NOT NULL,
    responsible_user_id  BIGINT,
    updated_at           BIGINT        NOT NULL,
    CONSTRAINT pk_contacts PRIMARY KEY (account_id, contact_id)
);

CREATE TABLE lead_contacts (
    account_id  BIGINT   NOT NULL,
    lead_id     BIGINT   NOT NULL,
    contact_id  BIGINT   NOT NULL,
    is_main     BOOLEAN  NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_lead_contacts PRIMARY KEY (account_id, lead_id, contact_id)
);
CREATE INDEX ix_lead_contacts_contact ON lead_contacts (account_id, contact_id);

-- Every stage a deal entered, with the moment it did; time in stage is computed from here.
-- source_key makes appends idempotent (an amoCRM event id, or a webhook-derived key).
CREATE TABLE lead_status_history (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    account_id       BIGINT        NOT NULL,
    lead_id          BIGINT        NOT NULL,
    pipeline_id      BIGINT        NOT NULL,
    status_id        BIGINT        NOT NULL,
    old_pipeline_id  BIGINT,
    old_status_id    BIGINT,
    changed_by       BIGINT,
    changed_at       BIGINT        NOT NULL,
    source_key       VARCHAR(128)  NOT NULL,
    CONSTRAINT pk_lead_status_history PRIMARY KEY (account_id, id),
    CONSTRAINT uq_lead_status_history_id UNIQUE (id),
    CONSTRAINT uq_lead_status_history_source UNIQUE (account_id, source_key)
);
CREATE INDEX ix_lead_status_history_lead ON lead_status_history (account_id, lead_id, changed_at);

CREATE TABLE tasks (
    account_id           BIGINT         NOT NULL,
    task_id              BIGINT         NOT NULL,
    entity_type          VARCHAR(16),
    entity_id            BIGINT,
    responsible_user_id  BIGINT,
    task_type_id         BIGINT,
    task_text            VARCHAR(4000),
    complete_till_at     BIGINT,
    is_completed         BOOLEAN        NOT NULL DEFAULT FALSE,
    result_text          VARCHAR(4000),
    created_by           BIGINT,
    created_at           BIGINT         NOT NULL,
    updated_at           BIGINT         NOT NULL,
    completed_at         BIGINT,
    is_deleted           BOOLEAN        NOT NULL DEFAULT FALSE,
    synced_at            BIGINT         NOT NULL,
    CONSTRAINT pk_tasks PRIMARY KEY (account_id, task_id)
);
CREATE INDEX ix_tasks_entity ON tasks (account_id, entity_type, entity_id);
CREATE INDEX ix_tasks_responsible ON tasks (account_id, responsible_user_id, is_completed);

-- Calls, chat messages, mails and SMS in both directions, from amoCRM events and notes.
CREATE TABLE communications (
    account_id   BIGINT        NOT NULL,
    source_key   VARCHAR(128)  NOT NULL,
    channel      VARCHAR(16)   NOT NULL,
    direction    VARCHAR(8)    NOT NULL,
    is_missed    BOOLEAN       NOT NULL DEFAULT FALSE,
    entity_type  VARCHAR(16)   NOT NULL,
    entity_id    BIGINT        NOT NULL,
    lead_id      BIGINT,
    user_id      BIGINT,
    occurred_at  BIGINT        NOT NULL,
    CONSTRAINT pk_communications PRIMARY KEY (account_id, source_key)
);
CREATE INDEX ix_communications_lead ON communications (account_id, lead_id, occurred_at);
CREATE INDEX ix_communications_entity ON communications (account_id, entity_type, entity_id, occurred_at);

-- Raw webhook bodies, committed before amoCRM gets its 200. body_sha256 absorbs redeliveries.
CREATE TABLE webhook_inbox (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    account_id        BIGINT        NOT NULL,
    body              MEDIUMTEXT    NOT NULL,
    body_sha256       CHAR(64)      NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    attempts          INT           NOT NULL DEFAULT 0,
    last_error        VARCHAR(4000),
    claimed_by        VARCHAR(128),
    received_at       BIGINT        NOT NULL,
    next_attempt_at   BIGINT        NOT NULL,
    claimed_until_at  BIGINT,
    processed_at      BIGINT,
    CONSTRAINT pk_webhook_inbox PRIMARY KEY (account_id, id),
    CONSTRAINT uq_webhook_inbox_id UNIQUE (id),
    CONSTRAINT uq_webhook_inbox_body UNIQUE (account_id, body_sha256)
);
CREATE INDEX ix_webhook_inbox_due ON webhook_inbox (state, next_attempt_at);

-- Every change Reglament makes in amoCRM. idempotency_key makes a repeated decision a no-op.
CREATE TABLE action_outbox (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    account_id        BIGINT        NOT NULL,
    kind              VARCHAR(64)   NOT NULL,
    payload           MEDIUMTEXT    NOT NULL,
    idempotency_key   VARCHAR(191)  NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    attempts          INT           NOT NULL DEFAULT 0,
    result            MEDIUMTEXT,
    last_error        VARCHAR(4000),
    claimed_by        VARCHAR(128),
    created_at        BIGINT        NOT NULL,
    next_attempt_at   BIGINT        NOT NULL,
    claimed_until_at  BIGINT,
    done_at           BIGINT,
    CONSTRAINT pk_action_outbox PRIMARY KEY (account_id, id),
    CONSTRAINT uq_action_outbox_id UNIQUE (id),
    CONSTRAINT uq_action_outbox_key UNIQUE (account_id, idempotency_key)
);
CREATE INDEX ix_action_outbox_due ON action_outbox (state, next_attempt_at);

-- A violation of one indicator by one subject (deal, task, manager-day). Open while closed_at is
-- null; closed ones are kept as history. subject_key + began_at identify one occurrence.
CREATE TABLE violations (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    account_id   BIGINT        NOT NULL,
    indicator    VARCHAR(32)   NOT NULL,
    severity     VARCHAR(16)   NOT NULL,
    subject_key  VARCHAR(191)  NOT NULL,
    lead_id      BIGINT,
    task_id      BIGINT,
    user_id      BIGINT,
    details      MEDIUMTEXT,
    began_at     BIGINT        NOT NULL,
    detected_at  BIGINT        NOT NULL,
    closed_at    BIGINT,
    CONSTRAINT pk_violations PRIMARY KEY (account_id, id),
    CONSTRAINT uq_violations_id UNIQUE (id),
    CONSTRAINT uq_violations_occurrence UNIQUE (account_id, indicator, subject_key, began_at)
);
CREATE INDEX ix_violations_user ON violations (account_id, user_id, began_at);
CREATE INDEX ix_violations_lead ON violations (account_id, lead_id);

-- The regulations: the current document, and every saved version with who and when.
CREATE TABLE rules_config (
    account_id  BIGINT      NOT NULL,
    version     INT         NOT NULL,
    document    MEDIUMTEXT  NOT NULL,
    saved_by    BIGINT,
    saved_at    BIGINT      NOT NULL,
    CONSTRAINT pk_rules_config PRIMARY KEY (account_id)
);

CREATE TABLE rules_config_versions (
    account_id  BIGINT      NOT NULL,
    version     INT         NOT NULL,
    document    MEDIUMTEXT  NOT NULL,
    saved_by    BIGINT,
    saved_at    BIGINT      NOT NULL,
    CONSTRAINT pk_rules_config_versions PRIMARY KEY (account_id, version)
);

-- One row per manager per active minute in the CRM (the extension's heartbeats).
CREATE TABLE activity_heartbeats (
    account_id  BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    minute_at   BIGINT       NOT NULL,
    source      VARCHAR(16)  NOT NULL,
    lead_id     BIGINT,
    CONSTRAINT pk_activity_heartbeats PRIMARY KEY (account_id, user_id, minute_at)
);
