package io.ecto4j.query;

import io.ecto4j.type.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a query's SELECT: {@code WITH}, {@code SELECT [DISTINCT]}, {@code FROM}, the joins,
 * {@code WHERE}, {@code GROUP BY}, {@code HAVING}, {@code ORDER BY}, {@code LIMIT}, {@code OFFSET}
 * and the lock, each clause rendering itself. Values are bound in the order they appear.
 */
final class QueryRenderer {
  private QueryRenderer() {}

  /** The query as a statement whose tables default to the schema {@code prefix}. */
  static Sql statement(Query<?> query, String prefix) {
    SqlWriter w = SqlWriter.forStatement(prefix);
    select(w, query);
    return w.build(query::toSql);
  }

  /**
   * The whole SELECT of {@code query} at the writer's position, in a scope of its own: the
   * statement itself, a subquery, a CTE body or an operand of a union.
   */
  static void select(SqlWriter w, Query<?> query) {
    if (w.inspecting()) {
      w.append(query.toString());
      return;
    }
    w.enter(query.prefix);
    try {
      if (query.isBareCombination()) {
        with(w, query);
        ((Source.Combination) query.source).renderBare(w);
        return;
      }
      bind(w, query);
      with(w, query);
      w.append("SELECT ");
      if (query.distinct != null) {
        query.distinct.render(w);
      }
      query.requireSelection().render(w);
      from(w, query);
      clauses(w, query);
    } finally {
      w.exit();
    }
  }

  /** Brings the query's first source and its joins into the current scope. */
  static void bind(SqlWriter w, Query<?> query) {
    w.bind(query.rootKey, query.source.table(), query.source.hint());
    for (JoinClause join : query.joins) {
      join.bind(w);
    }
  }

  static void with(SqlWriter w, Query<?> query) {
    if (query.ctes.isEmpty()) {
      return;
    }
    boolean recursive = query.ctes.stream().anyMatch(Cte::isRecursive);
    w.append(recursive ? "WITH RECURSIVE " : "WITH ");
    for (int i = 0; i < query.ctes.size(); i++) {
      Cte<?> cte = query.ctes.get(i);
      w.append(i == 0 ? "" : ", ").identifier(cte.name()).append(" AS (");
      select(w, cte.body());
      w.append(')');
    }
    w.append(' ');
  }

  /** {@code FROM source AS p0} and the joins. */
  static void from(SqlWriter w, Query<?> query) {
    w.append(" FROM ");
    query.source.render(w);
    w.append(" AS ").append(w.root().alias());
    for (JoinClause join : query.joins) {
      join.render(w);
    }
  }

  /** Everything after the FROM: WHERE to the lock. */
  static void clauses(SqlWriter w, Query<?> query) {
    where(w, query.where);
    if (!query.groupBy.isEmpty()) {
      w.append(" GROUP BY ").list(query.groupBy, SqlWriter::expression);
    }
    if (query.having != null) {
      w.append(" HAVING ");
      query.having.render(w);
    }
    List<Order> order = new ArrayList<>();
    if (query.distinct != null) {
      order.addAll(query.distinct.on());
    }
    order.addAll(query.orderBy);
    if (!order.isEmpty()) {
      w.append(" ORDER BY ").list(order, (writer, term) -> term.render(writer));
    }
    if (query.limit != null) {
      w.append(" LIMIT ").param(new Param<>(Types.INTEGER, query.limit));
    }
    if (query.offset != null) {
      w.append(" OFFSET ").param(new Param<>(Types.INTEGER, query.offset));
    }
    if (query.lock != null) {
      w.append(' ').append(query.lock.sql());
    }
  }

  static void where(SqlWriter w, Condition where) {
    if (where != null && where != Condition.TRUE) {
      w.append(" WHERE ");
      where.render(w);
    }
  }
}
