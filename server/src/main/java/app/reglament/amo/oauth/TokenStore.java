package app.reglament.amo.oauth;

import static app.reglament.db.generated.Tables.ACCOUNTS;
import static app.reglament.db.generated.Tables.ACCOUNT_TOKENS;

import app.reglament.account.AccountState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The encrypted token pair of each account, with a version that grows on every save: a refresher
 * that locked the row and sees a newer version than it started from knows someone else refreshed.
 */
public final class TokenStore {
  private final TokenCipher cipher;

  public TokenStore(TokenCipher cipher) {
    this.cipher = cipher;
  }

  /** What Reglament holds for one account: state, host, tokens (if any) and their version. */
  public record Snapshot(
      long accountId,
      String baseDomain,
      AccountState state,
      Optional<TokenPair> tokens,
      int version,
      Optional<Instant> pausedUntil,
      Optional<Instant> refreshedAt) {}

  public Optional<Snapshot> load(DSLContext dsl, long accountId) {
    return dsl.select(
            ACCOUNTS.ACCOUNT_ID,
            ACCOUNTS.BASE_DOMAIN,
            ACCOUNTS.STATE,
            ACCOUNTS.PAUSED_UNTIL_AT,
            ACCOUNT_TOKENS.ACCESS_TOKEN_ENC,
            ACCOUNT_TOKENS.REFRESH_TOKEN_ENC,
            ACCOUNT_TOKENS.EXPIRES_AT,
            ACCOUNT_TOKENS.REFRESHED_AT,
            ACCOUNT_TOKENS.VERSION)
        .from(ACCOUNTS)
        .leftJoin(ACCOUNT_TOKENS)
        .on(ACCOUNT_TOKENS.ACCOUNT_ID.eq(ACCOUNTS.ACCOUNT_ID))
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .fetchOptional()
        .map(this::toSnapshot);
  }

  /**
   * Locks the account's token row until the surrounding transaction ends, then loads the account.
   * Only token writers wait on this lock.
   */
  public Optional<Snapshot> lockAndLoad(DSLContext tx, long accountId) {
    tx.select(ACCOUNT_TOKENS.VERSION)
        .from(ACCOUNT_TOKENS)
        .where(ACCOUNT_TOKENS.ACCOUNT_ID.eq(accountId))
        .forUpdate()
        .fetchOptional();
    return load(tx, accountId);
  }

  /** Stores a new pair (encrypted, bound to the account) and bumps the version. */
  public void save(DSLContext dsl, long accountId, TokenPair tokens, Instant now) {
    byte[] access = cipher.encrypt(accountId, tokens.accessToken());
    byte[] refresh = cipher.encrypt(accountId, tokens.refreshToken());
    int updated =
        dsl.update(ACCOUNT_TOKENS)
            .set(ACCOUNT_TOKENS.ACCESS_TOKEN_ENC, access)
            .set(ACCOUNT_TOKENS.REFRESH_TOKEN_ENC, refresh)
            .set(ACCOUNT_TOKENS.EXPIRES_AT, tokens.expiresAt())
            .set(ACCOUNT_TOKENS.REFRESHED_AT, now)
            .set(ACCOUNT_TOKENS.VERSION, ACCOUNT_TOKENS.VERSION.plus(1))
            .where(ACCOUNT_TOKENS.ACCOUNT_ID.eq(accountId))
            .execute();
    if (updated == 0) {
      dsl.insertInto(ACCOUNT_TOKENS)
          .set(ACCOUNT_TOKENS.ACCOUNT_ID, accountId)
          .set(ACCOUNT_TOKENS.ACCESS_TOKEN_ENC, access)
          .set(ACCOUNT_TOKENS.REFRESH_TOKEN_ENC, refresh)
          .set(ACCOUNT_TOKENS.EXPIRES_AT, tokens.expiresAt())
          .set(ACCOUNT_TOKENS.REFRESHED_AT, now)
          .set(ACCOUNT_TOKENS.VERSION, 1)
          .execute();
    }
  }

  public void pause(DSLContext dsl, long accountId, Instant until, String reason) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.PAUSED_UNTIL_AT, until)
        .set(ACCOUNTS.PAUSED_REASON, reason)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  /**
   * Active, unpaused accounts whose tokens expire before {@code expiringBefore} or were last
   * renewed before {@code renewedBefore}: the ones the keeper must refresh. A system-wide sweep.
   */
  public List<Long> dueForRefresh(
      DSLContext dsl, Instant now, Instant expiringBefore, Instant renewedBefore) {
    return dsl.select(ACCOUNTS.ACCOUNT_ID)
        .from(ACCOUNTS)
        .join(ACCOUNT_TOKENS)
        .on(ACCOUNT_TOKENS.ACCOUNT_ID.eq(ACCOUNTS.ACCOUNT_ID))
        .where(ACCOUNTS.STATE.eq(AccountState.ACTIVE.code()))
        .and(ACCOUNTS.PAUSED_UNTIL_AT.isNull().or(ACCOUNTS.PAUSED_UNTIL_AT.le(now)))
        .and(
            ACCOUNT_TOKENS
                .EXPIRES_AT
                .lt(expiringBefore)
                .or(ACCOUNT_TOKENS.REFRESHED_AT.lt(renewedBefore)))
        .fetch(ACCOUNTS.ACCOUNT_ID);
  }

  private Snapshot toSnapshot(Record r) {
    long accountId = r.get(ACCOUNTS.ACCOUNT_ID);
    byte[] access = r.get(ACCOUNT_TOKENS.ACCESS_TOKEN_ENC);
    byte[] refresh = r.get(ACCOUNT_TOKENS.REFRESH_TOKEN_ENC);
    Optional<TokenPair> tokens =
        access == null || refresh == null
            ? Optional.empty()
            : Optional.of(
                new TokenPair(
                    cipher.decrypt(accountId, access),
                    cipher.decrypt(accountId, refresh),
                    r.get(ACCOUNT_TOKENS.EXPIRES_AT)));
    Integer version = r.get(ACCOUNT_TOKENS.VERSION);
    return new Snapshot(
        accountId,
        r.get(ACCOUNTS.BASE_DOMAIN),
        AccountState.fromCode(r.get(ACCOUNTS.STATE)),
        tokens,
        version == null ? 0 : version,
        Optional.ofNullable(r.get(ACCOUNTS.PAUSED_UNTIL_AT)),
        Optional.ofNullable(r.get(ACCOUNT_TOKENS.REFRESHED_AT)));
  }
}
