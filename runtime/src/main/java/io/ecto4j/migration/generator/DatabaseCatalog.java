package io.ecto4j.migration.generator;

import io.ecto4j.migration.generator.SchemaDescription.ColumnInfo;
import io.ecto4j.migration.generator.SchemaDescription.ForeignKeyInfo;
import io.ecto4j.migration.generator.SchemaDescription.IndexInfo;
import io.ecto4j.migration.generator.SchemaDescription.TableInfo;
import io.ecto4j.schema.ReferenceAction;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the tables of a live database's current schema from {@code pg_catalog}: types as
 * {@code format_type} prints them, defaults as {@code pg_get_expr} does, single-column foreign
 * keys, and indexes other than primary keys.
 */
final class DatabaseCatalog {
  private static final String TABLES = "c.relkind IN ('r', 'p') AND n.nspname = current_schema() AND c.relname <> ?";

  private static final String COLUMNS = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
      + "NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a "
      + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
      + "WHERE a.attnum > 0 AND NOT a.attisdropped AND " + TABLES + " ORDER BY c.relname, a.attnum";

  private static final String CONSTRAINTS = "SELECT c.relname, con.contype, con.conname, con.confdeltype, "
      + "f.relname, ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord) "
      + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord), "
      + "ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord) "
      + "JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) "
      + "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      + "LEFT JOIN pg_class f ON f.oid = con.confrelid WHERE con.contype IN ('p', 'f') AND " + TABLES
      + " ORDER BY c.relname, con.conname";

  private static final String INDEXES = "SELECT c.relname, i.relname, x.indisunique, x.indpred IS NOT NULL, "
      + "ARRAY(SELECT pg_get_indexdef(x.indexrelid, k.ord::int, true) FROM generate_series(1, x.indnkeyatts) "
      + "k(ord) ORDER BY k.ord) FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid "
      + "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      + "WHERE NOT x.indisprimary AND " + TABLES + " ORDER BY c.relname, i.relname";

  private DatabaseCatalog() {}

  /** The tables of the current schema but {@code ignoredTable} (the migrations' history). */
  static SchemaDescription read(Connection connection, String ignoredTable) throws SQLException {
    Map<String, Builder> tables = new LinkedHashMap<>();
    query(connection, COLUMNS, ignoredTable, row -> tables.computeIfAbsent(row.getString(1), Builder::new).columns
        .add(new ColumnInfo(row.getString(2), row.getString(3), row.getBoolean(4),
            Optional.ofNullable(row.getString(5)), Optional.empty())));
    query(connection, CONSTRAINTS, ignoredTable, row -> constraint(tables.get(row.getString(1)), row));
    query(connection, INDEXES, ignoredTable, row -> tables.get(row.getString(1)).indexes.add(new IndexInfo(
        row.getString(2), strings(row.getArray(5)), row.getBoolean(3), row.getBoolean(4))));
    return new SchemaDescription(tables.values().stream().map(Builder::build).toList());
  }

  private static void constraint(Builder table, ResultSet row) throws SQLException {
    List<String> columns = strings(row.getArray(6));
    if (row.getString(2).equals("p")) {
      table.primaryKey.addAll(columns);
      return;
    }
    List<String> referenced = strings(row.getArray(7));
    if (columns.size() == 1 && referenced.size() == 1) {
      table.foreignKeys.put(columns.get(0), new ForeignKeyInfo(row.getString(5), referenced.get(0),
          onDelete(row.getString(4)), Optional.of(row.getString(3))));
    }
  }

  private static ReferenceAction onDelete(String code) {
    return switch (code) {
      case "c" -> ReferenceAction.DELETE_ALL;
      case "n" -> ReferenceAction.NILIFY_ALL;
      case "r" -> ReferenceAction.RESTRICT;
      default -> ReferenceAction.NOTHING;
    };
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }

  private static void query(Connection connection, String sql, String ignoredTable, RowHandler handler)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, ignoredTable);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          handler.handle(row);
        }
      }
    }
  }

  @FunctionalInterface
  private interface RowHandler {
    void handle(ResultSet row) throws SQLException;
  }

  /** A table being read. */
  private static final class Builder {
    final String name;
    final List<ColumnInfo> columns = new ArrayList<>();
    final List<String> primaryKey = new ArrayList<>();
    final Map<String, ForeignKeyInfo> foreignKeys = new LinkedHashMap<>();
    final List<IndexInfo> indexes = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    TableInfo build() {
      List<ColumnInfo> withKeys = columns.stream().map(c -> new ColumnInfo(c.name(), c.type(), c.nullable(),
          c.defaultSql(), Optional.ofNullable(foreignKeys.get(c.name())))).toList();
      return new TableInfo(name, Optional.empty(), false, primaryKey, withKeys, indexes);
    }
  }
}
