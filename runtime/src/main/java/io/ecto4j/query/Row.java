package io.ecto4j.query;

import java.util.List;
import java.util.Objects;

/**
 * A row value, {@code (a, b)}, compared with another of the same length as SQL compares rows:
 * left to right, the first unequal pair deciding. {@code row(x, y).gt(row(value(1), value(2)))}
 * is {@code (x, y) > (?, ?)}: what keyset pagination ({@link Query#after}) is built on, and what a
 * B-tree index on {@code (x, y)} answers with one range scan.
 *
 * <pre>{@code
 * Posts.query().where(row(Posts.INSERTED_AT, Posts.ID).lt(row(value(lastSeenAt), value(lastSeenId))))
 * }</pre>
 *
 * <p>As in SQL, a NULL in either row makes an ordering comparison NULL (no row matches).
 */
public final class Row {
  private final List<Expression<?>> items;

  Row(List<Expression<?>> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a row value needs at least one expression");
    }
    this.items = List.copyOf(items);
  }

  List<Expression<?>> items() {
    return items;
  }

  /** {@code (this) = (other)}. */
  public Condition eq(Row other) {
    return compare("=", other);
  }

  /** {@code (this) <> (other)}. */
  public Condition ne(Row other) {
    return compare("<>", other);
  }

  /** {@code (this) < (other)}. */
  public Condition lt(Row other) {
    return compare("<", other);
  }

  /** {@code (this) <= (other)}. */
  public Condition le(Row other) {
    return compare("<=", other);
  }

  /** {@code (this) > (other)}. */
  public Condition gt(Row other) {
    return compare(">", other);
  }

  /** {@code (this) >= (other)}. */
  public Condition ge(Row other) {
    return compare(">=", other);
  }

  Condition compare(String operator, Row other) {
    Objects.requireNonNull(other, "other");
    if (other.items.size() != items.size()) {
      throw new IllegalArgumentException("cannot compare the row " + this + " of " + items.size()
          + " values with the row " + other + " of " + other.items.size() + "; rows compare pairwise");
    }
    return new Nodes.Compare(new Nodes.RowValue(items), operator, new Nodes.RowValue(other.items));
  }

  @Override
  public String toString() {
    return "(" + Rows.joined(items) + ")";
  }
}
