package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.util.Collection;
import java.util.Objects;

/**
 * A boolean condition for {@code where} and {@code having}, built from typed expressions:
 * {@code Posts.PUBLISHED.eq(true)}. Immutable; combine with {@link #and}, {@link #or} and
 * {@link #not}.
 *
 * <pre>{@code
 * Condition popular = Posts.PUBLISHED.eq(true).and(Posts.VIEW_COUNT.gt(100));
 * }</pre>
 *
 * <p>Conditions are plain values, so Ecto's {@code dynamic/2} needs nothing special: assemble one
 * at run time and pass it to {@code where} once.
 *
 * <pre>{@code
 * List<Condition> filters = new ArrayList<>();
 * if (params.published() != null) filters.add(Posts.PUBLISHED.eq(params.published()));
 * if (params.authorId() != null) filters.add(Posts.AUTHOR_ID.eq(params.authorId()));
 * Query<PostStruct> q = Posts.query().where(Condition.all(filters));   // TRUE when empty
 * }</pre>
 */
public abstract class Condition implements Expression<Boolean> {
  /** Always true; the identity of {@link #and}: {@code TRUE.and(c)} is {@code c}. */
  public static final Condition TRUE = new Nodes.Truth(new Nodes.Keyword<>("TRUE", Types.BOOLEAN));

  /** Always false; the identity of {@link #or}: {@code FALSE.or(c)} is {@code c}. */
  public static final Condition FALSE = new Nodes.Truth(new Nodes.Keyword<>("FALSE", Types.BOOLEAN));

  /**
   * Only this package's kinds ({@link Nodes}): each kind of condition is a node of the query tree
   * itself, so building one is one object, not a condition wrapping a node.
   */
  Condition() {}

  /** Every condition holds: {@code a AND b AND …}; {@link #TRUE} when there are none. */
  public static Condition all(Collection<Condition> conditions) {
    Condition result = TRUE;
    for (Condition condition : Arguments.list(conditions, "Condition.all(…)", "conditions")) {
      result = result.and(condition);
    }
    return result;
  }

  /** At least one condition holds: {@code a OR b OR …}; {@link #FALSE} when there are none. */
  public static Condition any(Collection<Condition> conditions) {
    Condition result = FALSE;
    for (Condition condition : Arguments.list(conditions, "Condition.any(…)", "conditions")) {
      result = result.or(condition);
    }
    return result;
  }

  /** {@code NOT (condition)}. */
  public static Condition not(Condition condition) {
    return condition.not();
  }

  /** A boolean expression (a boolean field, a boolean fragment) used as a condition. */
  public static Condition of(Expression<Boolean> expression) {
    Objects.requireNonNull(expression, "expression");
    return expression instanceof Condition condition ? condition : new Nodes.Truth(expression);
  }

  /**
   * A condition written in SQL, Ecto's {@code fragment/1} in a {@code where}: each {@code ?} is one
   * argument, and values are bound parameters:
   * {@code Condition.fragment("? @> ?", Samples.STRINGS, Functions.value(List.of("a"), Types.list(Types.STRING)))}.
   */
  public static Condition fragment(String sql, Expression<?>... args) {
    return of(Fragment.of(Types.BOOLEAN, sql, args));
  }

  /** {@code this AND other}, parenthesized where precedence needs it. */
  public Condition and(Condition other) {
    Objects.requireNonNull(other, "other");
    if (this == TRUE || other == FALSE) {
      return other;
    }
    if (other == TRUE || this == FALSE) {
      return this;
    }
    return new Nodes.Junction("AND", this, other);
  }

  /** {@code this OR other}, parenthesized where precedence needs it. */
  public Condition or(Condition other) {
    Objects.requireNonNull(other, "other");
    if (this == FALSE || other == TRUE) {
      return other;
    }
    if (other == FALSE || this == TRUE) {
      return this;
    }
    return new Nodes.Junction("OR", this, other);
  }

  /** {@code NOT (this)}. */
  public Condition not() {
    if (this == TRUE) {
      return FALSE;
    }
    return this == FALSE ? TRUE : new Nodes.Not(this);
  }

  @Override
  public FieldType<Boolean> type() {
    return Types.BOOLEAN;
  }

  /** Renders the condition; each kind, being a {@link Node}, does it publicly as well. */
  abstract void render(SqlWriter writer);

  @Override
  public String toString() {
    return SqlWriter.inspect(this::render); // the method reference is the Node that renders it
  }
}
