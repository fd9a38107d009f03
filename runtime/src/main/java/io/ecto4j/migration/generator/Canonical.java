package io.ecto4j.migration.generator;

import io.ecto4j.migration.generator.SchemaDescription.ColumnInfo;
import io.ecto4j.migration.generator.SchemaDescription.TableInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas' column types and defaults as PostgreSQL prints them back, so that they compare
 * with the catalog: {@code varchar(255)} is {@code character varying(255)}, {@code timestamptz}
 * is {@code timestamp with time zone}, {@code 'draft'} is {@code 'draft'::character varying}.
 * PostgreSQL does the normalising itself: the columns are declared in a temporary table, read
 * back from {@code pg_catalog}, and the transaction is rolled back.
 */
final class Canonical {
  private static final int COLUMNS_PER_TABLE = 500;

  /** A column's canonical type and default. */
  record Form(String type, Optional<String> defaultSql) {}

  private Canonical() {}

  /** The canonical form of every column of {@code tables}, keyed by {@link #key}. */
  static Map<String, Form> of(Connection connection, List<TableInfo> tables) throws SQLException {
    List<String> keys = new ArrayList<>();
    List<String> declarations = new ArrayList<>();
    for (TableInfo table : tables) {
      for (ColumnInfo column : table.columns()) {
        keys.add(key(table.name(), column.name()));
        declarations.add(declaration(declarations.size(), column));
      }
    }
    Map<String, Form> forms = new HashMap<>();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      for (int from = 0; from < keys.size(); from += COLUMNS_PER_TABLE) {
        int to = Math.min(keys.size(), from + COLUMNS_PER_TABLE);
        read(connection, declarations.subList(from, to), keys.subList(from, to), forms);
      }
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
    return forms;
  }

  static String key(String table, String column) {
    return table + "." + column;
  }

  /** {@code bigserial} is a {@code bigint} with a sequence: the type without its default. */
  static String withoutSerial(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "bigserial", "serial8" -> "bigint";
      case "serial", "serial4" -> "integer";
      case "smallserial", "serial2" -> "smallint";
      default -> type;
    };
  }

  static boolean isSerial(String type) {
    return !withoutSerial(type).equals(type);
  }

  private static String declaration(int index, ColumnInfo column) {
    String declaration = "c" + index + " " + withoutSerial(column.type());
    return isSerial(column.type()) ? declaration
        : declaration + column.defaultSql().map(sql -> " DEFAULT " + sql).orElse("");
  }

  private static void read(Connection connection, List<String> declarations, List<String> keys,
      Map<String, Form> forms) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMPORARY TABLE ecto4j_canonical (" + String.join(", ", declarations)
          + ") ON COMMIT DROP");
      try (ResultSet row = statement.executeQuery("SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
          + "pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid "
          + "AND d.adnum = a.attnum WHERE a.attrelid = 'ecto4j_canonical'::regclass AND a.attnum > 0")) {
        int first = Integer.parseInt(declarations.get(0).substring(1, declarations.get(0).indexOf(' ')));
        while (row.next()) {
          int index = Integer.parseInt(row.getString(1).substring(1)) - first;
          forms.put(keys.get(index), new Form(row.getString(2), Optional.ofNullable(row.getString(3))));
        }
      }
      statement.execute("DROP TABLE ecto4j_canonical");
    }
  }
}
