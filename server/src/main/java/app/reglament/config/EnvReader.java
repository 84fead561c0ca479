package app.reglament.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/** Typed access to environment variables; every failure names the variable. */
final class EnvReader {
  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  /** The trimmed value, or empty when unset or blank. */
  Optional<String> text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new ConfigException(
        name
            + " must be a whole number from "
            + min
            + " to "
            + max
            + ", got '"
            + value.get()
            + "'");
  }

  Optional<URI> httpUrl(String name) {
    return text(name)
        .map(
            value -> {
              try {
                URI uri =
                    new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                  return uri;
                }
              } catch (URISyntaxException e) {
                // reported below
              }
              throw new ConfigException(
                  name + " must be an http:// or https:// URL with a host, got '" + value + "'");
            });
  }
}
