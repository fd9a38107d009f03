package io.ecto4j.repo;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.query.RowReader;
import io.ecto4j.type.CastResult;
import io.ecto4j.type.CustomType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Map;

/** Ecto's {@code Repo.load/2}: a struct from values read elsewhere, without a statement. */
final class Loads {
  private Loads() {}

  static <S> S load(Table<S> table, Map<String, ?> values) {
    java.util.Objects.requireNonNull(values, "values");
    S struct = table.newStruct();
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      Field<S, ?> field = fieldNamed(table, entry.getKey());
      if (field != null) {
        struct = put(table, field, entry.getValue(), struct);
      }
    }
    return struct;
  }

  static <S> RowReader<S> reader(Table<S> table) {
    return row -> {
      S struct = table.newStruct();
      ResultSetMetaData meta = row.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        Field<S, ?> field = fieldNamed(table, meta.getColumnLabel(i));
        if (field != null) {
          struct = read(field, row, i, struct);
        }
      }
      return struct;
    };
  }

  /** The persisted or virtual field whose name or column is {@code key}; null if none. */
  private static <S> Field<S, ?> fieldNamed(Table<S> table, String key) {
    for (Field<S, ?> field : table.fields()) {
      if (field.name().equals(key) || field.column().equals(key)) {
        return field;
      }
    }
    for (Field<S, ?> field : table.virtualFields()) {
      if (field.name().equals(key)) {
        return field;
      }
    }
    return null;
  }

  private static <S, V> S put(Table<S> table, Field<S, V> field, Object value, S struct) {
    if (value == null || field.type().javaType().isInstance(value)) {
      return field.set(struct, field.type().javaType().cast(value));
    }
    // A custom type loads its stored form (Ecto's Repo.load), and casts anything else.
    CastResult<V> cast = field.type() instanceof CustomType<V, ?> custom ? custom.fromExternal(value)
        : field.type().cast(value);
    if (!cast.isOk()) {
      throw new IllegalArgumentException("cannot load `" + value + "` as type " + field.type().name() + " for field `"
          + field.name() + "` in schema " + table.schemaName());
    }
    return field.set(struct, cast.value());
  }

  private static <S, V> S read(Field<S, V> field, ResultSet row, int index, S struct) throws SQLException {
    return field.set(struct, field.type().read(row, index));
  }
}
