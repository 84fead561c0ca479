package app.reglament.amo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  /** 1 s / 7 widened by the safety margin: 150 ms. */
  private static final long INTERVAL_NANOS =
      (long) (1_000_000_000L * RateLimiter.SAFETY_MARGIN / 7);

  @Test
  void spacesTheRequestsOfOneAccountEvenlyAtTheCeilingWithItsMargin() throws Exception {
    FakeTime time = FakeTime.frozen();
    RateLimiter limiter = new RateLimiter(7, time, time);

    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      waits.add(limiter.acquire(1).toNanos());
    }

    assertThat(waits)
        .containsExactlyElementsOf(
            IntStream.range(0, 8).mapToObj(k -> k * INTERVAL_NANOS).toList());
    // The 8th request of a second is only allowed a full second after the 1st.
    assertThat(waits.get(7)).isGreaterThanOrEqualTo(Duration.ofMillis(999).toNanos());
    assertThat(time.sleeps()).hasSize(7); // the first one did not wait at all
  }

  @Test
  void aCallerLateForItsSlotKeepsTheEighthRequestOutOfItsSecond() throws Exception {
    FakeTime time = FakeTime.advancing();
    RateLimiter limiter = new RateLimiter(7, time, time);
    long start = time.nanoTime();
    List<Long> departures = new ArrayList<>();

    // The first caller reserves the first slot, then its thread is held up (a busy machine).
    long late = limiter.reserve(1);
    for (int i = 0; i < 6; i++) {
      limiter.acquire(1);
      departures.add(time.nanoTime() - start);
    }
    limiter.awaitSlot(1, late);
    departures.add(time.nanoTime() - start);
    limiter.acquire(1);
    departures.add(time.nanoTime() - start);

    // Slots alone would send the eighth at 1,050 ms, 900 ms after the second: eight in a second.
    // It leaves a full window after the oldest of the seven before it.
    assertThat(departures.get(7) - departures.get(0))
        .isGreaterThanOrEqualTo(RateLimiter.WINDOW_NANOS);
    for (int i = 7; i < departures.size(); i++) {
      assertThat(departures.get(i) - departures.get(i - 7))
          .isGreaterThanOrEqualTo(RateLimiter.WINDOW_NANOS);
    }
  }

  @Test
  void aRequestSentElsewhereTakesItsPlaceInTheSecond() throws Exception {
    FakeTime time = FakeTime.advancing();
    RateLimiter limiter = new RateLimiter(7, time, time);
    long start = time.nanoTime();

    limiter.recordSent(1);
    for (int i = 0; i < 7; i++) {
      limiter.acquire(1);
    }

    // Seven more after the one sent elsewhere: the seventh leaves a full window after it.
    assertThat(time.nanoTime() - start).isGreaterThanOrEqualTo(RateLimiter.WINDOW_NANOS);
  }

  @Test
  void doesNotMakeACallerWaitWhenItsSlotHasAlreadyPassed() throws Exception {
    FakeTime time = FakeTime.advancing();
    RateLimiter limiter = new RateLimiter(7, time, time);

    limiter.acquire(1);
    time.advance(Duration.ofMillis(500));

    assertThat(limiter.acquire(1)).isZero();
    assertThat(limiter.acquire(1)).isEqualTo(Duration.ofNanos(INTERVAL_NANOS));
  }

  @Test
  void givesThirtyCallsFromEightThreadsThirtyDistinctSlotsOverMoreThanFourSeconds()
      throws Exception {
    FakeTime time = FakeTime.frozen();
    RateLimiter limiter = new RateLimiter(7, time, time);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Long>> calls = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        calls.add(() -> limiter.acquire(1).toNanos());
      }
      List<Long> waits = new ArrayList<>();
      for (Future<Long> result : threads.invokeAll(calls)) {
        waits.add(result.get());
      }

      assertThat(waits.stream().sorted().toList())
          .containsExactlyElementsOf(
              IntStream.range(0, 30).mapToObj(k -> k * INTERVAL_NANOS).toList());
      assertThat(Duration.ofNanos(waits.stream().max(Long::compare).orElseThrow()))
          .isGreaterThan(Duration.ofMillis(4_100));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void oneAccountsBacklogDoesNotDelayAnotherAccount() throws Exception {
    FakeTime time = FakeTime.frozen();
    RateLimiter limiter = new RateLimiter(7, time, time);
    for (int i = 0; i < 30; i++) {
      limiter.acquire(1);
    }

    assertThat(limiter.acquire(2)).isZero();
    assertThat(limiter.acquire(2)).isEqualTo(Duration.ofNanos(INTERVAL_NANOS));
    assertThat(limiter.acquire(1)).isEqualTo(Duration.ofNanos(30 * INTERVAL_NANOS));
  }

  @Test
  void holdingOffAnAccountDelaysItsNextCallButNotOtherAccounts() throws Exception {
    FakeTime time = FakeTime.frozen();
    RateLimiter limiter = new RateLimiter(7, time, time);
    limiter.acquire(1);

    limiter.holdOff(1, Duration.ofSeconds(3));

    assertThat(limiter.acquire(1)).isEqualTo(Duration.ofSeconds(3));
    assertThat(limiter.acquire(1)).isEqualTo(Duration.ofSeconds(3).plusNanos(INTERVAL_NANOS));
    assertThat(limiter.acquire(2)).isZero();
  }

  @Test
  void aShortHoldOffNeverPullsAlreadyReservedSlotsForward() throws Exception {
    FakeTime time = FakeTime.frozen();
    RateLimiter limiter = new RateLimiter(7, time, time);
    for (int i = 0; i < 20; i++) {
      limiter.acquire(1);
    }

    limiter.holdOff(1, Duration.ofMillis(100));

    assertThat(limiter.acquire(1)).isEqualTo(Duration.ofNanos(20 * INTERVAL_NANOS));
  }
}
