package io.ecto4j.spring.boot.migration;

import io.ecto4j.spring.boot.EctoProperties;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Refuses to start when Spring Boot's Flyway auto-configuration and ecto4j would both migrate at
 * startup into one history table: each would take the other's versions for its own (Flyway
 * reporting ecto4j's Java migrations as applied but missing, and the reverse). Checked on the
 * bean definitions, before either initializer runs, so that nothing is migrated by half.
 */
final class FlywayConflictCheck implements BeanFactoryPostProcessor, EnvironmentAware {
  /** Boot's own default, {@code spring.flyway.table}'s. */
  private static final String FLYWAY_DEFAULT_TABLE = "flyway_schema_history";

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    EctoProperties.Migrations ours = Binder.get(environment).bind("ecto4j.migrations", EctoProperties.Migrations.class)
        .orElseGet(EctoProperties.Migrations::new);
    if (!ours.isEnabled() || ours.isAllowFlywayAutoConfiguration()) {
      return;
    }
    if (beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false).length == 0) {
      return;
    }
    String flywayTable = environment.getProperty("spring.flyway.table", FLYWAY_DEFAULT_TABLE);
    if (flywayTable.equalsIgnoreCase(ours.getHistoryTable())) {
      throw new FlywayConflictException(flywayTable);
    }
  }
}
