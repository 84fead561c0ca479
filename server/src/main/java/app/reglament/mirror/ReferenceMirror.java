package app.reglament.mirror;

import static app.reglament.db.generated.Tables.CUSTOM_FIELDS;
import static app.reglament.db.generated.Tables.LOSS_REASONS;
import static app.reglament.db.generated.Tables.PIPELINES;
import static app.reglament.db.generated.Tables.STATUSES;
import static app.reglament.db.generated.Tables.USERS;
import static app.reglament.db.generated.Tables.USER_GROUPS;

import app.reglament.db.generated.tables.records.CustomFieldsRecord;
import app.reglament.db.generated.tables.records.LossReasonsRecord;
import app.reglament.db.generated.tables.records.PipelinesRecord;
import app.reglament.db.generated.tables.records.StatusesRecord;
import app.reglament.db.generated.tables.records.UserGroupsRecord;
import app.reglament.db.generated.tables.records.UsersRecord;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The account's slowly changing reference data: users and groups, pipelines and stages, field
 * definitions, loss reasons. Each call replaces the account's whole set, so something deleted in
 * amoCRM disappears here too.
 */
public final class ReferenceMirror {
  private final DSLContext dsl;

  public ReferenceMirror(DSLContext dsl) {
    this.dsl = dsl;
  }

  public void replaceUsers(
      long accountId, List<Rows.Group> groups, List<Rows.User> users, Instant now) {
    dsl.transaction(
        tx -> {
          DSLContext t = tx.dsl();
          t.deleteFrom(USER_GROUPS).where(USER_GROUPS.ACCOUNT_ID.eq(accountId)).execute();
          Upserts.upsert(
              t,
              groups.stream().map(g -> new UserGroupsRecord(accountId, g.id(), g.name())).toList());
          // Users are kept (violations refer to them) and marked inactive when amoCRM drops them.
          t.update(USERS)
              .set(USERS.IS_ACTIVE, false)
              .where(USERS.ACCOUNT_ID.eq(accountId))
              .execute();
          Upserts.upsert(
              t,
              users.stream()
                  .map(
                      u ->
                          new UsersRecord(
                              accountId,
                              u.id(),
                              u.name(),
                              u.email(),
                              u.groupId(),
                              u.roleId(),
                              u.admin(),
                              u.active(),
                              now))
                  .toList());
        });
  }

  public void replacePipelines(
      long accountId, List<Rows.Pipeline> pipelines, List<Rows.Status> statuses) {
    dsl.transaction(
        tx -> {
          DSLContext t = tx.dsl();
          t.deleteFrom(STATUSES).where(STATUSES.ACCOUNT_ID.eq(accountId)).execute();
          t.deleteFrom(PIPELINES).where(PIPELINES.ACCOUNT_ID.eq(accountId)).execute();
          Upserts.upsert(
              t,
              pipelines.stream()
                  .map(
                      p ->
                          new PipelinesRecord(
                              accountId, p.id(), p.name(), p.sort(), p.main(), p.archive()))
                  .toList());
          Upserts.upsert(
              t,
              statuses.stream()
                  .map(
                      s ->
                          new StatusesRecord(
                              accountId,
                              s.pipelineId(),
                              s.id(),
                              s.name(),
                              s.sort(),
                              s.type(),
                              s.color()))
                  .toList());
        });
  }

  public void replaceCustomFields(
      long accountId, String entityType, List<Rows.CustomField> fields) {
    dsl.transaction(
        tx -> {
          DSLContext t = tx.dsl();
          t.deleteFrom(CUSTOM_FIELDS)
              .where(CUSTOM_FIELDS.ACCOUNT_ID.eq(accountId))
              .and(CUSTOM_FIELDS.ENTITY_TYPE.eq(entityType))
              .execute();
          Upserts.upsert(
              t,
              fields.stream()
                  .map(
                      f ->
                          new CustomFieldsRecord(
                              accountId,
                              entityType,
                              f.id(),
                              f.name(),
                              f.code(),
                              f.type(),
                              f.sort(),
                              f.apiOnly(),
                              f.requiredStatusesJson(),
                              f.enumsJson()))
                  .toList());
        });
  }

  public void replaceLossReasons(long accountId, List<Rows.LossReason> reasons) {
    dsl.transaction(
        tx -> {
          DSLContext t = tx.dsl();
          t.deleteFrom(LOSS_REASONS).where(LOSS_REASONS.ACCOUNT_ID.eq(accountId)).execute();
          Upserts.upsert(
              t,
              reasons.stream()
                  .map(r -> new LossReasonsRecord(accountId, r.id(), r.name(), r.sort()))
                  .toList());
        });
  }

  public int countUsers(long accountId) {
    return dsl.fetchCount(USERS, USERS.ACCOUNT_ID.eq(accountId).and(USERS.IS_ACTIVE.isTrue()));
  }

  public int countStatuses(long accountId) {
    return dsl.fetchCount(STATUSES, STATUSES.ACCOUNT_ID.eq(accountId));
  }
}
