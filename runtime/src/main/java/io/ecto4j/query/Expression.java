package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.util.Collection;
import java.util.List;

/**
 * A typed SQL expression: a schema field such as {@code Posts.TITLE}, or a computed value. Its
 * comparisons build {@link Condition}s whose values are always bound parameters, and the value's
 * type must match: {@code Posts.TITLE.eq(5)} does not compile.
 *
 * <pre>{@code
 * Posts.query().where(Posts.PUBLISHED.eq(true).and(Posts.VIEW_COUNT.gt(100)))
 * }</pre>
 *
 * @param <V> the Java type of the expression's value
 */
public interface Expression<V> {

  /** How values compared with this expression are bound. */
  FieldType<V> type();

  /** {@code this = value}; comparing with null is refused, use {@link #isNull()}. */
  default Condition eq(V value) {
    return compare("=", value, "isNull()");
  }

  /** {@code this <> value}; comparing with null is refused, use {@link #isNotNull()}. */
  default Condition ne(V value) {
    return compare("<>", value, "isNotNull()");
  }

  /** {@code this < value}. */
  default Condition lt(V value) {
    return compare("<", value, null);
  }

  /** {@code this <= value}. */
  default Condition le(V value) {
    return compare("<=", value, null);
  }

  /** {@code this > value}. */
  default Condition gt(V value) {
    return compare(">", value, null);
  }

  /** {@code this >= value}. */
  default Condition ge(V value) {
    return compare(">=", value, null);
  }

  /** {@code this = other}, comparing two expressions of the same type (e.g. across a join). */
  default Condition eq(Expression<V> other) {
    return new Condition(new Nodes.Compare(this, "=", other));
  }

  /** {@code this IS NULL}. */
  default Condition isNull() {
    return new Condition(new Nodes.NullTest(this, true));
  }

  /** {@code this IS NOT NULL}. */
  default Condition isNotNull() {
    return new Condition(new Nodes.NullTest(this, false));
  }

  /** {@code this = ANY(?)}: the whole collection is one array parameter, whatever its size. */
  default Condition in(Collection<? extends V> values) {
    return new Condition(new Nodes.AnyOf(this, new Param<>(Types.list(type()), List.copyOf(values)), false));
  }

  /** {@code NOT (this = ANY(?))}. */
  default Condition notIn(Collection<? extends V> values) {
    return new Condition(new Nodes.AnyOf(this, new Param<>(Types.list(type()), List.copyOf(values)), true));
  }

  /** Ascending order on this expression. */
  default Order asc() {
    return new Order(this, Order.Direction.ASC, Order.Nulls.DEFAULT);
  }

  /** Descending order on this expression. */
  default Order desc() {
    return new Order(this, Order.Direction.DESC, Order.Nulls.DEFAULT);
  }

  private Condition compare(String operator, V value, String nullAlternative) {
    if (value == null) {
      throw new IllegalArgumentException("comparing " + this + " with null is not allowed in a query"
          + (nullAlternative == null ? "" : "; use " + this + "." + nullAlternative + " instead"));
    }
    return new Condition(new Nodes.Compare(this, operator, new Param<>(type(), value)));
  }
}
