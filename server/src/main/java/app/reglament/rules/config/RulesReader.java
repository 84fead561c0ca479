package app.reglament.rules.config;

import static app.reglament.rules.config.DocumentReader.child;
import static app.reglament.rules.config.DocumentReader.item;

import app.reglament.rules.Indicator;
import app.reglament.rules.NamingTemplate;
import app.reglament.rules.config.RulesConfig.Communications;
import app.reglament.rules.config.RulesConfig.FirstContact;
import app.reglament.rules.config.RulesConfig.LostDeals;
import app.reglament.rules.config.RulesConfig.Naming;
import app.reglament.rules.config.RulesConfig.RequiredFields;
import app.reglament.rules.config.RulesConfig.Score;
import app.reglament.rules.config.RulesConfig.Stage;
import app.reglament.rules.config.RulesConfig.TaskResults;
import app.reglament.rules.config.RulesConfig.Worktime;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a rules document into {@link RulesConfig}: a missing key takes its default, anything else
 * must be right. Each section reads against the defaults' section, so a partial document is the
 * defaults with its own keys laid over them.
 */
final class RulesReader {
  // Bounds that catch typos (an SLA of 15000 minutes, a weight of 100) without second-guessing a
  // team's regulations: a week of waiting, a year in a stage.
  static final int MAX_MINUTES = 7 * 24 * 60;
  static final int MINUTES_PER_DAY = 24 * 60;
  static final int MAX_DAYS = 365;
  static final int MAX_MIN_LENGTH = 200;
  static final int MAX_SMALL_COUNT = 100;
  static final int MAX_OPEN_LEADS = 1000;
  static final double MAX_WEIGHT = 10;

  static final List<String> KEYS =
      List.of(
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
  static final List<String> INDICATOR_KEYS =
      Arrays.stream(Indicator.values()).map(Indicator::code).toList();

  private final DocumentReader in = new DocumentReader();
  private final RulesConfig defaults = RulesConfig.defaults();
  private final CalendarReader calendar = new CalendarReader(in, defaults);

  /** The config the document describes; throws with every problem when there are any. */
  static RulesConfig read(JsonNode document) {
    RulesReader reader = new RulesReader();
    RulesConfig config = reader.document(document);
    List<RulesProblem> problems = reader.in.problems();
    if (!problems.isEmpty()) {
      throw new RulesValidationException(problems);
    }
    return config;
  }

  private RulesConfig document(JsonNode doc) {
    if (doc == null) {
      in.problem("", "must be an object");
      return defaults;
    }
    if (in.object(doc, "", KEYS) == null) {
      return defaults;
    }
    return new RulesConfig(
        calendar.timezone(doc.get("timezone")),
        calendar.workingHours(doc.get("workingHours")),
        calendar.holidays(doc.get("holidays")),
        in.ids(doc.get("heads"), "heads", defaults.heads()),
        in.idsOrNull(doc.get("managers"), "managers", defaults.managers()),
        naming(doc.get("naming")),
        firstContact(doc.get("firstContact")),
        stages(doc.get("stages")),
        requiredFields(doc.get("requiredFields")),
        taskResults(doc.get("taskResults")),
        lostDeals(doc.get("lostDeals")),
        communications(doc.get("communications")),
        worktime(doc.get("worktime")),
        score(doc.get("score")));
  }

  private Naming naming(JsonNode node) {
    Naming d = defaults.naming();
    if (node == null
        || in.object(
                node,
                "naming",
                List.of("enabled", "template", "onCreate", "onFieldChange", "pipelines"))
            == null) {
      return d;
    }
    boolean enabled = in.bool(node.get("enabled"), "naming.enabled", d.enabled());
    String template = in.text(node.get("template"), "naming.template", d.template());
    if (enabled && template.isBlank()) {
      in.problem("naming.template", "must not be blank while naming is enabled");
    } else {
      try {
        NamingTemplate.parse(template);
      } catch (IllegalArgumentException e) {
        in.problem("naming.template", e.getMessage());
      }
    }
    return new Naming(
        enabled,
        template,
        in.bool(node.get("onCreate"), "naming.onCreate", d.onCreate()),
        in.bool(node.get("onFieldChange"), "naming.onFieldChange", d.onFieldChange()),
        in.idsOrNull(node.get("pipelines"), "naming.pipelines", d.pipelines()));
  }

  private FirstContact firstContact(JsonNode node) {
    FirstContact d = defaults.firstContact();
    List<String> keys =
        List.of(
            "slaMinutes",
            "createTask",
            "taskText",
            "taskTypeId",
            "reassignAfterMinutes",
            "reassignPool",
            "maxOpenNewLeadsPerManager");
    if (node == null || in.object(node, "firstContact", keys) == null) {
      return d;
    }
    boolean createTask = in.bool(node.get("createTask"), "firstContact.createTask", d.createTask());
    String taskText = in.text(node.get("taskText"), "firstContact.taskText", d.taskText());
    if (createTask && taskText.isBlank()) {
      in.problem("firstContact.taskText", "must not be blank while createTask is on");
    }
    List<Long> pool =
        in.idsOrNull(node.get("reassignPool"), "firstContact.reassignPool", d.reassignPool());
    if (pool != null && pool.isEmpty()) {
      in.problem("firstContact.reassignPool", "must name at least one user, or be null");
    }
    return new FirstContact(
        in.wholeNumber(
            node.get("slaMinutes"), "firstContact.slaMinutes", 1, MAX_MINUTES, d.slaMinutes()),
        createTask,
        taskText,
        in.id(node.get("taskTypeId"), "firstContact.taskTypeId", d.taskTypeId()),
        in.wholeNumberOrNull(
            node.get("reassignAfterMinutes"),
            "firstContact.reassignAfterMinutes",
            1,
            MAX_MINUTES,
            d.reassignAfterMinutes()),
        pool,
        in.wholeNumberOrNull(
            node.get("maxOpenNewLeadsPerManager"),
            "firstContact.maxOpenNewLeadsPerManager",
            1,
            MAX_OPEN_LEADS,
            d.maxOpenNewLeadsPerManager()));
  }

  private List<Stage> stages(JsonNode node) {
    if (node == null || in.list(node, "stages") == null) {
      return defaults.stages();
    }
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      Stage stage = stage(node.get(i), item("stages", i));
      if (stage == null) {
        continue;
      }
      for (int j = 0; j < stages.size(); j++) {
        Stage other = stages.get(j);
        if (other.pipelineId() == stage.pipelineId() && other.statusId() == stage.statusId()) {
          in.problem(
              item("stages", i),
              "repeats the stage of "
                  + item("stages", j)
                  + " (pipeline "
                  + stage.pipelineId()
                  + ", status "
                  + stage.statusId()
                  + ")");
          break;
        }
      }
      stages.add(stage);
    }
    return stages;
  }

  private Stage stage(JsonNode node, String key) {
    if (in.object(node, key, List.of("pipelineId", "statusId", "requiredFields", "maxDays"))
        == null) {
      return null;
    }
    Long pipelineId = in.requiredId(node.get("pipelineId"), child(key, "pipelineId"));
    Long statusId = in.requiredId(node.get("statusId"), child(key, "statusId"));
    List<Long> fields = in.ids(node.get("requiredFields"), child(key, "requiredFields"), List.of());
    Integer maxDays =
        in.wholeNumberOrNull(node.get("maxDays"), child(key, "maxDays"), 1, MAX_DAYS, null);
    if (pipelineId == null || statusId == null) {
      return null;
    }
    return new Stage(pipelineId, statusId, fields, maxDays);
  }

  private RequiredFields requiredFields(JsonNode node) {
    RequiredFields d = defaults.requiredFields();
    if (node == null || in.object(node, "requiredFields", List.of("mode", "syncNative")) == null) {
      return d;
    }
    return new RequiredFields(
        in.choice(node.get("mode"), "requiredFields.mode", List.of("flag", "revert"), d.mode()),
        in.bool(node.get("syncNative"), "requiredFields.syncNative", d.syncNative()));
  }

  private TaskResults taskResults(JsonNode node) {
    TaskResults d = defaults.taskResults();
    if (node == null
        || in.object(node, "taskResults", List.of("minLength", "placeholders", "onJunk")) == null) {
      return d;
    }
    return new TaskResults(
        in.wholeNumber(
            node.get("minLength"), "taskResults.minLength", 0, MAX_MIN_LENGTH, d.minLength()),
        placeholders(node.get("placeholders"), d.placeholders()),
        in.choice(node.get("onJunk"), "taskResults.onJunk", List.of("flag", "reopen"), d.onJunk()));
  }

  private List<String> placeholders(JsonNode node, List<String> fallback) {
    String key = "taskResults.placeholders";
    if (node == null || in.list(node, key) == null) {
      return fallback;
    }
    List<String> placeholders = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String text = in.text(node.get(i), item(key, i), null);
      if (text != null && text.isBlank()) {
        in.problem(item(key, i), "must not be blank");
      }
      placeholders.add(text == null || text.isBlank() ? null : text);
    }
    return placeholders.contains(null) ? fallback : placeholders;
  }

  private LostDeals lostDeals(JsonNode node) {
    LostDeals d = defaults.lostDeals();
    List<String> keys =
        List.of("reviewTask", "reviewTaskText", "requireReason", "minContactAttempts");
    if (node == null || in.object(node, "lostDeals", keys) == null) {
      return d;
    }
    boolean reviewTask = in.bool(node.get("reviewTask"), "lostDeals.reviewTask", d.reviewTask());
    String text =
        in.text(node.get("reviewTaskText"), "lostDeals.reviewTaskText", d.reviewTaskText());
    if (reviewTask && text.isBlank()) {
      in.problem("lostDeals.reviewTaskText", "must not be blank while reviewTask is on");
    }
    return new LostDeals(
        reviewTask,
        text,
        in.bool(node.get("requireReason"), "lostDeals.requireReason", d.requireReason()),
        in.wholeNumber(
            node.get("minContactAttempts"),
            "lostDeals.minContactAttempts",
            0,
            MAX_SMALL_COUNT,
            d.minContactAttempts()));
  }

  private Communications communications(JsonNode node) {
    Communications d = defaults.communications();
    List<String> keys =
        List.of("replyMinutes", "missedCallCallbackMinutes", "reviewSamplePerManagerPerWeek");
    if (node == null || in.object(node, "communications", keys) == null) {
      return d;
    }
    return new Communications(
        in.wholeNumber(
            node.get("replyMinutes"),
            "communications.replyMinutes",
            1,
            MAX_MINUTES,
            d.replyMinutes()),
        in.wholeNumber(
            node.get("missedCallCallbackMinutes"),
            "communications.missedCallCallbackMinutes",
            1,
            MAX_MINUTES,
            d.missedCallCallbackMinutes()),
        in.wholeNumber(
            node.get("reviewSamplePerManagerPerWeek"),
            "communications.reviewSamplePerManagerPerWeek",
            0,
            MAX_SMALL_COUNT,
            d.reviewSamplePerManagerPerWeek()));
  }

  private Worktime worktime(JsonNode node) {
    Worktime d = defaults.worktime();
    if (node == null || in.object(node, "worktime", List.of("expectedMinutesPerDay")) == null) {
      return d;
    }
    return new Worktime(
        in.wholeNumber(
            node.get("expectedMinutesPerDay"),
            "worktime.expectedMinutesPerDay",
            1,
            MINUTES_PER_DAY,
            d.expectedMinutesPerDay()));
  }

  private Score score(JsonNode node) {
    Score d = defaults.score();
    if (node == null || in.object(node, "score", List.of("weights")) == null) {
      return d;
    }
    JsonNode weights = node.get("weights");
    if (weights == null || in.object(weights, "score.weights", INDICATOR_KEYS) == null) {
      return d;
    }
    Map<Indicator, Double> read = new EnumMap<>(Indicator.class);
    for (Indicator indicator : Indicator.values()) {
      read.put(
          indicator,
          in.number(
              weights.get(indicator.code()),
              child("score.weights", indicator.code()),
              0,
              MAX_WEIGHT,
              d.weight(indicator)));
    }
    if (read.values().stream().allMatch(w -> w == 0)) {
      // The score divides by the sum of the weights.
      in.problem("score.weights", "must give at least one indicator a weight above 0");
    }
    return new Score(read);
  }
}
