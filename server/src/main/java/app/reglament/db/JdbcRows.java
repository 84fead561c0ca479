package app.reglament.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;

/**
 * Reads a jOOQ query's rows straight off its JDBC result set, by column position, without a jOOQ
 * record per row. For the reads that walk millions of rows (a full evaluation of an account), where
 * building and converting a record per row cost more than the database's own work; everywhere else
 * records are the better tool. Times are stored as epoch milliseconds, so {@link #instant} reads
 * them as such.
 */
public final class JdbcRows {
  private JdbcRows() {}

  /** One row, its columns numbered from 1 in the order the query selects them. */
  public static final class Row {
    private final ResultSet rs;

    private Row(ResultSet rs) {
      this.rs = rs;
    }

    /** A column that cannot be NULL; a NULL there is an error, not a zero. */
    public long longValue(int column) {
      try {
        long value = rs.getLong(column);
        if (rs.wasNull()) {
          throw new DataAccessException("Column " + column + " is NULL where a number must be");
        }
        return value;
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    public Long longOrNull(int column) {
      try {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    public Integer intOrNull(int column) {
      try {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    public boolean bool(int column) {
      try {
        return rs.getBoolean(column);
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    public String text(int column) {
      try {
        return rs.getString(column);
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    /** An epoch-milliseconds column as an instant; null stays null. */
    public Instant instant(int column) {
      Long millis = longOrNull(column);
      return millis == null ? null : Instant.ofEpochMilli(millis);
    }
  }

  /** Runs the query and hands each row to {@code each}; the row is valid only during the call. */
  public static void each(ResultQuery<?> query, Consumer<Row> each) {
    try (ResultSet rs = query.fetchResultSet()) {
      Row row = new Row(rs);
      while (rs.next()) {
        each.accept(row);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static DataAccessException failed(SQLException e) {
    return new DataAccessException("Reading a result set failed: " + e.getMessage(), e);
  }
}
