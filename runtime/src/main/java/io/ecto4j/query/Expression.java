package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed SQL expression: a schema field such as {@code Posts.TITLE}, a joined field
 * ({@code c.field(Comments.BODY)}), a column of a table without schema
 * ({@code Query.column("title", Types.STRING)}), or a computed value from {@link Functions}. Its
 * comparisons build {@link Condition}s whose values are always bound parameters, and the value's
 * type must match: {@code Posts.TITLE.eq(5)} does not compile.
 *
 * <pre>{@code
 * Posts.query().where(Posts.PUBLISHED.eq(true).and(Posts.VIEW_COUNT.between(10, 100)))
 * }</pre>
 *
 * <p>Comparing with {@code null} is refused, as in Ecto: SQL's {@code = NULL} is never true, so
 * {@code eq(null)} would silently match nothing. Use {@link #isNull()}.
 *
 * @param <V> the Java type of the expression's value
 */
public interface Expression<V> extends Selectable<V> {

  /** How values of this expression are bound and read. */
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
    return new Nodes.Compare(this, "=", Objects.requireNonNull(other, "other"));
  }

  /** {@code this <> other}. */
  default Condition ne(Expression<V> other) {
    return new Nodes.Compare(this, "<>", Objects.requireNonNull(other, "other"));
  }

  /** {@code this < other}. */
  default Condition lt(Expression<V> other) {
    return new Nodes.Compare(this, "<", Objects.requireNonNull(other, "other"));
  }

  /** {@code this <= other}. */
  default Condition le(Expression<V> other) {
    return new Nodes.Compare(this, "<=", Objects.requireNonNull(other, "other"));
  }

  /** {@code this > other}. */
  default Condition gt(Expression<V> other) {
    return new Nodes.Compare(this, ">", Objects.requireNonNull(other, "other"));
  }

  /** {@code this >= other}. */
  default Condition ge(Expression<V> other) {
    return new Nodes.Compare(this, ">=", Objects.requireNonNull(other, "other"));
  }

  /** {@code this BETWEEN low AND high}, both ends included. */
  default Condition between(V low, V high) {
    return between(bound(low, "low"), bound(high, "high"));
  }

  /** {@code this BETWEEN low AND high}, with expressions as the ends. */
  default Condition between(Expression<V> low, Expression<V> high) {
    return new Nodes.Between(this, Objects.requireNonNull(low, "low"),
        Objects.requireNonNull(high, "high"));
  }

  /** {@code this IS NULL}. */
  default Condition isNull() {
    return new Nodes.NullTest(this, true);
  }

  /** {@code this IS NOT NULL}. */
  default Condition isNotNull() {
    return new Nodes.NullTest(this, false);
  }

  /**
   * {@code this = ANY(?)}: the whole collection is one array parameter, whatever its size; an
   * empty one matches no row. A null collection, or a null in it, is refused: {@code = NULL}
   * matches nothing, use {@link #isNull()}.
   */
  default Condition in(Collection<? extends V> values) {
    return new Nodes.AnyOf(this, listParam("in", values), false);
  }

  /** {@code NOT (this = ANY(?))}; a null collection, or a null in it, is refused as for {@link #in}. */
  default Condition notIn(Collection<? extends V> values) {
    return new Nodes.AnyOf(this, listParam("notIn", values), true);
  }

  /**
   * {@code this = ANY(array)}: whether an array expression holds this value, Ecto's
   * {@code x in p.tags}: {@code Functions.value("elixir").in(Posts.TAGS)}. Over a list of
   * expressions, Ecto's {@code x in [p.a, p.b]}, it is {@link Functions#in(Expression, Expression[])}.
   */
  default Condition in(Expression<List<V>> array) {
    return new Nodes.AnyOf(this, Objects.requireNonNull(array, "array"), false);
  }

  /** {@code NOT (this = ANY(array))}: the array expression does not hold this value. */
  default Condition notIn(Expression<List<V>> array) {
    return new Nodes.AnyOf(this, Objects.requireNonNull(array, "array"), true);
  }

  /** {@code this IN (SELECT …)}: the subquery selects one value of the same type. */
  default Condition in(Query<? extends V> subquery) {
    return new Nodes.InQuery(this, Objects.requireNonNull(subquery, "subquery"), false);
  }

  /** {@code this NOT IN (SELECT …)}; beware that a NULL in the subquery's rows matches nothing. */
  default Condition notIn(Query<? extends V> subquery) {
    return new Nodes.InQuery(this, Objects.requireNonNull(subquery, "subquery"), true);
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
    return new Nodes.CompareValue<>(this, operator, value);
  }

  /** The values of {@code in}/{@code notIn} as one array parameter; Ecto's cast error for a null one. */
  private Param<List<V>> listParam(String operation, Collection<? extends V> values) {
    String call = this + "." + operation + "(…)";
    if (values == null) {
      throw new IllegalArgumentException("value `null` in `" + call + "` cannot be cast to type {:in, "
          + type().sqlType() + "}: pass a collection (an empty one matches no row)");
    }
    List<V> copy = new ArrayList<>(values);
    int at = copy.indexOf(null);
    if (at >= 0) {
      throw new IllegalArgumentException("value `null` at index " + at + " of `" + call + "` is not allowed:"
          + " a comparison with null matches nothing in SQL; use " + this + ".isNull()");
    }
    return new Param<>(Types.list(type()), List.copyOf(copy));
  }

  private Expression<V> bound(V value, String which) {
    if (value == null) {
      throw new IllegalArgumentException("the " + which + " end of " + this + ".between(…) is null;"
          + " a comparison with null matches nothing, use isNull()");
    }
    return new Param<>(type(), value);
  }
}
