package app.reglament.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.reglament.rules.BusinessCalendar;
import app.reglament.rules.Indicator;
import app.reglament.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RulesDocumentTest {
  private static final ObjectMapper MAPPER = Json.mapper();

  /** JSON written with single quotes, for readability. */
  static JsonNode doc(String singleQuoted) {
    try {
      return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  static List<RulesProblem> problemsOf(String singleQuoted) {
    return catchThrowableOfType(
            RulesValidationException.class, () -> RulesDocument.parse(doc(singleQuoted)))
        .problems();
  }

  @Test
  void an_empty_document_is_the_defaults() {
    assertThat(RulesDocument.parse(doc("{}"))).isEqualTo(RulesConfig.defaults());
  }

  @Test
  void a_partial_document_changes_only_the_keys_it_gives() {
    RulesConfig config =
        RulesDocument.parse(
            doc(
                "{'firstContact': {'slaMinutes': 20},"
                    + " 'workingHours': {'sat': ['10:00', '14:00'], 'mon': null},"
                    + " 'score': {'weights': {'worktime': 0.5}}}"));
    RulesConfig defaults = RulesConfig.defaults();

    assertThat(config.firstContact().slaMinutes()).isEqualTo(20);
    assertThat(config.firstContact().taskText()).isEqualTo(defaults.firstContact().taskText());
    assertThat(config.firstContact().reassignAfterMinutes()).isEqualTo(30);
    assertThat(config.workingHours())
        .containsEntry(
            DayOfWeek.SATURDAY,
            new BusinessCalendar.Hours(LocalTime.of(10, 0), LocalTime.of(14, 0)))
        .containsEntry(DayOfWeek.TUESDAY, defaults.workingHours().get(DayOfWeek.TUESDAY))
        .doesNotContainKey(DayOfWeek.MONDAY)
        .doesNotContainKey(DayOfWeek.SUNDAY);
    assertThat(config.score().weight(Indicator.WORKTIME)).isEqualTo(0.5);
    assertThat(config.score().weight(Indicator.NAMING)).isEqualTo(1.0);
    assertThat(config.stages()).isEmpty();
  }

  @Test
  void null_turns_off_what_may_be_off_while_a_missing_key_keeps_the_default() {
    RulesConfig config =
        RulesDocument.parse(
            doc(
                "{'firstContact': {'reassignAfterMinutes': null},"
                    + " 'stages': [{'pipelineId': 1, 'statusId': 2, 'maxDays': null},"
                    + "            {'pipelineId': 1, 'statusId': 3}]}"));

    assertThat(config.firstContact().reassignAfterMinutes()).isNull();
    assertThat(config.firstContact().slaMinutes()).isEqualTo(15);
    assertThat(config.stages())
        .containsExactly(
            new RulesConfig.Stage(1, 2, List.of(), null),
            new RulesConfig.Stage(1, 3, List.of(), null));
    assertThat(config.maxDays(1, 2)).isEqualTo(RulesConfig.DEFAULT_MAX_DAYS);
  }

  @Test
  void the_rendered_document_has_every_key_in_the_design_order() {
    JsonNode rendered = RulesDocument.render(RulesConfig.defaults());

    assertThat(fieldNames(rendered))
        .containsExactly(
            "timezone",
            "workingHours",
            "holidays",
            "heads",
            "managers",
            "naming",
            "firstContact",
            "stages",
            "requiredFields",
            "taskResults",
            "lostDeals",
            "communications",
            "worktime",
            "score");
    assertThat(fieldNames(rendered.get("workingHours")))
        .containsExactly("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    assertThat(rendered.get("workingHours").get("mon").toString())
        .isEqualTo("[\"09:00\",\"18:00\"]");
    assertThat(rendered.get("workingHours").get("sat").isNull()).isTrue();
    assertThat(rendered.get("managers").isNull()).isTrue();
    assertThat(fieldNames(rendered.get("firstContact")))
        .containsExactly(
            "slaMinutes",
            "createTask",
            "taskText",
            "taskTypeId",
            "reassignAfterMinutes",
            "reassignPool",
            "maxOpenNewLeadsPerManager");
    assertThat(rendered.get("score").get("weights").toString())
        .isEqualTo(
            "{\"first_contact\":1,\"stuck_deal\":1,\"overdue_task\":1,\"no_task\":1,"
                + "\"task_result\":1,\"communication\":1,\"required_fields\":1,\"naming\":1,"
                + "\"lost_deal\":1,\"worktime\":0}");
  }

  @Test
  void a_document_round_trips_through_render_and_parse() {
    RulesConfig config =
        RulesDocument.parse(
            doc(
                "{'timezone': 'Asia/Yekaterinburg', 'holidays': ['2026-01-01', '2026-03-09'],"
                    + " 'heads': [5], 'managers': [7, 8],"
                    + " 'naming': {'enabled': true, 'template': '{id} {created:dd.MM}',"
                    + "            'pipelines': [3]},"
                    + " 'firstContact': {'reassignPool': [7], 'maxOpenNewLeadsPerManager': 12},"
                    + " 'stages': [{'pipelineId': 3, 'statusId': 30, 'requiredFields': [101, 102],"
                    + "             'maxDays': 5}],"
                    + " 'requiredFields': {'mode': 'revert'}, 'taskResults': {'onJunk': 'reopen',"
                    + " 'placeholders': ['ok', '...']}, 'score': {'weights': {'naming': 2.5}}}"));

    JsonNode rendered = RulesDocument.render(config);

    assertThat(RulesDocument.parse(rendered)).isEqualTo(config);
    assertThat(RulesDocument.parse(RulesDocument.toJson(config))).isEqualTo(config);
    assertThat(RulesDocument.toJson(RulesDocument.parse(rendered)))
        .isEqualTo(RulesDocument.toJson(config));
    assertThat(rendered.get("score").get("weights").get("naming").doubleValue()).isEqualTo(2.5);
  }

  @Test
  void every_problem_is_reported_at_once_with_its_key() {
    List<RulesProblem> problems =
        problemsOf(
            "{'timezone': 'Mars/Olympus', 'colour': 'red',"
                + " 'workingHours': {'sat': ['10:00', '25:00']},"
                + " 'firstContact': {'slaMinutes': 0},"
                + " 'stages': [{'pipelineId': 1, 'statusId': 2}, {'pipelineId': 1, 'statusId': 3},"
                + "            {'pipelineId': 1, 'statusId': 4, 'maxDays': 400}],"
                + " 'score': {'weights': {'foo': 1}}}");

    assertThat(problems)
        .containsExactlyInAnyOrder(
            new RulesProblem(
                "colour",
                "unknown key; known keys are timezone, workingHours, holidays, heads, managers,"
                    + " naming, firstContact, stages, requiredFields, taskResults, lostDeals,"
                    + " communications, worktime, score"),
            new RulesProblem("timezone", "is not a timezone id such as \"Europe/Moscow\""),
            new RulesProblem(
                "workingHours.sat[1]", "must be a time of day as HH:mm, from 00:00 to 23:59"),
            new RulesProblem("firstContact.slaMinutes", "must be a whole number from 1 to 10080"),
            new RulesProblem(
                "stages[2].maxDays",
                "must be a whole number from 1 to 365, or null to turn it off"),
            new RulesProblem(
                "score.weights.foo",
                "unknown key; known keys are first_contact, stuck_deal, overdue_task, no_task,"
                    + " task_result, communication, required_fields, naming, lost_deal,"
                    + " worktime"));
  }

  static Stream<Arguments> bad_documents() {
    return Stream.of(
        Arguments.of("[]", "", "must be an object"),
        Arguments.of(
            "{'timezone': 3}", "timezone", "is not a timezone id such as \"Europe/Moscow\""),
        Arguments.of(
            "{'workingHours': {'mon': ['18:00', '09:00']}}",
            "workingHours.mon",
            "closes before it opens"),
        Arguments.of(
            "{'workingHours': {'mon': ['09:00', '09:00']}}",
            "workingHours.mon",
            "opens and closes at the same time; use null for a day off"),
        Arguments.of(
            "{'workingHours': {'mon': ['09:00']}}",
            "workingHours.mon",
            "must be [\"opens\", \"closes\"] as HH:mm, or null for a day off"),
        Arguments.of(
            "{'workingHours': {'mon': ['9:00', '18:00']}}",
            "workingHours.mon[0]",
            "must be a time of day as HH:mm, from 00:00 to 23:59"),
        Arguments.of(
            "{'workingHours': {'mon': null, 'tue': null, 'wed': null, 'thu': null, 'fri': null}}",
            "workingHours",
            "must have at least one working day"),
        Arguments.of(
            "{'workingHours': {'monday': null}}",
            "workingHours.monday",
            "unknown key; known keys are mon, tue, wed, thu, fri, sat, sun"),
        Arguments.of("{'holidays': ['2026-02-30']}", "holidays[0]", "must be a date as yyyy-MM-dd"),
        Arguments.of("{'holidays': ['01.05.2026']}", "holidays[0]", "must be a date as yyyy-MM-dd"),
        Arguments.of("{'holidays': '2026-05-01'}", "holidays", "must be a list"),
        Arguments.of(
            "{'holidays': ['2026-05-01', '2026-05-09', '2026-05-01']}",
            "holidays[2]",
            "repeats holidays[0]"),
        Arguments.of(
            "{'heads': [0]}", "heads[0]", "must be an amoCRM id (a positive whole number)"),
        Arguments.of(
            "{'managers': [5, '6']}",
            "managers[1]",
            "must be an amoCRM id (a positive whole number)"),
        Arguments.of("{'managers': [5, 5]}", "managers[1]", "repeats managers[0]"),
        Arguments.of("{'heads': null}", "heads", "must be a list"),
        Arguments.of("{'naming': {'enabled': 'yes'}}", "naming.enabled", "must be true or false"),
        Arguments.of(
            "{'naming': {'enabled': true, 'template': ' '}}",
            "naming.template",
            "must not be blank while naming is enabled"),
        Arguments.of(
            "{'naming': {'template': '{deal} / {contact}'}}",
            "naming.template",
            "has an unknown token {deal}; known tokens are {field:<name or id>}, {contact},"
                + " {company}, {responsible}, {pipeline}, {status}, {id}, {created:<date pattern>}"),
        Arguments.of(
            "{'naming': {'template': '{contact'}}",
            "naming.template",
            "has a { without a closing }"),
        Arguments.of(
            "{'naming': {'template': '{field:}'}}",
            "naming.template",
            "has {field:} without a field name or id"),
        Arguments.of(
            "{'naming': {'template': '{created:yyyy-qq-bb}'}}",
            "naming.template",
            "has {created:yyyy-qq-bb}, whose date pattern is not valid"),
        Arguments.of(
            "{'naming': {'template': '{contact} }'}}",
            "naming.template",
            "has a } without an opening {"),
        Arguments.of(
            "{'naming': {'template': '{created:}'}}",
            "naming.template",
            "has {created:} without a date pattern such as yyyy-MM-dd"),
        Arguments.of(
            "{'naming': {'pipelines': [-3]}}",
            "naming.pipelines[0]",
            "must be an amoCRM id (a positive whole number)"),
        Arguments.of(
            "{'firstContact': {'slaMinutes': 10081}}",
            "firstContact.slaMinutes",
            "must be a whole number from 1 to 10080"),
        Arguments.of(
            "{'firstContact': {'slaMinutes': 15.5}}",
            "firstContact.slaMinutes",
            "must be a whole number from 1 to 10080"),
        Arguments.of(
            "{'firstContact': {'slaMinutes': '15'}}",
            "firstContact.slaMinutes",
            "must be a whole number from 1 to 10080"),
        Arguments.of(
            "{'firstContact': {'slaMinutes': null}}",
            "firstContact.slaMinutes",
            "must be a whole number from 1 to 10080"),
        Arguments.of(
            "{'firstContact': {'taskText': ''}}",
            "firstContact.taskText",
            "must not be blank while createTask is on"),
        Arguments.of(
            "{'firstContact': {'taskTypeId': 99999999999999999999}}",
            "firstContact.taskTypeId",
            "must be an amoCRM id (a positive whole number)"),
        Arguments.of(
            "{'firstContact': {'reassignPool': []}}",
            "firstContact.reassignPool",
            "must name at least one user, or be null"),
        Arguments.of(
            "{'firstContact': {'sla': 15}}",
            "firstContact.sla",
            "unknown key; known keys are slaMinutes, createTask, taskText, taskTypeId,"
                + " reassignAfterMinutes, reassignPool, maxOpenNewLeadsPerManager"),
        Arguments.of("{'stages': {}}", "stages", "must be a list"),
        Arguments.of(
            "{'stages': [{'statusId': 2}]}",
            "stages[0].pipelineId",
            "is missing; it must be an amoCRM id (a positive whole number)"),
        Arguments.of(
            "{'stages': [{'pipelineId': 1, 'statusId': 2, 'requiredFields': [7, 7]}]}",
            "stages[0].requiredFields[1]",
            "repeats stages[0].requiredFields[0]"),
        Arguments.of(
            "{'stages': [{'pipelineId': 1, 'statusId': 2, 'maxDays': 0}]}",
            "stages[0].maxDays",
            "must be a whole number from 1 to 365, or null to turn it off"),
        Arguments.of(
            "{'stages': [{'pipelineId': 1, 'statusId': 2}, {'pipelineId': 1, 'statusId': 2}]}",
            "stages[1]",
            "repeats the stage of stages[0] (pipeline 1, status 2)"),
        Arguments.of(
            "{'requiredFields': {'mode': 'block'}}",
            "requiredFields.mode",
            "must be \"flag\" or \"revert\""),
        Arguments.of(
            "{'taskResults': {'onJunk': 'delete'}}",
            "taskResults.onJunk",
            "must be \"flag\" or \"reopen\""),
        Arguments.of(
            "{'taskResults': {'minLength': 201}}",
            "taskResults.minLength",
            "must be a whole number from 0 to 200"),
        Arguments.of(
            "{'taskResults': {'placeholders': ['ok', '  ']}}",
            "taskResults.placeholders[1]",
            "must not be blank"),
        Arguments.of(
            "{'taskResults': {'placeholders': ['ok', 1]}}",
            "taskResults.placeholders[1]",
            "must be a string"),
        Arguments.of(
            "{'lostDeals': {'reviewTaskText': ''}}",
            "lostDeals.reviewTaskText",
            "must not be blank while reviewTask is on"),
        Arguments.of(
            "{'lostDeals': {'minContactAttempts': -1}}",
            "lostDeals.minContactAttempts",
            "must be a whole number from 0 to 100"),
        Arguments.of(
            "{'communications': {'replyMinutes': 0}}",
            "communications.replyMinutes",
            "must be a whole number from 1 to 10080"),
        Arguments.of(
            "{'worktime': {'expectedMinutesPerDay': 1441}}",
            "worktime.expectedMinutesPerDay",
            "must be a whole number from 1 to 1440"),
        Arguments.of(
            "{'score': {'weights': {'naming': 11}}}",
            "score.weights.naming",
            "must be a number from 0 to 10"),
        Arguments.of(
            "{'score': {'weights': {'naming': '1'}}}",
            "score.weights.naming",
            "must be a number from 0 to 10"),
        Arguments.of(
            "{'score': {'weights': {'first_contact': 0, 'stuck_deal': 0, 'overdue_task': 0,"
                + " 'no_task': 0, 'task_result': 0, 'communication': 0, 'required_fields': 0,"
                + " 'naming': 0, 'lost_deal': 0, 'worktime': 0}}}",
            "score.weights",
            "must give at least one indicator a weight above 0"),
        Arguments.of("{'score': []}", "score", "must be an object"));
  }

  @ParameterizedTest
  @MethodSource
  void bad_documents(String document, String key, String message) {
    assertThat(problemsOf(document)).containsExactly(new RulesProblem(key, message));
  }

  @Test
  void a_blank_template_is_fine_while_naming_is_off() {
    RulesConfig config = RulesDocument.parse(doc("{'naming': {'enabled': false, 'template': ''}}"));

    assertThat(config.naming().template()).isEmpty();
  }

  @Test
  void text_that_is_not_json_or_repeats_a_key_is_refused() {
    assertThatThrownBy(() -> RulesDocument.parse("{\"timezone\": "))
        .isInstanceOf(RulesValidationException.class)
        .hasMessageContaining("is not valid JSON");
    assertThatThrownBy(
            () -> RulesDocument.parse("{\"timezone\": \"UTC\", \"timezone\": \"Europe/Moscow\"}"))
        .isInstanceOf(RulesValidationException.class)
        .hasMessageContaining("Duplicate field 'timezone'");
    assertThatThrownBy(() -> RulesDocument.parse("{} {}"))
        .isInstanceOf(RulesValidationException.class);
  }

  @Test
  void the_exception_message_lists_the_problems() {
    assertThatThrownBy(() -> RulesDocument.parse(doc("{'worktime': {'expectedMinutesPerDay': 0}}")))
        .hasMessage(
            "The rules document is not valid: worktime.expectedMinutesPerDay: must be a whole"
                + " number from 1 to 1440");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
