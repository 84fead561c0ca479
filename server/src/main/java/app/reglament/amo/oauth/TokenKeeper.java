package app.reglament.amo.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every active account's tokens alive: renews those about to expire, and those not renewed
 * for a month, because an amoCRM refresh token dies after three months unused and then an admin
 * must install the integration again.
 */
public final class TokenKeeper {
  private static final Logger log = LoggerFactory.getLogger(TokenKeeper.class);
  static final Duration IDLE_LIMIT = Duration.ofDays(30);
  static final Duration EXPIRY_HORIZON = Duration.ofMinutes(30);

  private final DSLContext dsl;
  private final TokenStore store;
  private final TokenService tokens;
  private final Clock clock;

  public TokenKeeper(DSLContext dsl, TokenStore store, TokenService tokens, Clock clock) {
    this.dsl = dsl;
    this.store = store;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** One sweep; returns how many accounts were renewed. Failures are logged per account. */
  public int runOnce() {
    Instant now = clock.instant();
    List<Long> due = store.dueForRefresh(dsl, now, now.plus(EXPIRY_HORIZON), now.minus(IDLE_LIMIT));
    int renewed = 0;
    for (long accountId : due) {
      try {
        int version = store.load(dsl, accountId).orElseThrow().version();
        tokens.refresh(accountId, version);
        renewed++;
      } catch (RuntimeException e) {
        // One account's trouble (refused token, undecryptable row, lock timeout) must not cost the
        // others their renewal: a refresh token dies after three months unused.
        log.warn("Could not renew the tokens of account {}: {}", accountId, e.getMessage());
      }
    }
    return renewed;
  }
}
