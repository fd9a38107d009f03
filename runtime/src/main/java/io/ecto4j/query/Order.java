package io.ecto4j.query;

import java.util.Objects;

/**
 * One {@code ORDER BY} term: {@code Posts.INSERTED_AT.desc()}, optionally {@code .nullsLast()}.
 */
public final class Order {
  /** Sort direction. */
  public enum Direction { ASC, DESC }

  /** Where NULLs go; {@code DEFAULT} leaves it to PostgreSQL (last ascending, first descending). */
  public enum Nulls { DEFAULT, FIRST, LAST }

  private final Expression<?> expression;
  private final Direction direction;
  private final Nulls nulls;

  Order(Expression<?> expression, Direction direction, Nulls nulls) {
    this.expression = Objects.requireNonNull(expression, "expression");
    this.direction = direction;
    this.nulls = nulls;
  }

  Expression<?> expression() {
    return expression;
  }

  Direction direction() {
    return direction;
  }

  Nulls nulls() {
    return nulls;
  }

  /** This order with NULLs first. */
  public Order nullsFirst() {
    return new Order(expression, direction, Nulls.FIRST);
  }

  /** This order with NULLs last. */
  public Order nullsLast() {
    return new Order(expression, direction, Nulls.LAST);
  }

  /** The opposite order, Ecto's {@code reverse_order}: ASC and DESC swap, and so do NULLS FIRST and LAST. */
  Order reversed() {
    Nulls swapped = nulls == Nulls.FIRST ? Nulls.LAST : nulls == Nulls.LAST ? Nulls.FIRST : Nulls.DEFAULT;
    return new Order(expression, direction == Direction.ASC ? Direction.DESC : Direction.ASC, swapped);
  }

  void render(SqlWriter writer) {
    writer.expression(expression).append(direction == Direction.DESC ? " DESC" : "")
        .append(nulls == Nulls.DEFAULT ? "" : " NULLS " + nulls.name());
  }

  @Override
  public String toString() {
    return direction.name().toLowerCase() + ": " + expression
        + (nulls == Nulls.DEFAULT ? "" : " nulls " + nulls.name().toLowerCase());
  }
}
