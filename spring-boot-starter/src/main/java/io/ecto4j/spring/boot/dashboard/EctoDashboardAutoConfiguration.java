package io.ecto4j.spring.boot.dashboard;

import io.ecto4j.dashboard.Dashboard;
import io.ecto4j.dashboard.QueryRecorder;
import io.ecto4j.meta.Table;
import io.ecto4j.migration.Migrator;
import io.ecto4j.repo.Repo;
import io.ecto4j.spring.boot.EctoProperties;
import io.ecto4j.spring.boot.migration.ApplicationMigrations;
import io.ecto4j.spring.boot.migration.EctoMigrationAutoConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard ({@code ecto4j-dashboard} on the class path) as the Actuator endpoint
 * {@code ecto4jdashboard}, when {@code ecto4j.dashboard.enabled=true} and the endpoint is exposed.
 * Its {@link QueryRecorder} is a {@code QueryListener} bean, which the auto-configured Repo adds;
 * the Migrations page reads the application's migrator and migrations, and the N+1 page names
 * preloads from the {@link Table} beans, if any. Nothing records unless both conditions hold.
 */
@AutoConfiguration(after = EctoMigrationAutoConfiguration.class)
@ConditionalOnClass({Dashboard.class, Endpoint.class})
@ConditionalOnProperty(prefix = "ecto4j.dashboard", name = "enabled", havingValue = "true")
@ConditionalOnAvailableEndpoint(DashboardEndpoint.class)
@EnableConfigurationProperties(EctoProperties.class)
public class EctoDashboardAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  public QueryRecorder ecto4jQueryRecorder(EctoProperties properties) {
    return new QueryRecorder(properties.getDashboard().getBucket(), 360, 1000,
        properties.getClinic().getNPlusOneThreshold(), Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean
  public Dashboard ecto4jDashboard(Repo repo, QueryRecorder recorder, ObjectProvider<Migrator> migrator,
      ObjectProvider<ApplicationMigrations> migrations, ObjectProvider<Table<?>> tables, EctoProperties properties) {
    EctoProperties.Dashboard settings = properties.getDashboard();
    Dashboard.Builder builder = Dashboard.builder(repo, recorder).migrator(migrator.getIfUnique())
        .tables(tables.orderedStream().toList()).showParameters(settings.isShowParameters())
        .explainAnalyze(settings.isExplainAnalyze()).statementTimeout(settings.getStatementTimeout())
        .longRunning(settings.getLongRunning());
    ApplicationMigrations applicationMigrations = migrations.getIfUnique();
    if (applicationMigrations != null) {
      builder.migrations(applicationMigrations.all());
    }
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean
  public DashboardEndpoint ecto4jDashboardEndpoint(Dashboard dashboard) {
    return new DashboardEndpoint(dashboard);
  }

  /** Each HTTP request of a servlet application is one unit of work for the N+1 page. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  static class PerRequest {
    @Bean
    DashboardUnitFilter ecto4jDashboardUnitFilter(QueryRecorder recorder) {
      return new DashboardUnitFilter(recorder);
    }
  }
}
