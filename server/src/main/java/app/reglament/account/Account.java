package app.reglament.account;

import java.time.Instant;
import java.util.Optional;

/**
 * An amoCRM account connected to Reglament. {@code baseDomain} is the account's host (the OAuth
 * {@code referer}, e.g. {@code sales.amocrm.ru}); {@code hookToken} is the secret in its webhook
 * URL.
 */
public record Account(
    long id,
    String baseDomain,
    Optional<String> name,
    String hookToken,
    AccountState state,
    Optional<String> stateReason,
    Instant installedAt,
    Instant updatedAt) {}
