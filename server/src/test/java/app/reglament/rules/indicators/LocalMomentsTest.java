package app.reglament.rules.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Moments and durations in explanations read as the patterns they replace. */
class LocalMomentsTest {
  private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  @Test
  void a_moment_reads_as_the_day_month_year_hour_minute_pattern_in_the_accounts_zone() {
    var random = new SplittableRandom(5);
    for (String zone : new String[] {"Europe/Moscow", "Asia/Kolkata", "America/New_York", "UTC"}) {
      ZoneId id = ZoneId.of(zone);
      for (int i = 0; i < 2_000; i++) {
        // Years 1 to 9999, so short years and DST changes come up too.
        Instant t = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L));
        assertThat(LocalMoments.moment(t, id)).isEqualTo(PATTERN.format(t.atZone(id)));
      }
    }
    assertThat(
            LocalMoments.moment(Instant.parse("2026-03-05T06:07:00Z"), ZoneId.of("Europe/Moscow")))
        .isEqualTo("05.03.2026 09:07");
  }

  @Test
  void a_duration_reads_as_hours_and_two_digit_minutes_or_minutes_alone() {
    for (long minutes : new long[] {0, 7, 45, 60, 65, 125, 600, 1439, 100_000}) {
      Duration d = Duration.ofMinutes(minutes).plusSeconds(59);
      long h = d.toHours();
      long m = d.toMinutesPart();
      assertThat(LocalMoments.russian(d))
          .isEqualTo(h == 0 ? m + " мин" : String.format(Locale.ROOT, "%d ч %02d мин", h, m));
      assertThat(LocalMoments.english(d))
          .isEqualTo(h == 0 ? m + " min" : String.format(Locale.ROOT, "%d h %02d min", h, m));
    }
    assertThat(LocalMoments.russian(Duration.ofMinutes(125))).isEqualTo("2 ч 05 мин");
    assertThat(LocalMoments.english(Duration.ofMinutes(45))).isEqualTo("45 min");
  }
}
