package io.ecto4j.spring.boot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.repo.Repo;
import io.ecto4j.spring.boot.TestContexts;
import io.ecto4j.telemetry.micrometer.MicrometerQueryListener;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Query timers on Boot's MeterRegistry, by themselves when the registry is there. */
@EctoTest
class MetricsAutoConfigurationTest {
  private final ApplicationContextRunner context;

  MetricsAutoConfigurationTest(TestDatabase database) {
    context = TestContexts.withMigrations(database).withPropertyValues("ecto4j.migrations.enabled=false")
        .withConfiguration(AutoConfigurations.of(EctoMetricsAutoConfiguration.class));
  }

  @Test
  void everyStatementOfTheRepoIsTimedOnBootsRegistry() {
    withBootMetrics(context).run(app -> {
      app.getBean(Repo.class).query("SELECT 1", List.of(), row -> row.getInt(1));
      Timer total = app.getBean(MeterRegistry.class).find("ecto4j.query.total").timer();
      assertThat(total).isNotNull();
      assertThat(total.count()).isGreaterThanOrEqualTo(1);
    });
  }

  @Test
  void offByProperty() {
    withBootMetrics(context).withPropertyValues("ecto4j.telemetry.metrics=false")
        .run(app -> assertThat(app).hasSingleBean(MeterRegistry.class).doesNotHaveBean(MicrometerQueryListener.class));
  }

  @Test
  void noRegistryNoListener() {
    context.run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(MicrometerQueryListener.class));
  }

  private static ApplicationContextRunner withBootMetrics(ApplicationContextRunner context) {
    return context.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));
  }
}
