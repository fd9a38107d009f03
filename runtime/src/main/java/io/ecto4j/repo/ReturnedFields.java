package io.ecto4j.repo;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.query.RowReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields a write reads back ({@code RETURNING}), from Ecto's {@code returning:} option, and
 * how a returned row becomes the struct: every column (an update's and a delete's default) is the
 * row as stored; a chosen few are set on the struct as written. A plain insert's default, the
 * fields the database fills in, is the table's {@link Table#insertReturning()}, set on the struct
 * as written ({@link #onto}).
 */
final class ReturnedFields {
  private ReturnedFields() {}

  /**
   * The fields to return: all of them; the chosen ones after the primary key; or, for
   * {@code returningNone()}, the key alone (each time with the read-after-writes fields), which
   * tells whether the row was there (and, on an insert, is the key the database generated, which
   * Ecto's {@code returning: false} reads too).
   */
  static <S> List<Field<S, ?>> of(Table<S> table, WriteOptions options) {
    return switch (options.returning()) {
      case ALL -> table.fields();
      case NONE -> withReadAfterWrites(table, keyOnly(table));
      case FIELDS -> withReadAfterWrites(table, chosen(table, options.returningFields()));
    };
  }

  /** {@code returning} and every {@code @Field(readAfterWrites = true)}, Ecto's {@code add_read_after_writes}. */
  private static <S> List<Field<S, ?>> withReadAfterWrites(Table<S> table, List<Field<S, ?>> returning) {
    List<Field<S, ?>> all = new ArrayList<>(returning);
    for (Field<S, ?> field : table.fields()) {
      if (field.isReadAfterWrites() && !all.contains(field)) {
        all.add(field);
      }
    }
    return all;
  }

  private static <S> List<Field<S, ?>> keyOnly(Table<S> table) {
    return table.primaryKeys().isEmpty() ? List.of(table.fields().get(0)) : table.primaryKeys();
  }

  @SuppressWarnings("unchecked")
  private static <S> List<Field<S, ?>> chosen(Table<S> table, List<Field<?, ?>> fields) {
    List<Field<S, ?>> chosen = new ArrayList<>(keyOnly(table));
    for (Field<?, ?> field : fields) {
      if (field.table() != table || !field.isPersisted()) {
        throw new IllegalArgumentException("returning(" + field + "): not a persisted field of " + table.schemaName());
      }
      if (!chosen.contains(field)) {
        chosen.add((Field<S, ?>) field);
      }
    }
    return chosen;
  }

  /** Reads a returned row: the whole struct, or {@code written} with the returned fields set. */
  static <S> RowReader<S> reader(Table<S> table, List<Field<S, ?>> returning, S written) {
    if (returning.equals(table.fields())) {
      return row -> table.fromRow(row, 0);
    }
    return onto(written, returning);
  }

  /** Reads a returned row as {@code written} with the {@code returning} fields, in their order, set from it. */
  static <S> RowReader<S> onto(S written, List<Field<S, ?>> returning) {
    return row -> {
      S struct = written;
      for (int i = 0; i < returning.size(); i++) {
        struct = read(returning.get(i), row, i + 1, struct);
      }
      return struct;
    };
  }

  private static <S, V> S read(Field<S, V> field, java.sql.ResultSet row, int index, S struct)
      throws java.sql.SQLException {
    return field.set(struct, field.type().read(row, index));
  }
}
