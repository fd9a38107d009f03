package io.ecto4j.query;

import io.ecto4j.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The window of a window function, Ecto's {@code over(…, partition_by: …, order_by: …, frame: …)}.
 * Immutable.
 *
 * <pre>{@code
 * Window byAuthor = Window.partitionBy(Posts.AUTHOR_ID).orderBy(Posts.VIEW_COUNT.desc());
 * Posts.query().select(Posts.TITLE, Functions.rowNumber().over(byAuthor));
 * // a window defined once and named, Ecto's windows: [w: …]: WINDOW "w" AS (…) … OVER "w"
 * Posts.query().window("w", byAuthor).select(Posts.TITLE, Functions.rank().over("w"));
 * }</pre>
 *
 * <p>A frame ({@link #frame(Frame)}) says which rows around the current one the function sees;
 * {@link #frame(String, Expression[])} takes one written as SQL text, as Ecto's
 * {@code frame: fragment(…)} does.
 */
public final class Window {
  /** A window defined once in a query's {@code WINDOW} clause, Ecto's {@code windows: [name: …]}. */
  record Named(String name, Window window) {
    Named {
      SqlWriter.quote(name);
      Objects.requireNonNull(window, "window");
    }

    void render(SqlWriter w) {
      w.identifier(name).append(" AS (");
      window.render(w);
      w.append(')');
    }

    @Override
    public String toString() {
      return name + ": " + window;
    }
  }

  private static final Window EMPTY = new Window(List.of(), List.of(), null, null);

  private final List<Expression<?>> partitionBy;
  private final List<Order> orderBy;
  /** The typed frame, or null. */
  private final Frame frame;
  /** A frame written as SQL text, or null; never set with {@link #frame}. */
  private final Fragment<?> frameText;

  private Window(List<Expression<?>> partitionBy, List<Order> orderBy, Frame frame, Fragment<?> frameText) {
    this.partitionBy = partitionBy;
    this.orderBy = orderBy;
    this.frame = frame;
    this.frameText = frameText;
  }

  /** {@code OVER ()}: every row of the result is one partition. */
  public static Window empty() {
    return EMPTY;
  }

  /** {@code OVER (PARTITION BY …)}. */
  public static Window partitionBy(Expression<?>... expressions) {
    return new Window(Arguments.list("Window.partitionBy(…)", "expressions", expressions), List.of(), null, null);
  }

  /** {@code OVER (ORDER BY …)}, without partitions. */
  public static Window orderedBy(Order... terms) {
    return new Window(List.of(), Arguments.list("Window.orderedBy(…)", "terms", terms), null, null);
  }

  /** This window with ordering terms appended. */
  public Window orderBy(Order... terms) {
    List<Order> combined = new ArrayList<>(orderBy);
    combined.addAll(Arguments.list("Window.orderBy(…)", "terms", terms));
    return new Window(partitionBy, List.copyOf(combined), frame, frameText);
  }

  /** This window with a frame, {@code ROWS BETWEEN … AND …}; replaces an earlier frame. */
  public Window frame(Frame frame) {
    return new Window(partitionBy, orderBy, Objects.requireNonNull(frame, "frame"), null);
  }

  /**
   * This window with a frame written as SQL, Ecto's {@code frame: fragment("ROWS ? PRECEDING", ^n)}:
   * {@code frame("ROWS BETWEEN ? PRECEDING AND CURRENT ROW EXCLUDE TIES", Functions.value(3L))}.
   * The text is a developer literal checked as a fragment's is; each {@code ?} is one argument.
   */
  public Window frame(String sql, Expression<?>... args) {
    return new Window(partitionBy, orderBy, null, Fragment.of(Types.TEXT, sql, args));
  }

  /** The window's definition, what goes between the parentheses of {@code OVER (…)} and {@code AS (…)}. */
  void render(SqlWriter w) {
    String separator = "";
    if (!partitionBy.isEmpty()) {
      w.append("PARTITION BY ").list(partitionBy, SqlWriter::expression);
      separator = " ";
    }
    if (!orderBy.isEmpty()) {
      w.append(separator).append("ORDER BY ").list(orderBy, (writer, o) -> o.render(writer));
      separator = " ";
    }
    if (frame != null) {
      frame.requireOrder(orderBy.size());
      w.append(separator);
      frame.render(w);
    } else if (frameText != null) {
      w.append(separator);
      frameText.render(w);
    }
  }

  @Override
  public String toString() {
    Object framed = frame != null ? frame : frameText;
    return "over(partition_by: " + partitionBy + ", order_by: " + orderBy
        + (framed == null ? "" : ", frame: " + framed) + ")";
  }
}
