package app.reglament.widgetapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins ({@code scheme://host[:port]}) in one canonical spelling, so that an Origin header,
 * an account's base domain and a configured URL compare as plain strings.
 */
public final class Origins {
  private Origins() {}

  /**
   * The origin a header value names, lower-cased and without a default port; empty for anything
   * that is not a bare http(s) origin (a path, user info, "null", garbage).
   */
  public static Optional<String> parse(String value) {
    if (value == null || value.isBlank() || value.length() > 300) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme();
      boolean bare =
          uri.getRawUserInfo() == null
              && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null;
      if (scheme == null || uri.getHost() == null || !bare) {
        return Optional.empty();
      }
      return of(scheme, uri.getHost(), uri.getPort());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The origin of a URL (its scheme, host and port; the path is dropped). */
  public static Optional<String> of(URI url) {
    return url.getScheme() == null || url.getHost() == null
        ? Optional.empty()
        : of(url.getScheme(), url.getHost(), url.getPort());
  }

  /** The origin amoCRM serves an account from: {@code https://} and its base domain. */
  public static Optional<String> ofBaseDomain(String baseDomain) {
    return parse("https://" + baseDomain);
  }

  private static Optional<String> of(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    if (!s.equals("https") && !s.equals("http")) {
      return Optional.empty();
    }
    boolean defaultPort = port == -1 || (s.equals("https") ? port == 443 : port == 80);
    return Optional.of(s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
  }

  /** The host and, when not the default, port of an origin: what accounts.base_domain holds. */
  static String authority(String origin) {
    return origin.substring(origin.indexOf("://") + 3);
  }
}
