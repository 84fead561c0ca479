package app.reglament.automation;

import static app.reglament.automation.Facts.INSTALLED;
import static app.reglament.automation.Facts.IVAN;
import static app.reglament.automation.Facts.RULES;
import static app.reglament.automation.Facts.context;
import static app.reglament.automation.Facts.deal;
import static app.reglament.automation.Facts.moscow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.reglament.amo.api.model.NewTask;
import app.reglament.automation.FirstContact.Watch;
import app.reglament.automation.FirstContact.WatchChange;
import app.reglament.outbox.Action;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FirstContactTest {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** description, deal, now, watch, expected task deadline (or "none"), expected watch change. */
  static Stream<Arguments> cases() {
    Watch watching = new Watch(IVAN, moscow("2025-06-03 10:30"), null);
    return Stream.of(
        arguments(
            "a new lead: the task at the SLA, the timer at reassignAfterMinutes",
            deal(1),
            "2025-06-03 10:01",
            null,
            "2025-06-03 10:15",
            "start 101 2025-06-03 10:30"),
        arguments(
            "a lead at 23:40 on Friday counts from 09:00 on Monday",
            deal(1).created("2025-06-06 23:40"),
            "2025-06-06 23:41",
            null,
            "2025-06-09 09:15",
            "start 101 2025-06-09 09:30"),
        arguments(
            "already watched, nothing changed: the task key repeats, no new timer",
            deal(1),
            "2025-06-03 10:05",
            watching,
            "2025-06-03 10:15",
            "none"),
        arguments(
            "handed to another manager by hand: the watch follows, the timer stays",
            deal(1).responsible(Facts.ANNA),
            "2025-06-03 10:05",
            watching,
            "2025-06-03 10:15",
            "responsible 102"),
        arguments(
            "contacted before the deadline: the timer is cancelled",
            deal(1).call("2025-06-03 10:10"),
            "2025-06-03 10:10",
            watching,
            "none",
            "stop"),
        arguments(
            "a real task result counts as contact too",
            deal(1)
                .doneTask(
                    9,
                    "Связаться с клиентом",
                    "Дозвонился, договорились о замере",
                    "2025-06-03 10:12"),
            "2025-06-03 10:12",
            watching,
            "none",
            "stop"),
        arguments(
            "lost before anyone called: the timer is cancelled",
            deal(1).moved(DealFacts.LOST, "2025-06-03 10:05"),
            "2025-06-03 10:05",
            watching,
            "none",
            "stop"),
        arguments(
            "contacted and never watched: nothing to cancel",
            deal(1).call("2025-06-03 10:10"),
            "2025-06-03 10:10",
            null,
            "none",
            "none"),
        arguments(
            "history: created before the installation",
            deal(1).created("2025-05-30 10:00"),
            "2025-06-03 10:05",
            null,
            "none",
            "none"),
        arguments(
            "reassigned once already: not watched again",
            deal(1).responsible(Facts.ANNA),
            "2025-06-03 11:00",
            new Watch(Facts.ANNA, moscow("2025-06-03 10:30"), Facts.ANNA),
            "none",
            "none"),
        arguments(
            "no responsible manager: nobody to give a task to",
            deal(1).responsible(null),
            "2025-06-03 10:01",
            null,
            "none",
            "none"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides_task_and_timer(
      String description, Facts.Deal deal, String now, Watch watch, String task, String change) {
    FirstContact.Decision decision =
        FirstContact.decide(deal.build(), context(now), INSTALLED, watch);

    assertThat(decision.actions().stream().map(i -> deadline(i)).findFirst().orElse("none"))
        .isEqualTo(task);
    decision.actions().forEach(i -> assertThat(i.key()).isEqualTo("first-contact-task:1"));
    assertThat(describe(decision.change())).isEqualTo(change);
  }

  @Test
  void the_task_is_the_rules_text_and_type_for_the_leads_manager() {
    NewTask task =
        ((Action.CreateTask)
                FirstContact.decide(deal(1).build(), context("2025-06-03 10:01"), INSTALLED, null)
                    .actions()
                    .get(0)
                    .action())
            .task();

    assertThat(task.text()).isEqualTo("Связаться с клиентом");
    assertThat(task.taskTypeId()).isEqualTo(1L);
    assertThat(task.responsibleUserId()).isEqualTo(IVAN);
    assertThat(task.entityId()).isEqualTo(1L);
    assertThat(task.entityType()).isEqualTo("leads");
  }

  @Test
  void without_reassignment_the_timer_is_at_the_deadline_and_without_task_only_the_timer() {
    RulesConfig rules =
        Facts.with(
            RULES, new RulesConfig.FirstContact(15, false, "Связаться", 1, null, null, null));
    FirstContact.Decision decision =
        FirstContact.decide(deal(1).build(), context(rules, "2025-06-03 10:01"), INSTALLED, null);

    assertThat(decision.actions()).isEmpty();
    assertThat(describe(decision.change())).isEqualTo("start 101 2025-06-03 10:15");
  }

  @Test
  void a_reassignment_sooner_than_the_sla_waits_for_the_sla() {
    RulesConfig rules =
        Facts.with(RULES, new RulesConfig.FirstContact(15, true, "Связаться", 1, 5, null, null));

    assertThat(FirstContact.timerDue(deal(1).build(), context(rules, "2025-06-03 10:01")))
        .isEqualTo(moscow("2025-06-03 10:15"));
  }

  private static String deadline(Intent intent) {
    NewTask task = ((Action.CreateTask) intent.action()).task();
    return LOCAL.format(task.completeTill().atZone(Facts.MOSCOW));
  }

  private static String describe(Optional<WatchChange> change) {
    if (change.isEmpty()) {
      return "none";
    }
    WatchChange c = change.get();
    if (c instanceof WatchChange.Start s) {
      return "start " + s.responsibleUserId() + " " + LOCAL.format(s.dueAt().atZone(Facts.MOSCOW));
    }
    if (c instanceof WatchChange.Responsible r) {
      return "responsible " + r.responsibleUserId();
    }
    return "stop";
  }
}
