package app.reglament.hooks;

import app.reglament.account.Account;
import app.reglament.account.AccountRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Resolves a webhook path token to its account without a database read per webhook. Unknown tokens
 * are remembered too, so a flood of made-up URLs costs no queries. Entries live briefly, so an
 * uninstalled account stops being accepted within {@link #TTL}.
 */
final class HookAccounts {
  static final Duration TTL = Duration.ofSeconds(30);
  static final long MAX_ENTRIES = 100_000;

  private final AccountRepository accounts;
  private final Cache<String, Optional<Account>> byToken =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(MAX_ENTRIES).build();

  HookAccounts(AccountRepository accounts) {
    this.accounts = accounts;
  }

  /**
   * The account of a well-formed token. Anything not shaped like a token Reglament issues is
   * refused before the cache and the database, so made-up paths cannot fill either.
   */
  Optional<Account> find(String hookToken) {
    if (!AccountRepository.isHookTokenShaped(hookToken)) {
      return Optional.empty();
    }
    return byToken.get(hookToken, accounts::findByHookToken);
  }
}
