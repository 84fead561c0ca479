package app.reglament.amo.oauth;

import static app.reglament.db.generated.Tables.ACCOUNTS;

import app.reglament.account.AccountState;
import app.reglament.db.generated.tables.records.AccountsRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

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
      Optional<Instant> pausedUntil) {}

  public Optional<Snapshot> load(DSLContext dsl, long accountId) {
    return dsl.selectFrom(ACCOUNTS)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .fetchOptional()
        .map(this::toSnapshot);
  }

  /** Loads the row and holds its lock until the surrounding transaction ends. */
  public Optional<Snapshot> lockAndLoad(DSLContext tx, long accountId) {
    return tx.selectFrom(ACCOUNTS)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .forUpdate()
        .fetchOptional()
        .map(this::toSnapshot);
  }

  /** Stores a new pair (encrypted, bound to the account) and bumps the version. */
  public void save(DSLContext dsl, long accountId, TokenPair tokens, Instant now) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.ACCESS_TOKEN_ENC, cipher.encrypt(accountId, tokens.accessToken()))
        .set(ACCOUNTS.REFRESH_TOKEN_ENC, cipher.encrypt(accountId, tokens.refreshToken()))
        .set(ACCOUNTS.TOKEN_EXPIRES_AT, tokens.expiresAt())
        .set(ACCOUNTS.TOKEN_REFRESHED_AT, now)
        .set(ACCOUNTS.TOKEN_VERSION, ACCOUNTS.TOKEN_VERSION.plus(1))
        .set(ACCOUNTS.UPDATED_AT, now)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  public void pause(DSLContext dsl, long accountId, Instant until, String reason) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.PAUSED_UNTIL_AT, until)
        .set(ACCOUNTS.PAUSED_REASON, reason)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  /**
   * Active accounts whose tokens expire before {@code expiringBefore} or were last renewed before
   * {@code renewedBefore}: the ones the keeper must refresh. A system-wide sweep by design.
   */
  public List<Long> dueForRefresh(DSLContext dsl, Instant expiringBefore, Instant renewedBefore) {
    return dsl.select(ACCOUNTS.ACCOUNT_ID)
        .from(ACCOUNTS)
        .where(ACCOUNTS.STATE.eq(AccountState.ACTIVE.code()))
        .and(ACCOUNTS.REFRESH_TOKEN_ENC.isNotNull())
        .and(
            ACCOUNTS
                .TOKEN_EXPIRES_AT
                .lt(expiringBefore)
                .or(ACCOUNTS.TOKEN_REFRESHED_AT.lt(renewedBefore)))
        .fetch(ACCOUNTS.ACCOUNT_ID);
  }

  private Snapshot toSnapshot(AccountsRecord r) {
    Optional<TokenPair> tokens =
        r.getAccessTokenEnc() == null || r.getRefreshTokenEnc() == null
            ? Optional.empty()
            : Optional.of(
                new TokenPair(
                    cipher.decrypt(r.getAccountId(), r.getAccessTokenEnc()),
                    cipher.decrypt(r.getAccountId(), r.getRefreshTokenEnc()),
                    r.getTokenExpiresAt()));
    return new Snapshot(
        r.getAccountId(),
        r.getBaseDomain(),
        AccountState.fromCode(r.getState()),
        tokens,
        r.getTokenVersion(),
        Optional.ofNullable(r.getPausedUntilAt()));
  }
}
