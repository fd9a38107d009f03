package io.ecto4j.query;

import io.ecto4j.meta.Table;
import java.util.Objects;
import java.util.function.Function;

/**
 * A common table expression, Ecto's {@code with_cte/3}: a named query the main query reads from
 * like a table. {@code Query.from(cte)} reads it (and carries its definition); to join it
 * elsewhere, add it with {@code query.with(cte)} and join {@code Alias.of(cte, "t")}.
 *
 * <pre>{@code
 * Cte<PostStruct> popular = Cte.of("popular_posts", Posts.query().where(Posts.VIEW_COUNT.gt(100)));
 * repo.all(Query.from(popular).orderBy(Posts.TITLE.asc()));
 *
 * // WITH RECURSIVE: the body refers to the CTE itself
 * Cte<CategoryStruct> tree = Cte.recursive("tree", Categories.SCHEMA, self -> {
 *   Alias<CategoryStruct> parent = Alias.of(self, "parent");
 *   return Categories.query().where(Categories.PARENT_ID.isNull())
 *       .unionAll(Categories.query().join(parent, Categories.PARENT_ID.eq(parent.field(Categories.ID))));
 * });
 * }</pre>
 *
 * <p>The name is a developer literal; it is always quoted. Fields of the body's schema resolve to
 * the CTE's columns, so {@code Posts.TITLE} works on {@code Query.from(popular)}.
 *
 * @param <T> what each row of the CTE is
 */
public final class Cte<T> {
  private final String name;
  private final boolean recursive;
  private final Table<?> table;
  private final SelectClause<T> rowShape;
  private volatile Query<T> body;

  private Cte(String name, boolean recursive, Table<?> table, SelectClause<T> rowShape) {
    SqlWriter.quote(name);
    this.name = name;
    this.recursive = recursive;
    this.table = table;
    this.rowShape = rowShape;
  }

  /** {@code WITH "name" AS (body)}. */
  public static <T> Cte<T> of(String name, Query<T> body) {
    Objects.requireNonNull(body, "body");
    Cte<T> cte = new Cte<>(name, false, body.exposedTable(), body.selection());
    cte.body = body;
    return cte;
  }

  /**
   * {@code WITH RECURSIVE "name" AS (body)}, whose rows are whole structs of {@code table}: the
   * body, built from this CTE, is a non-recursive query {@code unionAll} a query that reads the CTE.
   */
  public static <S> Cte<S> recursive(String name, Table<S> table, Function<Cte<S>, Query<S>> body) {
    Objects.requireNonNull(table, "table");
    Source.OfTable shape = new Source.OfTable(table);
    Cte<S> cte = new Cte<>(name, true, table, SelectClause.WholeRow.ofTable(shape, table));
    cte.body = Objects.requireNonNull(body.apply(cte), "the recursive CTE's body");
    return cte;
  }

  /** The CTE's name. */
  public String name() {
    return name;
  }

  boolean isRecursive() {
    return recursive;
  }

  Table<?> table() {
    return table;
  }

  SelectClause<T> selection() {
    return rowShape;
  }

  Query<T> body() {
    return body;
  }

  @Override
  public String toString() {
    return name + ": " + body;
  }
}
