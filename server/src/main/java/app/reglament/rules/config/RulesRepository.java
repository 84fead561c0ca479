package app.reglament.rules.config;

import static app.reglament.db.generated.Tables.RULES_CONFIG;
import static app.reglament.db.generated.Tables.RULES_CONFIG_VERSIONS;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * Each account's regulations: the current document in {@code rules_config}, every saved version in
 * {@code rules_config_versions} with who saved it and when. Documents are stored normalized (full,
 * in DESIGN.md's key order), so any two versions compare as text.
 */
public final class RulesRepository {
  private static final int SAVE_ATTEMPTS = 3;

  private final DSLContext dsl;
  private final Clock clock;

  public RulesRepository(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /** The account's regulations; the defaults at version 0 when it never saved any. */
  public StoredRules current(long accountId) {
    return dsl.select(
            RULES_CONFIG.DOCUMENT,
            RULES_CONFIG.VERSION,
            RULES_CONFIG.SAVED_BY,
            RULES_CONFIG.SAVED_AT)
        .from(RULES_CONFIG)
        .where(RULES_CONFIG.ACCOUNT_ID.eq(accountId))
        .fetchOptional(
            r ->
                new StoredRules(
                    stored(accountId, r.value2(), r.value1()),
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4()))
        .orElseGet(
            () -> {
              RulesConfig defaults = RulesConfig.defaults();
              return new StoredRules(defaults, RulesDocument.toJson(defaults), 0, null, null);
            });
  }

  /** The current version number alone (0 when never saved): a cheap check for caches. */
  public int currentVersion(long accountId) {
    return dsl.select(RULES_CONFIG.VERSION)
        .from(RULES_CONFIG)
        .where(RULES_CONFIG.ACCOUNT_ID.eq(accountId))
        .fetchOptional(RULES_CONFIG.VERSION)
        .orElse(0);
  }

  /**
   * Validates the document and stores it as the next version, or stores nothing.
   *
   * @param userId the amoCRM user saving; null for Reglament itself
   * @param expectedVersion the version the edit started from; when given and no longer current, the
   *     save is refused with {@link RulesConflictException} instead of overwriting someone else's
   *     change. Null saves over whatever is current.
   * @throws RulesValidationException when the document is not valid (nothing is stored)
   */
  public StoredRules save(long accountId, JsonNode document, Long userId, Integer expectedVersion) {
    RulesConfig config = RulesDocument.parse(document);
    String normalized = RulesDocument.toJson(config);
    // Stored as epoch milliseconds: what is returned here must equal what is read back.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    for (int attempt = 1; ; attempt++) {
      try {
        int version =
            dsl.transactionResult(
                c -> write(c.dsl(), accountId, normalized, userId, expectedVersion, now));
        return new StoredRules(config, normalized, version, userId, now);
      } catch (DataAccessException e) {
        // Two first saves of an account: neither had a row to lock, both wrote version 1, and the
        // primary key refused the later one.
        if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
          throw e;
        }
        if (expectedVersion != null) {
          throw new RulesConflictException(expectedVersion, currentVersion(accountId));
        }
        if (attempt == SAVE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** The saved versions, newest first, at most {@code limit}. */
  public List<RulesVersion> history(long accountId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return dsl.select(
            RULES_CONFIG_VERSIONS.VERSION,
            RULES_CONFIG_VERSIONS.SAVED_BY,
            RULES_CONFIG_VERSIONS.SAVED_AT)
        .from(RULES_CONFIG_VERSIONS)
        .where(RULES_CONFIG_VERSIONS.ACCOUNT_ID.eq(accountId))
        .orderBy(RULES_CONFIG_VERSIONS.VERSION.desc())
        .limit(limit)
        .fetch(r -> new RulesVersion(r.value1(), r.value2(), r.value3()));
  }

  /** The normalized document of one saved version, as it was saved. */
  public Optional<String> version(long accountId, int version) {
    return dsl.select(RULES_CONFIG_VERSIONS.DOCUMENT)
        .from(RULES_CONFIG_VERSIONS)
        .where(RULES_CONFIG_VERSIONS.ACCOUNT_ID.eq(accountId))
        .and(RULES_CONFIG_VERSIONS.VERSION.eq(version))
        .fetchOptional(RULES_CONFIG_VERSIONS.DOCUMENT);
  }

  private static int write(
      DSLContext tx,
      long accountId,
      String document,
      Long userId,
      Integer expectedVersion,
      Instant now) {
    int current =
        tx.select(RULES_CONFIG.VERSION)
            .from(RULES_CONFIG)
            .where(RULES_CONFIG.ACCOUNT_ID.eq(accountId))
            .forUpdate()
            .fetchOptional(RULES_CONFIG.VERSION)
            .orElse(0);
    if (expectedVersion != null && expectedVersion != current) {
      throw new RulesConflictException(expectedVersion, current);
    }
    int next = current + 1;
    tx.insertInto(RULES_CONFIG_VERSIONS)
        .set(RULES_CONFIG_VERSIONS.ACCOUNT_ID, accountId)
        .set(RULES_CONFIG_VERSIONS.VERSION, next)
        .set(RULES_CONFIG_VERSIONS.DOCUMENT, document)
        .set(RULES_CONFIG_VERSIONS.SAVED_BY, userId)
        .set(RULES_CONFIG_VERSIONS.SAVED_AT, now)
        .execute();
    if (current == 0) {
      tx.insertInto(RULES_CONFIG)
          .set(RULES_CONFIG.ACCOUNT_ID, accountId)
          .set(RULES_CONFIG.VERSION, next)
          .set(RULES_CONFIG.DOCUMENT, document)
          .set(RULES_CONFIG.SAVED_BY, userId)
          .set(RULES_CONFIG.SAVED_AT, now)
          .execute();
    } else {
      tx.update(RULES_CONFIG)
          .set(RULES_CONFIG.VERSION, next)
          .set(RULES_CONFIG.DOCUMENT, document)
          .set(RULES_CONFIG.SAVED_BY, userId)
          .set(RULES_CONFIG.SAVED_AT, now)
          .where(RULES_CONFIG.ACCOUNT_ID.eq(accountId))
          .execute();
    }
    return next;
  }

  private static RulesConfig stored(long accountId, int version, String document) {
    try {
      return RulesDocument.parse(document);
    } catch (RulesValidationException e) {
      // Only validated documents are stored, so this means the rules of validation have changed
      // under stored data: a migration was missed, and guessing a config would hide it.
      throw new IllegalStateException(
          "The stored rules of account " + accountId + " (version " + version + ") no longer read",
          e);
    }
  }
}
