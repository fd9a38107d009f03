package io.ecto4j.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The window of a window function, Ecto's {@code over(…, partition_by: …, order_by: …)}.
 * Immutable.
 *
 * <pre>{@code
 * Window byAuthor = Window.partitionBy(Posts.AUTHOR_ID).orderBy(Posts.VIEW_COUNT.desc());
 * Posts.query().select(Posts.TITLE, Functions.rowNumber().over(byAuthor));
 * }</pre>
 */
public final class Window {
  private static final Window EMPTY = new Window(List.of(), List.of());

  private final List<Expression<?>> partitionBy;
  private final List<Order> orderBy;

  private Window(List<Expression<?>> partitionBy, List<Order> orderBy) {
    this.partitionBy = partitionBy;
    this.orderBy = orderBy;
  }

  /** {@code OVER ()}: every row of the result is one partition. */
  public static Window empty() {
    return EMPTY;
  }

  /** {@code OVER (PARTITION BY …)}. */
  public static Window partitionBy(Expression<?>... expressions) {
    return new Window(Arguments.list("Window.partitionBy(…)", "expressions", expressions), List.of());
  }

  /** {@code OVER (ORDER BY …)}, without partitions. */
  public static Window orderedBy(Order... terms) {
    return new Window(List.of(), Arguments.list("Window.orderedBy(…)", "terms", terms));
  }

  /** This window with ordering terms appended. */
  public Window orderBy(Order... terms) {
    List<Order> combined = new ArrayList<>(orderBy);
    combined.addAll(Arguments.list("Window.orderBy(…)", "terms", terms));
    return new Window(partitionBy, List.copyOf(combined));
  }

  void render(SqlWriter w) {
    if (!partitionBy.isEmpty()) {
      w.append("PARTITION BY ").list(partitionBy, SqlWriter::expression);
    }
    if (!orderBy.isEmpty()) {
      w.append(partitionBy.isEmpty() ? "ORDER BY " : " ORDER BY ").list(orderBy, (writer, o) -> o.render(writer));
    }
  }

  @Override
  public String toString() {
    return "over(partition_by: " + partitionBy + ", order_by: " + orderBy + ")";
  }
}
