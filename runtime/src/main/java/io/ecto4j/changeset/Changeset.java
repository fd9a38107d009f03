package io.ecto4j.changeset;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable record of changes to a struct, their errors, and the action attempted: Ecto's
 * {@code Ecto.Changeset}. Nothing touches the database until a repo is given the changeset.
 *
 * <pre>{@code
 * Changeset<PostStruct> cs = Changeset.change(post)
 *     .putChange(Posts.TITLE, "A better title")
 *     .putChange(Posts.PUBLISHED, true);
 * cs.changes();              // {Post.title=A better title, Post.published=true}
 * repo.update(cs);           // UPDATE "posts" SET "title" = ?, "published" = ?, "updated_at" = ? …
 * }</pre>
 *
 * @param <S> the struct being changed
 */
public final class Changeset<S extends Struct<S>> {

  /** What a repo did, or was asked to do, with the changeset. */
  public enum Action { INSERT, UPDATE, DELETE, REPLACE, IGNORE, VALIDATE }

  private final S data;
  private final Map<Field<S, ?>, Object> changes;
  private final List<ChangesetError> errors;
  private final Action action;

  private Changeset(S data, Map<Field<S, ?>, Object> changes, List<ChangesetError> errors, Action action) {
    this.data = Objects.requireNonNull(data, "data");
    this.changes = changes;
    this.errors = errors;
    this.action = action;
  }

  /** A changeset of {@code data} with no changes yet, Ecto's {@code change/1}. */
  public static <S extends Struct<S>> Changeset<S> change(S data) {
    return new Changeset<>(data, Map.of(), List.of(), null);
  }

  /**
   * A changeset of {@code data} with {@code changes} applied as by {@link #putChange}, Ecto's
   * {@code change/2}. Values must be of each field's type.
   */
  public static <S extends Struct<S>> Changeset<S> change(S data, Map<Field<S, ?>, ?> changes) {
    Changeset<S> changeset = change(data);
    for (Map.Entry<Field<S, ?>, ?> entry : changes.entrySet()) {
      changeset = changeset.putUnchecked(entry.getKey(), entry.getValue());
    }
    return changeset;
  }

  private <V> Changeset<S> putUnchecked(Field<S, V> field, Object value) {
    return putChange(field, field.castValue(value));
  }

  /** The struct the changes apply to. */
  public S data() {
    return data;
  }

  /** The table of the struct. */
  public Table<S> table() {
    return data.schema();
  }

  /** The changes, in the order they were made. */
  public Map<Field<S, ?>, Object> changes() {
    return changes;
  }

  /** The errors, in the order they were added. */
  public List<ChangesetError> errors() {
    return errors;
  }

  /** Whether the changeset has no errors. */
  public boolean isValid() {
    return errors.isEmpty();
  }

  /** The action a repo attempted, if any. */
  public Optional<Action> action() {
    return Optional.ofNullable(action);
  }

  /** This changeset marked with {@code action}. */
  public Changeset<S> withAction(Action action) {
    return new Changeset<>(data, changes, errors, action);
  }

  /** The change to {@code field}, if there is one. */
  public <V> Optional<V> getChange(Field<S, V> field) {
    return Optional.ofNullable(field.castValue(changes.get(field)));
  }

  /** Whether {@code field} has a change (possibly to null). */
  public boolean hasChange(Field<S, ?> field) {
    return changes.containsKey(field);
  }

  /** The change to {@code field} if there is one, else its value in {@link #data()}. */
  public <V> V getField(Field<S, V> field) {
    return changes.containsKey(field) ? field.castValue(changes.get(field)) : field.get(data);
  }

  /**
   * Records {@code value} as the change to {@code field}; a value equal to the one in
   * {@link #data()} removes the change instead, as in Ecto.
   */
  public <V> Changeset<S> putChange(Field<S, V> field, V value) {
    if (field.type().same(field.get(data), value)) {
      return deleteChange(field);
    }
    return forceChange(field, value);
  }

  /** Records {@code value} as the change to {@code field} even when it equals the current value. */
  public <V> Changeset<S> forceChange(Field<S, V> field, V value) {
    Map<Field<S, ?>, Object> updated = new LinkedHashMap<>(changes);
    updated.put(field, value);
    return new Changeset<>(data, Collections.unmodifiableMap(updated), errors, action);
  }

  /** Drops the change to {@code field}, if any. */
  public Changeset<S> deleteChange(Field<S, ?> field) {
    if (!changes.containsKey(field)) {
      return this;
    }
    Map<Field<S, ?>, Object> updated = new LinkedHashMap<>(changes);
    updated.remove(field);
    return new Changeset<>(data, Collections.unmodifiableMap(updated), errors, action);
  }

  /** Adds an error on {@code field}, Ecto's {@code add_error/4}. */
  public Changeset<S> addError(Field<S, ?> field, String message, Map<String, Object> keys) {
    List<ChangesetError> updated = new ArrayList<>(errors);
    updated.add(new ChangesetError(field.name(), message, keys));
    return new Changeset<>(data, changes, List.copyOf(updated), action);
  }

  /** Adds an error on {@code field} with no metadata. */
  public Changeset<S> addError(Field<S, ?> field, String message) {
    return addError(field, message, Map.of());
  }

  /** {@link #data()} with every change applied, regardless of errors, Ecto's {@code apply_changes/1}. */
  public S applyChanges() {
    S applied = data;
    for (Map.Entry<Field<S, ?>, Object> change : changes.entrySet()) {
      applied = apply(applied, change.getKey(), change.getValue());
    }
    return applied;
  }

  private static <S, V> S apply(S struct, Field<S, V> field, Object value) {
    return field.set(struct, field.castValue(value));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("#Changeset<action: ")
        .append(action == null ? "nil" : action.name().toLowerCase()).append(", changes: {");
    int i = 0;
    for (Map.Entry<Field<S, ?>, Object> change : changes.entrySet()) {
      Field<S, ?> field = change.getKey();
      text.append(i++ == 0 ? "" : ", ").append(field.name()).append(": ")
          .append(field.isRedacted() ? "**redacted**" : change.getValue());
    }
    return text.append("}, errors: ").append(errors).append(", data: ").append(table().schemaName())
        .append(", valid?: ").append(isValid()).append('>').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Changeset<?> other && data.equals(other.data) && changes.equals(other.changes)
        && errors.equals(other.errors) && action == other.action;
  }

  @Override
  public int hashCode() {
    return Objects.hash(data, changes, errors, action);
  }
}
