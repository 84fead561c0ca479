package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.DealFactsBuilder.HEAD;
import static app.reglament.rules.indicators.DealFactsBuilder.LEFT;
import static app.reglament.rules.indicators.DealFactsBuilder.MANAGER;
import static app.reglament.rules.indicators.DealFactsBuilder.OTHER_MANAGER;
import static app.reglament.rules.indicators.DealFactsBuilder.context;
import static app.reglament.rules.indicators.DealFactsBuilder.deal;
import static app.reglament.rules.indicators.DealFactsBuilder.doneTask;
import static app.reglament.rules.indicators.DealFactsBuilder.evaluate;
import static app.reglament.rules.indicators.DealFactsBuilder.incoming;
import static app.reglament.rules.indicators.DealFactsBuilder.local;
import static app.reglament.rules.indicators.DealFactsBuilder.moscow;
import static app.reglament.rules.indicators.DealFactsBuilder.openTask;
import static app.reglament.rules.indicators.DealFactsBuilder.outgoing;
import static app.reglament.rules.indicators.DealFactsBuilder.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.Touch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FirstContactIndicatorTest {
  private static final FirstContactIndicator INDICATOR = new FirstContactIndicator();
  // Wednesday afternoon; 2025-06-12 (Thursday) is a holiday, 2025-06-13 a Friday.
  private static final String NOW = "2025-06-18 16:30";

  static Stream<Arguments> deals() {
    return Stream.of(
        arguments(
            "a call within 15 working minutes is on time",
            deal(1)
                .created("2025-06-16 10:00")
                .touch(outgoing("call", MANAGER, "2025-06-16 10:10")),
            NOW,
            "compliant lead:1 user 101 day 2025-06-16",
            "-"),
        arguments(
            "a contact exactly at the deadline is on time",
            deal(1)
                .created("2025-06-16 10:00")
                .touch(outgoing("chat", MANAGER, "2025-06-16 10:15")),
            NOW,
            "compliant lead:1 user 101 day 2025-06-16",
            "-"),
        arguments(
            "late past 1x the SLA is a warning",
            deal(1)
                .created("2025-06-16 10:00")
                .touch(outgoing("call", MANAGER, "2025-06-16 10:22")),
            NOW,
            "late_warning warning lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "a contact exactly at 2x the SLA is still a warning",
            deal(1)
                .created("2025-06-16 10:00")
                .touch(outgoing("mail", MANAGER, "2025-06-16 10:30")),
            NOW,
            "late_warning warning lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "late past 2x the SLA is critical",
            deal(1)
                .created("2025-06-16 10:00")
                .touch(outgoing("call", MANAGER, "2025-06-16 10:31")),
            NOW,
            "late_critical critical lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "a lead arriving Friday 23:40 is due Monday 09:15: 09:10 is on time",
            deal(1)
                .created("2025-06-13 23:40")
                .touch(outgoing("call", MANAGER, "2025-06-16 09:10")),
            NOW,
            "compliant lead:1 user 101 day 2025-06-16",
            "-"),
        arguments(
            "a lead arriving Friday 23:40 and called Monday 09:40 is critical",
            deal(1)
                .created("2025-06-13 23:40")
                .touch(outgoing("call", MANAGER, "2025-06-16 09:40")),
            NOW,
            "late_critical critical lead:1 user 101 day 2025-06-16 began 2025-06-16 09:15",
            "-"),
        arguments(
            "the holiday is skipped: Wednesday 17:55 is due Friday 09:10",
            deal(1)
                .created("2025-06-11 17:55")
                .touch(outgoing("call", MANAGER, "2025-06-13 09:05")),
            NOW,
            "compliant lead:1 user 101 day 2025-06-13",
            "-"),
        arguments(
            "a lead arriving on the holiday starts on the next working morning",
            deal(1).created("2025-06-12 12:00").touch(outgoing("sms", MANAGER, "2025-06-13 09:20")),
            NOW,
            "late_warning warning lead:1 user 101 day 2025-06-13 began 2025-06-13 09:15",
            "-"),
        arguments(
            "a call that did not get through is a contact",
            deal(1)
                .created("2025-06-16 10:00")
                .touch(
                    new Touch("event:9", "call", true, false, MANAGER, moscow("2025-06-16 10:05"))),
            NOW,
            "compliant lead:1 user 101 day 2025-06-16",
            "-"),
        arguments(
            "a task completed with a real result is a first contact",
            deal(1)
                .created("2025-06-16 10:00")
                .task(
                    doneTask(
                        7,
                        MANAGER,
                        "Связаться с клиентом",
                        "Созвонились, клиент ждёт замерщика в четверг",
                        "2025-06-16 10:12")),
            NOW,
            "compliant lead:1 user 101 day 2025-06-16",
            "-"),
        arguments(
            "a task closed with junk is no contact; the later call is",
            deal(1)
                .created("2025-06-16 10:00")
                .task(doneTask(7, MANAGER, "Связаться с клиентом", "ок", "2025-06-16 10:05"))
                .touch(outgoing("call", MANAGER, "2025-06-16 10:25")),
            NOW,
            "late_warning warning lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "tasks count in completion order, not in the order they are listed",
            deal(1)
                .created("2025-06-16 10:00")
                .task(
                    doneTask(
                        7,
                        MANAGER,
                        "Связаться с клиентом",
                        "Отправил КП на почту",
                        "2025-06-16 10:40"))
                .task(doneTask(8, MANAGER, "Перезвонить клиенту", "ок", "2025-06-16 10:05"))
                .task(
                    doneTask(
                        9,
                        MANAGER,
                        "Перезвонить клиенту",
                        "Созвонились, клиент ждёт расчёт до пятницы",
                        "2025-06-16 10:20"))
                .touch(outgoing("call", MANAGER, "2025-06-16 10:50")),
            NOW,
            "late_warning warning lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "an incoming call or message is no first contact",
            deal(1)
                .created("2025-06-16 10:00")
                .touch(incoming("call", "2025-06-16 10:02"))
                .touch(incoming("chat", "2025-06-16 10:03"))
                .touch(outgoing("call", MANAGER, "2025-06-16 10:45")),
            NOW,
            "late_critical critical lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "a touch on the contact before the deal existed does not count",
            deal(1)
                .created("2025-06-16 10:00")
                .touch(outgoing("call", MANAGER, "2025-06-10 11:00"))
                .touch(outgoing("call", MANAGER, "2025-06-16 10:20")),
            NOW,
            "late_warning warning lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "never contacted, past 2x: critical, began at the deadline",
            deal(1)
                .created("2025-06-16 10:00")
                .task(openTask(7, MANAGER, "Связаться с клиентом", "2025-06-16 10:15")),
            NOW,
            "none critical lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "never contacted, between 1x and 2x: a warning, recheck at 2x",
            deal(1).created("2025-06-18 16:10"),
            NOW,
            "none warning lead:1 user 101 day 2025-06-18 began 2025-06-18 16:25",
            "2025-06-18 16:40"),
        arguments(
            "not contacted yet, before the deadline: compliant for now, recheck at the deadline",
            deal(1).created("2025-06-18 16:20"),
            NOW,
            "compliant lead:1 user 101 day 2025-06-18",
            "2025-06-18 16:35"),
        arguments(
            "Friday night's lead seen on Saturday waits for Monday 09:15",
            deal(1).created("2025-06-13 23:40"),
            "2025-06-14 12:00",
            "compliant lead:1 user 101 day 2025-06-16",
            "2025-06-16 09:15"),
        arguments(
            "a contact after now is not yet known",
            deal(1)
                .created("2025-06-16 10:00")
                .touch(outgoing("call", MANAGER, "2025-06-16 10:20")),
            "2025-06-16 10:18",
            "none warning lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "2025-06-16 10:30"),
        arguments(
            "a deal reassigned later is charged to its responsible at now",
            deal(1)
                .created("2025-06-16 10:00")
                .responsible(OTHER_MANAGER)
                .touch(outgoing("call", MANAGER, "2025-06-16 10:40")),
            NOW,
            "late_critical critical lead:1 user 102 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "a won deal is judged too",
            deal(1)
                .created("2025-06-16 10:00")
                .touch(outgoing("call", MANAGER, "2025-06-16 10:20"))
                .moved(DealFacts.WON, "2025-06-17 12:00"),
            NOW,
            "late_warning warning lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "a lost deal never contacted is judged too",
            deal(1).created("2025-06-16 10:00").moved(DealFacts.LOST, "2025-06-17 12:00"),
            NOW,
            "none critical lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15",
            "-"),
        arguments(
            "a deleted deal is no item",
            deal(1).created("2025-06-16 10:00").deleted(true),
            NOW,
            "none",
            "-"),
        arguments(
            "a deal deleted and restored is an item again",
            deal(1)
                .created("2025-06-16 10:00")
                .deleted(false)
                .touch(outgoing("call", MANAGER, "2025-06-16 10:05")),
            NOW,
            "compliant lead:1 user 101 day 2025-06-16",
            "-"),
        arguments(
            "the head's deal is not checked",
            deal(1).created("2025-06-16 10:00").responsible(HEAD),
            NOW,
            "none",
            "-"),
        arguments(
            "an inactive user's deal is not checked",
            deal(1).created("2025-06-16 10:00").responsible(LEFT),
            NOW,
            "none",
            "-"),
        arguments(
            "a deal with no responsible is not checked",
            deal(1).created("2025-06-16 10:00").responsible(null),
            NOW,
            "none",
            "-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deals")
  void judges_the_first_contact(
      String description, DealFactsBuilder deal, String now, String expected, String recheck) {
    Findings findings = evaluate(INDICATOR, deal.build(), context(now));

    assertThat(summary(findings)).isEqualTo(expected);
    assertThat(local(findings.recheckAt())).isEqualTo(recheck);
  }

  @Test
  void a_late_contact_says_by_how_much_in_both_languages() {
    DealFacts deal =
        deal(5)
            .created("2025-06-13 23:40")
            .touch(outgoing("call", MANAGER, "2025-06-16 09:40"))
            .build();

    Finding finding = evaluate(INDICATOR, deal, context(NOW)).list().get(0);

    assertThat(finding.details())
        .containsEntry("minutesLate", 25L)
        .containsEntry("workingMinutes", 40L)
        .containsEntry("slaMinutes", 15);
    assertThat(finding.explanation().russian())
        .contains("опоздал на 25 мин", "13.06.2025 23:40", "16.06.2025 09:15", "16.06.2025 09:40");
    assertThat(finding.explanation().english())
        .contains("25 working minutes late", "16.06.2025 09:15");
  }

  @Test
  void a_silent_lead_tells_the_manager_to_contact_the_client() {
    DealFacts deal = deal(5).created("2025-06-18 15:00").build();

    Finding finding = evaluate(INDICATOR, deal, context(NOW)).list().get(0);

    assertThat(finding.explanation().russian())
        .startsWith("Свяжитесь с клиентом")
        .contains("18.06.2025 15:00", "18.06.2025 15:15", "всё ещё нет");
    assertThat(finding.explanation().english())
        .startsWith("Contact the client")
        .contains("18.06.2025 15:15", "still had no call");
    // No figure grows while the lead waits, so the open violation is not rewritten each minute.
    assertThat(finding.details())
        .doesNotContainKeys("firstContactAt", "minutesLate", "workingMinutes");
  }
}
