package app.reglament.amo.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OAuth layer's side of the seam, as a test needs it: account N lives under {@code {base}/aN},
 * its token is {@code secret-token-N-G} where G counts renewals, and pauses are kept against the
 * test's clock.
 */
final class FakeAccess implements AccountAccess {
  private final String base;
  private final Clock clock;
  private final Map<Long, AtomicInteger> generations = new ConcurrentHashMap<>();
  private final Map<Long, Instant> pausedUntil = new ConcurrentHashMap<>();
  final List<String> rejectedTokens = new CopyOnWriteArrayList<>();
  final List<String> pauseReasons = new CopyOnWriteArrayList<>();
  final List<Duration> pauseDurations = new CopyOnWriteArrayList<>();

  FakeAccess(String base, Clock clock) {
    this.base = base;
    this.clock = clock;
  }

  /** The path under which account {@code accountId}'s API is served. */
  static String prefix(long accountId) {
    return "/a" + accountId;
  }

  static String token(long accountId, int generation) {
    return "secret-token-" + accountId + "-" + generation;
  }

  @Override
  public URI baseUrl(long accountId) {
    return URI.create(base + prefix(accountId));
  }

  @Override
  public String accessToken(long accountId) {
    return token(accountId, generation(accountId).get());
  }

  @Override
  public String renewAfterRejection(long accountId, String rejectedToken) {
    rejectedTokens.add(rejectedToken);
    return token(accountId, generation(accountId).incrementAndGet());
  }

  @Override
  public void pause(long accountId, Duration duration, String reason) {
    pauseReasons.add(reason);
    pauseDurations.add(duration);
    pausedUntil.put(accountId, clock.instant().plus(duration));
  }

  @Override
  public Optional<Instant> pausedUntil(long accountId) {
    return Optional.ofNullable(pausedUntil.get(accountId));
  }

  private AtomicInteger generation(long accountId) {
    return generations.computeIfAbsent(accountId, id -> new AtomicInteger());
  }
}
