package app.reglament.db;

import app.reglament.config.Config;
import app.reglament.config.JdbcUrls;
import java.util.Optional;

/** Where the database is and how to log in; the password never appears in toString. */
public record DatabaseSettings(String url, Optional<String> user, Optional<String> password) {

  public static DatabaseSettings of(Config config) {
    return new DatabaseSettings(
        config.dbUrl().orElseGet(() -> JdbcUrls.embeddedH2(config.dataDir())),
        config.dbUser(),
        config.dbPassword());
  }

  public boolean isH2() {
    return url.startsWith("jdbc:h2:");
  }

  @Override
  public String toString() {
    return JdbcUrls.redact(url) + user.map(u -> " as " + u).orElse("");
  }
}
