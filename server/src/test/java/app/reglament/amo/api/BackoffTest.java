package app.reglament.amo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(1));

  @Test
  void theCeilingDoublesPerRetryUpToTheCap() {
    assertThat(Duration.ofNanos(backoff.ceilingNanos(1))).isEqualTo(Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(backoff.ceilingNanos(2))).isEqualTo(Duration.ofSeconds(2));
    assertThat(Duration.ofNanos(backoff.ceilingNanos(4))).isEqualTo(Duration.ofSeconds(8));
    assertThat(Duration.ofNanos(backoff.ceilingNanos(6))).isEqualTo(Duration.ofSeconds(30));
    assertThat(Duration.ofNanos(backoff.ceilingNanos(500))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void delaysAreSpreadOverTheWholeRangeBelowTheCeiling() {
    Set<Long> tenths = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      Duration delay = backoff.delay(3);
      assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(4));
      tenths.add(delay.toMillis() / 400);
    }
    assertThat(tenths).hasSize(10); // every tenth of 0–4 s was hit: jitter, not a fixed step
  }

  @Test
  void readsRetryAfterAsSecondsOrAsAnHttpDate() {
    Instant now = Instant.parse("2026-11-30T10:00:00Z");

    assertThat(Backoff.retryAfter("7", now)).contains(Duration.ofSeconds(7));
    assertThat(Backoff.retryAfter(" 0 ", now)).contains(Duration.ZERO);
    assertThat(Backoff.retryAfter("Mon, 30 Nov 2026 10:01:30 GMT", now))
        .contains(Duration.ofSeconds(90));
    assertThat(Backoff.retryAfter("Mon, 30 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(Backoff.retryAfter("soon", now)).isEmpty();
    assertThat(Backoff.retryAfter(null, now)).isEmpty();
  }
}
