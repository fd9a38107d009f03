package io.ecto4j.meta;

import io.ecto4j.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One association to preload, with what to preload below it and how to query it: Ecto's
 * {@code preload: [comments: {query, :author}]}.
 *
 * <pre>{@code
 * repo.preload(posts,
 *     Posts.AUTHOR,
 *     Posts.COMMENTS.then(Comments.USER),
 *     Posts.COMMENTS.query(q -> q.where(Comments.APPROVED.eq(true)).orderBy(Comments.INSERTED_AT.desc())));
 * }</pre>
 *
 * @param <P> the owning struct
 * @param <C> the related struct
 */
public final class Preload<P, C> implements Preloadable<P> {
  private final Association<P, C> association;
  private final UnaryOperator<Query<C>> query;
  private final List<Preloadable<C>> nested;
  private final boolean force;
  private final int limitPerParent;

  Preload(Association<P, C> association, UnaryOperator<Query<C>> query, List<Preloadable<C>> nested, boolean force) {
    this(association, query, nested, force, 0);
  }

  private Preload(Association<P, C> association, UnaryOperator<Query<C>> query, List<Preloadable<C>> nested,
      boolean force, int limitPerParent) {
    this.association = Objects.requireNonNull(association, "association");
    this.query = query;
    this.nested = List.copyOf(nested);
    this.force = force;
    this.limitPerParent = limitPerParent;
  }

  public Association<P, C> association() {
    return association;
  }

  /** The refinement of the children's query, or null for the plain one. */
  public UnaryOperator<Query<C>> query() {
    return query;
  }

  /** What to preload on the loaded children. */
  public List<Preloadable<C>> nested() {
    return nested;
  }

  /** Whether structs whose slot is already loaded are loaded again. */
  public boolean isForced() {
    return force;
  }

  /** Also preloads {@code paths} on the children. */
  @SafeVarargs
  public final Preload<P, C> then(Preloadable<C>... paths) {
    List<Preloadable<C>> combined = new ArrayList<>(nested);
    combined.addAll(List.of(paths));
    return new Preload<>(association, query, combined, force, limitPerParent);
  }

  /** Refines the children's query: a filter, an order (Ecto's custom preload query). */
  public Preload<P, C> query(UnaryOperator<Query<C>> refine) {
    return new Preload<>(association, Objects.requireNonNull(refine, "refine"), nested, force, limitPerParent);
  }

  /** Loads again even where the slot is already loaded (Ecto's {@code force: true}). */
  public Preload<P, C> force() {
    return new Preload<>(association, query, nested, true, limitPerParent);
  }

  /**
   * Loads at most {@code count} children per parent, in the order of {@link #query}: the 3 newest
   * comments of each post, in one statement (a {@code LATERAL} subquery per parent key). For
   * {@code has_many} and {@code many_to_many}; a plain {@code limit} in the query would cap all
   * parents together.
   *
   * <pre>{@code
   * repo.preload(posts, Posts.COMMENTS.query(q -> q.orderBy(Comments.INSERTED_AT.desc())).limitPerParent(3));
   * }</pre>
   */
  public Preload<P, C> limitPerParent(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("limitPerParent must be at least 1, got " + count);
    }
    if (association.kind().isToOne()) {
      throw new IllegalArgumentException("limitPerParent works for has_many and many_to_many; " + association
          + " is " + association.kind() + ", which loads at most one per parent");
    }
    if (association.isThrough()) {
      throw new IllegalArgumentException("limitPerParent cannot cap " + association + ", which goes through "
          + association.throughPath() + ": cap the path's link instead, e.g. a preload of its first association"
          + " with limitPerParent(" + count + ")");
    }
    return new Preload<>(association, query, nested, force, count);
  }

  /** The most children loaded per parent, or 0 for all. */
  public int limitPerParent() {
    return limitPerParent;
  }

  @Override
  public Preload<P, C> preload() {
    return this;
  }

  @Override
  public String toString() {
    return association + (nested.isEmpty() ? "" : ".then" + nested) + (query == null ? "" : " (custom query)")
        + (force ? " (forced)" : "")
        + (limitPerParent > 0 ? " (" + limitPerParent + " per parent)" : "");
  }
}
