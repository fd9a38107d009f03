package io.ecto4j.repo;

import io.ecto4j.query.Query;

/**
 * Rewrites every query a repo runs, Ecto's {@code prepare_query/3}: a soft-delete or tenant filter
 * applied in one place. Set it with {@code Repo.builder().prepareQuery(…)} or
 * {@link Repo#withQueryPreparer}.
 *
 * <pre>{@code
 * Repo tenantRepo = repo.withQueryPreparer((operation, query) ->
 *     query.source() == Posts.SCHEMA ? query.where(Posts.TENANT_ID.eq(currentTenant())) : query);
 * }</pre>
 *
 * <p>It sees the queries of {@code all}, {@code one}, {@code get}, {@code getBy}, {@code reload},
 * {@code aggregate}, {@code exists}, {@code stream}, {@code updateAll}, {@code deleteAll} and the
 * separate-query preloads ({@link Repo.Operation#ALL}, as Ecto's preloads are), not the writes of
 * single structs (as in Ecto). It must return a query of the same rows' type: add conditions, joins
 * or a prefix, not a different {@code select}.
 */
@FunctionalInterface
public interface QueryPreparer {
  /** The query to run instead of {@code query} for {@code operation}. */
  Query<?> prepare(Repo.Operation operation, Query<?> query);
}
