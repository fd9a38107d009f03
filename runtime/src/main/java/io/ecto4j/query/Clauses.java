package io.ecto4j.query;

import io.ecto4j.meta.Preloadable;
import java.util.List;

/**
 * The clauses that refine a query's rows step by step, and what each row becomes: each step of
 * {@link Query} replaces one of them; what the query reads is {@link FromClause}.
 *
 * @param where the conditions joined so far, or null
 * @param rest every other clause
 */
record Clauses<T>(Condition where, Clauses.Rest<T> rest) {

  /**
   * The clauses besides {@code where}, apart: {@code where} is the one clause a query built per call
   * nearly always sets ({@code Posts.query().where(…)}), and setting it copies only this pair, not
   * all twelve.
   *
   * @param groupBy the {@code GROUP BY} terms
   * @param having the {@code HAVING} conditions joined so far, or null
   * @param windows the named windows, Ecto's {@code windows:}, in the order defined
   * @param select what each row becomes; null for a table without schema until selected
   * @param distinct {@code DISTINCT [ON]}, or null
   * @param orderBy the ordering terms
   * @param limit the limit, or null
   * @param withTies whether the limit keeps the rows tied with the last one ({@code FETCH FIRST … WITH TIES})
   * @param offset the offset, or null
   * @param lock the row lock, or null
   * @param preloads the separate-query preloads, in order
   */
  record Rest<T>(List<Expression<?>> groupBy, Condition having, List<Window.Named> windows, SelectClause<T> select,
      DistinctClause distinct, List<Order> orderBy, Integer limit, boolean withTies, Integer offset, Lock lock,
      List<Preloadable<?>> preloads) {}

  /** No clauses yet, rows becoming {@code select}. */
  static <T> Clauses<T> selecting(SelectClause<T> select) {
    return new Clauses<>(null, new Rest<>(List.of(), null, List.of(), select, null, List.of(), null, false, null, null,
        List.of()));
  }

  List<Expression<?>> groupBy() {
    return rest.groupBy();
  }

  Condition having() {
    return rest.having();
  }

  List<Window.Named> windows() {
    return rest.windows();
  }

  SelectClause<T> select() {
    return rest.select();
  }

  DistinctClause distinct() {
    return rest.distinct();
  }

  List<Order> orderBy() {
    return rest.orderBy();
  }

  Integer limit() {
    return rest.limit();
  }

  boolean withTies() {
    return rest.withTies();
  }

  Integer offset() {
    return rest.offset();
  }

  Lock lock() {
    return rest.lock();
  }

  List<Preloadable<?>> preloads() {
    return rest.preloads();
  }

  /**
   * Whether a clause other than {@code where} cuts, groups, orders or locks the rows: group by,
   * having, named windows, distinct, order by, limit, offset or a lock.
   */
  boolean beyondWhere() {
    return !groupBy().isEmpty() || having() != null || !windows().isEmpty() || distinct() != null
        || !orderBy().isEmpty() || limit() != null || offset() != null || lock() != null;
  }

  Clauses<T> withWhere(Condition where) {
    return new Clauses<>(where, rest);
  }

  Clauses<T> withGroupBy(List<Expression<?>> groupBy) {
    return with(new Rest<>(groupBy, having(), windows(), select(), distinct(), orderBy(), limit(), withTies(), offset(),
        lock(), preloads()));
  }

  Clauses<T> withHaving(Condition having) {
    return with(new Rest<>(groupBy(), having, windows(), select(), distinct(), orderBy(), limit(), withTies(), offset(),
        lock(), preloads()));
  }

  Clauses<T> withWindows(List<Window.Named> windows) {
    return with(new Rest<>(groupBy(), having(), windows, select(), distinct(), orderBy(), limit(), withTies(), offset(),
        lock(), preloads()));
  }

  <R> Clauses<R> withSelect(SelectClause<R> select) {
    return new Clauses<>(where, new Rest<>(groupBy(), having(), windows(), select, distinct(), orderBy(), limit(),
        withTies(), offset(), lock(), preloads()));
  }

  Clauses<T> withDistinct(DistinctClause distinct) {
    return with(new Rest<>(groupBy(), having(), windows(), select(), distinct, orderBy(), limit(), withTies(), offset(),
        lock(), preloads()));
  }

  Clauses<T> withOrderBy(List<Order> orderBy) {
    return with(new Rest<>(groupBy(), having(), windows(), select(), distinct(), orderBy, limit(), withTies(), offset(),
        lock(), preloads()));
  }

  /** A new limit, which drops {@code WITH TIES} as Ecto's {@code limit/3} does. */
  Clauses<T> withLimit(Integer limit) {
    return with(new Rest<>(groupBy(), having(), windows(), select(), distinct(), orderBy(), limit, false, offset(),
        lock(), preloads()));
  }

  Clauses<T> withTies(boolean withTies) {
    return with(new Rest<>(groupBy(), having(), windows(), select(), distinct(), orderBy(), limit(), withTies, offset(),
        lock(), preloads()));
  }

  Clauses<T> withOffset(Integer offset) {
    return with(new Rest<>(groupBy(), having(), windows(), select(), distinct(), orderBy(), limit(), withTies(), offset,
        lock(), preloads()));
  }

  Clauses<T> withLock(Lock lock) {
    return with(new Rest<>(groupBy(), having(), windows(), select(), distinct(), orderBy(), limit(), withTies(), offset(),
        lock, preloads()));
  }

  Clauses<T> withPreloads(List<Preloadable<?>> preloads) {
    return with(new Rest<>(groupBy(), having(), windows(), select(), distinct(), orderBy(), limit(), withTies(), offset(),
        lock(), preloads));
  }

  private Clauses<T> with(Rest<T> rest) {
    return new Clauses<>(where, rest);
  }
}
