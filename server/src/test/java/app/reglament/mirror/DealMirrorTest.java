package app.reglament.mirror;

import static app.reglament.db.generated.Tables.LEADS;
import static app.reglament.db.generated.Tables.LEAD_CONTACTS;
import static app.reglament.db.generated.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class DealMirrorTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  static Rows.Lead lead(long id, long responsible, long status, List<Rows.LeadContact> contacts) {
    return new Rows.Lead(
        id,
        "Окна / Казань",
        150_000L,
        responsible,
        null,
        7L,
        status,
        null,
        responsible,
        responsible,
        T0,
        T0.plusSeconds(id),
        null,
        null,
        false,
        "[]",
        null,
        contacts);
  }

  static Rows.Task task(long id, long leadId, long responsible, boolean completed) {
    return new Rows.Task(
        id,
        "leads",
        leadId,
        responsible,
        1L,
        "Связаться с клиентом",
        T0.plusSeconds(900),
        completed,
        completed ? "Договорились о встрече" : null,
        responsible,
        T0,
        T0.plusSeconds(60));
  }

  @DatabaseTest
  void upserting_the_same_deals_twice_leaves_one_row_each_with_the_latest_values(TestDatabase db) {
    var mirror = new DealMirror(db.dsl());
    mirror.upsertLeads(
        1L, List.of(lead(10, 100, 1001, List.of()), lead(11, 100, 1001, List.of())), T0);

    mirror.upsertLeads(1L, List.of(lead(10, 200, 1002, List.of())), T0.plusSeconds(5));

    assertThat(mirror.countLeads(1L)).isEqualTo(2);
    assertThat(mirror.stageOf(1L, 10L)).contains(new DealMirror.Stage(7L, 1002L, false));
    assertThat(mirror.leadsPerManager(1L)).containsEntry(100L, 1).containsEntry(200L, 1);
  }

  @DatabaseTest
  void a_read_older_than_the_mirror_does_not_overwrite_it(TestDatabase db) {
    var mirror = new DealMirror(db.dsl());
    Rows.Lead fresh = lead(10, 100, 1002, List.of());
    Rows.Lead stale =
        new Rows.Lead(
            10,
            "Окна / Казань",
            150_000L,
            100L,
            null,
            7L,
            1001L,
            null,
            100L,
            100L,
            T0,
            fresh.updatedAt().minusSeconds(60),
            null,
            null,
            false,
            "[]",
            null,
            List.of());
    mirror.upsertLeads(1L, List.of(fresh), T0);

    mirror.upsertLeads(1L, List.of(stale), T0.plusSeconds(5));

    assertThat(mirror.stageOf(1L, 10L)).contains(new DealMirror.Stage(7L, 1002L, false));
  }

  @DatabaseTest
  void a_sync_never_clears_the_heads_manual_name_flag(TestDatabase db) {
    var mirror = new DealMirror(db.dsl());
    mirror.upsertLeads(1L, List.of(lead(10, 100, 1001, List.of())), T0);
    db.dsl().update(LEADS).set(LEADS.MANUAL_NAME, true).where(LEADS.LEAD_ID.eq(10L)).execute();

    mirror.upsertLeads(1L, List.of(lead(10, 100, 1002, List.of())), T0.plusSeconds(5));

    assertThat(db.dsl().fetchValue(LEADS.MANUAL_NAME, LEADS.LEAD_ID.eq(10L))).isTrue();
  }

  @DatabaseTest
  void a_deals_contacts_are_replaced_with_what_amocrm_says_now(TestDatabase db) {
    var mirror = new DealMirror(db.dsl());
    mirror.upsertLeads(
        1L,
        List.of(
            lead(
                10,
                100,
                1001,
                List.of(new Rows.LeadContact(501, true), new Rows.LeadContact(502, false)))),
        T0);

    mirror.upsertLeads(
        1L, List.of(lead(10, 100, 1001, List.of(new Rows.LeadContact(503, true)))), T0);

    assertThat(db.dsl().fetch(LEAD_CONTACTS).getValues(LEAD_CONTACTS.CONTACT_ID))
        .containsExactly(503L);
  }

  @DatabaseTest
  void history_and_communications_are_appended_once_per_source_key(TestDatabase db) {
    var mirror = new DealMirror(db.dsl());
    var entered = new Rows.StatusChange(10, 7, 1002, 7L, 1001L, 100L, T0, "event:abc");
    var call =
        new Rows.Communication("event:def", "call", "out", false, "leads", 10, 10L, 100L, T0, null);

    assertThat(mirror.appendStatusChanges(1L, List.of(entered))).isEqualTo(1);
    assertThat(mirror.appendStatusChanges(1L, List.of(entered))).isZero();
    assertThat(mirror.recordCommunications(1L, List.of(call, call))).isEqualTo(1);

    assertThat(mirror.history(1L, 10L)).containsExactly(entered);
    assertThat(mirror.countCommunications(1L)).isEqualTo(1);
  }

  @DatabaseTest
  void one_accounts_mirror_is_invisible_to_another(TestDatabase db) {
    var mirror = new DealMirror(db.dsl());
    mirror.upsertLeads(1L, List.of(lead(10, 100, 1001, List.of())), T0);
    mirror.upsertTasks(1L, List.of(task(20, 10, 100, false)), T0);
    mirror.appendStatusChanges(
        1L, List.of(new Rows.StatusChange(10, 7, 1001, null, null, 100L, T0, "e1")));

    assertThat(mirror.countLeads(2L)).isZero();
    assertThat(mirror.countTasks(2L)).isZero();
    assertThat(mirror.countHistory(2L)).isZero();
    assertThat(mirror.stageOf(2L, 10L)).isEmpty();
    assertThat(mirror.history(2L, 10L)).isEmpty();
    assertThat(mirror.markLeadsDeleted(2L, List.of(10L), T0)).isZero();
    assertThat(mirror.countLeads(1L)).isEqualTo(1);
  }

  @DatabaseTest
  void deleted_deals_and_tasks_leave_the_live_counts(TestDatabase db) {
    var mirror = new DealMirror(db.dsl());
    mirror.upsertLeads(
        1L, List.of(lead(10, 100, 1001, List.of()), lead(11, 100, 1001, List.of())), T0);
    mirror.upsertTasks(1L, List.of(task(20, 10, 100, false), task(21, 11, 100, true)), T0);

    mirror.markLeadsDeleted(1L, List.of(11L), T0);
    mirror.markTasksDeleted(1L, List.of(21L), T0);

    assertThat(mirror.countLeads(1L)).isEqualTo(1);
    assertThat(mirror.tasksPerManager(1L)).containsExactly(Map.entry(100L, 1));
    assertThat(mirror.stageOf(1L, 11L)).contains(new DealMirror.Stage(7L, 1001L, true));
  }

  static Rows.Task task(long id, boolean completed, Instant updatedAt) {
    Rows.Task t = task(id, 10, 100, completed);
    return new Rows.Task(
        t.id(),
        t.entityType(),
        t.entityId(),
        t.responsibleUserId(),
        t.taskTypeId(),
        t.text(),
        t.completeTill(),
        t.completed(),
        t.resultText(),
        t.createdBy(),
        t.createdAt(),
        updatedAt);
  }

  @DatabaseTest
  void a_completion_event_sets_the_time_and_later_reads_of_the_task_keep_it(TestDatabase db) {
    var mirror = new DealMirror(db.dsl());
    Instant completed = T0.plusSeconds(600);
    mirror.upsertTasks(1L, List.of(task(20, true, completed.plusSeconds(30))), T0);
    assertThat(mirror.completionTimes(1L))
        .as("without an event, its last update stands in")
        .containsExactly(Map.entry(20L, completed.plusSeconds(30)));

    mirror.recordTaskCompletions(1L, Map.of(20L, completed));
    mirror.upsertTasks(1L, List.of(task(20, true, completed.plusSeconds(3_600))), T0);

    assertThat(mirror.completionTimes(1L)).containsExactly(Map.entry(20L, completed));
  }

  @DatabaseTest
  void a_task_opened_again_loses_its_completion_time_until_it_is_completed_again(TestDatabase db) {
    var mirror = new DealMirror(db.dsl());
    Instant first = T0.plusSeconds(600);
    mirror.upsertTasks(1L, List.of(task(20, true, first)), T0);
    mirror.recordTaskCompletions(1L, Map.of(20L, first));

    mirror.upsertTasks(1L, List.of(task(20, false, first.plusSeconds(60))), T0);
    mirror.recordTaskCompletions(1L, Map.of(20L, first));
    assertThat(db.dsl().fetchValue(TASKS.COMPLETED_AT, TASKS.TASK_ID.eq(20L)))
        .as("an old completion event does not close an open task")
        .isNull();

    Instant second = first.plusSeconds(7_200);
    mirror.upsertTasks(1L, List.of(task(20, true, second.plusSeconds(5))), T0);
    mirror.recordTaskCompletions(1L, Map.of(20L, second));
    assertThat(mirror.completionTimes(1L)).containsExactly(Map.entry(20L, second));
  }

  @DatabaseTest
  void completion_times_are_kept_per_account(TestDatabase db) {
    var mirror = new DealMirror(db.dsl());
    mirror.upsertTasks(1L, List.of(task(20, true, T0.plusSeconds(60))), T0);
    mirror.upsertTasks(2L, List.of(task(20, true, T0.plusSeconds(90))), T0);

    mirror.recordTaskCompletions(2L, Map.of(20L, T0.plusSeconds(30)));

    assertThat(mirror.completionTimes(1L)).containsExactly(Map.entry(20L, T0.plusSeconds(60)));
    assertThat(mirror.completionTimes(2L)).containsExactly(Map.entry(20L, T0.plusSeconds(30)));
  }
}
