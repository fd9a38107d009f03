package io.ecto4j.spring.boot.migration;

import io.ecto4j.migration.Migrator;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies the pending migrations when the application starts, as Boot's
 * {@code FlywayMigrationInitializer} does: the {@code Repo} and every other bean that uses the
 * database are created after it (see {@link MigrationInitializerDetector}). A failing migration
 * fails the startup with the migration's error.
 */
public class MigrationInitializer implements InitializingBean {
  private final Migrator migrator;

  public MigrationInitializer(Migrator migrator) {
    this.migrator = migrator;
  }

  @Override
  public void afterPropertiesSet() {
    migrator.migrate();
  }
}
