package app.reglament.automation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments and lists as the notes and tasks Reglament writes show them to people. */
final class LocalText {
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private LocalText() {}

  /** "30.11.2026 13:15" in the account's timezone. */
  static String moment(Instant t, ZoneId zone) {
    return MOMENT.format(t.atZone(zone));
  }

  /** «Бюджет», «Город». */
  static String quoted(java.util.List<String> names) {
    return String.join(", ", names.stream().map(n -> "«" + n + "»").toList());
  }
}
