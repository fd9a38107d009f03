package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.math.BigDecimal;

/**
 * An aggregate for {@code repo.aggregate(query, …)}, Ecto's {@code Repo.aggregate/3}.
 *
 * <pre>{@code
 * long posts = repo.aggregate(Posts.query(), Aggregate.count());
 * BigDecimal views = repo.aggregate(Posts.query(), Aggregate.sum(Posts.VIEW_COUNT));
 * }</pre>
 *
 * <p>{@code sum} and {@code avg} return {@link BigDecimal} so that no sum overflows and no average
 * is rounded; {@code min} and {@code max} keep the field's type. All but {@code count} give null
 * over no rows.
 *
 * @param <R> the result type
 */
public final class Aggregate<R> {
  private final String function;
  private final Expression<?> operand;
  private final FieldType<R> resultType;

  private Aggregate(String function, Expression<?> operand, FieldType<R> resultType) {
    this.function = function;
    this.operand = operand;
    this.resultType = resultType;
  }

  /** {@code count(*)}. */
  public static Aggregate<Long> count() {
    return new Aggregate<>("count", null, Types.LONG);
  }

  /** {@code count(expression)}: rows where it is not null. */
  public static Aggregate<Long> count(Expression<?> expression) {
    return new Aggregate<>("count", expression, Types.LONG);
  }

  /** {@code count(DISTINCT expression)}. */
  public static Aggregate<Long> countDistinct(Expression<?> expression) {
    return new Aggregate<>("count(DISTINCT", expression, Types.LONG);
  }

  /** {@code sum(expression)}, exact. */
  public static Aggregate<BigDecimal> sum(Expression<? extends Number> expression) {
    return new Aggregate<>("sum", expression, Types.DECIMAL);
  }

  /** {@code avg(expression)}, exact. */
  public static Aggregate<BigDecimal> avg(Expression<? extends Number> expression) {
    return new Aggregate<>("avg", expression, Types.DECIMAL);
  }

  /** {@code min(expression)}. */
  public static <V> Aggregate<V> min(Expression<V> expression) {
    return new Aggregate<>("min", expression, expression.type());
  }

  /** {@code max(expression)}. */
  public static <V> Aggregate<V> max(Expression<V> expression) {
    return new Aggregate<>("max", expression, expression.type());
  }

  /** How the result is read. */
  public FieldType<R> resultType() {
    return resultType;
  }

  void render(SqlWriter writer) {
    if (operand == null) {
      writer.append(function).append("(*)");
    } else if (function.endsWith("DISTINCT")) {
      writer.append(function).append(" ").expression(operand).append(")");
    } else {
      writer.append(function).append("(").expression(operand).append(")");
    }
  }

  @Override
  public String toString() {
    return function.replace("(DISTINCT", "_distinct") + "(" + (operand == null ? "*" : operand) + ")";
  }
}
