package io.ecto4j.meta;

import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
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
  /**
   * A caller's function from the distinct keys of the parents to their children, each child paired
   * with the key of the parent it belongs to: Ecto's {@code preload: [comments: fn post_ids -> … end]}.
   */
  interface Loader<C> extends Function<List<?>, List<Tuple2<Object, C>>> {}

  private final Association<P, C> association;
  private final UnaryOperator<Query<C>> query;
  private final List<Preloadable<C>> nested;
  private final boolean force;
  private final int limitPerParent;
  private final List<Field<C, ?>> take;
  private final Loader<C> loader;

  Preload(Association<P, C> association, UnaryOperator<Query<C>> query, List<Preloadable<C>> nested, boolean force) {
    this(association, query, nested, force, 0, List.of(), null);
  }

  private Preload(Association<P, C> association, UnaryOperator<Query<C>> query, List<Preloadable<C>> nested,
      boolean force, int limitPerParent, List<Field<C, ?>> take, Loader<C> loader) {
    this.association = Objects.requireNonNull(association, "association");
    this.query = query;
    this.nested = List.copyOf(nested);
    this.force = force;
    this.limitPerParent = limitPerParent;
    this.take = List.copyOf(take);
    this.loader = loader;
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
    return new Preload<>(association, query, combined, force, limitPerParent, take, loader);
  }

  /**
   * Refines the children's query, Ecto's custom preload query: a filter, an order, or a select of
   * its own. Its {@code orderBy}, if it has one, replaces the declared {@code preloadOrder}, as in
   * Ecto; without one, the declared order applies. A select must still make the related struct
   * (say, one built from a few columns); the repo reads each row's parent key beside it, so the
   * select need not include the foreign key.
   */
  public Preload<P, C> query(UnaryOperator<Query<C>> refine) {
    Objects.requireNonNull(refine, "refine");
    refuseWithLoader("query(…)");
    return new Preload<>(association, refine, nested, force, limitPerParent, take, loader);
  }

  /** Loads again even where the slot is already loaded (Ecto's {@code force: true}). */
  public Preload<P, C> force() {
    return new Preload<>(association, query, nested, true, limitPerParent, take, loader);
  }

  /**
   * Loads only {@code fields} of the children, the others left as a new struct has them, Ecto's
   * {@code select: [comments: [:id, :body]]} ({@code take}) on a preload: fewer columns read.
   *
   * <pre>{@code
   * repo.preload(posts, Posts.COMMENTS.take(Comments.ID, Comments.BODY));
   * }</pre>
   *
   * The parent key of each row is read beside the taken columns, so the foreign key need not be
   * among them. Nested preloads need the key they link by (a nested {@code Comments.USER} needs
   * {@code Comments.USER_ID}); a {@code through} association takes the fields of its last link's
   * structs and needs their primary key to tell them apart.
   */
  @SafeVarargs
  public final Preload<P, C> take(Field<C, ?>... fields) {
    List<Field<C, ?>> taken = List.of(Objects.requireNonNull(fields, "fields"));
    if (taken.isEmpty()) {
      throw new IllegalArgumentException("take(…) of " + association + " needs at least one field of "
          + association.related().schemaName());
    }
    for (Field<C, ?> field : taken) {
      if (!field.isPersisted() || field.table() != association.related()) {
        throw new IllegalArgumentException("take(" + field + ") of " + association + " needs a stored field of "
            + association.related().schemaName());
      }
    }
    refuseWithLoader("take(…)");
    return new Preload<>(association, query, nested, force, limitPerParent, taken, loader);
  }

  /** The fields to load, or empty for all. */
  List<Field<C, ?>> taken() {
    return take;
  }

  /**
   * This preload loaded by {@code loader} instead of a query; the association's typed
   * {@code loadWith} methods make it.
   */
  Preload<P, C> loadedBy(Loader<C> loader) {
    if (query != null || limitPerParent > 0 || !take.isEmpty()) {
      throw new IllegalArgumentException("loadWith(…) of " + association + " replaces the preload's query;"
          + " it cannot be combined with query(…), take(…) or limitPerParent(…)");
    }
    return new Preload<>(association, null, nested, force, 0, take, Objects.requireNonNull(loader, "loader"));
  }

  /** A loader over {@code children}, which carry their parent's key in {@code related}. */
  @SuppressWarnings("unchecked")
  static <C, K> Loader<C> byRelatedKey(Association<?, C> association, Supplier<Field<C, K>> related,
      Function<List<K>, List<C>> children) {
    Objects.requireNonNull(children, "children");
    return keys -> {
      Field<C, K> key = related.get();
      List<Tuple2<Object, C>> pairs = new ArrayList<>();
      for (C child : returned(association, children.apply((List<K>) keys))) {
        pairs.add(new Tuple2<>(key.get(child), child));
      }
      return pairs;
    };
  }

  /** A loader over {@code pairs}, each a parent's key and one of its children (a many-to-many's). */
  @SuppressWarnings("unchecked")
  static <C, K> Loader<C> byPairs(Association<?, C> association, Function<List<K>, List<Tuple2<K, C>>> pairs) {
    Objects.requireNonNull(pairs, "pairs");
    return keys -> {
      List<Tuple2<Object, C>> entries = new ArrayList<>();
      for (Tuple2<K, C> pair : returned(association, pairs.apply((List<K>) keys))) {
        if (pair.second() == null) {
          throw invalid(association, "a pair with a null struct: " + pair);
        }
        entries.add(new Tuple2<>(pair.first(), pair.second()));
      }
      return entries;
    };
  }

  private static <E> List<E> returned(Association<?, ?> association, List<E> values) {
    if (values == null) {
      throw invalid(association, "null instead of a list");
    }
    for (E value : values) {
      if (value == null) {
        throw invalid(association, "a list holding null");
      }
    }
    return values;
  }

  /** Ecto's words for a custom preload function whose result cannot be matched to the parents. */
  private static IllegalArgumentException invalid(Association<?, ?> association, String got) {
    return new IllegalArgumentException("invalid custom preload for `" + association.name() + "` on `"
        + association.owner().schemaName() + "` (" + association + "): the function given to loadWith(…)"
        + " returned " + got);
  }

  /** The caller's function, or null when a query loads the children. */
  Loader<C> loader() {
    return loader;
  }

  private void refuseWithLoader(String call) {
    if (loader != null) {
      throw new IllegalArgumentException(call + " of " + association + " cannot refine a preload through a"
          + " function: the function given to loadWith(…) runs the query");
    }
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
    refuseWithLoader("limitPerParent(…)");
    return new Preload<>(association, query, nested, force, count, take, loader);
  }

  /** The most children loaded per parent, or 0 for all. */
  public int limitPerParent() {
    return limitPerParent;
  }

  /** This preload itself, as {@link Association#preload()} answers for a bare association. */
  public Preload<P, C> preload() {
    return this;
  }

  @Override
  public String toString() {
    return association + (nested.isEmpty() ? "" : ".then" + nested) + (query == null ? "" : " (custom query)")
        + (force ? " (forced)" : "")
        + (limitPerParent > 0 ? " (" + limitPerParent + " per parent)" : "")
        + (take.isEmpty() ? "" : " (take " + take + ")") + (loader == null ? "" : " (function)");
  }
}
