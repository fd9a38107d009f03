package io.ecto4j.query;

import io.ecto4j.meta.Table;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fragment as a query source, Ecto's {@code from f in fragment(…)}: a set-returning function
 * ({@code generate_series(?, ?)}, {@code jsonb_each(?)}) or a {@code SELECT} the DSL does not
 * cover, read with {@code Query.from(fragment)} or joined through {@code Alias.of(fragment, "f")},
 * laterally too. Its SQL text follows the rules of {@link Functions#fragment} (one {@code ?} per
 * argument, values as bound parameters, numbered in the order they appear in the statement).
 *
 * <pre>{@code
 * // Ecto's {fragment("select 1 as num"), Barebone}: rows are Barebone structs
 * Query<BareboneStruct> ones = Query.from(FragmentSource.of(Barebones.SCHEMA, "select 1 as num"));
 * // Ecto's fragment("generate_series(?, ?)", ^1, ^3, columns: [:x]): rows are maps
 * Query<Map<String, Object>> xs = Query.from(FragmentSource.withColumns(Map.of("x", Types.INTEGER),
 *     "generate_series(?, ?)", Functions.value(1), Functions.value(3)));
 * }</pre>
 *
 * <p>Which of the three to take decides what a whole row is: a schema's struct (its fields are the
 * columns the fragment must return; {@code selectFields} reads some), a map of declared columns, or
 * nothing, so that the query must select the columns it reads, as a table without schema does. A
 * fragment source has no associations to preload, and takes no table hints.
 *
 * @param <T> what a whole row of the fragment is
 */
public final class FragmentSource<T> {
  private final Source.OfFragment source;

  private FragmentSource(Source.OfFragment source) {
    this.source = source;
  }

  /** Rows of {@code schema}'s structs, Ecto's {@code {fragment(sql, args…), Schema}}. */
  public static <S> FragmentSource<S> of(Table<S> schema, String sql, Expression<?>... args) {
    Objects.requireNonNull(schema, "schema");
    return new FragmentSource<>(new Source.OfFragment(Fragment.of(Types.ANY, sql, args), schema, null));
  }

  /**
   * Rows without schema: select the columns with {@code Query.column(name, type)} or
   * {@code alias.column(name, type)}; selecting a whole row is refused, as in ecto_sql.
   */
  public static FragmentSource<Void> of(String sql, Expression<?>... args) {
    return new FragmentSource<>(new Source.OfFragment(Fragment.of(Types.ANY, sql, args), null, null));
  }

  /**
   * Rows of the named, typed {@code columns}, each a map, Ecto's {@code fragment(…, columns: [:x])}
   * (the types read the values; in Ecto they are {@code :any}). The columns are listed in the
   * map's order; an alias checks the columns it is asked for against them.
   */
  public static FragmentSource<Map<String, Object>> withColumns(Map<String, ? extends FieldType<?>> columns,
      String sql, Expression<?>... args) {
    return new FragmentSource<>(new Source.OfFragment(Fragment.of(Types.ANY, sql, args), null, columns(columns)));
  }

  private static Map<String, FieldType<?>> columns(Map<String, ? extends FieldType<?>> columns) {
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException("a fragment source with columns needs at least one, e.g."
          + " Map.of(\"x\", Types.INTEGER)");
    }
    Map<String, FieldType<?>> copy = new LinkedHashMap<>();
    columns.forEach((name, type) -> {
      SqlWriter.quote(name);
      copy.put(name, Objects.requireNonNull(type, () -> "the type of column " + name));
    });
    return java.util.Collections.unmodifiableMap(copy);
  }

  Source.OfFragment source() {
    return source;
  }

  @Override
  public String toString() {
    return source.label();
  }
}
