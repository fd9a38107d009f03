package io.ecto4j.processor.writing;

import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.SchemaModel;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CRUD statements of a schema, computed at compile time. Each is returned as its clauses, so
 * that the companion can print one clause per line; joined, they are the statement.
 */
final class SqlWriter {
  private SqlWriter() {}

  /**
   * {@code INSERT INTO "posts" (…) VALUES (?, …) RETURNING "id"}: only the columns the database
   * fills in come back ({@link SchemaModel#insertReturningColumns()}), the rest the struct holds.
   */
  static List<String> insert(SchemaModel schema) {
    List<ColumnModel> columns = schema.insertColumns();
    String into = "INSERT INTO " + quote(schema.table());
    String returning = "RETURNING " + columnList(schema.insertReturningColumns());
    if (columns.isEmpty()) {
      return List.of(into + " DEFAULT VALUES ", returning);
    }
    return List.of(
        into + " (" + columnList(columns) + ") ",
        "VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ",
        returning);
  }

  /** {@code SELECT … FROM "posts" WHERE "id" = ?} (every key column of a composite key); nothing without a key. */
  static List<String> get(SchemaModel schema) {
    List<ColumnModel> key = schema.keyColumns();
    return key.isEmpty() ? List.of() : List.of("SELECT " + selectList(schema.persistedColumns()) + " ",
        "FROM " + quote(schema.table()) + " WHERE " + keyEquals(key));
  }

  /**
   * {@code DELETE FROM "posts" WHERE "id" = (SELECT "id" FROM "posts" WHERE "id" = ?) RETURNING …};
   * nothing without a primary key. The scalar subquery makes PostgreSQL refuse (SQLSTATE 21000)
   * rather than delete several rows when the key column is not unique in the database; the
   * runtime's {@code TableStatements} renders the same condition for a prefix.
   */
  static List<String> delete(SchemaModel schema) {
    List<ColumnModel> key = schema.keyColumns();
    if (key.isEmpty()) {
      return List.of();
    }
    String columns = columnList(key);
    return List.of("DELETE FROM " + quote(schema.table()) + " ",
        "WHERE " + (key.size() == 1 ? columns : "(" + columns + ")") + " = (SELECT " + columns + " FROM "
            + quote(schema.table()) + " WHERE " + keyEquals(key) + ") ",
        returning(schema));
  }

  /** {@code "a" = ? AND "b" = ?}: the key's columns, bound in order. */
  private static String keyEquals(List<ColumnModel> key) {
    return key.stream().map(column -> quote(column.column()) + " = ?").collect(Collectors.joining(" AND "));
  }

  private static String returning(SchemaModel schema) {
    return "RETURNING " + columnList(schema.persistedColumns());
  }

  /**
   * The columns of a {@code SELECT} of whole structs: {@code NULL} in place of those not loaded in
   * queries, so that {@code fromRow} reads every column at its position (the runtime's
   * {@code TableStatements} and query renderer do the same).
   */
  static String selectList(List<ColumnModel> columns) {
    return columns.stream()
        .map(column -> column.options().loadInQuery() ? quote(column.column()) : "NULL AS " + quote(column.column()))
        .collect(Collectors.joining(", "));
  }

  static String columnList(List<ColumnModel> columns) {
    return columns.stream().map(column -> quote(column.column())).collect(Collectors.joining(", "));
  }

  /** Identifiers are always quoted, so that names like {@code user} or {@code order} just work. */
  static String quote(String identifier) {
    return '"' + identifier + '"';
  }
}
