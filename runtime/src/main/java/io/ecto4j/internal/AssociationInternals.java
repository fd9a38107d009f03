package io.ecto4j.internal;

import io.ecto4j.meta.Association;
import io.ecto4j.query.Query;
import java.util.List;

/** How the repo and changesets read and fill an association's slot on a struct. */
public interface AssociationInternals {
  /**
   * The loaded children of {@code struct}: the one parent or child of a to-one association (none
   * when it is null), every child of a to-many one. Throws if the slot is not loaded.
   */
  <P, C> List<C> children(Association<P, C> association, P struct);

  /**
   * {@code query} narrowed by the association's declared {@code where} and sorted by its declared
   * {@code preloadOrder} first, as a preload reads it.
   */
  <P, C> Query<C> scoped(Association<P, C> association, Query<C> query);

  /** A copy of {@code struct} with the slot filled from {@code children} (first or null for to-one). */
  <P, C> P put(Association<P, C> association, P struct, List<C> children);
}
