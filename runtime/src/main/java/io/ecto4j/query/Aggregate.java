package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An aggregate, Ecto's {@code count/sum/avg/min/max}: for {@code repo.aggregate(query, …)}, and
 * an expression like any other in {@code select}, {@code having} and {@code orderBy}, or over a
 * {@link Window}.
 *
 * <pre>{@code
 * long posts = repo.aggregate(Posts.query(), Aggregate.count());
 * BigDecimal views = repo.aggregate(Posts.query(), Aggregate.sum(Posts.VIEW_COUNT));
 * Posts.query().join(Posts.COMMENTS).groupBy(Posts.ID)
 *     .select(Posts.TITLE, Aggregate.count(Comments.ID));             // {p.title, count(c.id)}
 * }</pre>
 *
 * <p>{@code sum} and {@code avg} return {@link BigDecimal} so that no sum overflows and no average
 * is rounded; {@code min} and {@code max} keep the expression's type. All but {@code count} give
 * null over no rows.
 *
 * @param <R> the result type
 */
public sealed class Aggregate<R> implements Expression<R> permits Aggregate.Numeric {
  private final String function;
  private final boolean distinct;
  private final Expression<?> operand;
  private final FieldType<R> resultType;
  private final Condition filter;

  Aggregate(String function, boolean distinct, Expression<?> operand, FieldType<R> resultType,
      Condition filter) {
    this.function = function;
    this.distinct = distinct;
    this.operand = operand;
    this.resultType = resultType;
    this.filter = filter;
  }

  /** {@code count(*)}. */
  public static Numeric<Long> count() {
    return new Numeric<>("count", false, null, Types.LONG, null);
  }

  /** {@code count(expression)}: rows where it is not null. */
  public static Numeric<Long> count(Expression<?> expression) {
    return new Numeric<>("count", false, operand(expression), Types.LONG, null);
  }

  /** {@code count(DISTINCT expression)}. */
  public static Numeric<Long> countDistinct(Expression<?> expression) {
    return new Numeric<>("count", true, operand(expression), Types.LONG, null);
  }

  /** {@code sum(expression)}, exact. */
  public static Numeric<BigDecimal> sum(Expression<? extends Number> expression) {
    return new Numeric<>("sum", false, operand(expression), Types.DECIMAL, null);
  }

  /** {@code avg(expression)}, exact. */
  public static Numeric<BigDecimal> avg(Expression<? extends Number> expression) {
    return new Numeric<>("avg", false, operand(expression), Types.DECIMAL, null);
  }

  /** {@code min(expression)}. */
  public static <V> Aggregate<V> min(Expression<V> expression) {
    return new Aggregate<>("min", false, operand(expression), expression.type(), null);
  }

  /** {@code max(expression)}. */
  public static <V> Aggregate<V> max(Expression<V> expression) {
    return new Aggregate<>("max", false, operand(expression), expression.type(), null);
  }

  private static Expression<?> operand(Expression<?> expression) {
    return Objects.requireNonNull(expression, "expression");
  }

  /**
   * This aggregate over only the rows matching {@code condition}, Ecto's {@code filter/2}:
   * {@code count() FILTER (WHERE …)}.
   */
  public Aggregate<R> filter(Condition condition) {
    return new Aggregate<>(function, distinct, operand, resultType, filtered(condition));
  }

  Condition filtered(Condition condition) {
    return filter == null ? condition : filter.and(condition);
  }

  /**
   * A numeric aggregate, {@code count}, {@code sum} or {@code avg}: it also compares with number
   * literals, {@code count(Comments.ID).gt(0)} (see {@link NumericExpression}).
   */
  public static final class Numeric<R extends Number> extends Aggregate<R> implements NumericExpression<R> {
    Numeric(String function, boolean distinct, Expression<?> operand, FieldType<R> resultType, Condition filter) {
      super(function, distinct, operand, resultType, filter);
    }

    @Override
    public Numeric<R> filter(Condition condition) {
      Aggregate<R> aggregate = this;
      return new Numeric<>(aggregate.function, aggregate.distinct, aggregate.operand, aggregate.resultType,
          filtered(condition));
    }
  }

  /** This aggregate as a window function: {@code sum(x) OVER (PARTITION BY …)}. */
  public Expression<R> over(Window window) {
    return Nodes.Over.of(this::render, window, resultType);
  }

  /** This aggregate over a window the query defines by name, Ecto's {@code over(count(x), :w)}: {@code OVER "w"}. */
  public Expression<R> over(String windowName) {
    return Nodes.Over.named(this::render, windowName, resultType);
  }

  /** The SQL function, {@code count}. */
  String function() {
    return function;
  }

  /** Whether it aggregates distinct values, {@code count(DISTINCT …)}. */
  boolean distinct() {
    return distinct;
  }

  /** The condition of {@code FILTER (WHERE …)}, or null. */
  Condition filter() {
    return filter;
  }

  /** What it aggregates, e.g. {@code Posts.VIEW_COUNT} of {@code sum(Posts.VIEW_COUNT)}; null for {@code count(*)}. */
  Expression<?> operand() {
    return operand;
  }

  /** How the result is read. */
  public FieldType<R> resultType() {
    return resultType;
  }

  @Override
  public FieldType<R> type() {
    return resultType;
  }

  void render(SqlWriter writer) {
    writer.append(function).append('(').append(distinct ? "DISTINCT " : "");
    if (operand == null) {
      writer.append('*');
    } else {
      writer.expression(operand);
    }
    writer.append(')');
    if (filter != null) {
      writer.append(" FILTER (WHERE ");
      filter.render(writer);
      writer.append(')');
    }
  }

  @Override
  public String toString() {
    return (distinct ? function + "_distinct" : function) + "(" + (operand == null ? "*" : operand) + ")"
        + (filter == null ? "" : " filter " + filter);
  }
}
