package io.ecto4j.spring.boot;

import io.ecto4j.repo.Repo;

/**
 * Adjusts the auto-configured {@link Repo} before it becomes a bean: a clock, a query preparer,
 * default write options. A repo is immutable, so a customizer returns the repo to use, e.g.
 * {@code repo -> repo.withQueryPreparer(tenantScope)}. Customizers run in their {@code @Order}.
 */
@FunctionalInterface
public interface RepoCustomizer {
  Repo customize(Repo repo);
}
