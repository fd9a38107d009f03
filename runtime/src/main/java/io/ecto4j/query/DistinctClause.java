package io.ecto4j.query;

import java.util.List;

/**
 * Ecto's {@code distinct} clause: {@code SELECT DISTINCT}, or {@code DISTINCT ON (…)} whose terms
 * also lead the ORDER BY, as PostgreSQL requires and Ecto does.
 */
record DistinctClause(List<Order> on) {
  static final DistinctClause ALL = new DistinctClause(List.of());

  void render(SqlWriter w) {
    if (on.isEmpty()) {
      w.append("DISTINCT ");
      return;
    }
    w.append("DISTINCT ON (").list(on, (writer, o) -> writer.expression(o.expression())).append(") ");
  }

  @Override
  public String toString() {
    return on.isEmpty() ? "true" : on.toString();
  }
}
