package io.ecto4j.query;

/**
 * A piece of the query tree that renders itself: expressions, conditions and clauses. In
 * inspecting mode (for {@code toString()}) the same nodes render a readable form instead.
 *
 * <p>A node also describes its own shape for the {@link StatementCache}, beside its rendering so
 * that the two cannot drift apart: what decides its text, and its bound values in the order
 * {@link #render} writes them.
 */
interface Node {
  void render(SqlWriter writer);

  /** How tightly the rendered node binds, for {@link SqlWriter#operand}; a term by default. */
  default Precedence precedence() {
    return Precedence.ATOM;
  }

  /**
   * Writes to {@code walk} the parts of this node that decide its text (operators, flags, list
   * sizes, nested nodes; the walk has written the node's class already) and its bound values, in
   * the order {@link #render} writes them; false when the node's text is not decided by that (a
   * subquery, a fragment, an alias), and the statement is then rendered every time. False by default.
   */
  default boolean shape(StatementCache.Walk walk) {
    return false;
  }
}
