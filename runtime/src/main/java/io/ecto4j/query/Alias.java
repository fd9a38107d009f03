package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.FieldType;
import java.util.Map;
import java.util.Objects;

/**
 * A named binding of a source, Ecto's {@code c in Comment} / {@code as: :c}: make one, join it,
 * and refer to its fields through it. Needed when a table is joined twice (self-joins), for
 * subqueries and CTEs joined as sources, and to select a joined struct. A field used without an
 * alias ({@code Comments.BODY}) refers to the first source of its table in the query.
 *
 * <pre>{@code
 * Alias<PostStruct> other = Alias.of(Posts.SCHEMA, "other");
 * Posts.query()
 *     .join(other, other.field(Posts.AUTHOR_ID).eq(Posts.AUTHOR_ID).and(other.field(Posts.ID).ne(Posts.ID)))
 *     .select(Posts.TITLE, other.field(Posts.TITLE));          // pairs of posts by the same author
 * }</pre>
 *
 * <p>The name is for reading only ({@code toString()}, messages); SQL aliases are always
 * generated ({@code p0}, {@code c1}, …). An alias is found by identity, so one alias may be joined
 * once per query, and two aliases of one table are two bindings.
 *
 * @param <S> the struct (or selected value) each row of the source is
 */
public final class Alias<S> implements Selectable<S> {
  private final String name;
  private final Source source;

  private Alias(String name, Source source) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an alias needs a name, e.g. Alias.of(Comments.SCHEMA, \"c\")");
    }
    this.name = name;
    this.source = source;
  }

  /** A binding of a schema's table. */
  public static <S> Alias<S> of(Table<S> table, String name) {
    return new Alias<>(name, new Source.OfTable(Objects.requireNonNull(table, "table")));
  }

  /** A binding of a table without schema, Ecto's {@code c in "comments"}; use {@link #column}. */
  public static Alias<Void> of(String tableName, String name) {
    return new Alias<>(name, new Source.Named(tableName));
  }

  /** A binding of a subquery, Ecto's {@code subquery(q)}, e.g. for a (lateral) join. */
  public static <T> Alias<T> of(Query<T> subquery, String name) {
    return new Alias<>(name, new Source.Subquery(Objects.requireNonNull(subquery, "subquery")));
  }

  /** A binding of a common table expression; the query must carry it with {@code with(cte)}. */
  public static <T> Alias<T> of(Cte<T> cte, String name) {
    return new Alias<>(name, new Source.CteRef(Objects.requireNonNull(cte, "cte")));
  }

  /** A binding of a fragment, e.g. to join it: {@code Alias.of(FragmentSource.of(…), "f")}. */
  public static <T> Alias<T> of(FragmentSource<T> fragment, String name) {
    return new Alias<>(name, Objects.requireNonNull(fragment, "fragment").source());
  }

  /** A binding of a values list, Ecto's {@code join: v in values(rows, types)}; name columns with {@link #column}. */
  public static Alias<Map<String, Object>> of(Values values, String name) {
    return new Alias<>(name, new Source.OfValues(Objects.requireNonNull(values, "values")));
  }

  /**
   * This table with table hints after its alias, Ecto's {@code join: c in Comment, hints: [...]}:
   * {@code Alias.of(Comments.SCHEMA, "c").withHints("TABLESAMPLE SYSTEM (10)")}. A new alias: join
   * and name fields through the one this returns. Only a table takes hints (see {@link Query#hints}).
   */
  public Alias<S> withHints(String... hints) {
    return new Alias<>(name, source.withHints(Query.hintFragments("withHints", hints)));
  }

  /**
   * This table in a schema {@code prefix} of its own, Ecto's {@code prefix:} on one from or join:
   * it wins over the schema's {@code @Schema(prefix)}, the query's and the repo's prefix. A new
   * alias, as {@link #withHints}.
   */
  public Alias<S> withPrefix(String prefix) {
    SqlWriter.quote(prefix);
    return new Alias<>(name, source.withPrefix(prefix));
  }

  /** The name given to this alias. */
  public String name() {
    return name;
  }

  /** {@code field} of this binding: {@code c.field(Comments.BODY)} is {@code c1."body"}. */
  public <V> Expression<V> field(Field<S, V> field) {
    Objects.requireNonNull(field, "field");
    Table<?> table = source.table();
    if (table != null && table != field.table()) {
      throw new IllegalArgumentException(field + " is not a field of alias " + name + " (" + source.label() + ")");
    }
    return new Nodes.AliasField<>(this, field);
  }

  /**
   * The struct of this binding with {@code field} taken from {@code value}, Ecto's
   * {@code %{p | title: ^t}}: a value to select beside others, the whole struct {@code p} among
   * them; chain {@link UpdatedStruct#with} for more fields. Only for a binding of a schema's table
   * (or of a fragment mapped to a schema).
   */
  @SuppressWarnings("unchecked")
  public <V> UpdatedStruct<S> with(Field<S, V> field, Expression<V> value) {
    if (source.structsOf() == null) {
      throw new IllegalArgumentException("with(" + field + ", …) updates a struct of a schema's table, and alias "
          + name + " reads " + source.label() + "; select its values instead");
    }
    return UpdatedStruct.of(this, (Table<S>) source.structsOf()).with(field, value);
  }

  /**
   * A column of this binding named by the caller, for tables without schema and for subquery
   * columns: {@code c.column("body", Types.TEXT)}.
   */
  public <V> Expression<V> column(String column, FieldType<V> type) {
    SqlWriter.quote(column);
    Map<String, FieldType<?>> declared = source.declaredColumns();
    if (declared != null && !declared.containsKey(column)) {
      throw new IllegalArgumentException("field `" + column + "` does not exist in " + source.label()
          + " (alias " + name + "); its columns are " + declared.keySet());
    }
    if (declared != null && !declared.get(column).name().equals(type.name())) {
      throw new IllegalArgumentException("field `" + column + "` of " + source.label() + " (alias " + name
          + ") is declared " + declared.get(column).name() + ", not " + type.name());
    }
    return new Nodes.Column<>(this, column, Objects.requireNonNull(type, "type"));
  }

  Source source() {
    return source;
  }

  SqlWriter.Binding bindingIn(SqlWriter writer) {
    SqlWriter.Binding binding = writer.binding(this);
    if (binding == null) {
      throw new IllegalArgumentException("alias " + name + " (" + source.label() + ") is not joined in this query;"
          + " join it first: query.join(" + name + ", …) or Query.from(" + name + ")");
    }
    return binding;
  }

  int width() {
    return wholeRow().width();
  }

  @SuppressWarnings("unchecked")
  SelectClause.Reader<S> rowReader() {
    if (source.structsOf() != null) {
      return Rows.nullableStruct((Table<S>) source.structsOf());
    }
    SelectClause<?> row = wholeRow();
    return (SelectClause.Reader<S>) Rows.nullWhenAbsent(row.reader(), row.width());
  }

  private SelectClause<?> wholeRow() {
    SelectClause<?> row = source.wholeRow();
    if (row == null) {
      throw new IllegalArgumentException("alias " + name + " is a table without schema; select its columns with "
          + name + ".column(\"name\", Types.…)");
    }
    return row;
  }

  @Override
  public String toString() {
    return name;
  }
}
