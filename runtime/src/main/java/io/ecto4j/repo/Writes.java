package io.ecto4j.repo;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.List;
import java.util.StringJoiner;

/** SQL for writes whose shape depends on the data: changed columns, an explicitly given key. */
final class Writes {
  private Writes() {}

  /** {@code UPDATE t SET a = ?, b = ? WHERE pk = ? RETURNING (all columns)}. */
  static String updateSql(Table<?> table, List<? extends Field<?, ?>> changed, Field<?, ?> primaryKey) {
    StringJoiner set = new StringJoiner(", ");
    for (Field<?, ?> field : changed) {
      set.add(quote(field.column()) + " = ?");
    }
    return "UPDATE " + quote(table.name()) + " SET " + set + " WHERE " + quote(primaryKey.column()) + " = ?"
        + returning(table);
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
