package app.reglament.testing;

import app.reglament.amo.api.AccountAccess;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The AccountAccess seam for tests that do not exercise OAuth: fixed base URL and token. */
public final class FakeAccountAccess implements AccountAccess {
  private final URI baseUrl;
  private final Clock clock;
  private final Map<Long, Instant> pauses = new ConcurrentHashMap<>();

  public FakeAccountAccess(URI baseUrl, Clock clock) {
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  @Override
  public URI baseUrl(long accountId) {
    return baseUrl;
  }

  @Override
  public String accessToken(long accountId) {
    return "test-token-" + accountId;
  }

  @Override
  public String renewAfterRejection(long accountId, String rejectedToken) {
    return "test-token-" + accountId + "-renewed";
  }

  @Override
  public void pause(long accountId, Duration duration, String reason) {
    pauses.put(accountId, clock.instant().plus(duration));
  }

  @Override
  public Optional<Instant> pausedUntil(long accountId) {
    return Optional.ofNullable(pauses.get(accountId))
        .filter(until -> until.isAfter(clock.instant()));
  }
}
