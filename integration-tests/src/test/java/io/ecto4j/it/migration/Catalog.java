package io.ecto4j.it.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What the tests read back from pg_catalog after each migration step. */
final class Catalog {
  private final DataSource dataSource;

  Catalog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  List<String> tables() throws SQLException {
    return strings("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
  }

  /** {@code name type [not null]} per column, in order. */
  List<String> columns(String table) throws SQLException {
    return strings("SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull "
        + "THEN ' not null' ELSE '' END FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 "
        + "AND NOT a.attisdropped ORDER BY a.attnum", table);
  }

  List<String> indexes(String table) throws SQLException {
    return strings("SELECT indexname FROM pg_indexes WHERE tablename = ? ORDER BY indexname", table);
  }

  List<String> constraints(String table) throws SQLException {
    return strings("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(?) ORDER BY conname", table);
  }

  List<String> history() throws SQLException {
    return strings("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
  }

  String one(String sql, String... parameters) throws SQLException {
    List<String> rows = strings(sql, parameters);
    return rows.isEmpty() ? null : rows.get(0);
  }

  List<String> strings(String sql, String... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          rows.add(row.getString(1));
        }
      }
      return rows;
    }
  }
}
