package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The statements a repo runs for a query, Ecto's {@code to_sql(:all | :update_all | :delete_all,
 * …)}; the repo reaches them through {@link io.ecto4j.internal.QueryInternals}. In application
 * code, {@code repo.toSql(query)} shows what runs. Each {@link Sql} can be rendered again for a repo's
 * default schema prefix ({@link Sql#withDefaultPrefix}).
 */
final class Statements {
  private Statements() {}

  /**
   * {@code SELECT aggregate(…)} over the query's rows; ORDER BY and the selection are dropped. A
   * query with limit, offset, distinct, group by, a lock or a union is aggregated as a subquery,
   * as Ecto does, so that the aggregate sees exactly its rows.
   */
  static Sql aggregate(Query<?> query, Aggregate<?> aggregate) {
    Objects.requireNonNull(aggregate, "aggregate");
    Clauses<?> clauses = query.clauses;
    boolean wrap = cutsRows(query) || clauses.distinct() != null || !clauses.groupBy().isEmpty()
        || clauses.lock() != null;
    Query<?> target = wrap ? Query.from(query).select(aggregate)
        : query.exclude(Query.Clause.ORDER_BY).select(aggregate);
    return target.toSql();
  }

  /** {@code SELECT TRUE … LIMIT 1}: whether the query has any row. */
  static Sql exists(Query<?> query) {
    Query<?> target = cutsRows(query) ? Query.from(query) : query.exclude(Query.Clause.ORDER_BY);
    return target.select(Condition.TRUE).limit(1).toSql();
  }

  /**
   * Whether the query's rows are not simply its table's filtered rows (a limit, an offset, or a
   * union and its siblings), so that a statement over them must read the query as a subquery.
   */
  private static boolean cutsRows(Query<?> query) {
    return query.clauses.limit() != null || query.clauses.offset() != null
        || query.from.source() instanceof Source.Combination;
  }

  /** {@code UPDATE … SET …}, returning the query's selection when {@code returning}. */
  static Sql updateAll(Query<?> query, List<Update> updates, boolean returning) {
    List<Update> copy = List.copyOf(updates);
    return render(null, w -> WriteRenderer.updateAll(w, query, copy, returning));
  }

  /** {@code DELETE FROM …}, returning the query's selection when {@code returning}. */
  static Sql deleteAll(Query<?> query, boolean returning) {
    return render(null, w -> WriteRenderer.deleteAll(w, query, returning));
  }

  /**
   * One {@code INSERT} of every row's {@code columns}, with the conflict handling, returning whole
   * structs when {@code returning}.
   */
  static <S> Sql insertAll(Table<S> table, List<Field<S, ?>> columns, List<S> rows,
      OnConflict onConflict, boolean returning) {
    List<Field<S, ?>> cols = List.copyOf(columns);
    List<S> all = List.copyOf(rows);
    Objects.requireNonNull(onConflict, "onConflict");
    return render(null, w -> WriteRenderer.insertAll(w, table, cols, all, onConflict, returning));
  }

  /**
   * {@code EXPLAIN} of a statement, with {@code ANALYZE} (which runs it) and in text or JSON.
   * Parameters are bound as for the statement itself, so the plan is the one its values get.
   */
  static Sql explain(Sql statement, boolean analyze, boolean json) {
    String options = "EXPLAIN (ANALYZE " + analyze + ", FORMAT " + (json ? "JSON" : "TEXT") + ") ";
    return new Sql(options + statement.text(), statement.params(), statement.defaultPrefix(),
        prefix -> explain(statement.withDefaultPrefix(prefix), analyze, json));
  }

  /** Renders {@code body} for {@code prefix}, and keeps it to render again for another prefix. */
  private static Sql render(String prefix, Consumer<SqlWriter> body) {
    SqlWriter w = SqlWriter.forStatement(prefix);
    body.accept(w);
    return w.build(other -> render(other, body));
  }
}
