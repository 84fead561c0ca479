package app.reglament.amo.oauth;

import app.reglament.account.AccountRepository;
import app.reglament.account.AccountState;
import app.reglament.amo.api.AccountAccess;
import app.reglament.amo.api.AmoAuthorizationException;
import app.reglament.amo.api.AmoException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the API client valid tokens. amoCRM refresh tokens are single-use and rotate, so a refresh
 * is single-flight per account: one thread of this process at a time (an in-process lock), and one
 * instance at a time (the account row is locked FOR UPDATE for the duration). After taking the lock
 * the refresher re-reads the row; if its version moved, another refresher already did the work. The
 * new pair is committed before anyone uses it, so a crash cannot lose the only valid refresh token.
 */
public final class TokenService implements AccountAccess {
  private static final Logger log = LoggerFactory.getLogger(TokenService.class);

  /** Refresh this long before expiry, so no call ever carries a token about to lapse. */
  static final Duration REFRESH_AHEAD = Duration.ofMinutes(10);

  /** Snapshots are shared by threads briefly; other instances' refreshes show within this time. */
  static final Duration SNAPSHOT_TTL = Duration.ofSeconds(10);

  private final DSLContext dsl;
  private final TokenStore store;
  private final OAuthClient oauth;
  private final AmoHosts hosts;
  private final AccountRepository accounts;
  private final Clock clock;
  private final ConcurrentHashMap<Long, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();
  private final Cache<Long, TokenStore.Snapshot> snapshots;

  public TokenService(
      DSLContext dsl,
      TokenStore store,
      OAuthClient oauth,
      AmoHosts hosts,
      AccountRepository accounts,
      Clock clock) {
    this.dsl = dsl;
    this.store = store;
    this.oauth = oauth;
    this.hosts = hosts;
    this.accounts = accounts;
    this.clock = clock;
    this.snapshots =
        Caffeine.newBuilder()
            .expireAfterWrite(SNAPSHOT_TTL)
            .maximumSize(100_000)
            .ticker(() -> clock.millis() * 1_000_000)
            .build();
  }

  @Override
  public URI baseUrl(long accountId) {
    return hosts.base(snapshot(accountId).baseDomain());
  }

  @Override
  public String accessToken(long accountId) {
    TokenStore.Snapshot current = usable(snapshot(accountId));
    TokenPair tokens = current.tokens().orElseThrow();
    Instant now = clock.instant();
    if (tokens.expiresAt().isBefore(now.plus(refreshMargin(current)))) {
      try {
        return refresh(accountId, current.version()).tokens().orElseThrow().accessToken();
      } catch (AmoAuthorizationException refused) {
        throw refused;
      } catch (RuntimeException transientFailure) {
        if (tokens.expiresAt().isAfter(now)) {
          // amoCRM's token endpoint is briefly away, but the token still works: use it.
          log.warn(
              "Refreshing the tokens of account {} failed ({}); the current token serves until {}",
              accountId,
              transientFailure.getMessage(),
              tokens.expiresAt());
          return tokens.accessToken();
        }
        throw transientFailure;
      }
    }
    return tokens.accessToken();
  }

  /**
   * How long before expiry to refresh: {@link #REFRESH_AHEAD}, or a quarter of the token's lifetime
   * when tokens live shorter than that (test doubles issue them for seconds).
   */
  static Duration refreshMargin(TokenStore.Snapshot snapshot) {
    Instant expiresAt = snapshot.tokens().orElseThrow().expiresAt();
    return snapshot
        .refreshedAt()
        .map(issued -> Duration.between(issued, expiresAt).dividedBy(4))
        .filter(quarter -> quarter.compareTo(REFRESH_AHEAD) < 0)
        .orElse(REFRESH_AHEAD);
  }

  @Override
  public String renewAfterRejection(long accountId, String rejectedToken) {
    snapshots.invalidate(accountId);
    TokenStore.Snapshot current = usable(snapshot(accountId));
    TokenPair tokens = current.tokens().orElseThrow();
    if (!tokens.accessToken().equals(rejectedToken)) {
      return tokens.accessToken();
    }
    return refresh(accountId, current.version()).tokens().orElseThrow().accessToken();
  }

  @Override
  public void pause(long accountId, Duration duration, String reason) {
    Instant until = clock.instant().plus(duration);
    store.pause(dsl, accountId, until, reason);
    snapshots.invalidate(accountId);
    // The API client already logged the block with its cause; this records how long it lasts.
    log.info("Account {}: amoCRM traffic paused until {}", accountId, until);
  }

  @Override
  public Optional<Instant> pausedUntil(long accountId) {
    return snapshot(accountId).pausedUntil().filter(until -> until.isAfter(clock.instant()));
  }

  /** Drops what this instance remembers of the account (it was disconnected or re-installed). */
  public void forget(long accountId) {
    snapshots.invalidate(accountId);
  }

  /** Stores the first pair of a fresh installation. */
  public void install(long accountId, TokenPair tokens) {
    store.save(dsl, accountId, tokens, clock.instant());
    snapshots.invalidate(accountId);
  }

  /**
   * Refreshes unless someone already moved past {@code seenVersion}. Public for the keeper, which
   * renews idle accounts before their refresh token's three months run out.
   */
  public TokenStore.Snapshot refresh(long accountId, int seenVersion) {
    ReentrantLock lock = refreshLocks.computeIfAbsent(accountId, id -> new ReentrantLock());
    lock.lock();
    try {
      TokenStore.Snapshot cached = snapshots.getIfPresent(accountId);
      if (cached != null && cached.version() != seenVersion) {
        return usable(cached);
      }
      Outcome outcome =
          dsl.transactionResult(tx -> refreshLocked(tx.dsl(), accountId, seenVersion));
      snapshots.invalidate(accountId);
      if (outcome.refused() != null) {
        accounts.changeState(
            accountId, AccountState.NEEDS_REAUTH, outcome.refused(), clock.instant());
        log.warn(
            "amoCRM refused the refresh token of account {}: it needs re-authorization ({})",
            accountId,
            outcome.refused());
        throw new AmoAuthorizationException(
            accountId, "amoCRM refused the refresh token: install the integration again");
      }
      snapshots.put(accountId, outcome.snapshot());
      return outcome.snapshot();
    } finally {
      lock.unlock();
    }
  }

  private Outcome refreshLocked(DSLContext tx, long accountId, int seenVersion) {
    TokenStore.Snapshot locked =
        usable(
            store
                .lockAndLoad(tx, accountId)
                .orElseThrow(() -> new AmoAuthorizationException(accountId, "No such account")));
    if (locked.version() != seenVersion) {
      return new Outcome(locked, null);
    }
    TokenPair fresh;
    try {
      fresh = oauth.refresh(locked.baseDomain(), locked.tokens().orElseThrow().refreshToken());
    } catch (OAuthException e) {
      if (e.invalidGrant()) {
        return new Outcome(null, e.getMessage());
      }
      throw new AmoException(accountId, "Token refresh failed: " + e.getMessage(), e);
    }
    Instant now = clock.instant();
    store.save(tx, accountId, fresh, now);
    log.info(
        "Refreshed the amoCRM tokens of account {}; they expire at {}",
        accountId,
        fresh.expiresAt());
    return new Outcome(
        new TokenStore.Snapshot(
            accountId,
            locked.baseDomain(),
            locked.state(),
            Optional.of(fresh),
            locked.version() + 1,
            locked.pausedUntil(),
            Optional.of(now)),
        null);
  }

  /** Either the snapshot to use, or why amoCRM refused the refresh token. */
  private record Outcome(TokenStore.Snapshot snapshot, String refused) {}

  private TokenStore.Snapshot snapshot(long accountId) {
    TokenStore.Snapshot snapshot = snapshots.get(accountId, id -> store.load(dsl, id).orElse(null));
    if (snapshot == null) {
      throw new AmoAuthorizationException(accountId, "Account " + accountId + " is not installed");
    }
    return snapshot;
  }

  private static TokenStore.Snapshot usable(TokenStore.Snapshot snapshot) {
    if (snapshot.state() != AccountState.ACTIVE) {
      throw new AmoAuthorizationException(
          snapshot.accountId(),
          "Account " + snapshot.accountId() + " is " + snapshot.state().code() + ": no traffic");
    }
    if (snapshot.tokens().isEmpty()) {
      throw new AmoAuthorizationException(
          snapshot.accountId(), "Account " + snapshot.accountId() + " has no tokens yet");
    }
    return snapshot;
  }
}
