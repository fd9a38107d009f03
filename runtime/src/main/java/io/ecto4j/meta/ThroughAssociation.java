package io.ecto4j.meta;

import io.ecto4j.query.Query;
import java.util.List;
import java.util.function.Supplier;

/**
 * Ecto's {@code has_one}/{@code has_many … through:}: the structs at the end of a path of other
 * associations, {@code Posts.COMMENT_AUTHORS} through {@code [comments, author]}. It has no keys of
 * its own: preloading it preloads the path.
 */
public final class ThroughAssociation<P, C> extends Association<P, C> {
  private final boolean many;
  private final Supplier<List<Association<?, ?>>> path;

  ThroughAssociation(Declaration<P, C> declaration, boolean many, Supplier<List<Association<?, ?>>> path) {
    super(declaration);
    this.many = many;
    this.path = path;
  }

  @Override
  public Kind kind() {
    return many ? Kind.HAS_MANY : Kind.HAS_ONE;
  }

  @Override
  public boolean isThrough() {
    return true;
  }

  @Override
  public List<Association<?, ?>> throughPath() {
    return path.get();
  }

  /** The key of the path's start, the owner's field the first link relates by. */
  @Override
  @SuppressWarnings("unchecked")
  public Field<P, ?> ownerField() {
    return ((Association<P, ?>) throughPath().get(0)).ownerField();
  }

  /** The field of the path's end that relates it to the link before. */
  @Override
  @SuppressWarnings("unchecked")
  public Field<C, ?> relatedField() {
    List<Association<?, ?>> links = throughPath();
    return ((Association<?, C>) links.get(links.size() - 1)).relatedField();
  }

  @Override
  public Query<C> of(P parent) {
    throw new UnsupportedOperationException(this + " goes through " + throughPath()
        + ": preload it with repo.preload(struct, " + this + "), or query the path's last association");
  }
}
