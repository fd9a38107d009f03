package io.ecto4j.query;

import java.util.Objects;

/**
 * A boolean condition for {@code where}, built from typed expressions: {@code Posts.PUBLISHED.eq(true)}.
 * Immutable; combine with {@link #and}, {@link #or} and {@link #not}.
 *
 * <pre>{@code
 * Condition popular = Posts.PUBLISHED.eq(true).and(Posts.VIEW_COUNT.gt(100));
 * }</pre>
 */
public final class Condition {
  private final Nodes.Node node;

  Condition(Nodes.Node node) {
    this.node = Objects.requireNonNull(node, "node");
  }

  Nodes.Node node() {
    return node;
  }

  /** {@code (this AND other)}. */
  public Condition and(Condition other) {
    return new Condition(new Nodes.Junction("AND", node, other.node));
  }

  /** {@code (this OR other)}. */
  public Condition or(Condition other) {
    return new Condition(new Nodes.Junction("OR", node, other.node));
  }

  /** {@code NOT (this)}. */
  public Condition not() {
    return new Condition(new Nodes.Not(node));
  }

  @Override
  public String toString() {
    return SqlWriter.inspect(node);
  }
}
