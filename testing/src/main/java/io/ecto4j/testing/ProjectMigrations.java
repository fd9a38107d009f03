package io.ecto4j.testing;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationIndex;
import io.ecto4j.migration.MigrationIndexes;
import io.ecto4j.migration.Migrator;
import java.util.List;
import java.util.ServiceLoader;
import javax.sql.DataSource;

/**
 * The project's migrations, run on a test database for {@code @EctoTest(migrate = true)}: every
 * Java migration the processor's generated indexes list, and the SQL ones in
 * {@code classpath:db/migration}, as the application's own migrator finds them. The test support
 * finds the indexes as services, as the Maven goals do; the runtime itself never does.
 */
final class ProjectMigrations {
  private ProjectMigrations() {}

  static void migrate(DataSource dataSource, Class<?> testClass) {
    ClassLoader loader = testClass.getClassLoader();
    List<Migration> migrations = MigrationIndexes.migrations(ServiceLoader.load(MigrationIndex.class, loader));
    Migrator.builder(dataSource).migrations(migrations).classLoader(loader).output(line -> { }).build().migrate();
  }
}
