package app.reglament.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The connection pool and the jOOQ context over it. One per process. */
public final class Database implements AutoCloseable {
  static final int DEFAULT_POOL_SIZE = 10;
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
  static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

  private final HikariDataSource dataSource;
  private final SQLDialect dialect;
  private final String product;
  private final DSLContext dsl;

  private Database(HikariDataSource dataSource, SQLDialect dialect, String product) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.product = product;
    this.dsl =
        DSL.using(
            dataSource,
            dialect,
            new Settings()
                .withExecuteLogging(false)
                // IN lists padded to the next power of two: a handful of statement shapes per
                // query, so the statements MariaDB prepares are reused rather than piling up.
                .withInListPadding(true));
  }

  /**
   * Opens the pool and checks that the database answers; fails with the reason when it does not.
   */
  public static Database open(DatabaseSettings settings, Optional<MeterRegistry> metrics) {
    var hikari = new HikariConfig();
    hikari.setPoolName("reglament-db");
    hikari.setJdbcUrl(settings.url());
    settings.user().ifPresent(hikari::setUsername);
    settings.password().ifPresent(hikari::setPassword);
    hikari.setMaximumPoolSize(DEFAULT_POOL_SIZE);
    hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    hikari.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
    hikari.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
    // InnoDB's default REPEATABLE READ takes gap locks on locking reads, so a worker's
    // SELECT ... FOR UPDATE SKIP LOCKED on the inbox would block (and deadlock) the very inserts
    // that acknowledge webhooks. READ COMMITTED locks only the rows it returns.
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    if (settings.url().startsWith("jdbc:mariadb:") && !settings.url().contains("useBulkStmts=")) {
      // Batched updates and deletes (a full evaluation closes and changes violations by the
      // thousand) go in one bulk command rather than a round trip each. Reglament never reads a
      // batch's per-row update counts, which bulk commands do not report.
      hikari.addDataSourceProperty("useBulkStmts", "true");
    }
    if (settings.url().startsWith("jdbc:mariadb:")
        && !settings.url().contains("useServerPrepStmts=")) {
      // Statements are prepared on the server once per connection (the driver keeps them) and
      // results come back in the binary protocol: neither side turns numbers into text and back.
      // On the rules-engine bench this took a full evaluation of a million deals from 109 s to
      // 97 s and the database's CPU from 100 s to 86 s.
      hikari.addDataSourceProperty("useServerPrepStmts", "true");
    }
    metrics.ifPresent(hikari::setMetricRegistry);
    HikariDataSource dataSource = null;
    try {
      dataSource = new HikariDataSource(hikari);
      try (Connection connection = dataSource.getConnection()) {
        return new Database(dataSource, dialectOf(connection, settings), productOf(connection));
      }
    } catch (SQLException | RuntimeException e) {
      if (dataSource != null) {
        dataSource.close();
      }
      if (e instanceof DatabaseUnavailableException unavailable) {
        throw unavailable;
      }
      throw new DatabaseUnavailableException("Cannot use the database at " + settings, e);
    }
  }

  /**
   * Each server gets its own jOOQ dialect and its own driver: MySQL through Connector/J
   * (jdbc:mysql:), MariaDB through MariaDB Connector/J (jdbc:mariadb:). MySQL's Connector/J cannot
   * run the INSERT ... RETURNING that jOOQ's MariaDB dialect renders, and jOOQ's MySQL dialect
   * renders upserts that MariaDB rejects, so a mismatch is refused here rather than failing later.
   */
  private static SQLDialect dialectOf(Connection connection, DatabaseSettings settings)
      throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    String version = connection.getMetaData().getDatabaseProductVersion();
    boolean mariaDb = product.contains("MariaDB") || version.contains("MariaDB");
    if (product.contains("H2")) {
      return SQLDialect.H2;
    }
    if (mariaDb && settings.url().startsWith("jdbc:mariadb:")) {
      return SQLDialect.MARIADB;
    }
    if (mariaDb) {
      throw new DatabaseUnavailableException(
          "REGLAMENT_DB_URL reaches a MariaDB server through a jdbc:mysql: URL; write it as"
              + " jdbc:mariadb://... so that Reglament uses the MariaDB driver and dialect",
          null);
    }
    if (product.contains("MySQL")) {
      return SQLDialect.MYSQL;
    }
    throw new DatabaseUnavailableException(
        "Reglament runs on H2, MySQL 8 or MariaDB 10.6+, not on " + product + " " + version, null);
  }

  /** The server as it names itself, e.g. "MariaDB 10.11.19". */
  public String product() {
    return product;
  }

  private static String productOf(Connection connection) throws SQLException {
    String version = connection.getMetaData().getDatabaseProductVersion();
    String product = connection.getMetaData().getDatabaseProductName();
    if (version.contains("MariaDB")) {
      return "MariaDB " + version.substring(0, version.indexOf('-'));
    }
    return product + " " + version;
  }

  public DSLContext dsl() {
    return dsl;
  }

  public SQLDialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
