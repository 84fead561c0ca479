package app.reglament.engine;

import static app.reglament.db.generated.Tables.VIOLATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.db.generated.tables.records.ViolationsRecord;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Indicator;
import app.reglament.rules.Severity;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The open violations of a scope follow its findings through the planned writes: changed in place,
 * reopened when the same occurrence is found again, the older of two open copies closed, and an
 * occurrence that moves to another scope in the same batch left open.
 */
class ViolationStoreTest {
  private static final long ACCOUNT = 31_000_001L;
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final Instant BEGAN = T0.minus(Duration.ofHours(3));

  private static Finding overdue(long leadId, Severity severity, Instant began) {
    return Finding.violated(
        Indicator.OVERDUE_TASK,
        "task:500",
        leadId,
        500L,
        100L,
        LocalDate.parse("2026-11-30"),
        severity,
        began,
        "overdue",
        new Explanation("Задача просрочена", "The task is overdue"),
        Map.of());
  }

  /** Plans and executes the writes that bring one scope to these findings, at {@code now}. */
  private static void apply(DSLContext dsl, Instant now, String scope, List<Finding> findings) {
    Writes writes = new Writes(ACCOUNT, now);
    ViolationStore.plan(
        writes,
        scope,
        ViolationStore.open(dsl, ACCOUNT, List.of(scope)).getOrDefault(scope, List.of()),
        findings);
    dsl.transaction(tx -> writes.execute(tx.dsl()));
  }

  private static List<ViolationsRecord> rows(DSLContext dsl) {
    return dsl.selectFrom(VIOLATIONS)
        .where(VIOLATIONS.ACCOUNT_ID.eq(ACCOUNT))
        .orderBy(VIOLATIONS.ID)
        .fetch();
  }

  private static Finding withFigures(String reason, String english, Map<String, Object> figures) {
    return Finding.violated(
        Indicator.TASK_RESULT,
        "task:500",
        10L,
        500L,
        100L,
        LocalDate.parse("2026-11-30"),
        Severity.WARNING,
        BEGAN,
        reason,
        new Explanation("Результат пустой", english),
        figures);
  }

  @Test
  void the_details_hash_changes_with_anything_stored_and_not_with_the_order_of_the_figures() {
    Map<String, Object> figures = new java.util.LinkedHashMap<>();
    figures.put("letters", 1);
    figures.put("text", "+");
    figures.put("nested", Map.of("b", List.of(1, 2), "a", "x"));
    Map<String, Object> reordered = new java.util.LinkedHashMap<>();
    reordered.put("nested", Map.of("a", "x", "b", List.of(1, 2)));
    reordered.put("text", "+");
    reordered.put("letters", 1);
    long hash = ViolationStore.hash(withFigures("placeholder", "Empty", figures));

    assertThat(ViolationStore.hash(withFigures("placeholder", "Empty", reordered))).isEqualTo(hash);
    assertThat(ViolationStore.hash(withFigures("too_few_letters", "Empty", figures)))
        .isNotEqualTo(hash);
    assertThat(ViolationStore.hash(withFigures("placeholder", "Empty.", figures)))
        .isNotEqualTo(hash);
    assertThat(ViolationStore.hash(withFigures("placeholder", "Empty", Map.of("letters", 1))))
        .isNotEqualTo(hash);
    // A number and the same digits as text are stored differently, so they hash differently.
    Map<String, Object> asText = new java.util.LinkedHashMap<>(figures);
    asText.put("letters", "1");
    assertThat(ViolationStore.hash(withFigures("placeholder", "Empty", asText))).isNotEqualTo(hash);
    // The day of an event is stored (a junk result is one), so it is part of the hash.
    Finding f = withFigures("placeholder", "Empty", figures);
    Finding nextDay =
        new Finding(
            f.indicator(),
            f.subjectKey(),
            f.leadId(),
            f.taskId(),
            f.userId(),
            f.day().plusDays(1),
            f.severity(),
            f.beganAt(),
            f.reason(),
            f.explanation(),
            f.details());
    assertThat(ViolationStore.hash(nextDay)).isNotEqualTo(hash);
  }

  @DatabaseTest
  void the_same_open_state_violation_found_on_a_later_day_plans_no_write(TestDatabase db) {
    DSLContext dsl = db.dsl();
    apply(dsl, T0, "lead:10", List.of(overdue(10, Severity.WARNING, BEGAN)));
    Finding nextDay =
        Finding.violated(
            Indicator.OVERDUE_TASK,
            "task:500",
            10L,
            500L,
            100L,
            LocalDate.parse("2026-12-01"),
            Severity.WARNING,
            BEGAN,
            "overdue",
            new Explanation("Задача просрочена", "The task is overdue"),
            Map.of());

    Writes writes = new Writes(ACCOUNT, T0.plus(Duration.ofDays(1)));
    ViolationStore.plan(
        writes,
        "lead:10",
        ViolationStore.open(dsl, ACCOUNT, List.of("lead:10")).get("lead:10"),
        List.of(nextDay));

    assertThat(writes.size()).isZero();
    assertThat(rows(dsl).get(0).getDetailsHash()).isEqualTo(ViolationStore.hash(nextDay));
  }

  @DatabaseTest
  void a_violation_changes_in_place_closes_and_comes_back_as_a_new_row_of_its_history(
      TestDatabase db) {
    DSLContext dsl = db.dsl();
    apply(dsl, T0, "lead:10", List.of(overdue(10, Severity.WARNING, BEGAN)));
    long id = rows(dsl).get(0).getId();

    apply(dsl, T0.plusSeconds(60), "lead:10", List.of(overdue(10, Severity.CRITICAL, BEGAN)));
    assertThat(rows(dsl))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getId()).isEqualTo(id);
              assertThat(r.getSeverity()).isEqualTo("critical");
              assertThat(r.getDetectedAt()).isEqualTo(T0);
              assertThat(r.getClosedAt()).isNull();
            });

    apply(dsl, T0.plusSeconds(120), "lead:10", List.of());
    assertThat(rows(dsl).get(0).getClosedAt()).isEqualTo(T0.plusSeconds(120));

    apply(dsl, T0.plusSeconds(180), "lead:10", List.of(overdue(10, Severity.WARNING, BEGAN)));
    List<ViolationsRecord> history = rows(dsl);
    assertThat(history).hasSize(2);
    assertThat(history.get(0).getId()).isEqualTo(id);
    assertThat(history.get(0).getClosedAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(history.get(1).getBeganAt()).isEqualTo(BEGAN);
    assertThat(history.get(1).getDetectedAt()).isEqualTo(T0.plusSeconds(180));
    assertThat(history.get(1).getSeverity()).isEqualTo("warning");
    assertThat(history.get(1).getClosedAt()).isNull();
  }

  @DatabaseTest
  void a_new_start_closes_the_old_occurrence_and_opens_another(TestDatabase db) {
    DSLContext dsl = db.dsl();
    apply(dsl, T0, "lead:10", List.of(overdue(10, Severity.WARNING, BEGAN)));

    Instant later = BEGAN.plus(Duration.ofHours(1));
    apply(dsl, T0.plusSeconds(60), "lead:10", List.of(overdue(10, Severity.WARNING, later)));

    List<ViolationsRecord> rows = rows(dsl);
    assertThat(rows).extracting(ViolationsRecord::getBeganAt).containsExactly(BEGAN, later);
    assertThat(rows)
        .extracting(ViolationsRecord::getClosedAt)
        .containsExactly(T0.plusSeconds(60), null);
  }

  @DatabaseTest
  void of_two_open_copies_of_one_item_the_older_closes(TestDatabase db) {
    DSLContext dsl = db.dsl();
    Instant later = BEGAN.plus(Duration.ofHours(1));
    Writes both = new Writes(ACCOUNT, T0);
    Finding first = overdue(10, Severity.WARNING, BEGAN);
    both.open("lead:10", first, ViolationStore.details(first), ViolationStore.hash(first));
    Finding second = overdue(10, Severity.WARNING, later);
    both.open("lead:10", second, ViolationStore.details(second), ViolationStore.hash(second));
    dsl.transaction(tx -> both.execute(tx.dsl()));

    // The older copy is the one found again: it stays open, the newer one closes.
    apply(dsl, T0.plusSeconds(60), "lead:10", List.of(overdue(10, Severity.WARNING, BEGAN)));

    List<ViolationsRecord> rows = rows(dsl);
    assertThat(rows).extracting(ViolationsRecord::getBeganAt).containsExactly(BEGAN, later);
    assertThat(rows)
        .extracting(ViolationsRecord::getClosedAt)
        .containsExactly(null, T0.plusSeconds(60));
  }

  @DatabaseTest
  void an_occurrence_that_moves_to_another_deal_in_the_same_batch_is_open_once(TestDatabase db) {
    DSLContext dsl = db.dsl();
    apply(dsl, T0, "lead:10", List.of(overdue(10, Severity.WARNING, BEGAN)));

    // The task moved from deal 10 to deal 11; deal 11 comes first in the batch.
    Writes writes = new Writes(ACCOUNT, T0.plusSeconds(60));
    var open = ViolationStore.open(dsl, ACCOUNT, List.of("lead:10", "lead:11"));
    ViolationStore.plan(
        writes,
        "lead:11",
        open.getOrDefault("lead:11", List.of()),
        List.of(overdue(11, Severity.WARNING, BEGAN)));
    ViolationStore.plan(writes, "lead:10", open.getOrDefault("lead:10", List.of()), List.of());
    dsl.transaction(tx -> writes.execute(tx.dsl()));

    assertThat(rows(dsl).stream().filter(r -> r.getClosedAt() == null))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getScope()).isEqualTo("lead:11");
              assertThat(r.getLeadId()).isEqualTo(11L);
            });
    assertThat(rows(dsl).stream().filter(r -> r.getClosedAt() != null))
        .singleElement()
        .satisfies(r -> assertThat(r.getScope()).isEqualTo("lead:10"));
  }
}
