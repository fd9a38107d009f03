package io.ecto4j.spring.boot.actuate;

import io.ecto4j.clinic.QueryStats;
import io.ecto4j.migration.Migrator;
import io.ecto4j.repo.Repo;
import io.ecto4j.spring.boot.EctoProperties;
import io.ecto4j.spring.boot.migration.ApplicationMigrations;
import io.ecto4j.spring.boot.migration.EctoMigrationAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clinic endpoint {@code ecto4j} ({@link EctoEndpoint}) and what feeds it: a {@link QueryStats}
 * and an {@link NPlusOneMonitor}, both {@code QueryListener} beans that the auto-configured Repo
 * adds, and a filter making each HTTP request a unit of work. Nothing is recorded unless the
 * endpoint is available, that is enabled and exposed (over HTTP or JMX), so an application that
 * does not look at the clinic does not pay for it.
 */
@AutoConfiguration(after = EctoMigrationAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(EctoEndpoint.class)
@EnableConfigurationProperties(EctoProperties.class)
public class EctoEndpointAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  public QueryStats ecto4jQueryStats() {
    return new QueryStats();
  }

  @Bean
  @ConditionalOnMissingBean
  public NPlusOneMonitor ecto4jNPlusOneMonitor(ObjectProvider<Repo> repo, EctoProperties properties) {
    EctoProperties.Clinic clinic = properties.getClinic();
    return new NPlusOneMonitor(repo::getIfUnique, clinic.getNPlusOneThreshold(), clinic.getNPlusOneFindings());
  }

  @Bean
  @ConditionalOnMissingBean
  public EctoEndpoint ecto4jEndpoint(QueryStats stats, NPlusOneMonitor nPlusOne, ObjectProvider<Migrator> migrator,
      ObjectProvider<ApplicationMigrations> migrations, EctoProperties properties) {
    return new EctoEndpoint(stats, nPlusOne, migrator.getIfUnique(), migrations.getIfUnique(),
        properties.getClinic().getSlowQueries());
  }

  /** Each HTTP request of a servlet application is one unit of work for the N+1 detector. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  static class PerRequest {
    @Bean
    NPlusOneFilter ecto4jNPlusOneFilter(NPlusOneMonitor monitor) {
      return new NPlusOneFilter(monitor);
    }
  }
}
