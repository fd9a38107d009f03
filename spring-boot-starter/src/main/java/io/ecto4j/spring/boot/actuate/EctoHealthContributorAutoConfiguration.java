package io.ecto4j.spring.boot.actuate;

import io.ecto4j.migration.Migrator;
import io.ecto4j.spring.boot.migration.EctoMigrationAutoConfiguration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code ecto4j} health indicator ({@link EctoHealthIndicator}) where Spring Boot's health
 * module is; off with {@code management.health.ecto4j.enabled=false}.
 */
@AutoConfiguration(after = EctoMigrationAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnEnabledHealthIndicator("ecto4j")
public class EctoHealthContributorAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean(name = "ecto4jHealthIndicator")
  public EctoHealthIndicator ecto4jHealthIndicator(DataSource dataSource, ObjectProvider<Migrator> migrator) {
    return new EctoHealthIndicator(dataSource, migrator.getIfUnique());
  }
}
