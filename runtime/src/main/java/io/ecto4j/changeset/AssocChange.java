package io.ecto4j.changeset;

import io.ecto4j.internal.AssociationChange;
import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Struct;
import io.ecto4j.schema.OnReplace;
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
final class AssocChange<C extends Struct<C>> implements AssociationChange<C> {
  private final Association.Kind kind;
  private final List<Changeset<C>> children;
  private final OnReplace onReplace;
  private final boolean forcesUpdate;

  AssocChange(Association.Kind kind, List<Changeset<C>> children, OnReplace onReplace, boolean forcesUpdate) {
    this.kind = kind;
    this.children = List.copyOf(children);
    this.onReplace = onReplace;
    this.forcesUpdate = forcesUpdate;
  }

  @Override
  public AssocChange<C> withChildren(List<Changeset<C>> children) {
    return new AssocChange<>(kind, children, onReplace, forcesUpdate);
  }

  @Override
  public boolean forcesUpdate() {
    return forcesUpdate;
  }

  @Override
  public List<Changeset<C>> children() {
    return children;
  }

  @Override
  public List<Changeset<C>> kept() {
    return keptOf(children);
  }

  /** The children that stay: all but those marked {@code REPLACE}; of associations and embeds alike. */
  static <C extends Struct<C>> List<Changeset<C>> keptOf(List<Changeset<C>> children) {
    return children.stream().filter(c -> c.action().orElse(null) != Changeset.Action.REPLACE).toList();
  }

  @Override
  public List<Changeset<C>> replaced() {
    return children.stream().filter(c -> c.action().orElse(null) == Changeset.Action.REPLACE).toList();
  }

  @Override
  public OnReplace onReplace() {
    return onReplace;
  }

  @Override
  public Association.Kind kind() {
    return kind;
  }

  boolean isValid() {
    return kept().stream().allMatch(Changeset::isValid);
  }

  /**
   * {@code parent} with the association's slot holding {@link #applied()}; for a belongs_to, its
   * foreign key set to the parent's key too (null for none), as Ecto's {@code apply_changes}.
   */
  @SuppressWarnings("unchecked")
  <S> S applyTo(S parent, Association<S, ?> association) {
    List<C> values = applied();
    S applied = Internals.association().put((Association<S, C>) association, parent, values);
    if (kind != Association.Kind.BELONGS_TO) {
      return applied;
    }
    Object key = values.isEmpty() ? null : ((Association<S, C>) association).relatedField().get(values.get(0));
    return ((io.ecto4j.meta.Field<S, Object>) association.ownerField()).set(applied, key);
  }

  /** The kept children with their changes applied, less those marked {@code DELETE}, Ecto's {@code Relation.apply_changes}. */
  List<C> applied() {
    return appliedOf(kept());
  }

  /** The {@code kept} children applied, less those marked {@code DELETE}: Ecto's {@code Relation.apply_changes}. */
  static <C extends Struct<C>> List<C> appliedOf(List<Changeset<C>> kept) {
    List<C> values = new ArrayList<>();
    for (Changeset<C> child : kept) {
      if (child.action().orElse(null) != Changeset.Action.DELETE) {
        values.add(child.applyChanges());
      }
    }
    return values;
  }

  /** Ecto's nested errors: a list of maps (to-many) or a map (to-one); null when no child has errors. */
  Object traverseErrors(Function<ChangesetError, String> render) {
    return traverse(child -> child.traverseErrors(render));
  }

  /** Ecto's nested {@code traverse_validations}, shaped as {@link #traverseErrors}. */
  <R> Object traverseValidations(Function<Validation, R> render) {
    return traverse(child -> child.traverseValidations(render));
  }

  /** Each kept child's map, as a list (to-many) or the one map (to-one); null when every map is empty. */
  private Object traverse(Function<Changeset<C>, Map<String, Object>> perChild) {
    return nested(kept(), kind.isToOne(), perChild);
  }

  /**
   * Each child's map, as a list, or the one map when {@code one}; null when every map is empty:
   * the nesting of association and embed errors alike.
   */
  static <C extends Struct<C>> Object nested(List<Changeset<C>> children, boolean one,
      Function<Changeset<C>, Map<String, Object>> perChild) {
    List<Map<String, Object>> nested = new ArrayList<>();
    boolean any = false;
    for (Changeset<C> child : children) {
      Map<String, Object> map = perChild.apply(child);
      any |= !map.isEmpty();
      nested.add(map.isEmpty() ? new LinkedHashMap<>() : map);
    }
    if (!any) {
      return null;
    }
    return one ? nested.get(0) : nested;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AssocChange<?> other && kind == other.kind && children.equals(other.children)
        && onReplace == other.onReplace && forcesUpdate == other.forcesUpdate;
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
