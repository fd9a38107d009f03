package io.ecto4j.meta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The value of a table's primary key, one value per {@link Table#primaryKeys()} field: how a
 * composite key is passed to {@code repo.get} and how rows are told apart by it.
 *
 * <pre>{@code
 * Optional<CompositePkStruct> row = repo.get(CompositePks.SCHEMA, CompositePks.key(1L, 2L));
 * PrimaryKeyValue<CompositePkStruct> same = PrimaryKeyValue.of(row.orElseThrow());
 * }</pre>
 *
 * <p>Companions of a schema with declared key fields generate the typed {@code key(a, b)}, which
 * calls {@link #of(Table, Object...)}: the values cast to each field's type, their number checked.
 * Two keys are equal when they are of the same table with equal values.
 *
 * @param <S> the struct whose key this is
 */
public final class PrimaryKeyValue<S> {
  private final Table<S> table;
  private final List<Object> values;

  private PrimaryKeyValue(Table<S> table, List<Object> values) {
    this.table = table;
    this.values = Collections.unmodifiableList(values);
  }

  /**
   * The key of {@code table} with {@code values}, in the order of {@link Table#primaryKeys()}, each
   * cast to its field's type ({@code "42"} becomes {@code 42L} for a {@code Long} field).
   *
   * @throws IllegalArgumentException when the table has no key, the number of values differs from
   *     its fields', a value is null or cannot be cast; the message names the field
   */
  public static <S> PrimaryKeyValue<S> of(Table<S> table, Object... values) {
    Objects.requireNonNull(table, "table");
    List<Field<S, ?>> fields = table.primaryKeys();
    if (fields.isEmpty() || fields.size() != values.length) {
      throw new IllegalArgumentException("expected " + values.length + " value(s) for the primary key of "
          + table.schemaName() + ", which is " + describe(fields) + "; give one value per key field, in order");
    }
    List<Object> cast = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      Field<S, ?> field = fields.get(i);
      if (values[i] == null) {
        throw new IllegalArgumentException("the primary key part " + field + " of " + table.schemaName()
            + " cannot be null");
      }
      io.ecto4j.type.CastResult<?> value = field.type().cast(values[i]);
      if (!value.isOk()) {
        throw new IllegalArgumentException("value `" + values[i] + "` cannot be cast to " + field + " of type "
            + field.type().name());
      }
      cast.add(value.value());
    }
    return new PrimaryKeyValue<>(table, cast);
  }

  /** The key of a struct, read from its key fields; a part may be null when the struct was never stored. */
  public static <S extends Struct<S>> PrimaryKeyValue<S> of(S struct) {
    return from(struct.schema(), struct);
  }

  /** The key of {@code struct}, a row of {@code table}; parts may be null. */
  public static <S> PrimaryKeyValue<S> from(Table<S> table, S struct) {
    List<Object> values = new ArrayList<>();
    for (Field<S, ?> field : table.primaryKeys()) {
      values.add(field.get(struct));
    }
    return new PrimaryKeyValue<>(table, values);
  }

  /** The table whose key this is. */
  public Table<S> table() {
    return table;
  }

  /** The key's fields, {@link Table#primaryKeys()}. */
  public List<Field<S, ?>> fields() {
    return table.primaryKeys();
  }

  /** The values, one per field, in order. */
  public List<Object> values() {
    return values;
  }

  /** The first key field whose value is null, if any: a struct that was never stored lacks it. */
  public java.util.Optional<Field<S, ?>> missing() {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        return java.util.Optional.of(fields().get(i));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The condition that finds this key's row: {@code a = ? AND b = ?}, each value bound; what
   * {@code repo.get} and {@code reload} query and what {@code unsafeValidateUnique} excludes.
   */
  public io.ecto4j.query.Condition condition() {
    List<io.ecto4j.query.Condition> parts = new ArrayList<>();
    List<Field<S, ?>> fields = fields();
    for (int i = 0; i < values.size(); i++) {
      parts.add(equal(fields.get(i), values.get(i)));
    }
    return io.ecto4j.query.Condition.all(parts);
  }

  @SuppressWarnings("unchecked")
  private static <S, V> io.ecto4j.query.Condition equal(Field<S, V> field, Object value) {
    return value == null ? field.isNull() : field.eq((V) value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrimaryKeyValue<?> key && key.table == table && key.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** {@code a = 1 and b = 2}, as errors show a key. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    List<Field<S, ?>> fields = fields();
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : " and ").append(fields.get(i).name()).append(" = ").append(values.get(i));
    }
    return text.toString();
  }

  private static String describe(List<? extends Field<?, ?>> fields) {
    return fields.isEmpty() ? "none" : fields.size() + " field(s): "
        + String.join(", ", fields.stream().map(Field::name).toList());
  }
}
