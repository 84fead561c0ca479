package app.reglament.automation;

import static app.reglament.automation.Facts.ANNA;
import static app.reglament.automation.Facts.HEAD;
import static app.reglament.automation.Facts.IVAN;
import static app.reglament.automation.Facts.LEFT;
import static app.reglament.automation.Facts.OLEG;
import static app.reglament.automation.Facts.RULES;
import static app.reglament.automation.Facts.context;
import static app.reglament.automation.Facts.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.reglament.amo.api.model.NewTask;
import app.reglament.amo.api.model.TaskUpdate;
import app.reglament.outbox.Action;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReassignmentTest {
  /** Tuesday 10:30, working time. */
  private static final String NOW = "2025-06-03 10:30";

  private static RulesConfig limit(Integer max, List<Long> pool) {
    return Facts.with(
        RULES, new RulesConfig.FirstContact(15, true, "Связаться с клиентом", 1, 30, pool, max));
  }

  /**
   * description, rules, responsible, cursor, open new leads, who is out of working hours, who gets
   * the lead (0: nobody). The pool is Иван 101, Анна 102, Олег 104 by id.
   */
  static Stream<Arguments> cases() {
    RulesConfig two = limit(2, null);
    return Stream.of(
        arguments(
            "first time: the first after the responsible",
            RULES,
            IVAN,
            null,
            Map.of(),
            Set.of(),
            ANNA),
        arguments("after Анна comes Олег", RULES, IVAN, ANNA, Map.of(), Set.of(), OLEG),
        arguments("after Олег it wraps to Иван", RULES, ANNA, OLEG, Map.of(), Set.of(), IVAN),
        arguments(
            "the wrap skips the responsible himself", RULES, IVAN, OLEG, Map.of(), Set.of(), ANNA),
        arguments(
            "Анна is out of working hours: Олег", RULES, IVAN, null, Map.of(), Set.of(ANNA), OLEG),
        arguments(
            "Анна holds the limit of new leads: Олег",
            two,
            IVAN,
            null,
            Map.of(ANNA, 2, OLEG, 1),
            Set.of(),
            OLEG),
        arguments(
            "Анна at the limit, Олег out of hours: wraps past Иван (responsible) to nobody",
            two,
            IVAN,
            null,
            Map.of(ANNA, 2),
            Set.of(OLEG),
            0L),
        arguments("below the limit is fine", two, IVAN, null, Map.of(ANNA, 1), Set.of(), ANNA),
        arguments(
            "a configured pool, in its own order",
            limit(null, List.of(OLEG, ANNA)),
            IVAN,
            null,
            Map.of(),
            Set.of(),
            OLEG),
        arguments(
            "the pool's cursor wraps to its start",
            limit(null, List.of(OLEG, ANNA)),
            IVAN,
            ANNA,
            Map.of(),
            Set.of(),
            OLEG),
        arguments(
            "reassignment not configured",
            Facts.with(
                RULES,
                new RulesConfig.FirstContact(
                    15, true, "Связаться с клиентом", 1, null, null, null)),
            IVAN,
            null,
            Map.of(),
            Set.of(),
            0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void picks_the_next_manager(
      String description,
      RulesConfig rules,
      long responsible,
      Long cursor,
      Map<Long, Integer> open,
      Set<Long> outOfHours,
      long expected) {
    RuleContext context = context(rules, NOW);
    DealFacts lead = deal(1).responsible(responsible).build();
    Predicate<Long> atWork = u -> !outOfHours.contains(u);

    long chosen =
        Reassignment.decide(lead, context, cursor, open, atWork)
            .map(Reassignment.Outcome::toUserId)
            .orElse(0L);

    assertThat(chosen).isEqualTo(expected);
  }

  @Test
  void by_the_calendar_nobody_is_at_work_on_saturday_and_who_left_never_is() {
    RuleContext saturday = context("2025-06-07 12:00");
    RuleContext tuesday = context(NOW);

    assertThat(Reassignment.atWorkByCalendar(saturday).test(ANNA)).isFalse();
    assertThat(Reassignment.atWorkByCalendar(tuesday).test(ANNA)).isTrue();
    assertThat(Reassignment.atWorkByCalendar(tuesday).test(LEFT)).isFalse();
    assertThat(
            Reassignment.decide(
                deal(1).build(), saturday, null, Map.of(), Reassignment.atWorkByCalendar(saturday)))
        .isEmpty();
  }

  @Test
  void the_lead_its_open_tasks_a_note_and_the_head_each_once() {
    DealFacts lead =
        deal(1)
            .created("2025-06-03 10:00")
            .openTask(5, "Связаться с клиентом", "2025-06-03 10:15")
            .openTask(6, "Отправить КП", "2025-06-04 12:00")
            .doneTask(7, "Старое", "Сделано как договаривались", "2025-06-03 10:02")
            .build();

    Reassignment.Outcome outcome =
        Reassignment.decide(lead, context(NOW), null, Map.of(), u -> true).orElseThrow();

    assertThat(outcome.toUserId()).isEqualTo(ANNA);
    assertThat(outcome.actions())
        .extracting(Intent::key)
        .containsExactly(
            "reassign:1:lead",
            "reassign:1:task:5",
            "reassign:1:task:6",
            "reassign:1:note",
            "reassign:1:head");
    Action.UpdateLead lead1 = (Action.UpdateLead) outcome.actions().get(0).action();
    assertThat(lead1.update().responsibleUserId()).isEqualTo(ANNA);
    TaskUpdate firstContact = ((Action.UpdateTask) outcome.actions().get(1).action()).update();
    assertThat(firstContact.responsibleUserId()).isEqualTo(ANNA);
    // The first-contact task gets a fresh SLA for its new manager; other tasks keep their dates.
    assertThat(firstContact.completeTill()).isEqualTo(Facts.moscow("2025-06-03 10:45"));
    assertThat(((Action.UpdateTask) outcome.actions().get(2).action()).update().completeTill())
        .isNull();
    String note =
        (String) ((Action.AddNote) outcome.actions().get(3).action()).note().params().get("text");
    assertThat(note)
        .isEqualTo(
            "Регламент: сделка передана от Иван Петров к Анна Смирнова: нет первого контакта с"
                + " клиентом за 30 мин рабочего времени (норма — 15 мин).");
    NewTask head = ((Action.CreateTask) outcome.actions().get(4).action()).task();
    assertThat(head.responsibleUserId()).isEqualTo(HEAD);
    assertThat(head.text()).contains("Иван Петров", "Анна Смирнова");
  }
}
