package io.ecto4j.query;

import io.ecto4j.meta.Preloadable;
import java.util.List;

/**
 * The clauses that shape a query's rows after its {@code where}, and what each row becomes: each
 * step of {@link Query} replaces one of them; what the query reads is {@link FromClause}, and which
 * rows it keeps is the query's own {@code where}.
 *
 * <p>A query built per call ({@code Posts.query().join(…).groupBy(…).orderBy(…).limit(…).select(…)})
 * makes a new query at every step, and each step copies the record it changes: so {@code where},
 * the clause nearly every such query sets, lives on the query itself, the four clauses that most
 * of the rest set are here, and the ones seldom set are apart in {@link Rare}. A step then copies
 * a record of five references and a flag, not of eleven (a step of W6's query makes 72 bytes, not
 * 112; docs/benchmarks.md).
 *
 * @param groupBy the {@code GROUP BY} terms
 * @param select what each row becomes; null for a table without schema until selected
 * @param selected whether the caller wrote the select (or a selectMerge); a second select is refused, as in Ecto
 * @param orderBy the ordering terms
 * @param limit the limit, or null
 * @param rare the clauses seldom set
 */
record Clauses<T>(List<Expression<?>> groupBy, SelectClause<T> select, boolean selected, List<Order> orderBy,
    Integer limit, Rare rare) {
  /**
   * The clauses a query seldom sets.
   *
   * @param having the {@code HAVING} conditions joined so far, or null
   * @param windows the named windows, Ecto's {@code windows:}, in the order defined
   * @param distinct {@code DISTINCT [ON]}, or null
   * @param withTies whether the limit keeps the rows tied with the last one ({@code FETCH FIRST … WITH TIES})
   * @param offset the offset, or null
   * @param lock the row lock, or null
   * @param preloads the separate-query preloads, in order
   */
  record Rare(Condition having, List<Window.Named> windows, DistinctClause distinct, boolean withTies, Integer offset,
      Lock lock, List<Preloadable<?>> preloads) {
    static final Rare NONE = new Rare(null, List.of(), null, false, null, null, List.of());

    /** Whether any of these cuts, groups, orders or locks the rows (preloads do not). */
    boolean shapeRows() {
      return having != null || !windows.isEmpty() || distinct != null || offset != null || lock != null;
    }
  }

  /** No clauses yet, rows becoming {@code select}. */
  static <T> Clauses<T> selecting(SelectClause<T> select) {
    return new Clauses<>(List.of(), select, false, List.of(), null, Rare.NONE);
  }

  Condition having() {
    return rare.having();
  }

  List<Window.Named> windows() {
    return rare.windows();
  }

  DistinctClause distinct() {
    return rare.distinct();
  }

  boolean withTies() {
    return rare.withTies();
  }

  Integer offset() {
    return rare.offset();
  }

  Lock lock() {
    return rare.lock();
  }

  List<Preloadable<?>> preloads() {
    return rare.preloads();
  }

  /**
   * Whether a clause cuts, groups, orders or locks the rows: group by, having, named windows,
   * distinct, order by, limit, offset or a lock.
   */
  boolean beyondWhere() {
    return !groupBy.isEmpty() || !orderBy.isEmpty() || limit != null || rare.shapeRows();
  }

  Clauses<T> withGroupBy(List<Expression<?>> groupBy) {
    return new Clauses<>(groupBy, select, selected, orderBy, limit, rare);
  }

  <R> Clauses<R> withSelect(SelectClause<R> select, boolean selected) {
    return new Clauses<>(groupBy, select, selected, orderBy, limit, rare);
  }

  Clauses<T> withOrderBy(List<Order> orderBy) {
    return new Clauses<>(groupBy, select, selected, orderBy, limit, rare);
  }

  /** A new limit, which drops {@code WITH TIES} as Ecto's {@code limit/3} does. */
  Clauses<T> withLimit(Integer limit) {
    return new Clauses<>(groupBy, select, selected, orderBy, limit, rare.withTies() ? tiesSet(rare, false) : rare);
  }

  Clauses<T> withHaving(Condition having) {
    return withRare(new Rare(having, rare.windows(), rare.distinct(), rare.withTies(), rare.offset(), rare.lock(),
        rare.preloads()));
  }

  Clauses<T> withWindows(List<Window.Named> windows) {
    return withRare(new Rare(rare.having(), windows, rare.distinct(), rare.withTies(), rare.offset(), rare.lock(),
        rare.preloads()));
  }

  Clauses<T> withDistinct(DistinctClause distinct) {
    return withRare(new Rare(rare.having(), rare.windows(), distinct, rare.withTies(), rare.offset(), rare.lock(),
        rare.preloads()));
  }

  Clauses<T> withTies(boolean withTies) {
    return withRare(tiesSet(rare, withTies));
  }

  Clauses<T> withOffset(Integer offset) {
    return withRare(new Rare(rare.having(), rare.windows(), rare.distinct(), rare.withTies(), offset, rare.lock(),
        rare.preloads()));
  }

  Clauses<T> withLock(Lock lock) {
    return withRare(new Rare(rare.having(), rare.windows(), rare.distinct(), rare.withTies(), rare.offset(), lock,
        rare.preloads()));
  }

  Clauses<T> withPreloads(List<Preloadable<?>> preloads) {
    return withRare(new Rare(rare.having(), rare.windows(), rare.distinct(), rare.withTies(), rare.offset(),
        rare.lock(), preloads));
  }

  private static Rare tiesSet(Rare rare, boolean withTies) {
    return new Rare(rare.having(), rare.windows(), rare.distinct(), withTies, rare.offset(), rare.lock(),
        rare.preloads());
  }

  private Clauses<T> withRare(Rare rare) {
    return new Clauses<>(groupBy, select, selected, orderBy, limit, rare);
  }
}
