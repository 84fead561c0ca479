package app.reglament.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One applicable item of one indicator, compliant or not. The score's rates count findings; the
 * violated ones become violations.
 *
 * @param subjectKey stable within the account and indicator: {@code lead:<id>}, {@code task:<id>},
 *     {@code comm:<source key>}, {@code user:<id>:<yyyy-MM-dd>} ... The same item always gets the
 *     same key, so a violation can be found again and closed.
 * @param userId the manager the item is charged to (the deal's or task's responsible)
 * @param day the day (account's timezone) the item belongs to for rates; for a {@link
 *     Indicator.Kind#STATE} item it is the evaluation day
 * @param severity null when the item is compliant
 * @param beganAt when the violation began (the deadline that passed, the moment of the bad result);
 *     null when compliant
 * @param reason a short stable code of what is wrong ({@code late}, {@code placeholder} ...); null
 *     when compliant
 * @param explanation what is wrong and what to do; null when compliant
 * @param details the figures behind the verdict (minutes late, field ids ...), JSON-ready values
 */
public record Finding(
    Indicator indicator,
    String subjectKey,
    Long leadId,
    Long taskId,
    Long userId,
    LocalDate day,
    Severity severity,
    Instant beganAt,
    String reason,
    Explanation explanation,
    Map<String, Object> details) {

  public Finding {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(subjectKey, "subjectKey");
    Objects.requireNonNull(day, "day");
    details = details == null ? Map.of() : Map.copyOf(details);
    if ((severity == null) != (beganAt == null) || (severity == null) != (explanation == null)) {
      throw new IllegalArgumentException(
          "A violation has a severity, a start and an explanation; a compliant item has none");
    }
  }

  public boolean violated() {
    return severity != null;
  }

  /** A compliant item. */
  public static Finding compliant(
      Indicator indicator,
      String subjectKey,
      Long leadId,
      Long taskId,
      Long userId,
      LocalDate day) {
    return new Finding(
        indicator, subjectKey, leadId, taskId, userId, day, null, null, null, null, Map.of());
  }

  /** A violated item. */
  public static Finding violated(
      Indicator indicator,
      String subjectKey,
      Long leadId,
      Long taskId,
      Long userId,
      LocalDate day,
      Severity severity,
      Instant beganAt,
      String reason,
      Explanation explanation,
      Map<String, Object> details) {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(beganAt, "beganAt");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(explanation, "explanation");
    return new Finding(
        indicator,
        subjectKey,
        leadId,
        taskId,
        userId,
        day,
        severity,
        beganAt,
        reason,
        explanation,
        details);
  }
}
