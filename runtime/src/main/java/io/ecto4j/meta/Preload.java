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

  Preload(Association<P, C> association, UnaryOperator<Query<C>> query, List<Preloadable<C>> nested, boolean force) {
    this.association = Objects.requireNonNull(association, "association");
    this.query = query;
    this.nested = List.copyOf(nested);
    this.force = force;
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
    return new Preload<>(association, query, combined, force);
  }

  /** Refines the children's query: a filter, an order (Ecto's custom preload query). */
  public Preload<P, C> query(UnaryOperator<Query<C>> refine) {
    return new Preload<>(association, Objects.requireNonNull(refine, "refine"), nested, force);
  }

  /** Loads again even where the slot is already loaded (Ecto's {@code force: true}). */
  public Preload<P, C> force() {
    return new Preload<>(association, query, nested, true);
  }

  @Override
  public Preload<P, C> preload() {
    return this;
  }

  @Override
  public String toString() {
    return association + (nested.isEmpty() ? "" : ".then" + nested) + (query == null ? "" : " (custom query)")
        + (force ? " (forced)" : "");
  }
}
