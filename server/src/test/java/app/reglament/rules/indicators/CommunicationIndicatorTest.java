package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.FactsFixture.FORMER;
import static app.reglament.rules.indicators.FactsFixture.HEAD;
import static app.reglament.rules.indicators.FactsFixture.MANAGER;
import static app.reglament.rules.indicators.FactsFixture.OTHER_MANAGER;
import static app.reglament.rules.indicators.FactsFixture.at;
import static app.reglament.rules.indicators.FactsFixture.context;
import static app.reglament.rules.indicators.FactsFixture.deal;
import static app.reglament.rules.indicators.FactsFixture.only;
import static app.reglament.rules.indicators.FactsFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.DealFacts;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommunicationIndicatorTest {
  private final CommunicationIndicator indicator = new CommunicationIndicator();

  /**
   * One incoming item per deal. {@code reason} null = compliant; {@code recheck} null = none asked.
   */
  static Stream<Arguments> verdicts() {
    return Stream.of(
        row(
            "chat answered by chat within the hour",
            deal(1).incoming("chat", "2024-06-03T10:00").outgoing("chat", "2024-06-03T10:30"),
            "2024-06-03T15:00",
            null,
            null,
            null,
            null),
        row(
            "a message is answered by any outgoing contact, a call too",
            deal(1).incoming("mail", "2024-06-03T10:00").outgoing("call", "2024-06-03T10:55"),
            "2024-06-03T15:00",
            null,
            null,
            null,
            null),
        row(
            "a reply exactly at the deadline is on time",
            deal(1).incoming("chat", "2024-06-03T10:00").outgoing("sms", "2024-06-03T11:00"),
            "2024-06-03T15:00",
            null,
            null,
            null,
            null),
        row(
            "pending: compliant, rechecked at the deadline",
            deal(1).incoming("chat", "2024-06-03T10:00"),
            "2024-06-03T10:40",
            null,
            null,
            null,
            "2024-06-03T11:00"),
        row(
            "unanswered past the deadline: warning, rechecked when it turns critical",
            deal(1).incoming("chat", "2024-06-03T10:00"),
            "2024-06-03T11:30",
            "chat_unanswered",
            Severity.WARNING,
            "2024-06-03T11:00",
            "2024-06-03T12:00"),
        row(
            "unanswered past twice the limit: critical",
            deal(1).incoming("mail", "2024-06-03T10:00"),
            "2024-06-03T12:01",
            "mail_unanswered",
            Severity.CRITICAL,
            "2024-06-03T11:00",
            null),
        row(
            "a reply before the message does not answer it",
            deal(1).outgoing("chat", "2024-06-03T09:50").incoming("chat", "2024-06-03T10:00"),
            "2024-06-03T11:30",
            "chat_unanswered",
            Severity.WARNING,
            "2024-06-03T11:00",
            "2024-06-03T12:00"),
        row(
            "answered after 90 working minutes: late",
            deal(1).incoming("chat", "2024-06-03T10:00").outgoing("chat", "2024-06-03T11:30"),
            "2024-06-03T15:00",
            "chat_late_reply",
            Severity.WARNING,
            "2024-06-03T11:00",
            null),
        row(
            "answered after more than twice the limit: critical",
            deal(1).incoming("mail", "2024-06-03T10:00").outgoing("mail", "2024-06-03T12:10"),
            "2024-06-03T15:00",
            "mail_late_reply",
            Severity.CRITICAL,
            "2024-06-03T11:00",
            null),
        row(
            "Friday-night message answered Monday 09:45: on time in working minutes",
            deal(1).incoming("chat", "2024-06-07T23:00").outgoing("chat", "2024-06-10T09:45"),
            "2024-06-10T15:00",
            null,
            null,
            null,
            null),
        row(
            "Friday-night message still pending on Monday 09:30",
            deal(1).incoming("chat", "2024-06-07T23:00"),
            "2024-06-10T09:30",
            null,
            null,
            null,
            "2024-06-10T10:00"),
        row(
            "Friday-night message unanswered on Monday 10:30: due Monday 10:00",
            deal(1).incoming("chat", "2024-06-07T23:00"),
            "2024-06-10T10:30",
            "chat_unanswered",
            Severity.WARNING,
            "2024-06-10T10:00",
            "2024-06-10T11:00"),
        row(
            "Tuesday 17:30 message answered Thursday 09:20: the holiday Wednesday is skipped",
            deal(1).incoming("mail", "2024-06-11T17:30").outgoing("mail", "2024-06-13T09:20"),
            "2024-06-13T15:00",
            null,
            null,
            null,
            null),
        row(
            "Tuesday 17:30 message unanswered: due Thursday 09:30",
            deal(1).incoming("mail", "2024-06-11T17:30"),
            "2024-06-13T09:45",
            "mail_unanswered",
            Severity.WARNING,
            "2024-06-13T09:30",
            "2024-06-13T10:30"),
        row(
            "incoming SMS unanswered",
            deal(1).incoming("sms", "2024-06-03T10:00"),
            "2024-06-03T11:30",
            "sms_unanswered",
            Severity.WARNING,
            "2024-06-03T11:00",
            "2024-06-03T12:00"),
        row(
            "missed call called back within 30 minutes",
            deal(1).missedCall("2024-06-03T10:00").outgoing("call", "2024-06-03T10:20"),
            "2024-06-03T15:00",
            null,
            null,
            null,
            null),
        row(
            "missed call at night called back at 09:20",
            deal(1).missedCall("2024-06-04T02:00").outgoing("call", "2024-06-04T09:20"),
            "2024-06-04T15:00",
            null,
            null,
            null,
            null),
        row(
            "a missed call wants a call: a chat is no call-back",
            deal(1).missedCall("2024-06-03T10:00").outgoing("chat", "2024-06-03T10:05"),
            "2024-06-03T10:45",
            "missed_call_no_callback",
            Severity.WARNING,
            "2024-06-03T10:30",
            "2024-06-03T11:00"),
        row(
            "missed call called back after 45 minutes: late",
            deal(1).missedCall("2024-06-03T10:00").outgoing("call", "2024-06-03T10:45"),
            "2024-06-03T15:00",
            "missed_call_late_callback",
            Severity.WARNING,
            "2024-06-03T10:30",
            null),
        row(
            "missed call called back after 61 minutes: critical",
            deal(1).missedCall("2024-06-03T10:00").outgoing("call", "2024-06-03T11:01"),
            "2024-06-03T15:00",
            "missed_call_late_callback",
            Severity.CRITICAL,
            "2024-06-03T10:30",
            null),
        row(
            "a reply after now is not seen when evaluating an earlier moment",
            deal(1).incoming("chat", "2024-06-03T10:00").outgoing("chat", "2024-06-03T11:40"),
            "2024-06-03T11:20",
            "chat_unanswered",
            Severity.WARNING,
            "2024-06-03T11:00",
            "2024-06-03T12:00"));
  }

  private static Arguments row(
      String name,
      FactsFixture.Deal deal,
      String now,
      String reason,
      Severity severity,
      String beganAt,
      String recheck) {
    return Arguments.of(name, deal.build(), now, reason, severity, beganAt, recheck);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verdicts")
  void judges_each_incoming_message_and_missed_call(
      String name,
      DealFacts deal,
      String now,
      String reason,
      Severity severity,
      String beganAt,
      String recheck) {
    Findings findings = run(indicator, deal, context(now));

    Finding finding = only(findings);
    assertThat(finding.reason()).isEqualTo(reason);
    assertThat(finding.severity()).isEqualTo(severity);
    assertThat(finding.beganAt()).isEqualTo(beganAt == null ? null : at(beganAt));
    assertThat(findings.recheckAt()).isEqualTo(recheck == null ? null : at(recheck));
  }

  @Test
  void an_item_is_keyed_by_its_message_dated_by_its_day_and_charged_to_the_responsible() {
    DealFacts deal = deal(77).incoming("chat", "2024-06-07T23:00").build();

    Finding finding = only(run(indicator, deal, context("2024-06-10T10:30")));

    assertThat(finding.indicator()).isEqualTo(Indicator.COMMUNICATION);
    assertThat(finding.subjectKey()).isEqualTo("comm:77:event:e-1");
    assertThat(finding.leadId()).isEqualTo(77L);
    assertThat(finding.taskId()).isNull();
    assertThat(finding.userId()).isEqualTo(MANAGER);
    assertThat(finding.day()).isEqualTo(LocalDate.parse("2024-06-07"));
    assertThat(finding.details())
        .containsEntry("channel", "chat")
        .containsEntry("limitMinutes", 60)
        .doesNotContainKey("workingMinutes");
    assertThat(finding.explanation().russian())
        .contains(
            "07.06.2024 23:00", "10.06.2024 10:00", "всё ещё ждёт ответа", "Ответьте клиенту");
    assertThat(finding.explanation().english())
        .contains("still waiting for an answer", "Answer the client");
    // An hour later the message still waits: the open violation says the same.
    Finding later = only(run(indicator, deal, context("2024-06-10T11:30")));
    assertThat(later.explanation()).isEqualTo(finding.explanation());
    assertThat(later.details()).isEqualTo(finding.details());
  }

  @Test
  void a_late_call_back_explains_the_minutes_and_the_limit() {
    DealFacts deal =
        deal(1).missedCall("2024-06-03T10:00").outgoing("call", "2024-06-03T10:45").build();

    Finding finding = only(run(indicator, deal, context("2024-06-03T15:00")));

    assertThat(finding.explanation().russian()).contains("через 45 рабочих мин.", "норме 30");
    assertThat(finding.explanation().english()).contains("after 45 working minutes", "limit is 30");
    assertThat(finding.details()).containsEntry("answeredAt", at("2024-06-03T10:45").toString());
  }

  @Test
  void an_answered_incoming_call_and_outgoing_contacts_are_no_items() {
    DealFacts deal =
        deal(1)
            .answeredIncomingCall("2024-06-03T10:00")
            .outgoing("call", "2024-06-03T11:00")
            .outgoing("chat", "2024-06-03T12:00")
            .build();

    assertThat(run(indicator, deal, context("2024-06-03T15:00")).list()).isEmpty();
  }

  @Test
  void each_message_in_a_row_is_its_own_item() {
    DealFacts deal =
        deal(1)
            .incoming("chat", "2024-06-03T10:00")
            .incoming("chat", "2024-06-03T10:40")
            .outgoing("chat", "2024-06-03T11:20")
            .build();

    var findings = run(indicator, deal, context("2024-06-03T15:00")).list();

    assertThat(findings)
        .extracting(Finding::subjectKey)
        .containsExactly("comm:1:event:e-1", "comm:1:event:e-2");
    assertThat(findings).extracting(Finding::reason).containsExactly("chat_late_reply", null);
  }

  @Test
  void the_earliest_pending_deadline_is_the_recheck() {
    DealFacts deal =
        deal(1).missedCall("2024-06-03T10:10").incoming("chat", "2024-06-03T10:00").build();

    Findings findings = run(indicator, deal, context("2024-06-03T10:20"));

    assertThat(findings.list()).hasSize(2).noneMatch(Finding::violated);
    assertThat(findings.recheckAt()).isEqualTo(at("2024-06-03T10:40"));
  }

  @Test
  void a_reassigned_deal_charges_its_responsible_now_whoever_was_late() {
    DealFacts deal =
        deal(1)
            .responsible(OTHER_MANAGER)
            .incoming("chat", "2024-06-03T10:00")
            .outgoing("chat", "2024-06-03T11:30")
            .build();

    Finding finding = only(run(indicator, deal, context("2024-06-04T12:00")));

    assertThat(finding.userId()).isEqualTo(OTHER_MANAGER);
    assertThat(finding.violated()).isTrue();
  }

  @Test
  void a_closed_deal_still_has_its_communications_judged() {
    DealFacts deal =
        deal(1)
            .status(DealFacts.WON)
            .incoming("mail", "2024-06-03T10:00")
            .outgoing("mail", "2024-06-03T11:30")
            .build();

    assertThat(only(run(indicator, deal, context("2024-06-04T12:00"))).reason())
        .isEqualTo("mail_late_reply");
  }

  @Test
  void deleted_deals_and_deals_of_unmanaged_users_are_ignored() {
    String now = "2024-06-04T12:00";
    FactsFixture.Deal unanswered = deal(1).incoming("chat", "2024-06-03T10:00");

    assertThat(run(indicator, unanswered.build(), context(now)).list()).hasSize(1);
    assertThat(
            run(
                    indicator,
                    deal(1).incoming("chat", "2024-06-03T10:00").deleted().build(),
                    context(now))
                .list())
        .isEmpty();
    for (Long unmanaged : new Long[] {HEAD, FORMER, null}) {
      DealFacts deal = deal(1).responsible(unmanaged).incoming("chat", "2024-06-03T10:00").build();
      assertThat(run(indicator, deal, context(now)).list()).as("user %s", unmanaged).isEmpty();
    }
  }
}
