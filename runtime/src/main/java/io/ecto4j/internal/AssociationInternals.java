package io.ecto4j.internal;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Preload;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import java.util.List;
import java.util.function.Function;

/** How the repo and changesets read and fill an association's slot on a struct. */
public interface AssociationInternals {
  /**
   * The loaded children of {@code struct}: the one parent or child of a to-one association (none
   * when it is null), every child of a to-many one. Throws if the slot is not loaded.
   */
  <P, C> List<C> children(Association<P, C> association, P struct);

  /**
   * {@code query} narrowed by the association's declared {@code where}, refined by the preload's
   * own query, and sorted by the declared {@code preloadOrder} unless the refinement orders it.
   */
  <P, C> Query<C> scoped(Preload<P, C> preload, Query<C> query);

  /** The caller's function that loads the preload's children by their parents' keys, or null. */
  <C> Function<List<?>, List<Tuple2<Object, C>>> loader(Preload<?, C> preload);

  /** The fields of the children a preload loads ({@code take}), or empty for all. */
  <C> List<Field<C, ?>> taken(Preload<?, C> preload);

  /** A copy of {@code struct} with the slot filled from {@code children} (first or null for to-one). */
  <P, C> P put(Association<P, C> association, P struct, List<C> children);
}
