package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.CastResult;
import io.ecto4j.type.FieldType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A values list, Ecto's {@code values/2}: rows given in Java, read by a query as a table of
 * constants, {@code (VALUES (?::uuid,?::integer),(…)) AS v0 ("bid","visits")}. Read it with
 * {@code Query.from(values)}, join it with {@code Alias.of(values, "v")}, also to choose the rows
 * of {@code updateAll} and {@code deleteAll} and the values they set.
 *
 * <pre>{@code
 * Values visits = Values.of(List.of(Map.of("id", 1L, "visits", 10), Map.of("id", 2L, "visits", 20)),
 *     Map.of("id", Types.LONG, "visits", Types.INTEGER));
 * Alias<Map<String, Object>> v = Alias.of(visits, "v");
 * repo.updateAll(Posts.query().join(v, Posts.ID.eq(v.column("id", Types.LONG))),
 *     Update.set(Posts.VIEW_COUNT, v.column("visits", Types.INTEGER)));
 * }</pre>
 *
 * <p>The columns are the fields of the rows, in the order they first appear; every row must have
 * every column (a missing one is an error naming it and the row), and every column a type, given as
 * a map or as a schema's fields of the same names. Each value is cast by its type as params are
 * ({@code "1"} becomes {@code 1} for an integer), bound as a parameter and cast in SQL
 * ({@code ?::integer}), so PostgreSQL knows every column's type. A whole row is a map of the columns.
 * One parameter per cell: a list of thousands of rows is better written with a temporary table or
 * {@code unnest} over arrays.
 */
public final class Values {
  private final Map<String, FieldType<?>> columns;
  private final List<List<Param<?>>> rows;

  private Values(Map<String, FieldType<?>> columns, List<List<Param<?>>> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /** {@code rows} whose columns take the declared {@code types}, Ecto's {@code values(rows, %{id: :integer})}. */
  public static Values of(List<? extends Map<String, ?>> rows, Map<String, ? extends FieldType<?>> types) {
    Objects.requireNonNull(types, "types");
    return of(rows, types::get);
  }

  /** {@code rows} whose columns take the types of {@code schema}'s fields of the same names, Ecto's {@code values(rows, Post)}. */
  public static Values of(List<? extends Map<String, ?>> rows, Table<?> schema) {
    Objects.requireNonNull(schema, "schema");
    Map<String, FieldType<?>> types = new LinkedHashMap<>();
    for (Field<?, ?> field : schema.fields()) {
      types.put(field.name(), field.type());
    }
    return of(rows, types::get);
  }

  private static Values of(List<? extends Map<String, ?>> rows, Function<String, FieldType<?>> typeOf) {
    if (rows == null || rows.isEmpty()) {
      throw new IllegalArgumentException("must provide a non-empty list to values/2: Values.of needs at least one row");
    }
    Map<String, FieldType<?>> columns = new LinkedHashMap<>();
    for (String name : fields(rows)) {
      FieldType<?> type = typeOf.apply(name);
      if (type == null) {
        throw new IllegalArgumentException("values/2 must declare the type for every field. The type was not given"
            + " for field `" + name + "`");
      }
      SqlWriter.quote(name);
      columns.put(name, type);
    }
    List<List<Param<?>>> params = new ArrayList<>();
    for (Map<String, ?> row : rows) {
      params.add(params(row, columns));
    }
    return new Values(Collections.unmodifiableMap(columns), List.copyOf(params));
  }

  /** Every field of every row, in the order they first appear. */
  private static Set<String> fields(List<? extends Map<String, ?>> rows) {
    Set<String> fields = new LinkedHashSet<>();
    for (Map<String, ?> row : rows) {
      Objects.requireNonNull(row, "a row of the values list");
      fields.addAll(row.keySet());
    }
    return fields;
  }

  private static List<Param<?>> params(Map<String, ?> row, Map<String, FieldType<?>> columns) {
    List<Param<?>> params = new ArrayList<>(columns.size());
    columns.forEach((name, type) -> {
      if (!row.containsKey(name)) {
        throw new IllegalArgumentException("each member of a values list must have the same fields. Missing field `"
            + name + "` in " + row);
      }
      params.add(param(name, type, row.get(name)));
    });
    return params;
  }

  /** The value cast by its column's type, as a param; a value that does not cast is an error naming the column. */
  private static <V> Param<V> param(String column, FieldType<V> type, Object value) {
    if (value == null || type.javaType().isInstance(value)) {
      return new Param<>(type, type.javaType().cast(value));
    }
    CastResult<V> cast = type.cast(value);
    if (!cast.isOk()) {
      throw new IllegalArgumentException("value " + value + " of field `" + column + "` in a values list is not a valid "
          + type.name());
    }
    return new Param<>(type, cast.value());
  }

  /** The columns and their types, in order. */
  Map<String, FieldType<?>> columns() {
    return columns;
  }

  /** {@code (VALUES (?::t,?::u),(?::t,?::u))}, without spaces after the commas, as ecto_sql writes it. */
  void render(SqlWriter w) {
    w.append("(VALUES ");
    for (int r = 0; r < rows.size(); r++) {
      w.append(r == 0 ? "(" : ",(");
      List<Param<?>> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        w.append(c == 0 ? "" : ",").expression(new Nodes.Cast<>(row.get(c), row.get(c).type()));
      }
      w.append(')');
    }
    w.append(')');
  }

  /** The number of rows. */
  public int size() {
    return rows.size();
  }

  @Override
  public String toString() {
    return "values(" + columns.keySet() + ", " + rows.size() + " rows)";
  }
}
