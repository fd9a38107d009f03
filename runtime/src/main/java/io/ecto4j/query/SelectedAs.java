package io.ecto4j.query;

import java.util.Objects;

/**
 * A selected value with a name of its own, Ecto's {@code selected_as/2}: selected, it is
 * {@code expression AS "name"}; {@link #asc()}, {@link #desc()} and {@link Query#groupBy(SelectedAs[])}
 * refer to it by that name, Ecto's {@code selected_as/1}, so that a long expression is written once.
 *
 * <pre>{@code
 * SelectedAs<Long> comments = Functions.selectedAs(Aggregate.count(Comments.ID), "comments");
 * Posts.query().join(Posts.COMMENTS).groupBy(Posts.ID)
 *     .select(Posts.TITLE, comments).orderBy(comments.desc());   // ORDER BY "comments" DESC
 * }</pre>
 *
 * <p>It is a {@link Selectable}, not an {@link Expression}: it can only stand at the root of a
 * select (a tuple item, a record component, a map value), never inside another expression or in a
 * {@code where} — what Ecto checks when the query is built does not compile here. Ordering or
 * grouping by a name the query does not select fails when the query is rendered.
 *
 * @param <V> the value's type
 */
public final class SelectedAs<V> implements Selectable<V> {
  private final Expression<V> expression;
  private final String name;

  SelectedAs(Expression<V> expression, String name) {
    this.expression = Objects.requireNonNull(expression, "expression");
    SqlWriter.quote(name);
    this.name = name;
  }

  /** The name the value is selected as. */
  public String name() {
    return name;
  }

  Expression<V> expression() {
    return expression;
  }

  /** The selected value by its name, for {@code ORDER BY} and {@code GROUP BY}. */
  Expression<V> reference() {
    return new Nodes.SelectedRef<>(name, expression.type());
  }

  /** Ascending order on the selected value: {@code ORDER BY "name"}. */
  public Order asc() {
    return reference().asc();
  }

  /** Descending order on the selected value: {@code ORDER BY "name" DESC}. */
  public Order desc() {
    return reference().desc();
  }

  @Override
  public String toString() {
    return "selected_as(" + expression + ", " + name + ")";
  }
}
