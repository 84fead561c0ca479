-- The stages Reglament itself added to a lead field's amoCRM required_statuses (requiredFields.
-- syncNative). The field's other stages are the administrator's: the sync keeps them, and removes
-- only what is recorded here when the regulations no longer require it.
CREATE TABLE required_statuses_owned (
    account_id   BIGINT  NOT NULL,
    field_id     BIGINT  NOT NULL,
    pipeline_id  BIGINT  NOT NULL,
    status_id    BIGINT  NOT NULL,
    CONSTRAINT pk_required_statuses_owned PRIMARY KEY (account_id, field_id, pipeline_id, status_id)
);
