package io.ecto4j.query;

/**
 * A piece of the query tree that renders itself: expressions, conditions and clauses. In
 * inspecting mode (for {@code toString()}) the same nodes render a readable form instead.
 */
interface Node {
  void render(SqlWriter writer);

  /** How tightly the rendered node binds, for {@link SqlWriter#operand}; a term by default. */
  default Precedence precedence() {
    return Precedence.ATOM;
  }
}
