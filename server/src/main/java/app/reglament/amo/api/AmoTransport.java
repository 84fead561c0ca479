package app.reglament.amo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One amoCRM call with everything around it: the account's pause, its token, its rate slot, the
 * retries on 429/5xx/timeouts, one token renewal on 401, the pause on an API block, and typed
 * failures. The token goes into the Authorization header and nowhere else.
 */
final class AmoTransport {
  private static final Logger log = LoggerFactory.getLogger(AmoTransport.class);
  private static final String USER_AGENT = "Reglament";

  private final AccountAccess access;
  private final AmoClientSettings settings;
  private final HttpClient http;
  private final RateLimiter limiter;
  private final Backoff backoff;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ObjectMapper mapper;
  private final AmoErrors errors;

  AmoTransport(
      AccountAccess access,
      AmoClientSettings settings,
      HttpClient http,
      RateLimiter limiter,
      Backoff backoff,
      Clock clock,
      Sleeper sleeper,
      ObjectMapper mapper) {
    this.access = access;
    this.settings = settings;
    this.http = http;
    this.limiter = limiter;
    this.backoff = backoff;
    this.clock = clock;
    this.sleeper = sleeper;
    this.mapper = mapper;
    this.errors = new AmoErrors(mapper);
  }

  ObjectMapper mapper() {
    return mapper;
  }

  AmoClientSettings settings() {
    return settings;
  }

  /**
   * Sends the request and returns the answer's JSON, or a {@link MissingNode} for an empty answer
   * (amoCRM says "nothing found" with 204 and no body).
   */
  JsonNode send(long accountId, AmoRequest request) {
    String token = null;
    boolean renewed = false;
    int attempts = 0;
    while (true) {
      failIfPaused(accountId, request);
      if (token == null) {
        token = access.accessToken(accountId);
      }
      takeRateSlot(accountId, request);
      attempts++;
      Failure failure;
      try {
        HttpResponse<byte[]> response =
            http.send(httpRequest(accountId, request, token), BodyHandlers.ofByteArray());
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        byte[] body = decoded(response);
        if (status >= 200 && status < 300) {
          return json(accountId, request, status, body);
        }
        if (status == 401) {
          if (renewed) {
            throw new AmoAuthorizationException(
                accountId,
                "amoCRM refused the renewed access token of account "
                    + accountId
                    + " too (401 to "
                    + request.describe()
                    + ")");
          }
          log.info(
              "amoCRM answered 401 to {} for account {}; renewing its token once",
              request.describe(),
              accountId);
          token = access.renewAfterRejection(accountId, token);
          renewed = true;
          attempts--; // a rejected token is not a failure of amoCRM: it does not use up a retry
          continue;
        }
        if (errors.isBlockPage(status, contentType, body)) {
          throw blocked(accountId, request, contentType);
        }
        if (status != 429 && status < 500) {
          throw errors.refusal(accountId, request, status, contentType, body);
        }
        Optional<Duration> retryAfter =
            Backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), now());
        // A 429 is refused before any work is done; a 5xx may come after the work was done.
        failure = new Failure(OptionalInt.of(status), "HTTP " + status, retryAfter, status == 429);
      } catch (HttpConnectTimeoutException | ConnectException e) {
        failure = new Failure(OptionalInt.empty(), "no connection", Optional.empty(), true, e);
      } catch (HttpTimeoutException e) {
        failure =
            new Failure(
                OptionalInt.empty(),
                "no answer within " + settings.requestTimeout().toMillis() + " ms",
                Optional.empty(),
                false,
                e);
      } catch (IOException e) {
        failure =
            new Failure(
                OptionalInt.empty(),
                "I/O failure (" + e.getClass().getSimpleName() + ")",
                Optional.empty(),
                false,
                e);
      } catch (InterruptedException e) {
        throw interrupted(accountId, request, e);
      }
      waitBeforeRetry(accountId, request, failure, attempts);
    }
  }

  /** Why one attempt failed in a way that a later attempt might not. */
  private record Failure(
      OptionalInt status,
      String what,
      Optional<Duration> retryAfter,
      boolean notApplied,
      Throwable cause) {
    Failure(OptionalInt status, String what, Optional<Duration> retryAfter, boolean notApplied) {
      this(status, what, retryAfter, notApplied, null);
    }
  }

  private void waitBeforeRetry(long accountId, AmoRequest request, Failure failure, int attempts) {
    if (!request.idempotent() && !failure.notApplied()) {
      throw unavailable(
          accountId,
          request,
          failure,
          attempts,
          true,
          null,
          "; not repeated, because amoCRM may have applied it");
    }
    if (attempts >= settings.maxAttempts()) {
      throw unavailable(accountId, request, failure, attempts, false, null, "");
    }
    Optional<Duration> asked = failure.retryAfter();
    if (asked.isPresent() && asked.get().compareTo(settings.maxRetryAfter()) > 0) {
      throw unavailable(
          accountId,
          request,
          failure,
          attempts,
          false,
          asked.get(),
          "; amoCRM asked to wait " + asked.get().toSeconds() + " s");
    }
    Duration delay = asked.orElseGet(() -> backoff.delay(attempts));
    log.info(
        "amoCRM: {} to {} for account {}; attempt {} of {} in {} ms",
        failure.what(),
        request.describe(),
        accountId,
        attempts + 1,
        settings.maxAttempts(),
        delay.toMillis());
    if (failure.status().orElse(0) == 429) {
      // The account's budget is spent: every thread calling it waits, not only this one. The
      // wait itself happens in the rate slot of the next attempt.
      limiter.holdOff(accountId, delay);
    } else {
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        throw interrupted(accountId, request, e);
      }
    }
  }

  private AmoUnavailableException unavailable(
      long accountId,
      AmoRequest request,
      Failure failure,
      int attempts,
      boolean outcomeUnknown,
      Duration retryAfter,
      String why) {
    String message =
        "amoCRM did not serve "
            + request.describe()
            + " for account "
            + accountId
            + " ("
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + ", last: "
            + failure.what()
            + ")"
            + why;
    return new AmoUnavailableException(
        accountId,
        message,
        failure.status(),
        attempts,
        outcomeUnknown,
        retryAfter,
        failure.cause());
  }

  private void failIfPaused(long accountId, AmoRequest request) {
    Optional<Instant> until = access.pausedUntil(accountId);
    if (until.isPresent() && until.get().isAfter(now())) {
      throw new AmoBlockedException(
          accountId,
          until.get(),
          "amoCRM traffic of account "
              + accountId
              + " is paused until "
              + until.get()
              + "; "
              + request.describe()
              + " was not sent");
    }
  }

  private AmoBlockedException blocked(long accountId, AmoRequest request, String contentType) {
    String reason =
        "amoCRM answered 403 ("
            + (contentType == null ? "no content type" : contentType)
            + ") to "
            + request.describe()
            + ": API access blocked";
    access.pause(accountId, settings.blockPause(), reason);
    Instant until = access.pausedUntil(accountId).orElse(now().plus(settings.blockPause()));
    log.warn(
        "amoCRM blocked API access of account {} ({}); its traffic is paused until {}",
        accountId,
        reason,
        until);
    return new AmoBlockedException(
        accountId,
        until,
        "amoCRM blocked API access of account " + accountId + "; paused until " + until);
  }

  void countRequestSentElsewhere(long accountId) {
    limiter.recordSent(accountId);
  }

  private void takeRateSlot(long accountId, AmoRequest request) {
    try {
      limiter.acquire(accountId);
    } catch (InterruptedException e) {
      throw interrupted(accountId, request, e);
    }
  }

  private HttpRequest httpRequest(long accountId, AmoRequest request, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri(access.baseUrl(accountId)))
            .timeout(settings.requestTimeout())
            .header("Authorization", "Bearer " + token)
            .header("Accept-Encoding", "gzip")
            .header("User-Agent", USER_AGENT);
    if (request.body() == null) {
      return builder.method(request.method(), BodyPublishers.noBody()).build();
    }
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(request.body());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body of " + request.describe() + " is not JSON", e);
    }
    return builder
        .header("Content-Type", "application/json")
        .method(request.method(), BodyPublishers.ofByteArray(body))
        .build();
  }

  /** amoCRM compresses when asked, which matters for a million deals; HttpClient does not. */
  private static byte[] decoded(HttpResponse<byte[]> response) throws IOException {
    byte[] body = response.body();
    boolean gzip =
        response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip");
    if (!gzip || body == null || body.length == 0) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private JsonNode json(long accountId, AmoRequest request, int status, byte[] body) {
    if (body == null || body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode tree = mapper.readTree(body);
      return tree == null ? MissingNode.getInstance() : tree;
    } catch (IOException e) {
      throw new AmoException(
          accountId,
          "amoCRM answered "
              + status
              + " to "
              + request.describe()
              + " for account "
              + accountId
              + " with a body that is not JSON",
          e);
    }
  }

  private static AmoException interrupted(
      long accountId, AmoRequest request, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new AmoException(
        accountId, "interrupted while calling amoCRM: " + request.describe(), e);
  }

  private Instant now() {
    return clock.instant();
  }
}
