package io.ecto4j.query;

import io.ecto4j.meta.Table;
import io.ecto4j.type.Types;
import java.util.List;
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
 *
 * // a data-modifying CTE, Ecto's operation: :update_all: WITH "archived" AS (UPDATE … RETURNING …)
 * Cte<PostStruct> archived = Cte.updateAll("archived", Posts.query().where(Posts.VIEW_COUNT.lt(10)),
 *     Update.set(Posts.PUBLISHED, false));
 * }</pre>
 *
 * <p>The body is a query, SQL text ({@link #fragment}), or an {@code UPDATE}/{@code DELETE … RETURNING}
 * ({@link #updateAll}, {@link #deleteAll}), which PostgreSQL runs once, whether or not the main
 * query reads all its rows, and only in the {@code WITH} of the top-level statement.
 * {@link #materialized()} and {@link #notMaterialized()} tell PostgreSQL whether to compute the
 * body once or fold it into the main query.
 *
 * <p>The name is a developer literal; it is always quoted. Fields of the body's schema resolve to
 * the CTE's columns, so {@code Posts.TITLE} works on {@code Query.from(popular)}. A query keeps one
 * CTE per name: adding another of the same name replaces it, as in Ecto.
 *
 * @param <T> what each row of the CTE is
 */
public final class Cte<T> {
  /** How the body is written. */
  private sealed interface Body {
    void render(SqlWriter w);
  }

  /** A SELECT (or a combination). */
  private record Select(Query<?> query) implements Body {
    @Override
    public void render(SqlWriter w) {
      QueryRenderer.select(w, query);
    }

    @Override
    public String toString() {
      return query.toString();
    }
  }

  /** SQL text, Ecto's {@code as: fragment("SELECT …")}. */
  private record Text(Fragment<?> fragment) implements Body {
    @Override
    public void render(SqlWriter w) {
      fragment.renderText(w);
    }

    @Override
    public String toString() {
      return fragment.toString();
    }
  }

  /** {@code UPDATE … RETURNING} (with updates) or {@code DELETE … RETURNING} (without). */
  private record Write(Query<?> query, List<Update> updates) implements Body {
    @Override
    public void render(SqlWriter w) {
      if (updates == null) {
        WriteRenderer.deleteAll(w, query, true);
      } else {
        WriteRenderer.updateAll(w, query, updates, true);
      }
    }

    @Override
    public String toString() {
      return (updates == null ? "delete_all " : "update_all " + updates + " ") + query;
    }
  }

  private final String name;
  private final boolean recursive;
  private final Table<?> table;
  private final SelectClause<T> rowShape;
  /** {@code MATERIALIZED} (true), {@code NOT MATERIALIZED} (false), or PostgreSQL's choice (null). */
  private final Boolean materialized;
  private volatile Body body;

  private Cte(String name, boolean recursive, Table<?> table, SelectClause<T> rowShape, Boolean materialized) {
    SqlWriter.quote(name);
    this.name = name;
    this.recursive = recursive;
    this.table = table;
    this.rowShape = rowShape;
    this.materialized = materialized;
  }

  /** {@code WITH "name" AS (body)}. */
  public static <T> Cte<T> of(String name, Query<T> body) {
    Objects.requireNonNull(body, "body");
    Cte<T> cte = new Cte<>(name, false, body.exposedTable(), derivedColumns(name, body), null);
    cte.body = new Select(body);
    return cte;
  }

  /**
   * {@code WITH RECURSIVE "name" AS (body)}, whose rows are whole structs of {@code table}: the
   * body, built from this CTE, is a non-recursive query {@code unionAll} a query that reads the CTE.
   */
  public static <S> Cte<S> recursive(String name, Table<S> table, Function<Cte<S>, Query<S>> body) {
    Objects.requireNonNull(table, "table");
    Source.OfTable shape = new Source.OfTable(table);
    Cte<S> cte = new Cte<>(name, true, table, SelectClause.WholeRow.ofTable(shape, table), null);
    cte.body = new Select(Objects.requireNonNull(body.apply(cte), "the recursive CTE's body"));
    return cte;
  }

  /**
   * {@code WITH "name" AS (sql)}, Ecto's {@code with_cte(name, as: fragment("SELECT …"))}: a body
   * written as SQL text, whose rows have no schema; read its columns through an alias,
   * {@code Alias.of(cte, "t").column("id", Types.LONG)}. The text is checked as a fragment's is.
   */
  public static Cte<Void> fragment(String name, String sql, Expression<?>... args) {
    Cte<Void> cte = new Cte<>(name, false, null, null, null);
    cte.body = new Text(Fragment.of(Types.TEXT, sql, args));
    return cte;
  }

  /**
   * {@code WITH "name" AS (UPDATE … SET … RETURNING …)}, Ecto's {@code with_cte(name, as: q,
   * operation: :update_all)}: {@code query} picks the rows as {@code repo.updateAll} would, and its
   * selection is what the CTE's rows are (the updated rows, as they are after the update).
   */
  public static <T> Cte<T> updateAll(String name, Query<T> query, Update... updates) {
    Objects.requireNonNull(query, "query");
    List<Update> set = Arguments.list("Cte.updateAll(\"" + name + "\", …)", "updates", updates);
    Cte<T> cte = new Cte<>(name, false, query.exposedTable(), derivedColumns(name, query), null);
    cte.body = new Write(query, set);
    return cte;
  }

  /**
   * {@code WITH "name" AS (DELETE … RETURNING …)}, Ecto's {@code operation: :delete_all}: the rows
   * {@code query} picks are deleted, and its selection is what the CTE's rows are.
   */
  public static <T> Cte<T> deleteAll(String name, Query<T> query) {
    Objects.requireNonNull(query, "query");
    Cte<T> cte = new Cte<>(name, false, query.exposedTable(), derivedColumns(name, query), null);
    cte.body = new Write(query, null);
    return cte;
  }

  /** The body's selection, whose column names must be distinct to be read by name. */
  private static <T> SelectClause<T> derivedColumns(String name, Query<T> body) {
    SelectClause<T> selection = body.selection();
    if (selection instanceof SelectClause.Items<T> items) {
      items.requireDistinctColumns("CTE \"" + name + "\"");
    }
    return selection;
  }

  /** This CTE as {@code "name" AS MATERIALIZED (…)}: PostgreSQL computes the body once. */
  public Cte<T> materialized() {
    return copy(recursive, true);
  }

  /** This CTE as {@code "name" AS NOT MATERIALIZED (…)}: PostgreSQL may fold the body into the query. */
  public Cte<T> notMaterialized() {
    return copy(recursive, false);
  }

  /**
   * This CTE making its query's {@code WITH} a {@code WITH RECURSIVE}, Ecto's
   * {@code recursive_ctes(true)}: for a {@link #fragment} body that reads the CTE itself.
   */
  public Cte<T> withRecursive() {
    return copy(true, materialized);
  }

  private Cte<T> copy(boolean isRecursive, Boolean isMaterialized) {
    Cte<T> copy = new Cte<>(name, isRecursive, table, rowShape, isMaterialized);
    copy.body = body;
    return copy;
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

  /**
   * {@code "name" AS [NOT] MATERIALIZED (body)}. A data-modifying body is refused below the
   * top-level statement, where PostgreSQL refuses it, with the CTE named.
   */
  void render(SqlWriter w) {
    if (body instanceof Write && !w.atTopLevel()) {
      throw new IllegalArgumentException("CTE \"" + name + "\" is a data-modifying statement (" + body + "), which"
          + " PostgreSQL takes only in the WITH of the top-level statement, not in a subquery or a CTE's body:"
          + " add it to the outermost query with with(…)");
    }
    w.identifier(name).append(" AS ");
    if (materialized != null) {
      w.append(materialized ? "MATERIALIZED " : "NOT MATERIALIZED ");
    }
    w.append('(');
    body.render(w);
    w.append(')');
  }

  @Override
  public String toString() {
    return name + (materialized == null ? "" : materialized ? " materialized" : " not materialized") + ": " + body;
  }
}
