package io.ecto4j.meta;

import io.ecto4j.internal.AssociationInternals;
import io.ecto4j.query.Query;
import java.util.List;

/** The repo's and changesets' way into an association's slot ({@link io.ecto4j.internal}). */
final class Bridge implements AssociationInternals {
  @Override
  public <P, C> List<C> children(Association<P, C> association, P struct) {
    return association.children(struct);
  }

  @Override
  public <P, C> Query<C> scoped(Association<P, C> association, Query<C> query) {
    return association.scoped(query);
  }

  @Override
  public <P, C> P put(Association<P, C> association, P struct, List<C> children) {
    return association.put(struct, children);
  }
}
