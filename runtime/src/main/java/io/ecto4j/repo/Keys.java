package io.ecto4j.repo;

import io.ecto4j.internal.English;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.PrimaryKeyValue;
import io.ecto4j.meta.Table;
import java.util.List;
import java.util.Map;

/** Primary keys and columns looked up on a table, with the errors that name what is missing. */
final class Keys {
  private Keys() {}

  /** The single key field, for what needs exactly one (Ecto's wording, then how to do it with a composite key). */
  static <S> Field<S, ?> primaryKeyOf(Table<S> table, String operation) {
    return table.primaryKey().orElseThrow(() -> table.primaryKeys().isEmpty() ? noKey(table, operation)
        : new IllegalArgumentException(operation + " expected " + table.schemaName()
            + " to have exactly one primary key, got: " + names(table.primaryKeys()) + "; pass "
            + table.schemaName() + "'s companion key(…) value, e.g. repo." + operation + "(…SCHEMA, …key("
            + names(table.primaryKeys()) + "))"));
  }

  /** Every key field, or the error of a table without any. */
  static <S> List<Field<S, ?>> primaryKeysOf(Table<S> table, String operation) {
    List<Field<S, ?>> keys = table.primaryKeys();
    if (keys.isEmpty()) {
      throw noKey(table, operation);
    }
    return keys;
  }

  /** The key of a stored struct: every part must be set, else the error names the part that is not. */
  static <S> PrimaryKeyValue<S> keyOf(Table<S> table, S struct, String operation) {
    primaryKeysOf(table, operation);
    PrimaryKeyValue<S> key = PrimaryKeyValue.from(table, struct);
    key.missing().ifPresent(part -> {
      // Ecto's NoPrimaryKeyValueError wording first, for searches; then what ecto4j knows of the cause
      throw new IllegalArgumentException("struct `" + table.schemaName() + "` is missing primary key value: cannot "
          + operation + " " + English.withArticle(table.schemaName()) + " whose primary key "
          + (key.values().size() == 1 ? "" : "part ") + part.name() + " is null; was it inserted?");
    });
    return key;
  }

  static StaleEntryException stale(String operation, Table<?> table, PrimaryKeyValue<?> key,
      Map<? extends Field<?, ?>, Object> filters) {
    StringBuilder condition = new StringBuilder(key.toString());
    filters.forEach((field, value) -> condition.append(" and ").append(field.name())
        .append(value == null ? " is null" : " = " + value));
    return new StaleEntryException("attempted to " + operation + " a stale struct: no " + table.schemaName()
        + " with " + condition + " exists in table \"" + table.name() + "\" any more");
  }

  private static IllegalArgumentException noKey(Table<?> table, String operation) {
    return new IllegalArgumentException(
        "cannot " + operation + " " + English.withArticle(table.schemaName()) + ": table \"" + table.name()
            + "\" has no primary key (@Schema primaryKey type NONE and no primaryKey = true field); use a query instead");
  }

  private static String names(List<? extends Field<?, ?>> keys) {
    return String.join(", ", keys.stream().map(Field::name).toList());
  }
}
