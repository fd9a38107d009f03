package io.ecto4j.spring.boot;

import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryListener;
import io.ecto4j.telemetry.Slf4jQueryLogger;
import io.ecto4j.telemetry.TelemetryOptions;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Repo} on the application's {@link DataSource}, unless the application defines its
 * own. Every {@link QueryListener} bean hears its statements, and {@link RepoCustomizer} beans
 * adjust it; the {@code ecto4j.*} properties ({@link EctoProperties}) set its prefix and telemetry.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass(Repo.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(EctoProperties.class)
public class EctoAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public Repo repo(DataSource dataSource, EctoProperties properties, ObjectProvider<QueryListener> listeners,
      ObjectProvider<RepoCustomizer> customizers) {
    Repo repo = Repo.of(dataSource);
    if (properties.getPrefix() != null && !properties.getPrefix().isBlank()) {
      repo = repo.withPrefix(properties.getPrefix());
    }
    EctoProperties.Telemetry telemetry = properties.getTelemetry();
    if (telemetry.getSlowQueryThreshold() != null) {
      repo = repo.withListener(Slf4jQueryLogger.slowerThan(telemetry.getSlowQueryThreshold()));
    }
    for (QueryListener listener : listeners.orderedStream().toList()) {
      repo = repo.withListener(listener);
    }
    repo = repo.withTelemetry(TelemetryOptions.defaults().event(telemetry.getEventName()).stacktrace(telemetry.isStacktrace()));
    for (RepoCustomizer customizer : customizers.orderedStream().toList()) {
      repo = customizer.customize(repo);
    }
    return repo;
  }

  /** ecto4j's client-side timeouts on Spring's HikariCP pool, where the application left them unset. */
  @Bean
  @ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
  public static PoolTimeouts ecto4jPoolTimeouts(ObjectProvider<EctoProperties> properties) {
    return new PoolTimeouts(properties);
  }
}
