package io.ecto4j.repo;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.List;
import java.util.StringJoiner;

/** SQL for writes whose shape depends on the data: changed columns, an explicitly given key. */
final class Writes {
  private Writes() {}

  /**
   * {@code UPDATE t SET a = ?, b = ? WHERE pk = ? [AND filter = ?…] RETURNING (all columns)}; the
   * filters are an optimistic lock's version.
   */
  static String updateSql(Table<?> table, List<? extends Field<?, ?>> changed, Field<?, ?> primaryKey,
      List<? extends Field<?, ?>> filters) {
    StringJoiner set = new StringJoiner(", ");
    for (Field<?, ?> field : changed) {
      set.add(quote(field.column()) + " = ?");
    }
    return "UPDATE " + quote(table.name()) + " SET " + set + where(primaryKey, filters) + returning(table);
  }

  /** {@code DELETE FROM t WHERE pk = ? AND filter = ?… RETURNING (all columns)}. */
  static String deleteSql(Table<?> table, Field<?, ?> primaryKey, List<? extends Field<?, ?>> filters) {
    return "DELETE FROM " + quote(table.name()) + where(primaryKey, filters) + returning(table);
  }

  private static String where(Field<?, ?> primaryKey, List<? extends Field<?, ?>> filters) {
    StringBuilder where = new StringBuilder(" WHERE ").append(quote(primaryKey.column())).append(" = ?");
    for (Field<?, ?> filter : filters) {
      where.append(" AND ").append(quote(filter.column())).append(" = ?");
    }
    return where.toString();
  }

  /** {@code INSERT} of every persisted column, for a struct whose database-generated key is given. */
  static String insertAllColumnsSql(Table<?> table) {
    StringJoiner columns = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    for (Field<?, ?> field : table.fields()) {
      columns.add(quote(field.column()));
      marks.add("?");
    }
    return "INSERT INTO " + quote(table.name()) + " (" + columns + ") VALUES (" + marks + ")" + returning(table);
  }

  private static String returning(Table<?> table) {
    StringJoiner columns = new StringJoiner(", ", " RETURNING ", "");
    for (Field<?, ?> field : table.fields()) {
      columns.add(quote(field.column()));
    }
    return columns.toString();
  }

  private static String quote(String identifier) {
    return '"' + identifier + '"';
  }
}
