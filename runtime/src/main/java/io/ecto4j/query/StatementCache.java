package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The SQL text of a statement, kept by the query's shape: everything that decides the text (the
 * table, the fields, the operators, the clauses present, how many values an {@code IN} list has)
 * and nothing of the bound values. A query built afresh on every call, as
 * {@code repo.updateAll(Posts.query().where(Posts.AUTHOR_ID.eq(id)), Update.inc(Posts.VIEW_COUNT, 1))}
 * is, then costs a walk over its tree that collects its parameters, not a rendering.
 *
 * <p>The shape is a token list written in pre-order: each node writes its class and then its
 * parts ({@link Node#shape}, beside the node's rendering), a list its size first, so two trees of
 * different structure never write the same list. Only the common shapes are known (a schema's
 * table without CTEs or hints; for a query, joins of a table on a condition or through a direct association, {@code GROUP BY}, {@code HAVING}, and
 * a selection of the whole struct or of expressions; comparisons, {@code AND}/{@code OR}/{@code NOT},
 * {@code IN}, {@code BETWEEN}, {@code IS NULL}, arithmetic, aggregates; order, limit, offset;
 * {@code set}/{@code inc} updates); a query with anything else is rendered every time, as before.
 * The walk collects parameters in the order the renderer writes them; the first rendering of a
 * shape checks that, parameter by parameter, and a shape whose order could not be checked is not
 * kept (an association join whose declared {@code where} binds values, say, is rendered each time).
 */
final class StatementCache {
  /** The shapes kept at most; past it, new shapes are rendered every time (an app has a few hundred). */
  static final int MAX_SHAPES = 4096;

  /** What a statement does with the query, the first token of its shape. */
  enum Kind {
    SELECT,
    UPDATE,
    UPDATE_RETURNING,
    DELETE,
    DELETE_RETURNING
  }

  private static final ConcurrentHashMap<Shape, String> TEXTS = new ConcurrentHashMap<>();
  private static final ThreadLocal<Walk> WALKS = ThreadLocal.withInitial(Walk::new);
  /**
   * The parameters of the limits and offsets below 1,024, made once: a query built per call
   * ({@code .limit(10)}) then binds one of these rather than a new one; a parameter holds nothing
   * that changes.
   */
  private static final Param<?>[] SMALL_COUNTS = new Param<?>[1024];

  static {
    for (int i = 0; i < SMALL_COUNTS.length; i++) {
      SMALL_COUNTS[i] = new Param<>(Types.INTEGER, i);
    }
  }

  private StatementCache() {}

  /**
   * The statement of {@code kind} for {@code query} (and {@code updates}, for an update), for the
   * default schema {@code prefix}: its text from the cache when the shape is known, else rendered.
   * {@code again} renders it for another prefix ({@link Sql#withDefaultPrefix}).
   */
  static Sql statement(Kind kind, Query<?> query, List<Update> updates, String prefix, Function<String, Sql> again) {
    Walk walk = WALKS.get();
    if (!walk.start(kind, query, updates, prefix)) {
      return render(kind, query, updates, prefix, again);
    }
    String text = TEXTS.get(walk.shape);
    if (text != null) {
      return new Sql(text, walk.params.toArray(Sql.NO_PARAMS), prefix, again);
    }
    Sql sql = render(kind, query, updates, prefix, again);
    if (TEXTS.size() < MAX_SHAPES && sameOrder(walk.params, walk.made, sql.params())) {
      TEXTS.putIfAbsent(walk.shape.copy(), sql.text());
    }
    return sql;
  }

  /** The statement rendered from the tree, as it is when the cache does not know its shape. */
  private static Sql render(Kind kind, Query<?> query, List<Update> updates, String prefix,
      Function<String, Sql> again) {
    SqlWriter w = SqlWriter.forStatement(prefix);
    switch (kind) {
      case SELECT -> QueryRenderer.select(w, query);
      case UPDATE, UPDATE_RETURNING -> WriteRenderer.updateAll(w, query, updates, kind == Kind.UPDATE_RETURNING);
      case DELETE, DELETE_RETURNING -> WriteRenderer.deleteAll(w, query, kind == Kind.DELETE_RETURNING);
    }
    return w.build(again);
  }

  /** The statement rendered from the tree, never from the cache; for tests. */
  static Sql uncached(Kind kind, Query<?> query, List<Update> updates, String prefix) {
    return render(kind, query, updates, prefix, null);
  }

  /** The shape the walk writes for a statement, or null when the cache does not know it; for tests. */
  static Shape shapeOf(Kind kind, Query<?> query, List<Update> updates, String prefix) {
    Walk walk = new Walk();
    return walk.start(kind, query, updates, prefix) ? walk.shape.copy() : null;
  }

  /** Whether the text of this statement's shape is kept; for tests. */
  static boolean kept(Kind kind, Query<?> query, List<Update> updates, String prefix) {
    Shape shape = shapeOf(kind, query, updates, prefix);
    return shape != null && TEXTS.containsKey(shape);
  }

  /**
   * What the text of an insert of structs depends on: the table, the columns, the number of rows
   * of its {@code VALUES} list (0 for the unnest form, whose text is the same for any number), the
   * returned fields (null: none), the default prefix and the conflict clause's shape
   * ({@link OnConflict#shape}).
   */
  record InsertShape(Table<?> table, List<?> columns, int rows, List<?> returning, String prefix, Object conflict) {
    /** The shape, or null when the conflict clause binds parameters, so that the text is rendered each time. */
    static InsertShape of(Table<?> table, List<?> columns, int rows, List<?> returning, String prefix,
        OnConflict onConflict) {
      Object conflict = onConflict.shape();
      return conflict == null ? null : new InsertShape(table, columns, rows, returning, prefix, conflict);
    }
  }

  /** The inserts kept at most: a {@code VALUES} text is long (~30 KB for 1,000 rows of four columns). */
  static final int MAX_INSERT_SHAPES = 256;

  private static final ConcurrentHashMap<InsertShape, String> INSERTS = new ConcurrentHashMap<>();

  /** The text of an insert of this shape, if one was rendered; null otherwise. */
  static String insertText(InsertShape shape) {
    return INSERTS.get(shape);
  }

  /** Keeps the rendered text of an insert of this shape, while there is room. */
  static void keepInsert(InsertShape shape, String text) {
    if (INSERTS.size() < MAX_INSERT_SHAPES) {
      INSERTS.putIfAbsent(shape, text);
    }
  }

  /**
   * Whether the walk found the renderer's parameters in the renderer's order: the same objects, or,
   * where the walk made the parameter itself (a limit), the same type and value. A parameter object
   * met twice is refused, since its two places could not be told apart.
   */
  private static boolean sameOrder(List<BoundValue> walked, List<Boolean> made, List<? extends BoundValue> rendered) {
    if (walked.size() != rendered.size()) {
      return false;
    }
    for (int i = 0; i < walked.size(); i++) {
      BoundValue w = walked.get(i);
      BoundValue r = rendered.get(i);
      boolean same = made.get(i) ? sameParam((Param<?>) w, r) : w == r;
      if (!same || !made.get(i) && metBefore(walked, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameParam(Param<?> made, BoundValue rendered) {
    return rendered instanceof Param<?> param && param.type() == made.type() && param.value() == made.value();
  }

  private static boolean metBefore(List<BoundValue> walked, int index) {
    for (int i = 0; i < index; i++) {
      if (walked.get(i) == walked.get(index)) {
        return true;
      }
    }
    return false;
  }

  /** A token list and its hash; the walk's own is reused, a kept one is a copy. */
  static final class Shape {
    private Object[] tokens = new Object[32];
    private int size;
    private int hash = 1;

    void clear() {
      size = 0;
      hash = 1;
    }

    void add(Object token) {
      if (size == tokens.length) {
        tokens = Arrays.copyOf(tokens, size * 2);
      }
      tokens[size++] = token;
      hash = 31 * hash + Objects.hashCode(token);
    }

    Shape copy() {
      Shape copy = new Shape();
      copy.tokens = Arrays.copyOf(tokens, size);
      copy.size = size;
      copy.hash = hash;
      return copy;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Shape that) || that.size != size || that.hash != hash) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        if (!Objects.equals(tokens[i], that.tokens[i])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return Arrays.toString(Arrays.copyOf(tokens, size));
    }
  }

  /** One thread's walk: the shape it writes and the parameters it collects, reused call after call. */
  static final class Walk {
    final Shape shape = new Shape();
    final List<BoundValue> params = new ArrayList<>();
    /** Per parameter: whether the walk made it (a limit or offset), rather than found it in the tree. */
    final List<Boolean> made = new ArrayList<>();

    /** Walks a statement; false when its shape is not one the cache knows. */
    boolean start(Kind kind, Query<?> query, List<Update> updates, String prefix) {
      shape.clear();
      params.clear();
      made.clear();
      shape.add(kind);
      shape.add(prefix);
      return switch (kind) {
        case SELECT -> select(query);
        case UPDATE, UPDATE_RETURNING -> update(query, updates, kind == Kind.UPDATE_RETURNING);
        case DELETE, DELETE_RETURNING -> delete(query, kind == Kind.DELETE_RETURNING);
      };
    }

    /** In the renderer's order: selection, joins, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET. */
    private boolean select(Query<?> query) {
      Clauses<?> c = query.clauses;
      if (!table(query.from) || !query.from.ctes().isEmpty() || !c.windows().isEmpty() || c.distinct() != null
          || c.lock() != null) {
        return false;
      }
      if (!selection(query) || !joins(query.from.joins()) || !condition(query.where) || !expressions(c.groupBy())
          || !written(c.having())) {
        return false;
      }
      shape.add(c.orderBy().size());
      for (int i = 0; i < c.orderBy().size(); i++) {
        Order order = c.orderBy().get(i);
        shape.add(order.direction());
        shape.add(order.nulls());
        if (!expression(order.expression())) {
          return false;
        }
      }
      shape.add(c.withTies());
      made(c.limit());
      made(c.offset());
      return true;
    }

    /** In the renderer's order: the SET values, WHERE, the RETURNING selection. */
    private boolean update(Query<?> query, List<Update> updates, boolean returning) {
      if (!from(query) || query.clauses.beyondWhere() || returning && !wholeRow(query)) {
        return false;
      }
      shape.add(updates.size());
      for (int i = 0; i < updates.size(); i++) { // indexed: no iterator per statement
        Update update = updates.get(i);
        if (!(update.column() instanceof Field<?, ?> field) || field.table() != query.from.source().table()) {
          return false;
        }
        shape.add(field);
        if (!expression(update.value())) {
          return false;
        }
      }
      return condition(query.where);
    }

    private boolean delete(Query<?> query, boolean returning) {
      return from(query) && !query.clauses.beyondWhere() && (!returning || wholeRow(query))
          && condition(query.where);
    }

    /** A schema's table, with no join, CTE or table hint: what the alias and FROM of a bulk write depend on. */
    private boolean from(Query<?> query) {
      return query.from.joins().isEmpty() && query.from.ctes().isEmpty() && table(query.from);
    }

    /** The root is a schema's table without hints: its table, its own prefix and the query's. */
    private boolean table(FromClause from) {
      if (!(from.source() instanceof Source.OfTable table) || !table.hints().isEmpty()) {
        return false;
      }
      shape.add(table.table());
      shape.add(table.name()); // the schema's own table, or another (a custom source)
      shape.add(table.prefix());
      shape.add(from.prefix());
      return true;
    }

    /**
     * Joins of a schema's table, each on its condition or through a direct association (not a
     * many-to-many or a through one) without a condition of its own: its kind, table and link decide
     * its text, and the aliases follow from the order of the joins.
     */
    private boolean joins(List<JoinClause> joins) {
      shape.add(joins.size());
      for (int i = 0; i < joins.size(); i++) {
        JoinClause join = joins.get(i);
        if (!(join.source() instanceof Source.OfTable table) || !table.hints().isEmpty()) {
          return false;
        }
        shape.add(join.type());
        shape.add(table.table());
        shape.add(table.prefix());
        shape.add(join.association());
        boolean direct = join.association() == null ? join.hops().isEmpty()
            : join.on() == null && join.hops().size() == 1 && join.hops().get(0).tableKey() == null;
        if (!direct || join.association() == null && !written(join.on())) {
          return false;
        }
      }
      return true;
    }

    /** The table's whole struct without merged values, or values of expressions, named (a map) or not. */
    private boolean selection(Query<?> query) {
      SelectClause<?> select = query.clauses.select();
      if (select instanceof SelectClause.WholeRow<?> row) {
        shape.add(SelectClause.WholeRow.class);
        return row.merges().isEmpty() && row.source() == query.from.source();
      }
      if (!(select instanceof SelectClause.Items<?> items)) {
        return false;
      }
      shape.add(SelectClause.Items.class);
      shape.add(items.names());
      shape.add(items.items().size());
      for (int i = 0; i < items.items().size(); i++) {
        if (!(items.items().get(i) instanceof Expression<?> item) || !expression(item)) {
          return false;
        }
      }
      return true;
    }

    /** {@code count(DISTINCT operand) FILTER (WHERE …)}: the function, distinct, the operand and the filter. */
    private boolean aggregate(Aggregate<?> aggregate) {
      shape.add(Aggregate.class);
      shape.add(aggregate.function());
      shape.add(aggregate.distinct());
      Expression<?> operand = aggregate.operand();
      shape.add(operand == null);
      return (operand == null || expression(operand)) && written(aggregate.filter());
    }

    /** The table's whole struct, without merged values: what a bulk write returns. */
    private boolean wholeRow(Query<?> query) {
      return query.clauses.select() instanceof SelectClause.WholeRow<?> row && row.merges().isEmpty()
          && row.source() == query.from.source();
    }

    private void made(Integer value) {
      shape.add(value != null);
      if (value != null) {
        params.add(value >= 0 && value < SMALL_COUNTS.length ? SMALL_COUNTS[value] : new Param<>(Types.INTEGER, value));
        made.add(Boolean.TRUE);
      }
    }

    /** A condition written as it is, {@code TRUE} too (a HAVING, a join's ON); null when there is none. */
    private boolean written(Condition condition) {
      shape.add(condition != null);
      return condition == null || expression(condition);
    }

    /** A WHERE, which is left out when it is {@code TRUE}. */
    private boolean condition(Condition where) {
      if (where == null || where == Condition.TRUE) {
        shape.add(null);
        return true;
      }
      return expression(where);
    }

    /** A token of the node being walked: a part that decides its text. */
    void token(Object token) {
      shape.add(token);
    }

    /** A value the node being walked binds, in the order its rendering binds it. */
    void bound(BoundValue value) {
      params.add(value);
      made.add(Boolean.FALSE);
    }

    /** A node (every condition is one) writes its class and then its own parts; a field is itself. */
    boolean expression(Expression<?> expression) {
      if (expression instanceof Node node) {
        shape.add(node.getClass());
        return node.shape(this);
      }
      if (expression instanceof Field<?, ?> field) {
        shape.add(field);
        return true;
      }
      if (expression instanceof Aggregate<?> aggregate) {
        return aggregate(aggregate);
      }
      return false;
    }

    boolean expressions(List<? extends Expression<?>> expressions) {
      shape.add(expressions.size());
      for (int i = 0; i < expressions.size(); i++) {
        if (!expression(expressions.get(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
