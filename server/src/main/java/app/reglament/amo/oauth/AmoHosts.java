package app.reglament.amo.oauth;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an account's API and OAuth endpoints live: {@code https://{base domain}} for amocrm.ru,
 * amocrm.com and kommo.com accounts alike, or one override base (REGLAMENT_AMO_BASE_URL) for the
 * sandbox and test doubles. Without the override only amoCRM's own domains are accepted, so a
 * forged {@code referer} cannot make Reglament send a client secret elsewhere.
 */
public final class AmoHosts {
  private static final Pattern AMO_DOMAIN =
      Pattern.compile("[a-z0-9][a-z0-9-]{0,62}\\.(amocrm\\.ru|amocrm\\.com|kommo\\.com)");
  private static final Pattern ANY_HOST =
      Pattern.compile("[a-z0-9][a-z0-9.-]{0,252}(:[0-9]{1,5})?");

  private final Optional<URI> override;

  public AmoHosts(Optional<URI> override) {
    this.override = override;
  }

  /** The base domain amoCRM named (the OAuth {@code referer}), normalized, if it is acceptable. */
  public Optional<String> acceptBaseDomain(String referer) {
    if (referer == null) {
      return Optional.empty();
    }
    String host = referer.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("https://")) {
      host = host.substring("https://".length());
    }
    if (host.endsWith("/")) {
      host = host.substring(0, host.length() - 1);
    }
    Pattern allowed = override.isPresent() ? ANY_HOST : AMO_DOMAIN;
    return allowed.matcher(host).matches() ? Optional.of(host) : Optional.empty();
  }

  public URI base(String baseDomain) {
    return override.orElseGet(() -> URI.create("https://" + baseDomain));
  }
}
