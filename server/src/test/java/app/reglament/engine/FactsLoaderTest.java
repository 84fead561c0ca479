package app.reglament.engine;

import static app.reglament.db.generated.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.db.generated.tables.records.TasksRecord;
import app.reglament.mirror.DealMirror;
import app.reglament.mirror.Rows;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.StageChange;
import app.reglament.rules.facts.TaskFacts;
import app.reglament.rules.facts.Touch;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * What the engine reads out of the mirror: deals by id with everything on them (on H2 through a
 * joined list of ids, elsewhere through IN), and a manager's previous task result, both one task at
 * a time and for a whole account at once.
 */
class FactsLoaderTest {
  private static final long ACCOUNT = 31_000_001L;
  private static final long OTHER = 31_000_002L;
  private static final long MANAGER = 100;
  private static final long COLLEAGUE = 200;
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  private static Rows.Lead lead(long id, List<Rows.LeadContact> contacts) {
    return new Rows.Lead(
        id,
        "Сделка " + id,
        null,
        MANAGER,
        null,
        7L,
        1001L,
        null,
        MANAGER,
        MANAGER,
        T0.minus(Duration.ofDays(3)),
        T0.minus(Duration.ofDays(3)),
        null,
        null,
        false,
        null,
        null,
        contacts);
  }

  private static Rows.Task task(long id, long leadId, long user, String result, Instant doneAt) {
    return new Rows.Task(
        id,
        "leads",
        leadId,
        user,
        1L,
        "Позвонить",
        doneAt,
        result != null,
        result,
        user,
        doneAt.minus(Duration.ofHours(1)),
        doneAt);
  }

  private static Rows.Communication call(String key, String entityType, long entityId, Long lead) {
    return new Rows.Communication(
        key, "call", "out", false, entityType, entityId, lead, MANAGER, T0.minusSeconds(60), null);
  }

  @DatabaseTest
  void deals_come_once_each_with_their_tasks_stages_and_touches_and_only_the_accounts(
      TestDatabase db) {
    DSLContext dsl = db.dsl();
    var mirror = new DealMirror(dsl);
    mirror.upsertContacts(ACCOUNT, List.of(new Rows.Contact(70, "Иванов Иван", MANAGER, T0)));
    mirror.upsertLeads(
        ACCOUNT,
        List.of(
            lead(10, List.of(new Rows.LeadContact(70, true))),
            lead(11, List.of()),
            lead(12, List.of(new Rows.LeadContact(70, false)))),
        T0);
    mirror.upsertLeads(OTHER, List.of(lead(10, List.of())), T0);
    mirror.upsertTasks(
        ACCOUNT,
        List.of(
            task(500, 10, MANAGER, "Отправил КП", T0.minusSeconds(7200)),
            task(501, 10, MANAGER, null, T0.plusSeconds(3600)),
            task(502, 11, MANAGER, null, T0.plusSeconds(3600)),
            task(503, 12, MANAGER, null, T0.plusSeconds(3600))),
        T0);
    mirror.upsertTasks(OTHER, List.of(task(500, 10, MANAGER, null, T0)), T0);
    mirror.appendStatusChanges(
        ACCOUNT,
        List.of(
            new Rows.StatusChange(10, 7, 1002, 7L, 1001L, MANAGER, T0.minusSeconds(600), "e:1"),
            new Rows.StatusChange(11, 7, 1002, 7L, 1001L, MANAGER, T0.minusSeconds(500), "e:2")));
    mirror.recordCommunications(
        ACCOUNT,
        List.of(
            call("e:3", "lead", 10, 10L),
            call("e:4", "contact", 70, null),
            call("e:5", "lead", 11, 11L)));

    var loader = new FactsLoader(dsl);
    List<DealFacts> deals =
        loader.deals(ACCOUNT, List.of(12L, 10L, 10L, 99L), loader.previousFromDatabase(ACCOUNT));

    assertThat(deals).extracting(DealFacts::leadId).containsExactly(10L, 12L);
    DealFacts ten = deals.get(0);
    assertThat(ten.tasks()).extracting(TaskFacts::taskId).containsExactly(500L, 501L);
    assertThat(ten.stages()).hasSize(1);
    assertThat(ten.touches()).extracting(Touch::key).containsExactly("e:3", "e:4");
    assertThat(ten.contactName()).isEqualTo("Иванов Иван");
    DealFacts twelve = deals.get(1);
    assertThat(twelve.tasks()).extracting(TaskFacts::taskId).containsExactly(503L);
    assertThat(twelve.stages()).isEmpty();
    assertThat(twelve.touches()).extracting(Touch::key).containsExactly("e:4");

    assertThat(loader.leadsOfTasks(ACCOUNT, List.of(503L, 500L, 500L))).containsOnly(10L, 12L);
    assertThat(loader.leadsOfContacts(ACCOUNT, List.of(70L))).containsOnly(10L, 12L);
    assertThat(loader.deals(ACCOUNT, List.of(), loader.previousFromDatabase(ACCOUNT))).isEmpty();
  }

  @DatabaseTest
  void lists_come_in_time_order_ties_broken_by_id_and_the_main_contact_names_the_deal(
      TestDatabase db) {
    DSLContext dsl = db.dsl();
    var mirror = new DealMirror(dsl);
    mirror.upsertContacts(
        ACCOUNT,
        List.of(
            new Rows.Contact(70, "Иванов Иван", MANAGER, T0),
            new Rows.Contact(71, "Петров Пётр", MANAGER, T0)));
    mirror.upsertLeads(
        ACCOUNT,
        List.of(
            // The main contact has the higher id; without a main one the lower id names the deal.
            lead(20, List.of(new Rows.LeadContact(70, false), new Rows.LeadContact(71, true))),
            lead(21, List.of(new Rows.LeadContact(71, false), new Rows.LeadContact(70, false)))),
        T0);
    Instant same = T0.minusSeconds(3600);
    mirror.upsertTasks(
        ACCOUNT,
        List.of(
            task(612, 20, MANAGER, null, same),
            task(610, 20, MANAGER, null, same),
            task(611, 20, MANAGER, null, same),
            task(609, 20, MANAGER, null, same.minusSeconds(60))),
        T0);
    // Two moves at the same moment keep the order they were recorded in; an earlier one,
    // recorded last, still comes first.
    mirror.appendStatusChanges(
        ACCOUNT,
        List.of(
            new Rows.StatusChange(20, 7, 1002, 7L, 1001L, MANAGER, T0.minusSeconds(600), "e:a"),
            new Rows.StatusChange(20, 7, 1003, 7L, 1002L, MANAGER, T0.minusSeconds(600), "e:b")));
    mirror.appendStatusChanges(
        ACCOUNT,
        List.of(
            new Rows.StatusChange(20, 7, 1001, null, null, MANAGER, T0.minusSeconds(900), "e:c")));

    var loader = new FactsLoader(dsl);
    for (List<DealFacts> deals :
        List.of(
            loader.deals(ACCOUNT, List.of(21L, 20L), loader.previousFromDatabase(ACCOUNT)),
            loader.dealsAfter(ACCOUNT, 19, 1000, loader.previousForAccount(ACCOUNT)))) {
      assertThat(deals).extracting(DealFacts::leadId).containsExactly(20L, 21L);
      DealFacts twenty = deals.get(0);
      assertThat(twenty.tasks())
          .extracting(TaskFacts::taskId)
          .containsExactly(609L, 610L, 611L, 612L);
      assertThat(twenty.stages())
          .extracting(StageChange::statusId)
          .containsExactly(1001L, 1002L, 1003L);
      assertThat(twenty.contactName()).isEqualTo("Петров Пётр");
      assertThat(deals.get(1).contactName()).isEqualTo("Иванов Иван");
    }
  }

  @DatabaseTest
  void the_previous_result_is_the_managers_last_completed_live_task_before_this_one(
      TestDatabase db) {
    DSLContext dsl = db.dsl();
    var mirror = new DealMirror(dsl);
    mirror.upsertLeads(ACCOUNT, List.of(lead(10, List.of())), T0);
    Instant at = T0.minus(Duration.ofHours(5));
    mirror.upsertTasks(
        ACCOUNT,
        List.of(
            task(501, 10, MANAGER, "Отправил КП", at),
            task(502, 10, COLLEAGUE, "Отправил КП", at.plusSeconds(3600)),
            task(503, 10, MANAGER, "Отправил КП.", at.plusSeconds(7200)),
            // Completed at the same moment as 503: the higher id comes after it.
            task(504, 10, MANAGER, "Клиент думает", at.plusSeconds(7200)),
            task(505, 10, MANAGER, "Клиент думает", at.plusSeconds(10800)),
            task(506, 10, MANAGER, "клиент ДУМАЕТ", at.plusSeconds(14400)),
            task(507, 10, MANAGER, null, at.plusSeconds(18000))),
        T0);
    mirror.markTasksDeleted(ACCOUNT, List.of(505L), T0);
    var loader = new FactsLoader(dsl);

    FactsLoader.PreviousResults one = loader.previousFromDatabase(ACCOUNT);
    assertThat(one.previous(stored(dsl, 501))).isNull();
    assertThat(one.previous(stored(dsl, 503))).isEqualTo("Отправил КП");
    assertThat(one.previous(stored(dsl, 504))).isEqualTo("Отправил КП.");
    assertThat(one.previous(stored(dsl, 506))).isEqualTo("Клиент думает");
    assertThat(one.previous(stored(dsl, 507))).isNull();

    // The whole-account pass keeps only the previous results that a result repeats.
    FactsLoader.PreviousResults all = loader.previousForAccount(ACCOUNT);
    assertThat(all.previous(stored(dsl, 501))).isNull();
    assertThat(all.previous(stored(dsl, 502))).isNull();
    assertThat(all.previous(stored(dsl, 503))).isEqualTo("Отправил КП");
    assertThat(all.previous(stored(dsl, 504))).isNull();
    assertThat(all.previous(stored(dsl, 506))).isEqualTo("Клиент думает");
  }

  private static FactsLoader.Completed stored(DSLContext dsl, long taskId) {
    TasksRecord task =
        dsl.selectFrom(TASKS)
            .where(TASKS.ACCOUNT_ID.eq(ACCOUNT), TASKS.TASK_ID.eq(taskId))
            .fetchSingle();
    return new FactsLoader.Completed(
        task.getTaskId(), task.getResponsibleUserId(), task.getCompletedAt());
  }
}
