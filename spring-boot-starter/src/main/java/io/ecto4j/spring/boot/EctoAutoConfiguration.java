package io.ecto4j.spring.boot;

import io.ecto4j.repo.Repo;
import io.ecto4j.spring.boot.transaction.SpringTransactionHost;
import io.ecto4j.telemetry.QueryListener;
import io.ecto4j.telemetry.Slf4jQueryLogger;
import io.ecto4j.telemetry.TelemetryOptions;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@link Repo} on the application's {@link DataSource}, unless the application defines its
 * own. Its transactions are Spring's ({@link SpringTransactionHost}). Every {@link QueryListener}
 * bean hears its statements, and {@link RepoCustomizer} beans adjust it; the {@code ecto4j.*}
 * properties ({@link EctoProperties}) set its prefix and telemetry.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass(Repo.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(EctoProperties.class)
public class EctoAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(EctoAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  public Repo repo(DataSource dataSource, EctoProperties properties, ObjectProvider<QueryListener> listeners,
      ObjectProvider<RepoCustomizer> customizers, ObjectProvider<PlatformTransactionManager> transactionManagers) {
    Repo repo = sharingTransactions(dataSource, transactionManagers.getIfUnique());
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

  /**
   * A repo whose transactions are Spring's, when the application's one transaction manager
   * manages its data source (docs/spring.md, "Transactions: one world with Spring's"); otherwise,
   * say beside JPA's or JTA's, one that keeps its own, which {@code @Transactional} does not see.
   */
  private static Repo sharingTransactions(DataSource dataSource, PlatformTransactionManager manager) {
    if (manager != null && SpringTransactionHost.managesDataSource(manager, dataSource)) {
      return Repo.hostedBy(dataSource, new SpringTransactionHost(dataSource, manager));
    }
    LOG.warn("ecto4j's Repo keeps transactions of its own: no single transaction manager manages its DataSource ({}),"
        + " so @Transactional methods and repo.transaction(…) do not share a transaction", manager);
    return Repo.of(dataSource);
  }

  /** ecto4j's client-side timeouts on Spring's HikariCP pool, where the application left them unset. */
  @Bean
  @ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
  public static PoolTimeouts ecto4jPoolTimeouts(ObjectProvider<EctoProperties> properties) {
    return new PoolTimeouts(properties);
  }
}
