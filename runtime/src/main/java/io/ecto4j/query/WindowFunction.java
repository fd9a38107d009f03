package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import java.util.Objects;

/**
 * A window function such as {@code row_number()} or {@code lag(x)}; it becomes an expression only
 * with its window, so a window function without {@code OVER} cannot be written:
 * {@code Functions.rank().over(Window.orderedBy(Posts.VIEW_COUNT.desc()))}, or
 * {@code Functions.rank().over("w")} for a window the query defines with {@link Query#window}.
 *
 * @param <V> the result type
 */
public final class WindowFunction<V> {
  private final Node call;
  private final FieldType<V> type;

  WindowFunction(Node call, FieldType<V> type) {
    this.call = call;
    this.type = type;
  }

  /** {@code function(…) OVER (window)}. */
  public Expression<V> over(Window window) {
    return Nodes.Over.of(call, window, type);
  }

  /** {@code function(…) OVER "name"}, Ecto's {@code over(f, :name)}: a window the query defines by name. */
  public Expression<V> over(String windowName) {
    return Nodes.Over.named(call, Objects.requireNonNull(windowName, "windowName"), type);
  }

  /** The type of the values it gives. */
  public FieldType<V> type() {
    return type;
  }

  @Override
  public String toString() {
    return SqlWriter.inspect(call);
  }
}
