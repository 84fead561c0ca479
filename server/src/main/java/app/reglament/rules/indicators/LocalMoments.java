package app.reglament.rules.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** How explanations show moments and durations to a manager, in the account's timezone. */
final class LocalMoments {
  private LocalMoments() {}

  /**
   * "dd.MM.yyyy HH:mm" in the zone. Written out by hand: a full evaluation writes millions of
   * explanations, and a formatter took a tenth of the evaluating thread's time. Years 1 to 9999
   * read as the pattern reads them; no deal dates from outside them.
   */
  static String moment(Instant t, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    StringBuilder out = new StringBuilder(16);
    twoDigits(out, local.getDayOfMonth()).append('.');
    twoDigits(out, local.getMonthValue()).append('.');
    int year = local.getYear();
    if (year >= 0 && year < 1000) {
      out.append(year < 10 ? "000" : year < 100 ? "00" : "0");
    }
    out.append(year).append(' ');
    twoDigits(out, local.getHour()).append(':');
    return twoDigits(out, local.getMinute()).toString();
  }

  /** At least two digits, as {@code %02d}. */
  private static StringBuilder twoDigits(StringBuilder out, int value) {
    if (value >= 0 && value < 10) {
      out.append('0');
    }
    return out.append(value);
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
        : twoDigits(new StringBuilder().append(hours).append(" ч "), (int) minutes)
            .append(" мин")
            .toString();
  }

  /** "2 h 05 min" (or "45 min"). */
  static String english(Duration d) {
    long hours = d.toHours();
    long minutes = d.toMinutesPart();
    return hours == 0
        ? minutes + " min"
        : twoDigits(new StringBuilder().append(hours).append(" h "), (int) minutes)
            .append(" min")
            .toString();
  }
}
