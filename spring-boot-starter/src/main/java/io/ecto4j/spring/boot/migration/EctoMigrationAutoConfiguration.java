package io.ecto4j.spring.boot.migration;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.Migrator;
import io.ecto4j.spring.boot.EctoProperties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * ecto4j's migrations on the application's {@link DataSource}, run at startup as Spring Boot's
 * Flyway auto-configuration runs Flyway's: the generated migration indexes, the {@link Migration}
 * beans and the SQL files of {@code ecto4j.migrations.locations}. The {@link Migrator} bean exists
 * even with {@code ecto4j.migrations.enabled=false} (migrations run by a job of their own), so that
 * the health indicator and the clinic endpoint still report what is pending.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(EctoProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class EctoMigrationAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

  @Bean
  @ConditionalOnMissingBean
  public ApplicationMigrations ecto4jApplicationMigrations(ResourceLoader resourceLoader,
      ObjectProvider<Migration> beans) {
    return ApplicationMigrations.load(resourceLoader.getClassLoader(), beans.orderedStream().toList());
  }

  @Bean
  @ConditionalOnMissingBean
  public Migrator ecto4jMigrator(DataSource dataSource, EctoProperties properties, ApplicationMigrations migrations,
      ResourceLoader resourceLoader) {
    EctoProperties.Migrations settings = properties.getMigrations();
    return Migrator.builder(dataSource)
        .migrations(migrations.all())
        .locations(settings.getLocations().toArray(String[]::new))
        .classLoader(resourceLoader.getClassLoader())
        .historyTable(settings.getHistoryTable())
        .lockTimeout(settings.getLockTimeout())
        .migrationLock(settings.isLock())
        .strictVersionOrder(settings.isStrictVersionOrder())
        .baselineOnMigrate(settings.isBaselineOnMigrate())
        .output(LOG::info)
        .warnings(LOG::warn)
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "ecto4j.migrations.enabled", matchIfMissing = true)
  public MigrationInitializer ecto4jMigrationInitializer(Migrator migrator) {
    return new MigrationInitializer(migrator);
  }

  /** Only where Spring Boot's Flyway module is, whose auto-configuration could migrate too. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer")
  static class FlywayConflict {
    @Bean
    static FlywayConflictCheck ecto4jFlywayConflictCheck() {
      return new FlywayConflictCheck();
    }
  }
}
