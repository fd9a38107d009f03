package io.ecto4j.internal;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Struct;
import io.ecto4j.schema.OnReplace;
import java.util.List;

/**
 * The new value of an association in a changeset, as the repo writes it: one child changeset per
 * child, each marked with what the repo will do ({@code INSERT}, {@code UPDATE}, or {@code REPLACE}
 * for a child the new value left out, which {@link #onReplace()} says how to treat).
 *
 * @param <C> the child struct
 */
public interface AssociationChange<C extends Struct<C>> {
  /** Every child changeset, those being replaced included, in the order of the new value. */
  List<Changeset<C>> children();

  /** The children that stay in the association (all but those being replaced). */
  List<Changeset<C>> kept();

  /** The children being replaced: deleted or nilified according to {@link #onReplace()}. */
  List<Changeset<C>> replaced();

  OnReplace onReplace();

  Association.Kind kind();

  /**
   * Whether this change runs the parent's update even when none of its fields changed, Ecto's
   * {@code force_update_on_change} (a {@code castAssoc} change, unless told otherwise).
   */
  boolean forcesUpdate();

  /** This change with {@code children} instead, e.g. as the repo wrote them. */
  AssociationChange<C> withChildren(List<Changeset<C>> children);
}
