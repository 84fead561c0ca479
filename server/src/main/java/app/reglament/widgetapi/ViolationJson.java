package app.reglament.widgetapi;

import app.reglament.engine.ScoreService.ViolationView;
import app.reglament.rules.Explanation;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One violation as the widget receives it: the explanation and the fix hint in the chosen language
 * first, then both texts of each, and the figures behind the verdict.
 */
record ViolationJson(
    long id,
    String indicator,
    String severity,
    Long leadId,
    String leadName,
    Long taskId,
    Long userId,
    Instant beganAt,
    Instant closedAt,
    boolean open,
    String reason,
    String explanation,
    String fix,
    Texts explanations,
    Texts fixes,
    JsonNode details) {

  record Texts(String ru, String en) {}

  static ViolationJson of(ViolationView v, String leadName, String language) {
    Explanation hint = FixHints.of(v.indicator());
    Texts fixes = hint == null ? new Texts(null, null) : new Texts(hint.russian(), hint.english());
    return new ViolationJson(
        v.id(),
        v.indicator(),
        v.severity(),
        v.leadId(),
        leadName,
        v.taskId(),
        v.userId(),
        v.beganAt(),
        v.closedAt(),
        v.closedAt() == null,
        v.reason(),
        Language.pick(language, v.russian(), v.english()),
        Language.pick(language, fixes.ru(), fixes.en()),
        new Texts(v.russian(), v.english()),
        fixes,
        v.details());
  }

  static List<ViolationJson> of(
      List<ViolationView> views, Map<Long, String> leadNames, String language) {
    return views.stream()
        .map(v -> of(v, v.leadId() == null ? null : leadNames.get(v.leadId()), language))
        .toList();
  }
}
