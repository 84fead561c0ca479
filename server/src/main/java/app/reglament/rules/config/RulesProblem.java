package app.reglament.rules.config;

/**
 * One thing wrong with a rules document.
 *
 * @param key the path of the offending value, as the admin wrote it: {@code
 *     firstContact.slaMinutes}, {@code stages[2].maxDays}, {@code workingHours.sat[1]}; empty for
 *     the document as a whole
 * @param message why, in plain English: "must be a whole number from 1 to 10080"
 */
public record RulesProblem(String key, String message) {
  @Override
  public String toString() {
    return key.isEmpty() ? message : key + ": " + message;
  }
}
