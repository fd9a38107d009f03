package io.ecto4j.query;

/**
 * The kinds of join, Ecto's {@code :inner}, {@code :left}, {@code :right}, {@code :full},
 * {@code :cross} and the lateral joins. Lateral joins take a subquery ({@code Alias.of(query, …)})
 * that may refer to the sources joined before it.
 */
public enum JoinType {
  INNER("INNER JOIN", true),
  LEFT("LEFT OUTER JOIN", true),
  RIGHT("RIGHT OUTER JOIN", true),
  FULL("FULL OUTER JOIN", true),
  CROSS("CROSS JOIN", false),
  INNER_LATERAL("INNER JOIN LATERAL", true),
  LEFT_LATERAL("LEFT OUTER JOIN LATERAL", true),
  CROSS_LATERAL("CROSS JOIN LATERAL", false);

  private final String sql;
  private final boolean needsOn;

  JoinType(String sql, boolean needsOn) {
    this.sql = sql;
    this.needsOn = needsOn;
  }

  String sql() {
    return sql;
  }

  /** Whether the join takes an {@code ON} condition. */
  boolean needsOn() {
    return needsOn;
  }

  String inspect() {
    return this == INNER ? "join" : name().toLowerCase() + "_join";
  }
}
