package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.List;
import java.util.Objects;

/**
 * The struct of an aliased schema source with some fields taken from values the query computes,
 * Ecto's {@code %{p | title: nil}} and {@code %Post{p | title: nil}}, made with {@link Alias#with}.
 * Unlike {@link Query#selectMerge(Field, Expression)}, which changes the query's own rows, it is one
 * value of a selection, so the same source may be selected whole beside it, or updated twice:
 *
 * <pre>{@code
 * Alias<PostStruct> p = Alias.of(Posts.SCHEMA, "p");
 * Query<Tuple2<PostStruct, PostStruct>> pairs = Query.from(p)
 *     .select(p.with(Posts.TITLE, Functions.value("draft")), p);   // (the post titled "draft", the post)
 * }</pre>
 *
 * <p>Each copy selects its own columns, a merged field's value in place of its column, so a column
 * is read for every copy that keeps it, and only for those. A left-joined source with no row gives
 * null, as its alias does.
 *
 * @param <S> the struct
 */
public final class UpdatedStruct<S> implements Selectable<S> {
  private final Alias<S> alias;
  private final Table<S> table;
  private final List<SelectClause.Merge<?, ?>> merges;

  private UpdatedStruct(Alias<S> alias, Table<S> table, List<SelectClause.Merge<?, ?>> merges) {
    this.alias = alias;
    this.table = table;
    this.merges = merges;
  }

  static <S> UpdatedStruct<S> of(Alias<S> alias, Table<S> table) {
    return new UpdatedStruct<>(alias, table, List.of());
  }

  /** This struct with {@code field} also taken from {@code value}; a field given twice takes the later value. */
  public <V> UpdatedStruct<S> with(Field<S, V> field, Expression<V> value) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    if (field.table() != table) {
      throw new IllegalArgumentException(field + " is not a field of alias " + alias + " (" + table.schemaName()
          + ")");
    }
    return new UpdatedStruct<>(alias, table, SelectClause.Merge.replacing(table, merges, new SelectClause.Merge<>(field,
        value, null)));
  }

  SelectClause.Reader<S> reader() {
    return Rows.nullableStruct(table, SelectClause.Merge.structReader(table, merges));
  }

  int width() {
    return SelectClause.Merge.width(table, merges);
  }

  void render(SqlWriter writer) {
    Rows.whole(writer, alias.bindingIn(writer).alias(), alias.source(), merges);
  }

  @Override
  public String toString() {
    return "%{" + alias + " | " + Rows.joined(merges) + "}";
  }
}
