package app.reglament.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fast inserts of generated rows into one table, on H2 and MariaDB alike: multi-row {@code INSERT
 * ... VALUES (...), (...)} prepared once and executed as JDBC batches, committed every {@link
 * #COMMIT_ROWS} rows. Values are JDBC-ready (Long epoch millis, Boolean, String, null).
 */
final class BatchInserter implements AutoCloseable {
  /** Rows per statement: ~4,000 parameters for the widest table, far below either limit. */
  private static final int ROWS_PER_STATEMENT = 250;

  private static final int STATEMENTS_PER_BATCH = 8;
  private static final int COMMIT_ROWS = 50_000;

  private final Connection connection;
  private final String table;
  private final String[] columns;
  private final PreparedStatement full;
  private final List<Object[]> pending = new ArrayList<>(ROWS_PER_STATEMENT);
  private int batched;
  private int uncommitted;
  private long total;

  BatchInserter(Connection connection, String table, String... columns) throws SQLException {
    this.connection = connection;
    this.table = table;
    this.columns = columns;
    this.full = connection.prepareStatement(sql(ROWS_PER_STATEMENT));
  }

  private String sql(int rows) {
    String row = "(" + "?,".repeat(columns.length - 1) + "?)";
    StringBuilder out =
        new StringBuilder("INSERT INTO ")
            .append(table)
            .append(" (")
            .append(String.join(", ", columns))
            .append(") VALUES ");
    for (int i = 0; i < rows; i++) {
      out.append(i == 0 ? "" : ",").append(row);
    }
    return out.toString();
  }

  void add(Object... values) throws SQLException {
    if (values.length != columns.length) {
      throw new IllegalArgumentException(
          table + ": " + values.length + " values for " + columns.length + " columns");
    }
    pending.add(values);
    if (pending.size() == ROWS_PER_STATEMENT) {
      bind(full, pending);
      full.addBatch();
      pending.clear();
      batched++;
      if (batched == STATEMENTS_PER_BATCH) {
        executeBatch();
      }
    }
  }

  private void bind(PreparedStatement statement, List<Object[]> rows) throws SQLException {
    int p = 1;
    for (Object[] row : rows) {
      for (Object value : row) {
        statement.setObject(p++, value);
      }
    }
  }

  private void executeBatch() throws SQLException {
    if (batched == 0) {
      return;
    }
    full.executeBatch();
    uncommitted += batched * ROWS_PER_STATEMENT;
    total += (long) batched * ROWS_PER_STATEMENT;
    batched = 0;
    if (uncommitted >= COMMIT_ROWS) {
      connection.commit();
      uncommitted = 0;
    }
  }

  /** Writes and commits everything added so far. */
  void flush() throws SQLException {
    executeBatch();
    if (!pending.isEmpty()) {
      try (PreparedStatement rest = connection.prepareStatement(sql(pending.size()))) {
        bind(rest, pending);
        rest.executeUpdate();
      }
      total += pending.size();
      pending.clear();
    }
    connection.commit();
    uncommitted = 0;
  }

  long total() {
    return total;
  }

  @Override
  public void close() throws SQLException {
    flush();
    full.close();
  }
}
