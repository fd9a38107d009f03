package io.ecto4j.meta;

import io.ecto4j.internal.AssociationInternals;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import java.util.List;
import java.util.function.Function;

/** The repo's and changesets' way into an association's slot ({@link io.ecto4j.internal}). */
final class Bridge implements AssociationInternals {
  @Override
  public <P, C> List<C> children(Association<P, C> association, P struct) {
    return association.children(struct);
  }

  @Override
  public <P, C> Query<C> scoped(Preload<P, C> preload, Query<C> query) {
    return preload.association().scoped(query, preload.query());
  }

  @Override
  public <C> Function<List<?>, List<Tuple2<Object, C>>> loader(Preload<?, C> preload) {
    return preload.loader();
  }

  @Override
  public <C> List<Field<C, ?>> taken(Preload<?, C> preload) {
    return preload.taken();
  }

  @Override
  public <P, C> P put(Association<P, C> association, P struct, List<C> children) {
    return association.put(struct, children);
  }
}
