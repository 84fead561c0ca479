package app.reglament.amo.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the API client needs to know about an account, provided by the OAuth layer: where its API
 * lives, a valid access token, and whether its traffic is paused.
 *
 * <p>How {@link AmoClient} uses it: {@link #pausedUntil} before every attempt (a paused account
 * fails fast, nothing is sent); {@link #baseUrl} and {@link #accessToken} for each call; {@link
 * #renewAfterRejection} at most once per call, after a 401; {@link #pause} when amoCRM answers 403
 * with an HTML page (its API block). Implementations must be safe for concurrent use.
 */
public interface AccountAccess {

  /** The account's API base, {@code https://{base domain}} unless REGLAMENT_AMO_BASE_URL is set. */
  URI baseUrl(long accountId);

  /**
   * A valid access token, refreshed ahead of expiry when needed.
   *
   * @throws AmoAuthorizationException when the account needs re-authorization or is inactive
   */
  String accessToken(long accountId);

  /**
   * Called once when amoCRM answered 401 to {@code rejectedToken}: returns a fresh token (after a
   * single-flight refresh, or one another thread already obtained).
   *
   * @throws AmoAuthorizationException when no fresh token can be had
   */
  String renewAfterRejection(long accountId, String rejectedToken);

  /** Stops all traffic to the account until the given time (amoCRM's IP/API block, HTML 403). */
  void pause(long accountId, Duration duration, String reason);

  /** When the account's traffic may resume, if it is paused now. */
  Optional<Instant> pausedUntil(long accountId);
}
