package io.ecto4j.query;

import io.ecto4j.type.CastResult;

/**
 * An expression of a number: a numeric field ({@code Products.PRICE}), {@code count(…)},
 * {@code sum(…)}, {@code avg(…)}. Besides comparing with a value of its own type, it compares with a
 * number written as a literal, {@code count(Comments.ID).gt(0)}, {@code Products.PRICE.gt(10)}:
 * Java boxes an int into neither a {@code Long} nor a {@code BigDecimal}, so the literal is cast
 * to the expression's type as a param would be, and one that type cannot hold ({@code 2.5} for an
 * integer) is refused. Only numbers have these: {@code Posts.TITLE.eq(5)} still does not compile.
 *
 * @param <V> the number's Java type
 */
public interface NumericExpression<V extends Number> extends Expression<V> {

  /** {@code this = value}, {@code value} cast to this expression's type. */
  default Condition eq(long value) {
    return eq(literal(this, value));
  }

  /** {@code this = value}, {@code value} cast to this expression's type. */
  default Condition eq(double value) {
    return eq(literal(this, value));
  }

  /** {@code this <> value}, {@code value} cast to this expression's type. */
  default Condition ne(long value) {
    return ne(literal(this, value));
  }

  /** {@code this <> value}, {@code value} cast to this expression's type. */
  default Condition ne(double value) {
    return ne(literal(this, value));
  }

  /** {@code this < value}, {@code value} cast to this expression's type. */
  default Condition lt(long value) {
    return lt(literal(this, value));
  }

  /** {@code this < value}, {@code value} cast to this expression's type. */
  default Condition lt(double value) {
    return lt(literal(this, value));
  }

  /** {@code this <= value}, {@code value} cast to this expression's type. */
  default Condition le(long value) {
    return le(literal(this, value));
  }

  /** {@code this <= value}, {@code value} cast to this expression's type. */
  default Condition le(double value) {
    return le(literal(this, value));
  }

  /** {@code this > value}, {@code value} cast to this expression's type. */
  default Condition gt(long value) {
    return gt(literal(this, value));
  }

  /** {@code this > value}, {@code value} cast to this expression's type. */
  default Condition gt(double value) {
    return gt(literal(this, value));
  }

  /** {@code this >= value}, {@code value} cast to this expression's type. */
  default Condition ge(long value) {
    return ge(literal(this, value));
  }

  /** {@code this >= value}, {@code value} cast to this expression's type. */
  default Condition ge(double value) {
    return ge(literal(this, value));
  }

  private static <V> V literal(Expression<V> expression, Number literal) {
    Class<V> javaType = expression.type().javaType();
    if (javaType.isInstance(literal)) {
      return javaType.cast(literal); // a long for a bigint: nothing to cast, and no CastResult to build
    }
    CastResult<V> cast = expression.type().cast(literal);
    if (!cast.isOk()) {
      throw new IllegalArgumentException("cannot compare " + expression + " (" + expression.type().sqlType()
          + ") with the number " + literal + ": it is not a value of that type");
    }
    return cast.value();
  }
}
