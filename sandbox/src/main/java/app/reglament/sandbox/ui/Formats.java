package app.reglament.sandbox.ui;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/** How the UI writes times, money and counts, in Russian as amoCRM's Russian interface does. */
final class Formats {
  /** The account's time zone, the one {@code /api/v4/account} reports in its datetime settings. */
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final DateTimeFormatter INPUT_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}");
  private static final String DEFAULT_COLOR = "#c1c1c1";

  private Formats() {}

  /** {@code 150 000 ₽}: digits grouped by a no-break space. */
  static String money(long amount, String currency) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols();
    symbols.setGroupingSeparator('\u00a0');
    String digits = new DecimalFormat("#,##0", symbols).format(amount);
    return digits + "\u00a0" + ("RUB".equals(currency) ? "₽" : currency);
  }

  /** {@code 30.11.2026 12:00} in the account's zone. */
  static String dateTime(Instant at) {
    return DATE_TIME.format(at.atZone(ZONE));
  }

  /** For {@code <time datetime>}: ISO-8601 with the account's offset. */
  static String iso(Instant at) {
    return at.atZone(ZONE).toOffsetDateTime().toString();
  }

  /** The value of an {@code <input type="datetime-local">}. */
  static String inputDateTime(Instant at) {
    return INPUT_DATE_TIME.format(at.atZone(ZONE).truncatedTo(ChronoUnit.MINUTES));
  }

  static Optional<Instant> parseInputDateTime(String text) {
    try {
      return Optional.of(LocalDateTime.parse(text).atZone(ZONE).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A date field's value (Unix seconds, as amoCRM keeps it) for {@code <input type="date">}. */
  static String inputDate(String epochSeconds) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(epochSeconds))
          .atZone(ZONE)
          .toLocalDate()
          .toString();
    } catch (NumberFormatException e) {
      return "";
    }
  }

  /** {@code 2026-11-30} from a date input: midnight in the account's zone, as Unix seconds. */
  static Optional<String> parseInputDate(String text) {
    try {
      return Optional.of(Long.toString(LocalDate.parse(text).atStartOfDay(ZONE).toEpochSecond()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code 1 сделка}, {@code 3 сделки}, {@code 5 сделок}. */
  static String deals(int count) {
    return count + " " + plural(count, "сделка", "сделки", "сделок");
  }

  static String plural(int count, String one, String few, String many) {
    int lastTwo = Math.abs(count) % 100;
    int last = lastTwo % 10;
    if (lastTwo >= 11 && lastTwo <= 14) {
      return many;
    }
    if (last == 1) {
      return one;
    }
    return last >= 2 && last <= 4 ? few : many;
  }

  /** A stage colour fit for a style attribute: the store's {@code #rrggbb}, or a neutral grey. */
  static String color(String value) {
    return value != null && COLOR.matcher(value).matches() ? value : DEFAULT_COLOR;
  }
}
