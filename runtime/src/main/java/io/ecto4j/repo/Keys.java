package io.ecto4j.repo;

import io.ecto4j.internal.English;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.Map;

/** Primary keys and columns looked up on a table, with the errors that name what is missing. */
final class Keys {
  private Keys() {}

  static <S> Field<S, ?> primaryKeyOf(Table<S> table, String operation) {
    return table.primaryKey().orElseThrow(() -> new IllegalArgumentException(
        "cannot " + operation + " " + English.withArticle(table.schemaName()) + ": table \"" + table.name()
            + "\" has no primary key (@Schema primaryKey type NONE); use a query instead"));
  }

  static <S> Object keyOf(Table<S> table, S struct, String operation) {
    Field<S, ?> key = primaryKeyOf(table, operation);
    Object value = key.get(struct);
    if (value == null) {
      // Ecto's NoPrimaryKeyValueError wording first, for searches; then what ecto4j knows of the cause
      throw new IllegalArgumentException("struct `" + table.schemaName() + "` is missing primary key value: cannot "
          + operation + " " + English.withArticle(table.schemaName()) + " whose primary key " + key.name()
          + " is null; was it inserted?");
    }
    return value;
  }

  static StaleEntryException stale(String operation, Table<?> table, Field<?, ?> key, Object keyValue,
      Map<? extends Field<?, ?>, Object> filters) {
    StringBuilder condition = new StringBuilder(key.name()).append(" = ").append(keyValue);
    filters.forEach((field, value) -> condition.append(" and ").append(field.name())
        .append(value == null ? " is null" : " = " + value));
    return new StaleEntryException("attempted to " + operation + " a stale struct: no " + table.schemaName()
        + " with " + condition + " exists in table \"" + table.name() + "\" any more");
  }
}
