package app.reglament.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.scenario.Scenario.Event;
import app.reglament.sandbox.scenario.Scenario.Lead;
import app.reglament.sandbox.scenario.Scenario.Planted;
import app.reglament.sandbox.scenario.Scenario.Task;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every kind of mistake is planted and every edge case the rules must handle is in the data, found
 * by looking at the data itself rather than at the generator's labels.
 */
class EdgeCasesTest {
  private static final List<String> INDICATORS =
      List.of(
          "first_contact",
          "stuck_deal",
          "overdue_task",
          "no_task",
          "task_result",
          "communication",
          "required_fields",
          "naming",
          "lost_deal",
          "worktime");

  private final Scenario scenario = Scenarios.defaults(1L);
  private final WorkCalendar calendar = WorkCalendar.fromRules(scenario.groundTruth().rules());
  private final Instant now = scenario.groundTruth().now();
  private final List<Planted> planted = scenario.groundTruth().planted();
  private final Set<Long> plantedLeads =
      planted.stream().map(Planted::leadId).filter(id -> id != null).collect(Collectors.toSet());

  @Test
  void everyIndicatorHasAtLeastOnePlantedMistake() {
    Set<String> indicators = planted.stream().map(Planted::indicator).collect(Collectors.toSet());
    assertThat(indicators).containsExactlyInAnyOrderElementsOf(INDICATORS);
  }

  @Test
  void everyKindOfEachMistakeIsPlanted() {
    assertThat(codes("first_contact")).contains("late_warning", "late_critical", "none");
    assertThat(codes("task_result"))
        .contains(
            "empty",
            "placeholder",
            "punctuation_only",
            "too_short",
            "repeated_characters",
            "keyboard_mash_ru",
            "keyboard_mash_en",
            "copy_of_task_text",
            "previous_result");
    assertThat(codes("communication"))
        .contains(
            "chat_unanswered",
            "chat_late_reply",
            "mail_unanswered",
            "mail_late_reply",
            "missed_call_no_callback",
            "missed_call_late_callback");
    assertThat(codes("required_fields")).contains("empty", "junk");
    assertThat(codes("naming"))
        .contains("default_name", "no_separators", "stale_product", "deal_number");
    assertThat(codes("lost_deal"))
        .contains("no_reason", "no_comment", "few_attempts", "lead_dumping");
    assertThat(codes("stuck_deal")).contains("stuck");
    assertThat(codes("overdue_task")).contains("deadline_passed");
    assertThat(codes("no_task")).contains("no_open_task");
    assertThat(codes("worktime")).contains("short_day");
  }

  @Test
  void junkResultsIncludeThePlaceholdersAndMashesARegulationsArticleWouldShow() {
    Set<String> junk = new HashSet<>();
    for (Planted item : planted) {
      if (item.indicator().equals("task_result")) {
        junk.add(task(item.taskId()).resultText());
      }
    }
    assertThat(junk).contains("", "+", "-", "ок", "ааааааааааааа", "фывапролджэ", "asdfghjkl");
  }

  @Test
  void theLeadDumperIsDescribedWithTheNumbersThatMakeHimOne() {
    Planted dumping =
        planted.stream()
            .filter(p -> p.description().startsWith("lead_dumping"))
            .findFirst()
            .orElseThrow();
    assertThat(dumping.leadId()).isNull();
    assertThat(dumping.userId()).isNotNull();
    assertThat(dumping.description())
        .containsPattern("\\d+% for the rest of the team")
        .contains("middle stages");
  }

  @Test
  void aLeadArrivingOnFridayNightIsJudgedFromMondayMorning() {
    List<Lead> fridayNight =
        scenario.leads().stream()
            .filter(l -> local(l.createdAt()).getDayOfWeek() == DayOfWeek.FRIDAY)
            .filter(l -> local(l.createdAt()).toLocalTime().isAfter(LocalTime.of(23, 0)))
            .toList();
    assertThat(fridayNight)
        .as("one answered late on Monday, planted")
        .anySatisfy(l -> assertThat(plantedFor("first_contact", l.id())).isTrue());
    assertThat(fridayNight)
        .as("one answered on Monday within the SLA, compliant")
        .anySatisfy(
            l -> {
              assertThat(plantedLeads).doesNotContain(l.id());
              LocalDateTime first = local(firstOutgoing(l));
              assertThat(first.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
              assertThat(first.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(9, 15));
            });
  }

  @Test
  void aHolidayIsADayOffForTheSlaAndForWorktime() {
    LocalDate holiday =
        holidays().stream()
            .filter(d -> d.getDayOfWeek().getValue() <= 5)
            .filter(
                d ->
                    !d.isBefore(
                        LocalDate.ofInstant(
                            now.minus(java.time.Duration.ofDays(30)), calendar.zone())))
            .filter(d -> d.isBefore(calendar.date(now)))
            .findFirst()
            .orElseThrow();
    Set<Long> managers = managerIds();
    assertThat(scenario.events())
        .filteredOn(e -> managers.contains(e.createdBy()))
        .noneMatch(e -> calendar.date(e.createdAt()).equals(holiday));
    assertThat(planted)
        .noneMatch(p -> holiday.toString().equals(p.day()) && p.indicator().equals("worktime"));
    assertThat(scenario.leads())
        .as("a lead arriving on the holiday, contacted the next working morning: compliant")
        .anySatisfy(
            l -> {
              assertThat(calendar.date(l.createdAt())).isEqualTo(holiday);
              assertThat(plantedLeads).doesNotContain(l.id());
              assertThat(local(firstOutgoing(l)).toLocalTime()).isBefore(LocalTime.of(9, 15));
            });
  }

  @Test
  void aDealHandedToAnotherManagerMidwayIsCompliantAndHisNow() {
    Event handOver = events("entity_responsible_changed").get(0);
    Lead lead = lead(handOver.entityId());
    long before = id(handOver.valueBefore(), "responsible_user");
    long after = id(handOver.valueAfter(), "responsible_user");
    assertThat(after).isNotEqualTo(before).isEqualTo(lead.responsibleUserId());
    assertThat(plantedLeads).doesNotContain(lead.id());
    assertThat(scenario.events())
        .as("both managers worked it")
        .anySatisfy(e -> assertThat(e.createdBy()).isEqualTo(before))
        .anySatisfy(e -> assertThat(e.createdBy()).isEqualTo(after));
  }

  @Test
  void aDeletedDealWasRestoredAndIsCompliant() {
    // The contract has no "deleted" flag on a lead, so a deal still deleted at now cannot be
    // expressed; a deal deleted and restored can.
    Event deleted = events("lead_deleted").get(0);
    Event restored =
        events("lead_restored").stream()
            .filter(e -> e.entityId() == deleted.entityId())
            .findFirst()
            .orElseThrow();
    assertThat(restored.createdAt()).isAfter(deleted.createdAt());
    assertThat(lead(deleted.entityId())).isNotNull();
    assertThat(plantedLeads).doesNotContain(deleted.entityId());
  }

  @Test
  void deadlinesOutsideWorkingHoursCountFromTheNextOpening() {
    assertThat(planted)
        .as("overdue, due outside working hours, counted from the next opening that has passed")
        .anySatisfy(
            p -> {
              assertThat(p.indicator()).isEqualTo("overdue_task");
              assertThat(calendar.isWorking(task(p.taskId()).completeTill())).isFalse();
            });
    Set<Long> overdue = ids("overdue_task");
    assertThat(scenario.tasks())
        .as("due this evening after closing, now is before tomorrow's opening: not overdue")
        .anySatisfy(
            t -> {
              assertThat(t.completed()).isFalse();
              assertThat(t.completeTill()).isBefore(now);
              assertThat(calendar.isWorking(t.completeTill())).isFalse();
              assertThat(overdue).doesNotContain(t.id());
            });
    assertThat(scenario.tasks())
        .filteredOn(t -> local(t.completeTill()).toLocalTime().equals(LocalTime.of(23, 59)))
        .as("all-day tasks are due at 23:59")
        .isNotEmpty();
  }

  @Test
  void aStageWithoutRequiredFieldsHoldsActiveDeals() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> stages =
        (List<Map<String, Object>>) scenario.groundTruth().rules().get("stages");
    Set<Long> incoming = new HashSet<>();
    scenario
        .pipelines()
        .forEach(
            p ->
                p.statuses().stream()
                    .filter(s -> s.type() == 1)
                    .forEach(s -> incoming.add(s.id())));
    Set<Long> free =
        stages.stream()
            .filter(s -> ((List<?>) s.get("requiredFields")).isEmpty())
            .map(s -> ((Number) s.get("statusId")).longValue())
            .filter(id -> !incoming.contains(id))
            .collect(Collectors.toSet());
    assertThat(free).isNotEmpty();
    assertThat(scenario.leads()).anySatisfy(l -> assertThat(free).contains(l.statusId()));
  }

  @Test
  void firstContactCanBeACompletedTaskOrAnSmsToTheContact() {
    assertThat(scenario.leads())
        .as("first contact by a completed task with a real result, nothing sent before it")
        .anySatisfy(
            l -> {
              assertThat(plantedLeads).doesNotContain(l.id());
              Task contactTask = tasksOf(l).get(0);
              assertThat(contactTask.completed()).isTrue();
              assertThat(firstOutgoing(l)).isAfter(contactTask.updatedAt());
            });
    assertThat(scenario.events())
        .as("an SMS to the client's contact")
        .anySatisfy(
            e -> {
              assertThat(e.type()).isEqualTo("outgoing_sms");
              assertThat(e.entityType()).isEqualTo("contact");
            });
  }

  @Test
  void aMissedCallAtNightIsCalledBackInTheMorningInTime() {
    Set<Long> silent = new HashSet<>();
    scenario.notes().stream()
        .filter(
            n ->
                n.noteType().equals("call_in")
                    && ((Number) n.params().get("duration")).intValue() == 0)
        .forEach(n -> silent.add(n.id()));
    assertThat(events("incoming_call"))
        .anySatisfy(
            e -> {
              assertThat(silent).contains(id(e.valueAfter(), "note"));
              assertThat(calendar.isWorking(e.createdAt())).isFalse();
              assertThat(plantedLeads).doesNotContain(e.entityId());
            });
  }

  @Test
  void aClosedDealUnderAWrongNameIsNotANamingMistake() {
    assertThat(scenario.leads())
        .anySatisfy(
            l -> {
              assertThat(l.statusId()).isEqualTo(142);
              assertThat(l.name()).isEqualTo("Заявка с сайта");
            });
  }

  // ------------------------------------------------------------------ helpers

  private Set<String> codes(String indicator) {
    return planted.stream()
        .filter(p -> p.indicator().equals(indicator))
        .map(p -> p.description().substring(0, p.description().indexOf(':')))
        .collect(Collectors.toSet());
  }

  private Set<Long> ids(String indicator) {
    return planted.stream()
        .filter(p -> p.indicator().equals(indicator))
        .map(Planted::taskId)
        .collect(Collectors.toSet());
  }

  private boolean plantedFor(String indicator, long leadId) {
    return planted.stream()
        .anyMatch(
            p -> p.indicator().equals(indicator) && p.leadId() != null && p.leadId() == leadId);
  }

  private LocalDateTime local(Instant t) {
    return LocalDateTime.ofInstant(t, calendar.zone());
  }

  private List<Event> events(String type) {
    return scenario.events().stream().filter(e -> e.type().equals(type)).toList();
  }

  private Lead lead(long id) {
    return scenario.leads().stream().filter(l -> l.id() == id).findFirst().orElseThrow();
  }

  private Task task(long id) {
    return scenario.tasks().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
  }

  private List<Task> tasksOf(Lead lead) {
    return scenario.tasks().stream().filter(t -> t.leadId() == lead.id()).toList();
  }

  private Instant firstOutgoing(Lead lead) {
    return scenario.events().stream()
        .filter(e -> e.type().startsWith("outgoing_"))
        .filter(
            e ->
                e.entityType().equals("lead") && e.entityId() == lead.id()
                    || e.entityType().equals("contact") && lead.contactIds().contains(e.entityId()))
        .map(Event::createdAt)
        .min(Instant::compareTo)
        .orElseThrow();
  }

  private Set<Long> managerIds() {
    return scenario.users().stream()
        .filter(u -> !u.admin())
        .map(Scenario.User::id)
        .collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private Set<LocalDate> holidays() {
    return ((List<Object>) scenario.groundTruth().rules().get("holidays"))
        .stream().map(d -> LocalDate.parse((String) d)).collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private static long id(List<Map<String, Object>> values, String key) {
    return ((Number) ((Map<String, Object>) values.get(0).get(key)).get("id")).longValue();
  }
}
