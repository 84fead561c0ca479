package app.reglament.rules;

import app.reglament.rules.config.RulesConfig;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth's rules document (DESIGN.md's keys, as the sandbox generates it) as a {@link
 * RulesConfig}. A minimal reading for tests: every key the sandbox writes is read, absent ones keep
 * {@link RulesConfig#defaults()}, nothing is validated. The product's parser is RulesDocument.
 */
public final class RulesFromScenario {
  private RulesFromScenario() {}

  public static RulesConfig convert(Map<String, Object> rules) {
    RulesConfig d = RulesConfig.defaults();
    Map<String, Object> naming = map(rules, "naming");
    Map<String, Object> first = map(rules, "firstContact");
    Map<String, Object> required = map(rules, "requiredFields");
    Map<String, Object> results = map(rules, "taskResults");
    Map<String, Object> lost = map(rules, "lostDeals");
    Map<String, Object> comms = map(rules, "communications");
    Map<String, Object> worktime = map(rules, "worktime");
    return new RulesConfig(
        rules.containsKey("timezone") ? ZoneId.of((String) rules.get("timezone")) : d.timezone(),
        rules.containsKey("workingHours") ? hours(map(rules, "workingHours")) : d.workingHours(),
        rules.containsKey("holidays")
            ? strings(rules.get("holidays")).stream().map(LocalDate::parse).toList()
            : d.holidays(),
        rules.containsKey("heads") ? longs(rules.get("heads")) : d.heads(),
        rules.get("managers") == null ? null : longs(rules.get("managers")),
        naming == null
            ? d.naming()
            : new RulesConfig.Naming(
                (Boolean) naming.get("enabled"),
                (String) naming.get("template"),
                (Boolean) naming.get("onCreate"),
                (Boolean) naming.get("onFieldChange"),
                naming.get("pipelines") == null ? null : longs(naming.get("pipelines"))),
        first == null
            ? d.firstContact()
            : new RulesConfig.FirstContact(
                integer(first.get("slaMinutes")),
                (Boolean) first.get("createTask"),
                (String) first.get("taskText"),
                ((Number) first.get("taskTypeId")).longValue(),
                nullableInteger(first.get("reassignAfterMinutes")),
                first.get("reassignPool") == null ? null : longs(first.get("reassignPool")),
                nullableInteger(first.get("maxOpenNewLeadsPerManager"))),
        rules.containsKey("stages") ? stages(rules.get("stages")) : d.stages(),
        required == null
            ? d.requiredFields()
            : new RulesConfig.RequiredFields(
                (String) required.get("mode"), (Boolean) required.get("syncNative")),
        results == null
            ? d.taskResults()
            : new RulesConfig.TaskResults(
                integer(results.get("minLength")),
                strings(results.get("placeholders")),
                (String) results.get("onJunk")),
        lost == null
            ? d.lostDeals()
            : new RulesConfig.LostDeals(
                (Boolean) lost.get("reviewTask"),
                (String) lost.get("reviewTaskText"),
                (Boolean) lost.get("requireReason"),
                integer(lost.get("minContactAttempts"))),
        comms == null
            ? d.communications()
            : new RulesConfig.Communications(
                integer(comms.get("replyMinutes")),
                integer(comms.get("missedCallCallbackMinutes")),
                integer(comms.get("reviewSamplePerManagerPerWeek"))),
        worktime == null
            ? d.worktime()
            : new RulesConfig.Worktime(integer(worktime.get("expectedMinutesPerDay"))),
        rules.containsKey("score") ? score(map(rules, "score")) : d.score());
  }

  private static Map<DayOfWeek, BusinessCalendar.Hours> hours(Map<String, Object> days) {
    Map<DayOfWeek, BusinessCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      String key = day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
      if (days.get(key) != null) {
        List<String> span = strings(days.get(key));
        hours.put(
            day,
            new BusinessCalendar.Hours(LocalTime.parse(span.get(0)), LocalTime.parse(span.get(1))));
      }
    }
    return hours;
  }

  private static List<RulesConfig.Stage> stages(Object value) {
    List<RulesConfig.Stage> stages = new ArrayList<>();
    for (Object item : (List<?>) value) {
      Map<?, ?> stage = (Map<?, ?>) item;
      stages.add(
          new RulesConfig.Stage(
              ((Number) stage.get("pipelineId")).longValue(),
              ((Number) stage.get("statusId")).longValue(),
              stage.get("requiredFields") == null ? List.of() : longs(stage.get("requiredFields")),
              nullableInteger(stage.get("maxDays"))));
    }
    return stages;
  }

  private static RulesConfig.Score score(Map<String, Object> score) {
    Map<Indicator, Double> weights = new EnumMap<>(Indicator.class);
    map(score, "weights")
        .forEach(
            (code, weight) ->
                Indicator.byCode(code)
                    .ifPresent(i -> weights.put(i, ((Number) weight).doubleValue())));
    return new RulesConfig.Score(weights);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  private static List<Long> longs(Object value) {
    return ((List<?>) value).stream().map(v -> ((Number) v).longValue()).toList();
  }

  private static List<String> strings(Object value) {
    return ((List<?>) value).stream().map(v -> (String) v).toList();
  }

  private static int integer(Object value) {
    return ((Number) value).intValue();
  }

  private static Integer nullableInteger(Object value) {
    return value == null ? null : integer(value);
  }
}
