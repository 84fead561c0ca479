package app.reglament.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** JDBC URL helpers: the embedded default, and a form of any URL that is safe to log. */
public final class JdbcUrls {
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)(password|pwd|secret)=([^&;]*)");
  private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):([^/@]*)@");

  private JdbcUrls() {}

  /**
   * The embedded H2 file database. MySQL mode and lower-case identifiers keep it close to the
   * production databases, so the same migrations and the same generated jOOQ classes serve both.
   */
  public static String embeddedH2(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("reglament").toAbsolutePath() + H2_OPTIONS;
  }

  /**
   * The H2 settings every Reglament H2 database uses, file or in-memory. Row locks may be held
   * across a token refresh, so waiting for one gets 10 s, not H2's default of 1 s.
   */
  public static final String H2_OPTIONS =
      ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;LOCK_TIMEOUT=10000";

  /** The URL with any password replaced by ***. */
  public static String redact(String url) {
    String withoutParams = PASSWORD_PARAM.matcher(url).replaceAll("$1=***");
    return USER_INFO.matcher(withoutParams).replaceAll("//$1:***@");
  }
}
