package io.ecto4j.spring.boot;

import io.ecto4j.spring.boot.migration.EctoMigrationAutoConfiguration;
import io.ecto4j.testing.TestDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Application contexts of the starter's tests, on a test database. */
public final class TestContexts {
  private TestContexts() {}

  /** The data source, the Repo and ecto4j's migrations on {@code database}. */
  public static ApplicationContextRunner withMigrations(TestDatabase database) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, EctoAutoConfiguration.class,
            EctoMigrationAutoConfiguration.class))
        .withPropertyValues(datasource(database));
  }

  /** The {@code spring.datasource.*} properties of {@code database}. */
  public static String[] datasource(TestDatabase database) {
    return new String[] {"spring.datasource.url=" + database.jdbcUrl(),
        "spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password()};
  }
}
