package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements a changeset write or a {@code get} runs on one table: the schema's compile-time
 * SQL ({@code Posts.INSERT_SQL}) when the repo has no prefix and the struct's source is the
 * schema's own table, and otherwise the same statement rendered for the prefix and the source (a
 * struct read from or meant for another table of the same columns, Ecto's {@code __meta__.source}),
 * once per table, source and prefix. The shapes that depend on the data (the changed columns of an
 * update, an optimistic lock's filters) are rendered each time.
 *
 * <pre>{@code
 * TableStatements.insert(Posts.SCHEMA, "posts", "tenant_a");
 * // INSERT INTO "tenant_a"."posts" ("title", …) VALUES (?, …) RETURNING "id"
 * TableStatements.insert(Posts.SCHEMA, "archived_posts", null);
 * // INSERT INTO "archived_posts" ("title", …) VALUES (?, …) RETURNING "id"
 * }</pre>
 *
 * <p>An insert returns only what the database fills in ({@link Table#insertReturning()}, which the
 * processor decides as it writes {@code INSERT_SQL}); the repo sets those columns on the struct it
 * wrote, as Ecto returns the changeset's data and its generated fields.
 *
 * <p>An update or delete by key names its row as {@code "id" = (SELECT "id" FROM t WHERE "id" = ?)}
 * (a composite key as {@code ("a", "b") = (SELECT "a", "b" FROM t WHERE "a" = ? AND "b" = ?)}):
 * when a table's key column holds the value twice (it has no unique constraint), the scalar
 * subquery makes PostgreSQL refuse the whole statement with SQLSTATE 21000 (cardinality
 * violation), so nothing is written, which the repo reports as {@code MultiplePrimaryKeyException};
 * Ecto finds out only from the row count after the rows are gone. It costs no round trip, and
 * under concurrent updates the outer condition is re-checked on the newest row version as a plain
 * {@code "id" = ?} is.
 */
final class TableStatements {
  /** Past this many table, source and prefix triples, statements are rendered each time (prefixes are few). */
  private static final int MAX_KEPT = 4096;
  private static final Map<Key, String> KEPT = new ConcurrentHashMap<>();

  private enum Kind {
    INSERT,
    INSERT_ALL_COLUMNS,
    GET,
    DELETE
  }

  private record Key(Table<?> table, String source, String prefix, Kind kind) {}

  private TableStatements() {}

  /** {@code INSERT} into {@code source} of the table's insert fields, returning {@link Table#insertReturning()}. */
  static String insert(Table<?> table, String source, String prefix) {
    return prefix == null && Source.OfTable.isOwn(table, source) ? table.insertSql()
        : kept(table, source, prefix, Kind.INSERT);
  }

  /** {@code INSERT} of every insertable column, for a struct whose database-generated key is given. */
  static String insertAllColumns(Table<?> table, String source, String prefix) {
    return kept(table, source, prefix, Kind.INSERT_ALL_COLUMNS);
  }

  /**
   * {@code SELECT} of every persisted column by primary key: a read, so the table's schema-wide
   * prefix wins over {@code prefix} (the repo's), as in a query.
   */
  static String get(Table<?> table, String prefix) {
    String effective = table.prefix().orElse(prefix);
    return effective == null ? table.getSql() : kept(table, table.name(), effective, Kind.GET);
  }

  /** {@code DELETE} from {@code source} by primary key, returning every persisted column. */
  private static String delete(Table<?> table, String source, String prefix) {
    return prefix == null && Source.OfTable.isOwn(table, source) ? table.deleteSql()
        : kept(table, source, prefix, Kind.DELETE);
  }

  /**
   * {@code UPDATE t SET a = ?, b = ? WHERE pk = (one row's pk) [AND filter IS NOT DISTINCT FROM ?…]
   * RETURNING (returning)} of the table {@code source}; the filters are an optimistic lock's version.
   */
  static String update(Table<?> table, String source, List<? extends Field<?, ?>> changed,
      List<? extends Field<?, ?>> primaryKey, List<? extends Field<?, ?>> filters, List<? extends Field<?, ?>> returning,
      String prefix) {
    SqlWriter w = SqlWriter.forStatement(prefix);
    w.append("UPDATE ").table(source).append(" SET ")
        .list(changed, (writer, field) -> writer.identifier(field.column()).append(" = ?"));
    where(w, source, primaryKey, filters);
    return returning(w, returning).toString();
  }

  /**
   * {@code DELETE FROM t WHERE pk = (one row's pk) AND filter IS NOT DISTINCT FROM ?… RETURNING (returning)}
   * of the table {@code source}.
   */
  static String delete(Table<?> table, String source, List<? extends Field<?, ?>> primaryKey,
      List<? extends Field<?, ?>> filters, List<? extends Field<?, ?>> returning, String prefix) {
    if (filters.isEmpty() && returning.equals(table.fields())) {
      return delete(table, source, prefix);
    }
    SqlWriter w = SqlWriter.forStatement(prefix);
    w.append("DELETE FROM ").table(source);
    where(w, source, primaryKey, filters);
    return returning(w, returning).toString();
  }

  private static String kept(Table<?> table, String source, String prefix, Kind kind) {
    Key key = new Key(Objects.requireNonNull(table, "table"), Objects.requireNonNull(source, "source"), prefix, kind);
    String known = KEPT.get(key);
    if (known != null) {
      return known;
    }
    String rendered = render(table, source, prefix, kind);
    if (KEPT.size() < MAX_KEPT) {
      KEPT.put(key, rendered);
    }
    return rendered;
  }

  private static <S> String render(Table<S> table, String source, String prefix, Kind kind) {
    SqlWriter w = SqlWriter.forStatement(prefix);
    switch (kind) {
      case INSERT -> {
        insertInto(w, source, table.insertFields());
        return returning(w, table.insertReturning()).toString();
      }
      case INSERT_ALL_COLUMNS -> {
        insertInto(w, source, table.insertableFields());
        return returning(w, table.insertReturning()).toString();
      }
      case GET -> {
        w.append("SELECT ").list(table.fields(), TableStatements::selected)
            .append(" FROM ").table(source);
        w.append(" WHERE ");
        keyEquals(w, primaryKeyOf(table));
        return w.toString();
      }
      case DELETE -> {
        w.append("DELETE FROM ").table(source);
        where(w, source, primaryKeyOf(table), List.of());
      }
    }
    return returning(w, table.fields()).toString();
  }

  /** With no columns to write (all left to the database), {@code INSERT INTO t DEFAULT VALUES}, as Ecto. */
  private static <S> void insertInto(SqlWriter w, String source, List<Field<S, ?>> columns) {
    w.append("INSERT INTO ").table(source);
    if (columns.isEmpty()) {
      w.append(" DEFAULT VALUES");
      return;
    }
    w.append(" (")
        .list(columns, (writer, field) -> writer.identifier(field.column()))
        .append(") VALUES (").list(columns, (writer, field) -> writer.append('?')).append(')');
  }

  /**
   * The key condition of a write (see the class comment) and its filters. A filter is written
   * {@code IS NOT DISTINCT FROM ?}, so that a null version matches a null column, as Ecto's
   * {@code IS NULL} does, with one statement for both; the row is found by its key, so the
   * filter needs no index.
   */
  private static void where(SqlWriter w, String source, List<? extends Field<?, ?>> primaryKey,
      List<? extends Field<?, ?>> filters) {
    w.append(" WHERE ");
    keyColumns(w, primaryKey).append(" = (SELECT ").list(primaryKey, (writer, field) -> writer.identifier(field.column()))
        .append(" FROM ").table(source).append(" WHERE ");
    keyEquals(w, primaryKey).append(')');
    for (Field<?, ?> filter : filters) {
      w.append(" AND ").identifier(filter.column()).append(" IS NOT DISTINCT FROM ?");
    }
  }

  /** {@code "id"}, or for a composite key the row {@code ("a", "b")}, compared with the subquery's row. */
  private static SqlWriter keyColumns(SqlWriter w, List<? extends Field<?, ?>> primaryKey) {
    if (primaryKey.size() == 1) {
      return w.identifier(primaryKey.get(0).column());
    }
    return w.append('(').list(primaryKey, (writer, field) -> writer.identifier(field.column())).append(')');
  }

  /** {@code "a" = ? AND "b" = ?}: the key's columns, bound in order. */
  private static SqlWriter keyEquals(SqlWriter w, List<? extends Field<?, ?>> primaryKey) {
    for (int i = 0; i < primaryKey.size(); i++) {
      w.append(i == 0 ? "" : " AND ").identifier(primaryKey.get(i).column()).append(" = ?");
    }
    return w;
  }

  /** A column of a {@code get}: {@code NULL} for one not loaded in queries, as the processor's {@code GET_SQL}. */
  private static void selected(SqlWriter w, Field<?, ?> field) {
    if (field.isLoadedInQuery()) {
      w.identifier(field.column());
    } else {
      w.append("NULL AS ").identifier(field.column());
    }
  }

  private static SqlWriter returning(SqlWriter w, List<? extends Field<?, ?>> fields) {
    return w.append(" RETURNING ").list(fields, (writer, field) -> writer.identifier(field.column()));
  }

  private static List<? extends Field<?, ?>> primaryKeyOf(Table<?> table) {
    List<? extends Field<?, ?>> keys = table.primaryKeys();
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(table.schemaName() + " has no primary key, so it has no statements by key");
    }
    return keys;
  }
}
