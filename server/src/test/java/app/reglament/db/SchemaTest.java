package app.reglament.db;

import static app.reglament.db.generated.Tables.ACCOUNTS;
import static app.reglament.db.generated.Tables.LEADS;
import static app.reglament.db.generated.Tables.LEAD_STATUS_HISTORY;
import static app.reglament.db.generated.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.reglament.db.generated.DefaultSchema;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Instant;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class SchemaTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:15:30.123Z");

  @Test
  void every_table_with_account_data_has_the_account_id_first_in_its_primary_key() {
    assertThat(DefaultSchema.DEFAULT_SCHEMA.getTables()).hasSizeGreaterThanOrEqualTo(19);
    for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
      assertThat(table.getPrimaryKey()).as("primary key of %s", table.getName()).isNotNull();
      assertThat(table.getPrimaryKey().getFields().get(0).getName())
          .as("first primary-key column of %s", table.getName())
          .isEqualTo("account_id");
    }
  }

  @DatabaseTest
  void every_generated_table_exists_in_the_migrated_database(TestDatabase db) {
    for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
      assertThat(db.dsl().fetchCount(table)).as(table.getName()).isZero();
    }
  }

  @DatabaseTest
  void instants_texts_and_large_documents_survive_a_round_trip(TestDatabase db) {
    String name = "Окна ПВХ / Казань — «срочно» 🚀";
    String customFields =
        "[{\"field_id\":1,\"values\":[{\"value\":\"" + "я".repeat(100_000) + "\"}]}]";
    db.dsl()
        .insertInto(LEADS)
        .set(LEADS.ACCOUNT_ID, 1L)
        .set(LEADS.LEAD_ID, 42L)
        .set(LEADS.NAME, name)
        .set(LEADS.PIPELINE_ID, 7L)
        .set(LEADS.STATUS_ID, 143L)
        .set(LEADS.CREATED_AT, T0)
        .set(LEADS.UPDATED_AT, T0.plusMillis(1))
        .set(LEADS.CUSTOM_FIELDS, customFields)
        .set(LEADS.SYNCED_AT, T0)
        .execute();

    var lead = db.dsl().selectFrom(LEADS).where(LEADS.ACCOUNT_ID.eq(1L)).fetchSingle();

    assertThat(lead.getName()).isEqualTo(name);
    assertThat(lead.getCreatedAt()).isEqualTo(T0);
    assertThat(lead.getUpdatedAt()).isEqualTo(T0.plusMillis(1));
    assertThat(lead.getCustomFields()).isEqualTo(customFields);
    assertThat(lead.getIsDeleted()).isFalse();
    assertThat(lead.getManualName()).isFalse();
  }

  @DatabaseTest
  void generated_ids_are_returned_and_increase(TestDatabase db) {
    long first = insertInbox(db, 1L, "a".repeat(64));
    long second = insertInbox(db, 2L, "b".repeat(64));

    assertThat(second).isGreaterThan(first);
  }

  @DatabaseTest
  void the_same_webhook_body_cannot_be_stored_twice_for_one_account(TestDatabase db) {
    insertInbox(db, 1L, "c".repeat(64));

    assertThatThrownBy(() -> insertInbox(db, 1L, "c".repeat(64)))
        .isInstanceOf(DataAccessException.class);
    assertThat(insertInbox(db, 2L, "c".repeat(64))).isPositive();
  }

  @DatabaseTest
  void status_history_keys_are_unique_per_account(TestDatabase db) {
    insertHistory(db, 1L, "event-1");
    insertHistory(db, 2L, "event-1");

    assertThatThrownBy(() -> insertHistory(db, 1L, "event-1"))
        .isInstanceOf(DataAccessException.class);
    assertThat(db.dsl().fetchCount(LEAD_STATUS_HISTORY)).isEqualTo(2);
  }

  @DatabaseTest
  void an_account_row_enforces_a_unique_hook_token(TestDatabase db) {
    insertAccount(db, 1L, "token-one");

    assertThatThrownBy(() -> insertAccount(db, 2L, "token-one"))
        .isInstanceOf(DataAccessException.class);
  }

  private static long insertInbox(TestDatabase db, long accountId, String sha) {
    return db.dsl()
        .insertInto(WEBHOOK_INBOX)
        .set(WEBHOOK_INBOX.ACCOUNT_ID, accountId)
        .set(WEBHOOK_INBOX.BODY, "leads%5Badd%5D%5B0%5D%5Bid%5D=1")
        .set(WEBHOOK_INBOX.BODY_SHA256, sha)
        .set(WEBHOOK_INBOX.STATE, "new")
        .set(WEBHOOK_INBOX.RECEIVED_AT, T0)
        .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, T0)
        .returningResult(WEBHOOK_INBOX.ID)
        .fetchSingle()
        .value1();
  }

  private static void insertHistory(TestDatabase db, long accountId, String sourceKey) {
    db.dsl()
        .insertInto(LEAD_STATUS_HISTORY)
        .set(LEAD_STATUS_HISTORY.ACCOUNT_ID, accountId)
        .set(LEAD_STATUS_HISTORY.LEAD_ID, 42L)
        .set(LEAD_STATUS_HISTORY.PIPELINE_ID, 7L)
        .set(LEAD_STATUS_HISTORY.STATUS_ID, 143L)
        .set(LEAD_STATUS_HISTORY.CHANGED_AT, T0)
        .set(LEAD_STATUS_HISTORY.SOURCE_KEY, sourceKey)
        .execute();
  }

  private static void insertAccount(TestDatabase db, long accountId, String hookToken) {
    db.dsl()
        .insertInto(ACCOUNTS)
        .set(ACCOUNTS.ACCOUNT_ID, accountId)
        .set(ACCOUNTS.BASE_DOMAIN, "sales.amocrm.ru")
        .set(ACCOUNTS.HOOK_TOKEN, hookToken)
        .set(ACCOUNTS.STATE, "active")
        .set(ACCOUNTS.INSTALLED_AT, T0)
        .set(ACCOUNTS.UPDATED_AT, T0)
        .execute();
  }
}
