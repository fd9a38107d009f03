package io.ecto4j.changeset;

import io.ecto4j.schema.OnReplace;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The new value of an association in a changeset: one child changeset per child, each marked with
 * what the repo will do ({@code INSERT}, {@code UPDATE}, or {@code REPLACE} for a child the new value
 * left out, which {@link #onReplace()} says how to treat).
 *
 * @param <C> the child struct
 */
public final class AssocChange<C extends Struct<C>> {
  private final Association.Kind kind;
  private final List<Changeset<C>> children;
  private final OnReplace onReplace;

  AssocChange(Association.Kind kind, List<Changeset<C>> children, OnReplace onReplace) {
    this.kind = kind;
    this.children = List.copyOf(children);
    this.onReplace = onReplace;
  }

  /** This change with {@code children} instead, e.g. as the repo wrote them. */
  public AssocChange<C> withChildren(List<Changeset<C>> children) {
    return new AssocChange<>(kind, children, onReplace);
  }

  /** Every child changeset, those being replaced included, in the order of the new value. */
  public List<Changeset<C>> children() {
    return children;
  }

  /** The children that stay in the association (all but those being replaced). */
  public List<Changeset<C>> kept() {
    return children.stream().filter(c -> c.action().orElse(null) != Changeset.Action.REPLACE).toList();
  }

  /** The children being replaced: deleted or nilified by the repo according to {@link #onReplace()}. */
  public List<Changeset<C>> replaced() {
    return children.stream().filter(c -> c.action().orElse(null) == Changeset.Action.REPLACE).toList();
  }

  public OnReplace onReplace() {
    return onReplace;
  }

  public Association.Kind kind() {
    return kind;
  }

  boolean isValid() {
    return kept().stream().allMatch(Changeset::isValid);
  }

  /** {@code parent} with the association's slot holding the kept children, changes applied. */
  @SuppressWarnings("unchecked")
  <S> S applyTo(S parent, Association<S, ?> association) {
    List<C> values = new ArrayList<>();
    for (Changeset<C> child : kept()) {
      values.add(child.applyChanges());
    }
    return ((Association<S, C>) association).put(parent, values);
  }

  /** Ecto's nested errors: a list of maps (to-many) or a map (to-one); null when no child has errors. */
  Object traverseErrors(Function<ChangesetError, String> render) {
    List<Map<String, Object>> nested = new ArrayList<>();
    boolean any = false;
    for (Changeset<C> child : kept()) {
      Map<String, Object> errors = child.traverseErrors(render);
      any |= !errors.isEmpty();
      nested.add(errors.isEmpty() ? new LinkedHashMap<>() : errors);
    }
    if (!any) {
      return null;
    }
    return kind.isToOne() ? nested.get(0) : nested;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AssocChange<?> other && kind == other.kind && children.equals(other.children)
        && onReplace == other.onReplace;
  }

  @Override
  public int hashCode() {
    return children.hashCode();
  }

  @Override
  public String toString() {
    return children.toString();
  }
}
