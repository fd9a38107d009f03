package io.ecto4j.spring.boot.migration;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that a {@link MigrationInitializer} initializes the database, so that the beans
 * that depend on an initialized database (a {@code JdbcTemplate}, an {@code EntityManagerFactory},
 * the {@code Repo}, anything marked {@code @DependsOnDatabaseInitialization}) are created after it.
 */
final class MigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(MigrationInitializer.class);
  }

  /** Before Boot's Flyway initializer (1) and SQL scripts (near last), where an application has them too. */
  @Override
  public int getOrder() {
    return 0;
  }
}
