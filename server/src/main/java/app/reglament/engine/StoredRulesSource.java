package app.reglament.engine;

import app.reglament.rules.config.RulesRepository;
import app.reglament.rules.config.StoredRules;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The rules each account saved, read through a short cache: a saved change is seen within {@link
 * #TTL} on every instance, and at once on the one that saved it ({@link #forget}).
 */
public final class StoredRulesSource implements RulesSource {
  static final Duration TTL = Duration.ofSeconds(5);

  private final RulesRepository repository;
  private final Cache<Long, Versioned> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

  public StoredRulesSource(RulesRepository repository) {
    this.repository = repository;
  }

  @Override
  public Versioned current(long accountId) {
    return cache.get(
        accountId,
        id -> {
          StoredRules stored = repository.current(id);
          return new Versioned(stored.config(), stored.version());
        });
  }

  public void forget(long accountId) {
    cache.invalidate(accountId);
  }
}
