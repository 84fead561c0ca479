-- Reglament schema, version 2: the facts the rules read beyond deals and tasks.
-- The portability rules of V1 hold here too.

-- Notes on deals: closing comments (common), calls with their duration (a missed call lasted 0
-- seconds), SMS and system messages. text is params.text where the type has one.
CREATE TABLE notes (
    account_id  BIGINT         NOT NULL,
    note_id     BIGINT         NOT NULL,
    lead_id     BIGINT         NOT NULL,
    note_type   VARCHAR(64)    NOT NULL,
    text        VARCHAR(4000),
    duration    INT,
    created_by  BIGINT,
    created_at  BIGINT         NOT NULL,
    updated_at  BIGINT         NOT NULL,
    CONSTRAINT pk_notes PRIMARY KEY (account_id, note_id)
);
CREATE INDEX ix_notes_lead ON notes (account_id, lead_id, created_at);

-- Where the notes walk of reconciliation starts, and where the account's event history begins
-- (set once by the initial sync; days before it are not judged by activity-based indicators).
ALTER TABLE accounts ADD COLUMN notes_cursor_at BIGINT;
ALTER TABLE accounts ADD COLUMN history_from_at BIGINT;

-- The note a call event points to; is_missed follows that note's duration whichever comes first.
ALTER TABLE communications ADD COLUMN note_id BIGINT;
CREATE INDEX ix_communications_note ON communications (account_id, note_id);
