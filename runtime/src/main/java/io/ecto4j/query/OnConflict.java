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
 * repo.insertAll(Posts.SCHEMA, posts, OnConflict.replaceAllExcept(Posts.INSERTED_AT).target(Posts.TITLE));
 * repo.insertAll(Posts.SCHEMA, posts,
 *     OnConflict.update(Update.inc(Posts.VIEW_COUNT, 1)).target(Posts.TITLE));             // an update
 * }</pre>
 *
 * <p>The updating forms need a conflict target ({@link #target} columns or
 * {@link #targetConstraint}), as PostgreSQL does. In an {@link #update}, schema fields are the
 * existing row's and {@link #excluded(Field)} is the row proposed for insertion. With
 * {@link #nothing()}, rows that were skipped are neither counted nor returned.
 */
public final class OnConflict {
  private enum Action { RAISE, NOTHING, REPLACE, REPLACE_ALL_EXCEPT, UPDATE }

  private static final OnConflict RAISE = new OnConflict(Action.RAISE, List.of(), List.of(), null, List.of(), null);

  private final Action action;
  private final List<Field<?, ?>> fields;
  private final List<Update> updates;
  private final Condition where;
  private final List<Field<?, ?>> target;
  private final String constraint;

  private OnConflict(Action action, List<Field<?, ?>> fields, List<Update> updates, Condition where,
      List<Field<?, ?>> target, String constraint) {
    this.action = action;
    this.fields = fields;
    this.updates = updates;
    this.where = where;
    this.target = target;
    this.constraint = constraint;
  }

  /** A conflict fails the statement (the default, Ecto's {@code :raise}). */
  public static OnConflict raise() {
    return RAISE;
  }

  /** {@code ON CONFLICT DO NOTHING}: conflicting rows are skipped. */
  public static OnConflict nothing() {
    return new OnConflict(Action.NOTHING, List.of(), List.of(), null, List.of(), null);
  }

  /** Replaces these fields of the existing row with the proposed ones, Ecto's {@code {:replace, fields}}. */
  public static OnConflict replace(Field<?, ?>... fields) {
    if (fields.length == 0) {
      throw new IllegalArgumentException("replace needs at least one field; use replaceAll() for every field");
    }
    return new OnConflict(Action.REPLACE, List.of(fields), List.of(), null, List.of(), null);
  }

  /** Replaces every inserted field but the primary key and the conflict target. */
  public static OnConflict replaceAll() {
    return new OnConflict(Action.REPLACE_ALL_EXCEPT, List.of(), List.of(), null, List.of(), null);
  }

  /** Like {@link #replaceAll()}, keeping also these fields, Ecto's {@code {:replace_all_except, fields}}. */
  public static OnConflict replaceAllExcept(Field<?, ?>... fields) {
    return new OnConflict(Action.REPLACE_ALL_EXCEPT, List.of(fields), List.of(), null, List.of(), null);
  }

  /** Updates the existing row, Ecto's {@code on_conflict: [inc: …]} or an update query. */
  public static OnConflict update(Update... updates) {
    if (updates.length == 0) {
      throw new IllegalArgumentException("update needs at least one Update");
    }
    return new OnConflict(Action.UPDATE, List.of(), List.of(updates), null, List.of(), null);
  }

  /** The row proposed for insertion, in an {@link #update}: {@code EXCLUDED."column"}. */
  public static <V> Expression<V> excluded(Field<?, V> field) {
    return new Nodes.Excluded<>(Objects.requireNonNull(field, "field"));
  }

  /** The conflict target: columns of a unique index, Ecto's {@code conflict_target: [:title]}. */
  public OnConflict target(Field<?, ?>... columns) {
    return new OnConflict(action, fields, updates, where, List.of(columns), null);
  }

  /** The conflict target as a named unique constraint: {@code ON CONFLICT ON CONSTRAINT "name"}. */
  public OnConflict targetConstraint(String name) {
    SqlWriter.quote(name);
    return new OnConflict(action, fields, updates, where, List.of(), name);
  }

  /** Only update existing rows matching {@code condition} ({@code DO UPDATE … WHERE}). */
  public OnConflict where(Condition condition) {
    if (action == Action.RAISE || action == Action.NOTHING) {
      throw new IllegalArgumentException("where(…) applies to the updating forms of OnConflict");
    }
    Condition combined = where == null ? condition : where.and(condition);
    return new OnConflict(action, fields, updates, combined, target, constraint);
  }

  /** {@code ON CONFLICT …}, for an insert of {@code inserted} columns into {@code table}. */
  void render(SqlWriter w, Table<?> table, Object rootKey, List<? extends Field<?, ?>> inserted) {
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
      w.list(updates, (writer, update) -> update.render(writer, rootKey, table));
    } else {
      w.list(replaced(table, inserted), (writer, field) ->
          writer.identifier(field.column()).append(" = EXCLUDED.").identifier(field.column()));
    }
    QueryRenderer.where(w, where);
  }

  private void renderTarget(SqlWriter w, Table<?> table) {
    if (constraint != null) {
      w.append(" ON CONSTRAINT ").identifier(constraint);
    } else if (!target.isEmpty()) {
      w.append(" (").list(owned(table, target, "target"), (writer, f) -> writer.identifier(f.column())).append(')');
    }
  }

  private List<Field<?, ?>> replaced(Table<?> table, List<? extends Field<?, ?>> inserted) {
    if (action == Action.REPLACE) {
      return owned(table, fields, "replace");
    }
    List<Field<?, ?>> replaced = new ArrayList<>();
    for (Field<?, ?> field : inserted) {
      boolean key = table.primaryKey().map(k -> k == field).orElse(false);
      if (!key && !target.contains(field) && !fields.contains(field)) {
        replaced.add(field);
      }
    }
    if (replaced.isEmpty()) {
      throw new IllegalArgumentException("replaceAllExcept(" + fields + ") leaves no field to replace");
    }
    return replaced;
  }

  private static List<Field<?, ?>> owned(Table<?> table, List<Field<?, ?>> fields, String what) {
    for (Field<?, ?> field : fields) {
      if (field.table() != table) {
        throw new IllegalArgumentException(what + "(" + field + "): not a field of " + table.schemaName());
      }
      SqlWriter.requirePersisted(field);
    }
    return fields;
  }

  @Override
  public String toString() {
    return "on_conflict: " + action.name().toLowerCase() + (fields.isEmpty() ? "" : " " + fields)
        + (updates.isEmpty() ? "" : " " + updates) + (target.isEmpty() ? "" : ", conflict_target: " + target)
        + (constraint == null ? "" : ", conflict_target: {:constraint, " + constraint + "}");
  }
}
