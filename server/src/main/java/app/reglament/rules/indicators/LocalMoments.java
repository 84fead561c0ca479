package app.reglament.rules.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How explanations show moments and durations to a manager, in the account's timezone. */
final class LocalMoments {
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private LocalMoments() {}

  static String moment(Instant t, ZoneId zone) {
    return MOMENT.format(t.atZone(zone));
  }

  /** Whole minutes, rounded down: "late by 25 minutes" is never inflated. */
  static long minutes(Duration d) {
    return d.toMinutes();
  }

  /** "2 ч 05 мин" (or "45 мин") for a duration, rounded down to the minute. */
  static String russian(Duration d) {
    long hours = d.toHours();
    long minutes = d.toMinutesPart();
    return hours == 0
        ? minutes + " мин"
        : String.format(Locale.ROOT, "%d ч %02d мин", hours, minutes);
  }

  /** "2 h 05 min" (or "45 min"). */
  static String english(Duration d) {
    long hours = d.toHours();
    long minutes = d.toMinutesPart();
    return hours == 0
        ? minutes + " min"
        : String.format(Locale.ROOT, "%d h %02d min", hours, minutes);
  }
}
