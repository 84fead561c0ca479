-- Reglament's automations (DESIGN.md, "Automations"): what they remember between events. The
-- actions themselves go to the outbox; these tables only keep the decisions from repeating or
-- from reaching into the account's history.

-- Per account: since when auto-naming has been on (deals created before are history and never
-- renamed on creation), and the last manager a lead was reassigned to (the round robin's cursor).
CREATE TABLE automation_state (
    account_id       BIGINT  NOT NULL,
    naming_since_at  BIGINT,
    reassign_cursor  BIGINT,
    updated_at       BIGINT  NOT NULL,
    CONSTRAINT pk_automation_state PRIMARY KEY (account_id)
);

-- Per deal, what the automations saw last: the name the template gave it (a rename on field
-- change happens only when this rendering changed, not merely because the deal was touched), and
-- the moment of the last stage move judged for required fields (each move is judged once).
CREATE TABLE automation_deals (
    account_id     BIGINT         NOT NULL,
    lead_id        BIGINT         NOT NULL,
    rendered_name  VARCHAR(1000),
    stage_move_at  BIGINT,
    updated_at     BIGINT         NOT NULL,
    CONSTRAINT pk_automation_deals PRIMARY KEY (account_id, lead_id)
);

-- Deals whose name a head or administrator declared manual: auto-naming leaves them alone.
CREATE TABLE naming_manual (
    account_id  BIGINT  NOT NULL,
    lead_id     BIGINT  NOT NULL,
    marked_by   BIGINT  NOT NULL,
    marked_at   BIGINT  NOT NULL,
    CONSTRAINT pk_naming_manual PRIMARY KEY (account_id, lead_id)
);

-- New leads still waiting for their first contact, with the first-contact timer's due time; the
-- rows of one manager are his open new leads (maxOpenNewLeadsPerManager). reassigned_to is set
-- once the lead was given to another manager, so that it is never reassigned twice.
CREATE TABLE first_contact_pending (
    account_id           BIGINT  NOT NULL,
    lead_id              BIGINT  NOT NULL,
    responsible_user_id  BIGINT,
    due_at               BIGINT  NOT NULL,
    reassigned_to        BIGINT,
    reassigned_at        BIGINT,
    CONSTRAINT pk_first_contact_pending PRIMARY KEY (account_id, lead_id)
);
CREATE INDEX ix_first_contact_pending_user
    ON first_contact_pending (account_id, responsible_user_id);

-- A head's verdict on a lost deal: one per loss (the moment the deal was lost).
CREATE TABLE loss_verdicts (
    account_id  BIGINT         NOT NULL,
    lead_id     BIGINT         NOT NULL,
    lost_at     BIGINT         NOT NULL,
    verdict     VARCHAR(16)    NOT NULL,
    comment     VARCHAR(2000),
    decided_by  BIGINT         NOT NULL,
    decided_at  BIGINT         NOT NULL,
    CONSTRAINT pk_loss_verdicts PRIMARY KEY (account_id, lead_id, lost_at)
);
