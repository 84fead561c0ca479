package app.reglament.rules.config;

import app.reglament.rules.BusinessCalendar;
import app.reglament.rules.Indicator;
import app.reglament.rules.config.RulesConfig.FirstContact;
import app.reglament.rules.config.RulesConfig.LostDeals;
import app.reglament.rules.config.RulesConfig.Naming;
import app.reglament.rules.config.RulesConfig.Stage;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes {@link RulesConfig} as the full rules document, every key present (nulls included) and in
 * DESIGN.md's order, so that a stored document reads the same whatever the admin sent.
 */
final class RulesWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private RulesWriter() {}

  static ObjectNode write(RulesConfig config) {
    ObjectNode doc = NODES.objectNode();
    doc.put("timezone", config.timezone().getId());
    ObjectNode hours = doc.putObject("workingHours");
    for (DayOfWeek day : DayOfWeek.values()) {
      BusinessCalendar.Hours span = config.workingHours().get(day);
      if (span == null) {
        hours.putNull(CalendarReader.dayKey(day));
      } else {
        hours
            .putArray(CalendarReader.dayKey(day))
            .add(TIME.format(span.opens()))
            .add(TIME.format(span.closes()));
      }
    }
    ArrayNode holidays = doc.putArray("holidays");
    config.holidays().stream().map(LocalDate::toString).forEach(holidays::add);
    ids(doc, "heads", config.heads());
    ids(doc, "managers", config.managers());
    naming(doc.putObject("naming"), config.naming());
    firstContact(doc.putObject("firstContact"), config.firstContact());
    ArrayNode stages = doc.putArray("stages");
    config.stages().forEach(stage -> stage(stages.addObject(), stage));
    doc.putObject("requiredFields")
        .put("mode", config.requiredFields().mode())
        .put("syncNative", config.requiredFields().syncNative());
    ObjectNode results = doc.putObject("taskResults");
    results.put("minLength", config.taskResults().minLength());
    ArrayNode placeholders = results.putArray("placeholders");
    config.taskResults().placeholders().forEach(placeholders::add);
    results.put("onJunk", config.taskResults().onJunk());
    lostDeals(doc.putObject("lostDeals"), config.lostDeals());
    doc.putObject("communications")
        .put("replyMinutes", config.communications().replyMinutes())
        .put("missedCallCallbackMinutes", config.communications().missedCallCallbackMinutes())
        .put(
            "reviewSamplePerManagerPerWeek",
            config.communications().reviewSamplePerManagerPerWeek());
    doc.putObject("worktime")
        .put("expectedMinutesPerDay", config.worktime().expectedMinutesPerDay());
    ObjectNode weights = doc.putObject("score").putObject("weights");
    for (Indicator indicator : Indicator.values()) {
      double weight = config.score().weight(indicator);
      if (weight == Math.rint(weight)) {
        weights.put(indicator.code(), (long) weight);
      } else {
        weights.put(indicator.code(), weight);
      }
    }
    return doc;
  }

  private static void naming(ObjectNode node, Naming naming) {
    node.put("enabled", naming.enabled())
        .put("template", naming.template())
        .put("onCreate", naming.onCreate())
        .put("onFieldChange", naming.onFieldChange());
    ids(node, "pipelines", naming.pipelines());
  }

  private static void firstContact(ObjectNode node, FirstContact first) {
    node.put("slaMinutes", first.slaMinutes())
        .put("createTask", first.createTask())
        .put("taskText", first.taskText())
        .put("taskTypeId", first.taskTypeId())
        .put("reassignAfterMinutes", first.reassignAfterMinutes());
    ids(node, "reassignPool", first.reassignPool());
    node.put("maxOpenNewLeadsPerManager", first.maxOpenNewLeadsPerManager());
  }

  private static void stage(ObjectNode node, Stage stage) {
    node.put("pipelineId", stage.pipelineId()).put("statusId", stage.statusId());
    ids(node, "requiredFields", stage.requiredFields());
    node.put("maxDays", stage.maxDays());
  }

  private static void lostDeals(ObjectNode node, LostDeals lost) {
    node.put("reviewTask", lost.reviewTask())
        .put("reviewTaskText", lost.reviewTaskText())
        .put("requireReason", lost.requireReason())
        .put("minContactAttempts", lost.minContactAttempts());
  }

  /** A list of ids, or null when the list is. */
  private static void ids(ObjectNode node, String key, List<Long> ids) {
    if (ids == null) {
      node.putNull(key);
    } else {
      ArrayNode array = node.putArray(key);
      ids.forEach(array::add);
    }
  }
}
