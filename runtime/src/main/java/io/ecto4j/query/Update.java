package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One assignment of {@code repo.updateAll(query, …)} and of {@link OnConflict#update}, Ecto's
 * {@code set:}, {@code inc:}, {@code push:} and {@code pull:}. Values are bound parameters;
 * expressions may refer to the row's current values.
 *
 * <pre>{@code
 * repo.updateAll(Posts.query().where(Posts.ID.eq(id)),
 *     Update.set(Posts.PUBLISHED, true),
 *     Update.set(Posts.PUBLISHED_AT, Functions.now()),
 *     Update.inc(Posts.VIEW_COUNT, 1));
 * }</pre>
 *
 * <p>Ecto's {@code update_all} does not touch {@code updated_at}, and neither does this: set it
 * when you mean to.
 */
public final class Update {
  private final Expression<?> column;
  private final Expression<?> value;
  /** How {@link #toString} names it, as Ecto inspects it: {@code inc: }, {@code set: } …, built only when asked. */
  private final String verb;
  private final String operator;
  private final Object operand;

  private Update(Expression<?> column, Expression<?> value, String verb, String operator, Object operand) {
    this.column = Objects.requireNonNull(column, "column");
    this.value = value;
    this.verb = verb;
    this.operator = operator;
    this.operand = operand;
  }

  /** The column written and the value written to it, which the statement cache reads. */
  Expression<?> column() {
    return column;
  }

  Expression<?> value() {
    return value;
  }

  private String inspect() {
    return verb + column + operator + operand;
  }

  /** {@code column = value}; use {@link #setNull} for NULL. */
  public static <V> Update set(Expression<V> column, V value) {
    return new Update(column, new Param<>(column.type(), value), "set: ", " = ^", value);
  }

  /** {@code column = expression}, e.g. {@code set(Posts.PUBLISHED_AT, Functions.now())}. */
  public static <V> Update set(Expression<V> column, Expression<V> value) {
    Objects.requireNonNull(value, "value");
    return new Update(column, value, "set: ", " = ", value);
  }

  /** {@code column = NULL}. */
  public static <V> Update setNull(Expression<V> column) {
    return new Update(column, new Param<>(column.type(), null), "set: ", " = ", "nil");
  }

  /** {@code column = column + by}; a negative {@code by} decrements, as Ecto's {@code inc:}. */
  public static <V extends Number> Update inc(Expression<V> column, V by) {
    Objects.requireNonNull(by, "by");
    return new Update(column, new Nodes.OperatorValue<>(column, "+", by), "inc: ", " by ^", by);
  }

  /** Appends {@code value} to an array column, Ecto's {@code push:}. */
  public static <E> Update push(Expression<List<E>> column, E value) {
    Param<List<E>> one = new Param<>(column.type(), Collections.singletonList(value));
    return new Update(column, new Nodes.Call<>("array_cat", List.of(column, one), column.type()),
        "push: ", " ^", value);
  }

  /** Removes every element equal to {@code value} from an array column, Ecto's {@code pull:}. */
  public static <E> Update pull(Expression<List<E>> column, E value) {
    Param<List<E>> one = new Param<>(column.type(), Collections.singletonList(value));
    Fragment<List<E>> removal = Fragment.of(column.type(), "array_remove(?, (?)[1])", column, one);
    return new Update(column, removal, "pull: ", " ^", value);
  }

  /** {@code "column" = value}, where the column must belong to the table being written. */
  void render(SqlWriter w, Object rootKey, Table<?> table) {
    w.identifier(columnName(rootKey, table)).append(" = ").expression(value);
  }

  /**
   * Refuses a column written twice, as Ecto does ("duplicate field `title` for `update_all`"),
   * when the statement is built rather than by PostgreSQL's "multiple assignments to same column".
   */
  static void requireDistinctColumns(List<Update> updates, Object rootKey, Table<?> table, String operation) {
    Map<String, Update> seen = new HashMap<>();
    for (Update update : updates) {
      String column = update.columnName(rootKey, table);
      Update earlier = seen.putIfAbsent(column, update);
      if (earlier != null) {
        throw new IllegalArgumentException("duplicate field `" + update.column + "` for `" + operation + "`: "
            + earlier + " and " + update + " both write column \"" + column + "\"; write each field once");
      }
    }
  }

  /**
   * The column of a field an update may write: persisted and {@code writable = ALWAYS}; Ecto's
   * "cannot update non-updatable field" for {@code update_all} and an upsert's update query.
   */
  private String updatableColumn(Field<?, ?> field) {
    SqlWriter.requirePersisted(field);
    if (!field.isUpdatable()) {
      throw new IllegalArgumentException("cannot update non-updatable field `" + field.name() + "` in " + inspect()
          + ": " + field + " is declared writable = " + field.writable() + "; leave it out of the update, or declare"
          + " @Field(writable = ALWAYS)");
    }
    return field.column();
  }

  private String columnName(Object rootKey, Table<?> table) {
    if (column instanceof Field<?, ?> field && field.table() == table) {
      return updatableColumn(field);
    }
    if (column instanceof Nodes.Column<?> c && (c.alias() == null || c.alias() == rootKey)) {
      return c.name();
    }
    if (column instanceof Nodes.AliasField<?> f && f.alias() == rootKey) {
      return updatableColumn(f.field());
    }
    throw new IllegalArgumentException(inspect() + ": " + column + " is not a column of the table being"
        + " written (" + (table == null ? "its first source" : table.name()) + ")");
  }

  @Override
  public String toString() {
    return inspect();
  }
}
