package app.reglament.account;

import static app.reglament.db.generated.Tables.ACCOUNTS;

import app.reglament.db.generated.tables.records.AccountsRecord;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Connected accounts. Every method names the account it touches, or resolves it from a secret. */
public final class AccountRepository {
  private static final int HOOK_TOKEN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern HOOK_TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final DSLContext dsl;

  public AccountRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Records an installation. A new account gets a fresh webhook token; a re-installed one keeps its
   * token and its first installation time (so webhook subscriptions are not duplicated) and becomes
   * active again with the base domain amoCRM gave this time.
   */
  public Account install(long accountId, String baseDomain, Instant now) {
    dsl.insertInto(ACCOUNTS)
        .set(ACCOUNTS.ACCOUNT_ID, accountId)
        .set(ACCOUNTS.BASE_DOMAIN, baseDomain)
        .set(ACCOUNTS.HOOK_TOKEN, newHookToken())
        .set(ACCOUNTS.STATE, AccountState.ACTIVE.code())
        .set(ACCOUNTS.INSTALLED_AT, now)
        .set(ACCOUNTS.UPDATED_AT, now)
        .onDuplicateKeyUpdate()
        .set(ACCOUNTS.BASE_DOMAIN, baseDomain)
        .set(ACCOUNTS.STATE, AccountState.ACTIVE.code())
        .setNull(ACCOUNTS.STATE_REASON)
        .set(ACCOUNTS.UPDATED_AT, now)
        .execute();
    return find(accountId).orElseThrow();
  }

  /** Stores the name amoCRM gives the account (shown to operators). */
  public void rename(long accountId, String name) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.NAME, name)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  public Optional<Account> find(long accountId) {
    return dsl.selectFrom(ACCOUNTS)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .fetchOptional()
        .map(AccountRepository::toAccount);
  }

  /** The account whose webhook URL carries this token, if any. */
  public Optional<Account> findByHookToken(String hookToken) {
    return dsl.selectFrom(ACCOUNTS)
        .where(ACCOUNTS.HOOK_TOKEN.eq(hookToken))
        .fetchOptional()
        .map(AccountRepository::toAccount);
  }

  /**
   * Whether a connected (not uninstalled) account lives at this host ({@code sales.amocrm.ru}),
   * compared without regard to case: how a CORS preflight, which carries no token, learns that its
   * origin is an amoCRM account of ours.
   */
  public boolean connectedAt(String baseDomain) {
    return dsl.fetchExists(
        ACCOUNTS,
        DSL.lower(ACCOUNTS.BASE_DOMAIN)
            .eq(baseDomain.toLowerCase(java.util.Locale.ROOT))
            .and(ACCOUNTS.STATE.ne(AccountState.INACTIVE.code())));
  }

  /** Moves the account to a state, with the reason shown to operators; false if no such account. */
  public boolean changeState(long accountId, AccountState state, String reason, Instant now) {
    return dsl.update(ACCOUNTS)
            .set(ACCOUNTS.STATE, state.code())
            .set(ACCOUNTS.STATE_REASON, reason)
            .set(ACCOUNTS.UPDATED_AT, now)
            .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
            .execute()
        == 1;
  }

  /** Accounts whose amoCRM traffic is paused now (amoCRM blocked them), for /health. */
  public List<Paused> paused(Instant now) {
    return dsl.select(ACCOUNTS.ACCOUNT_ID, ACCOUNTS.PAUSED_UNTIL_AT, ACCOUNTS.PAUSED_REASON)
        .from(ACCOUNTS)
        .where(ACCOUNTS.PAUSED_UNTIL_AT.gt(now))
        .fetch(r -> new Paused(r.value1(), r.value2(), r.value3()));
  }

  public record Paused(long accountId, Instant until, String reason) {}

  /** How many accounts are in each state, and how many finished their initial sync. */
  public Summary summary() {
    Map<String, Integer> byState =
        dsl.select(ACCOUNTS.STATE, DSL.count())
            .from(ACCOUNTS)
            .groupBy(ACCOUNTS.STATE)
            .fetchMap(ACCOUNTS.STATE, DSL.count());
    int synced =
        dsl.fetchCount(
            ACCOUNTS,
            ACCOUNTS
                .STATE
                .eq(AccountState.ACTIVE.code())
                .and(ACCOUNTS.LEADS_CURSOR_AT.isNotNull()));
    return new Summary(
        byState.getOrDefault(AccountState.ACTIVE.code(), 0),
        synced,
        byState.getOrDefault(AccountState.NEEDS_REAUTH.code(), 0),
        byState.getOrDefault(AccountState.INACTIVE.code(), 0));
  }

  /**
   * @param synced active accounts whose initial sync is complete
   */
  public record Summary(int active, int synced, int needsReauth, int inactive) {}

  private static Account toAccount(AccountsRecord r) {
    return new Account(
        r.getAccountId(),
        r.getBaseDomain(),
        Optional.ofNullable(r.getName()),
        r.getHookToken(),
        AccountState.fromCode(r.getState()),
        Optional.ofNullable(r.getStateReason()),
        r.getInstalledAt(),
        r.getUpdatedAt());
  }

  /** Whether the text has the shape of a token {@link #install} issues (256 bits, base64url). */
  public static boolean isHookTokenShaped(String text) {
    return text != null && HOOK_TOKEN_SHAPE.matcher(text).matches();
  }

  private static String newHookToken() {
    byte[] bytes = new byte[HOOK_TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
