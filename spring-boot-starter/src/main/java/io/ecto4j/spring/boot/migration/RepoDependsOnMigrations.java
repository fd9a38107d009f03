package io.ecto4j.spring.boot.migration;

import io.ecto4j.repo.Repo;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * A {@link Repo} bean is created after every database initializer (ecto4j's migrations, Flyway,
 * Boot's SQL scripts), so that no bean can query a table before it exists.
 */
final class RepoDependsOnMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {
  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(Repo.class);
  }
}
