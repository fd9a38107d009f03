package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import java.util.Objects;

/**
 * A window function such as {@code row_number()} or {@code lag(x)}; it becomes an expression only
 * with its window, so a window function without {@code OVER} cannot be written:
 * {@code Functions.rank().over(Window.orderedBy(Posts.VIEW_COUNT.desc()))}.
 *
 * @param <V> the result type
 */
public final class WindowFunction<V> {
  private final Nodes.Call<V> call;

  WindowFunction(Nodes.Call<V> call) {
    this.call = call;
  }

  /** {@code function(…) OVER (window)}. */
  public Expression<V> over(Window window) {
    return new Nodes.Over<>(call, Objects.requireNonNull(window, "window"), call.type());
  }

  /** The type of the values it gives. */
  public FieldType<V> type() {
    return call.type();
  }

  @Override
  public String toString() {
    return call.toString();
  }
}
