package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code repo.insertAll} does with a row that conflicts with an existing one, Ecto's
 * {@code on_conflict:} with {@code conflict_target:}.
 *
 * <pre>{@code
 * repo.insertAll(Posts.SCHEMA, posts, OnConflict.nothing());                               // skip
 * repo.insertAll(Posts.SCHEMA, posts, OnConflict.replace(Posts.BODY).target(Posts.TITLE));  // upsert
 * repo.insertAll(Posts.SCHEMA, posts,
 *     OnConflict.replaceAllExcept(Posts.ID, Posts.INSERTED_AT).target(Posts.TITLE));          // keeps id
 * repo.insertAll(Posts.SCHEMA, posts,
 *     OnConflict.update(Update.inc(Posts.VIEW_COUNT, 1)).target(Posts.TITLE));             // an update
 * }</pre>
 *
 * <p>The updating forms need a conflict target ({@link #target} columns or
 * {@link #targetConstraint}), as PostgreSQL does. In an {@link #update}, schema fields are the
 * existing row's and {@link #excluded(Field)} is the row proposed for insertion. With
 * {@link #nothing()}, rows that were skipped are neither counted nor returned.
 *
 * <p>As in Ecto, {@link #replaceAll()} replaces every field, the primary key too: an upsert of a
 * row without an id gives the existing row the id its insert would have had. Keep the stored id
 * with {@code replaceAllExcept(Posts.ID)}.
 */
public final class OnConflict {
  private enum Action { RAISE, NOTHING, REPLACE, REPLACE_ALL, REPLACE_ALL_EXCEPT, UPDATE }

  private static final OnConflict RAISE = new OnConflict(Action.RAISE, List.of(), List.of(), null, List.of(), null, true);

  private final Action action;
  /** The replaced fields: {@link Field}s of a schema, or column names ({@code String}) of a table without one. */
  private final List<Object> fields;
  private final List<Update> updates;
  private final Condition where;
  /** The conflict target's columns, as {@link Field}s or column names. */
  private final List<Object> target;
  private final String constraint;
  private final boolean replaceChanged;

  private OnConflict(Action action, List<Object> fields, List<Update> updates, Condition where,
      List<Object> target, String constraint, boolean replaceChanged) {
    this.action = action;
    this.fields = fields;
    this.updates = updates;
    this.where = where;
    this.target = target;
    this.constraint = constraint;
    this.replaceChanged = replaceChanged;
  }

  private OnConflict with(List<Object> target, String constraint) {
    return new OnConflict(action, fields, updates, where, target, constraint, replaceChanged);
  }

  /** A conflict fails the statement (the default, Ecto's {@code :raise}). */
  public static OnConflict raise() {
    return RAISE;
  }

  /** {@code ON CONFLICT DO NOTHING}: conflicting rows are skipped. */
  public static OnConflict nothing() {
    return new OnConflict(Action.NOTHING, List.of(), List.of(), null, List.of(), null, true);
  }

  /** Replaces these fields of the existing row with the proposed ones, Ecto's {@code {:replace, fields}}. */
  public static OnConflict replace(Field<?, ?>... fields) {
    return replacing(Arguments.list("OnConflict.replace", "fields", fields));
  }

  /**
   * Replaces these columns of a table without schema ({@code repo.insertAll("t", rows, …)}) with
   * the proposed ones, Ecto's {@code {:replace, [:x, :y]}} on a table name.
   */
  public static OnConflict replace(String... columns) {
    List<String> replaced = Arguments.list("OnConflict.replace", "columns", columns);
    replaced.forEach(SqlWriter::quote);
    return replacing(replaced);
  }

  private static OnConflict replacing(List<?> replaced) {
    if (replaced.isEmpty()) {
      throw new IllegalArgumentException("OnConflict.replace(…) requires a non-empty list of fields;"
          + " use replaceAll() for every field");
    }
    return new OnConflict(Action.REPLACE, List.copyOf(replaced), List.of(), null, List.of(), null, true);
  }

  /**
   * Replaces every field of the schema but the conflict target with the proposed row's, Ecto's
   * {@code :replace_all}: the primary key too, so the row takes the proposed id (the next one of
   * its sequence when the row had none). Use {@code replaceAllExcept(Posts.ID)} to keep the id.
   */
  public static OnConflict replaceAll() {
    return new OnConflict(Action.REPLACE_ALL, List.of(), List.of(), null, List.of(), null, true);
  }

  /**
   * Like {@link #replaceAll()}, keeping these fields, Ecto's {@code {:replace_all_except, fields}}:
   * {@code replaceAllExcept(Posts.ID, Posts.INSERTED_AT)} keeps the stored id and insert time.
   */
  public static OnConflict replaceAllExcept(Field<?, ?>... fields) {
    return new OnConflict(Action.REPLACE_ALL_EXCEPT,
        List.copyOf(Arguments.list("OnConflict.replaceAllExcept", "fields", fields)), List.of(), null, List.of(),
        null, true);
  }

  /** Updates the existing row, Ecto's {@code on_conflict: [inc: …]} or an update query. */
  public static OnConflict update(Update... updates) {
    List<Update> all = Arguments.list("OnConflict.update", "updates", updates);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("update needs at least one Update");
    }
    return new OnConflict(Action.UPDATE, List.of(), all, null, List.of(), null, true);
  }

  /** The row proposed for insertion, in an {@link #update}: {@code EXCLUDED."column"}. */
  public static <V> Expression<V> excluded(Field<?, V> field) {
    return new Nodes.Excluded<>(Objects.requireNonNull(field, "field"));
  }

  /** The conflict target: columns of a unique index, Ecto's {@code conflict_target: [:title]}. */
  public OnConflict target(Field<?, ?>... columns) {
    List<Field<?, ?>> target = Arguments.list("OnConflict.target", "columns", columns);
    requireNotRaise("target" + target);
    return with(List.copyOf(target), null);
  }

  /** The conflict target as column names, for a table without schema. */
  public OnConflict target(String... columns) {
    List<String> target = Arguments.list("OnConflict.target", "columns", columns);
    target.forEach(SqlWriter::quote);
    requireNotRaise("target" + target);
    return with(List.copyOf(target), null);
  }

  /**
   * Whether {@link #replaceAll()} and {@link #replaceAllExcept} leave the conflict target's
   * columns out of the {@code SET} list, Ecto's {@code replace_changed:} option, true by default:
   * their values are equal on a conflict, and leaving them out lets PostgreSQL make a HOT update.
   * {@code replaceChanged(false)} writes them too (for a trigger that must see them set).
   */
  public OnConflict replaceChanged(boolean replaceChanged) {
    return new OnConflict(action, fields, updates, where, target, constraint, replaceChanged);
  }

  /** The conflict target as a named unique constraint: {@code ON CONFLICT ON CONSTRAINT "name"}. */
  public OnConflict targetConstraint(String name) {
    SqlWriter.quote(name);
    requireNotRaise("targetConstraint(\"" + name + "\")");
    return with(List.of(), name);
  }

  /** Ecto's ArgumentError: a conflict target means nothing when a conflict raises. */
  private void requireNotRaise(String target) {
    if (action == Action.RAISE) {
      throw new IllegalArgumentException("conflict target option is forbidden when onConflict is raise():"
          + " OnConflict.raise()." + target + " would still fail on every conflict; give the target to"
          + " nothing(), replace(…), replaceAll(), replaceAllExcept(…) or update(…)");
    }
  }

  /** Only update existing rows matching {@code condition} ({@code DO UPDATE … WHERE}). */
  public OnConflict where(Condition condition) {
    if (action == Action.RAISE || action == Action.NOTHING) {
      throw new IllegalArgumentException("where(…) applies to the updating forms of OnConflict");
    }
    Condition combined = where == null ? condition : where.and(condition);
    return new OnConflict(action, fields, updates, combined, target, constraint, replaceChanged);
  }

  /**
   * What the text of this clause depends on when it binds no parameter, as a key of the insert
   * texts kept by shape ({@link StatementCache.InsertShape}); null when it binds some (an update's
   * values, a {@code where}), and an insert with it is then rendered each time.
   */
  Object shape() {
    return updates.isEmpty() && where == null ? new Shape(action, fields, target, constraint, replaceChanged) : null;
  }

  private record Shape(Action action, List<Object> fields, List<Object> target, String constraint,
      boolean replaceChanged) {}

  /** Whether the insert may come back without its row: skipped, or an update that its {@code where} refused. */
  boolean maySkip() {
    return action != Action.RAISE;
  }

  /** Whether a skipped row is what was asked for ({@code DO NOTHING}), not a stale entry. */
  boolean skipsQuietly() {
    return action == Action.NOTHING;
  }

  /** {@code ON CONFLICT …}, for an insert into {@code table} (null: a table without schema). */
  void render(SqlWriter w, Table<?> table, Object rootKey) {
    if (action == Action.RAISE) {
      return;
    }
    w.append(" ON CONFLICT");
    renderTarget(w, table);
    if (action == Action.NOTHING) {
      w.append(" DO NOTHING");
      return;
    }
    if (target.isEmpty() && constraint == null) {
      throw new IllegalArgumentException("ON CONFLICT DO UPDATE needs a conflict target, e.g. "
          + "OnConflict.replace(…).target(Posts.TITLE) or .targetConstraint(\"posts_title_index\")");
    }
    w.append(" DO UPDATE SET ");
    if (action == Action.UPDATE) {
      Update.requireDistinctColumns(updates, rootKey, table, "OnConflict.update");
      w.list(updates, (writer, update) -> update.render(writer, rootKey, table));
    } else {
      w.list(replaced(table), (writer, column) ->
          writer.identifier(column).append(" = EXCLUDED.").identifier(column));
    }
    QueryRenderer.where(w, where);
  }

  private void renderTarget(SqlWriter w, Table<?> table) {
    if (constraint != null) {
      w.append(" ON CONSTRAINT ").identifier(constraint);
    } else if (!target.isEmpty()) {
      w.append(" (").list(owned(table, target, "target"), SqlWriter::identifier).append(')');
    }
  }

  /**
   * The fields {@code DO UPDATE SET} replaces: the named ones, or, as Ecto's {@code replace_all}
   * and {@code replace_all_except}, every updatable field of the schema (the primary key included,
   * {@code @Field(writable = INSERT/NEVER)} left out) but the conflict target and the excepted ones.
   */
  private List<String> replaced(Table<?> table) {
    if (action == Action.REPLACE) {
      requireUpdatable(fields);
      return owned(table, fields, "replace");
    }
    if (table == null) {
      throw new IllegalArgumentException("cannot use " + (action == Action.REPLACE_ALL ? "replaceAll()"
          : "replaceAllExcept(…)") + " on operations without a schema; name the columns with OnConflict.replace(…)");
    }
    List<String> excepted = owned(table, fields, "replaceAllExcept");
    List<String> kept = replaceChanged ? owned(table, target, "target") : List.of();
    List<String> replaced = new ArrayList<>();
    for (Field<?, ?> field : table.fields()) {
      if (field.isUpdatable() && !kept.contains(field.column()) && !excepted.contains(field.column())) {
        replaced.add(field.column());
      }
    }
    if (replaced.isEmpty()) {
      throw new IllegalArgumentException("empty list of fields to update, use OnConflict.replace(…) instead: "
          + this + " leaves no field of " + table.schemaName() + " to replace");
    }
    return replaced;
  }

  /** Ecto's ArgumentError: replacing a field that {@code @Field(writable = INSERT/NEVER)} keeps is refused, not dropped. */
  private void requireUpdatable(List<Object> fields) {
    for (Object item : fields) {
      if (item instanceof Field<?, ?> field && !field.isUpdatable()) {
        throw new IllegalArgumentException("cannot replace non-updatable field `" + field.name() + "` in " + this
            + ": " + field + " is writable = " + field.writable() + "; leave it out of OnConflict.replace(…)");
      }
    }
  }

  /** The columns of {@code fields}, each a field of {@code table} or, without a schema, a column name. */
  private static List<String> owned(Table<?> table, List<Object> fields, String what) {
    List<String> columns = new ArrayList<>(fields.size());
    for (Object item : fields) {
      if (item instanceof String column) {
        columns.add(column);
        continue;
      }
      Field<?, ?> field = (Field<?, ?>) item;
      if (table == null || field.table() != table) {
        throw new IllegalArgumentException(what + "(" + field + "): not a field of "
            + (table == null ? "a table without schema; name its columns as strings" : table.schemaName()));
      }
      SqlWriter.requirePersisted(field);
      columns.add(field.column());
    }
    return columns;
  }

  @Override
  public String toString() {
    return "on_conflict: " + action.name().toLowerCase() + (fields.isEmpty() ? "" : " " + fields)
        + (updates.isEmpty() ? "" : " " + updates) + (target.isEmpty() ? "" : ", conflict_target: " + target)
        + (constraint == null ? "" : ", conflict_target: {:constraint, " + constraint + "}")
        + (replaceChanged ? "" : ", replace_changed: false");
  }
}
