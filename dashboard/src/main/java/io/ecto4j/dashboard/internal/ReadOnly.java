package io.ecto4j.dashboard.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Every statement the dashboard writes itself (the health checks, the plans) runs here: on a
 * connection of its own, in a transaction set {@code READ ONLY} with a {@code statement_timeout},
 * rolled back at the end. So no page, however it is called, can change the database or hold a lock
 * for long, not even {@code EXPLAIN ANALYZE}; and its statements go around the repo's listeners
 * (the dashboard does not record itself). The clinic's own readers it reuses ({@code LockWaits},
 * {@code PgStatStatements}, the migrator's status) only read views and catalogs.
 */
public final class ReadOnly implements AutoCloseable {
  /** A table read by one statement: its column labels and rows, values as JSON can hold them. */
  public record Rows(List<String> columns, List<List<Object>> rows) {}

  private final Connection connection;

  private ReadOnly(Connection connection) {
    this.connection = connection;
  }

  /** A read-only transaction on a connection of {@code dataSource}; each statement may run {@code timeout}. */
  public static ReadOnly open(DataSource dataSource, Duration timeout) throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TRANSACTION READ ONLY");
        statement.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
      }
      return new ReadOnly(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Runs {@code sql}; a failure is rolled back to before it, so the next statement still runs. */
  public Rows rows(String sql, List<?> parameters) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns.size(); i++) {
            row.add(jsonValue(result.getObject(i)));
          }
          rows.add(row);
        }
        connection.releaseSavepoint(savepoint);
        return new Rows(columns, rows);
      }
    } catch (SQLException e) {
      connection.rollback(savepoint);
      throw e;
    }
  }

  /** {@link #rows} as maps from column label to value, for code that reads them. */
  public List<Map<String, Object>> maps(String sql, List<?> parameters) throws SQLException {
    Rows read = rows(sql, parameters);
    List<Map<String, Object>> maps = new ArrayList<>();
    for (List<Object> row : read.rows()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        map.put(read.columns().get(i), row.get(i));
      }
      maps.add(map);
    }
    return maps;
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
    } finally {
      connection.close();
    }
  }

  private static Object jsonValue(Object value) {
    if (value == null || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof Number number) {
      return number;
    }
    return value.toString();
  }
}
