package app.reglament.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Reglament reads from its environment, read once at start-up. The variable names are
 * part of the external contract (see DESIGN.md); each has a default or a clear start-up error.
 */
public record Config(
    int port,
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    URI publicUrl,
    Optional<String> amoClientId,
    Optional<String> amoClientSecret,
    Optional<URI> amoBaseUrl,
    Optional<byte[]> secretKey,
    int amoRps,
    Duration reconcileInterval,
    Path dataDir,
    Optional<Path> rulesTemplate) {

  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_AMO_RPS = 7;
  public static final int DEFAULT_RECONCILE_MINUTES = 10;
  public static final String DEFAULT_DATA_DIR = "./data";
  static final int SECRET_KEY_BYTES = 32;

  /** True when the embedded H2 database under {@link #dataDir()} is used. */
  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }

  /** True when both the amoCRM integration id and its secret key are set. */
  public boolean amoConfigured() {
    return amoClientId.isPresent() && amoClientSecret.isPresent();
  }

  /** Reads the configuration from environment variables; throws on the first malformed value. */
  public static Config fromEnvironment(Map<String, String> env) {
    var reader = new EnvReader(env);
    int port = reader.integer("REGLAMENT_PORT", DEFAULT_PORT, 0, 65_535);
    Optional<String> dbUrl = reader.text("REGLAMENT_DB_URL");
    dbUrl.ifPresent(
        url -> {
          if (!url.startsWith("jdbc:mysql:")
              && !url.startsWith("jdbc:mariadb:")
              && !url.startsWith("jdbc:h2:")) {
            throw new ConfigException(
                "REGLAMENT_DB_URL must be a jdbc:mysql: (MySQL), jdbc:mariadb: (MariaDB) or"
                    + " jdbc:h2: URL, got '"
                    + JdbcUrls.redact(url)
                    + "'");
          }
        });
    Optional<String> clientId = reader.text("REGLAMENT_AMO_CLIENT_ID");
    Optional<String> clientSecret = reader.text("REGLAMENT_AMO_CLIENT_SECRET");
    if (clientId.isPresent() != clientSecret.isPresent()) {
      throw new ConfigException(
          "REGLAMENT_AMO_CLIENT_ID and REGLAMENT_AMO_CLIENT_SECRET must be set together; only "
              + (clientId.isPresent() ? "REGLAMENT_AMO_CLIENT_ID" : "REGLAMENT_AMO_CLIENT_SECRET")
              + " is set");
    }
    return new Config(
        port,
        dbUrl,
        reader.text("REGLAMENT_DB_USER"),
        reader.text("REGLAMENT_DB_PASSWORD"),
        reader
            .httpUrl("REGLAMENT_PUBLIC_URL")
            .orElse(URI.create("http://localhost:" + (port == 0 ? DEFAULT_PORT : port))),
        clientId,
        clientSecret,
        reader.httpUrl("REGLAMENT_AMO_BASE_URL"),
        reader.text("REGLAMENT_SECRET_KEY").map(Config::decodeSecretKey),
        reader.integer("REGLAMENT_AMO_RPS", DEFAULT_AMO_RPS, 1, 1_000),
        Duration.ofMinutes(
            reader.integer("REGLAMENT_RECONCILE_MINUTES", DEFAULT_RECONCILE_MINUTES, 1, 1_440)),
        Path.of(reader.text("REGLAMENT_DATA_DIR").orElse(DEFAULT_DATA_DIR))
            .toAbsolutePath()
            .normalize(),
        reader.text("REGLAMENT_RULES_TEMPLATE").map(Path::of));
  }

  static byte[] decodeSecretKey(String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("REGLAMENT_SECRET_KEY must be base64, but it does not decode");
    }
    if (key.length != SECRET_KEY_BYTES) {
      throw new ConfigException(
          "REGLAMENT_SECRET_KEY must decode to 32 bytes (AES-256), got " + key.length + " bytes");
    }
    return key;
  }

  /** The secret key's bytes are never printed. */
  @Override
  public String toString() {
    return "Config[port="
        + port
        + ", db="
        + dbUrl.map(JdbcUrls::redact).orElse("embedded H2 under " + dataDir)
        + ", publicUrl="
        + publicUrl
        + ", amoConfigured="
        + amoConfigured()
        + ", amoBaseUrl="
        + amoBaseUrl.map(URI::toString).orElse("-")
        + ", secretKey="
        + (secretKey.isPresent() ? "set" : "unset")
        + ", amoRps="
        + amoRps
        + "]";
  }
}
