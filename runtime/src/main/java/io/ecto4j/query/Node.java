package io.ecto4j.query;

/**
 * A piece of the query tree that renders itself: expressions, conditions and clauses. In
 * inspecting mode (for {@code toString()}) the same nodes render a readable form instead.
 */
interface Node {
  void render(SqlWriter writer);
}
