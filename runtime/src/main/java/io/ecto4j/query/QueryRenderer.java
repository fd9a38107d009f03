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
    return StatementCache.statement(StatementCache.Kind.SELECT, query, List.of(), prefix, query::toSql);
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
    w.enter(query.from.prefix());
    try {
      if (query.isBareCombination()) {
        with(w, query);
        ((Source.Combination) query.from.source()).renderBare(w);
        return;
      }
      bind(w, query);
      with(w, query);
      w.append("SELECT ");
      DistinctClause distinct = query.clauses.distinct();
      if (distinct != null) {
        distinct.render(w);
      }
      query.requireSelection().render(w);
      from(w, query);
      clauses(w, query);
    } finally {
      w.exit();
    }
  }

  /**
   * {@link #select} of a subquery (a source, or a value of a condition or a select): an error in it
   * names the subquery, keeping the error as its cause and its kind, as Ecto's {@code Ecto.SubQueryError}
   * wraps the error of a subquery.
   */
  static void subquery(SqlWriter w, Query<?> query) {
    try {
      select(w, query);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(inSubquery(e, query), e);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(inSubquery(e, query), e);
    }
  }

  private static String inSubquery(RuntimeException error, Query<?> subquery) {
    return "the following exception happened when compiling a subquery: " + error.getMessage()
        + "; the subquery: " + subquery;
  }

  /** Brings the query's first source, its joins and the names of its windows into the current scope. */
  static void bind(SqlWriter w, Query<?> query) {
    FromClause from = query.from;
    w.bind(from.rootKey(), from.source());
    for (JoinClause join : from.joins()) {
      join.bind(w);
    }
    query.clauses.windows().forEach(named -> w.defineWindow(named.name()));
  }

  static void with(SqlWriter w, Query<?> query) {
    List<Cte<?>> ctes = query.from.ctes();
    if (ctes.isEmpty()) {
      return;
    }
    boolean recursive = ctes.stream().anyMatch(Cte::isRecursive);
    w.append(recursive ? "WITH RECURSIVE " : "WITH ");
    for (int i = 0; i < ctes.size(); i++) {
      w.append(i == 0 ? "" : ", ");
      ctes.get(i).render(w);
    }
    w.append(' ');
  }

  /** {@code FROM source AS p0} and the joins. */
  static void from(SqlWriter w, Query<?> query) {
    w.append(" FROM ");
    query.from.source().renderAs(w, w.root().alias());
    for (JoinClause join : query.from.joins()) {
      join.render(w);
    }
  }

  /** Everything after the FROM: WHERE to the lock. */
  static void clauses(SqlWriter w, Query<?> query) {
    Clauses<?> c = query.clauses;
    requireSelectedAliases(query);
    if (c.select() instanceof SelectClause.JoinPreloaded<?> preloaded) {
      preloaded.joins().forEach(join -> join.requireJoinKind(query.from.joins(), query));
    }
    where(w, query.where);
    if (!c.groupBy().isEmpty()) {
      w.append(" GROUP BY ").list(c.groupBy(), SqlWriter::expression);
    }
    if (c.having() != null) {
      w.append(" HAVING ");
      c.having().render(w);
    }
    if (!c.windows().isEmpty()) {
      w.append(" WINDOW ").list(c.windows(), (writer, named) -> named.render(writer));
    }
    List<Order> order = new ArrayList<>();
    if (c.distinct() != null) {
      order.addAll(c.distinct().on());
    }
    order.addAll(c.orderBy());
    if (!order.isEmpty()) {
      w.append(" ORDER BY ").list(order, (writer, term) -> term.render(writer));
    }
    limit(w, query, order.isEmpty());
    if (c.offset() != null) {
      w.append(" OFFSET ").param(new Param<>(Types.INTEGER, c.offset()));
    }
    if (c.lock() != null) {
      w.append(' ');
      c.lock().render(w);
    }
  }

  /**
   * Ecto's planner check: an order or group term naming a selected value ({@code selectedAs}) needs
   * the select to give that name.
   */
  private static void requireSelectedAliases(Query<?> query) {
    Clauses<?> c = query.clauses;
    List<String> aliases = c.select() instanceof SelectClause.Items<?> items ? items.aliases()
        : c.select() instanceof SelectClause.WholeRow<?> row ? row.aliases() : List.of();
    List<Expression<?>> terms = new ArrayList<>(c.groupBy());
    c.orderBy().forEach(term -> terms.add(term.expression()));
    for (Expression<?> term : terms) {
      if (term instanceof Nodes.SelectedRef<?> ref && !aliases.contains(ref.name())) {
        throw new IllegalArgumentException("invalid alias: `" + ref.name() + "`. Use `selectedAs(expression, \""
            + ref.name() + "\")` to define aliases in the outermost `select` expression; query: " + query);
      }
    }
  }

  /** {@code LIMIT ?}, or {@code FETCH FIRST ? ROWS WITH TIES}, which only an ordered query may take. */
  private static void limit(SqlWriter w, Query<?> query, boolean unordered) {
    Clauses<?> c = query.clauses;
    if (c.limit() == null) {
      return;
    }
    if (!c.withTies()) {
      w.append(" LIMIT ").param(new Param<>(Types.INTEGER, c.limit()));
      return;
    }
    if (unordered) {
      throw new IllegalArgumentException("PostgreSQL adapter requires an `orderBy` clause if the `withTies`"
          + " limit option is `true`, in query: " + query);
    }
    w.append(" FETCH FIRST ").param(new Param<>(Types.INTEGER, c.limit())).append(" ROWS WITH TIES");
  }

  static void where(SqlWriter w, Condition where) {
    if (where != null && where != Condition.TRUE) {
      w.append(" WHERE ");
      where.render(w);
    }
  }
}
