package io.ecto4j.spring.boot.metrics;

import io.ecto4j.telemetry.micrometer.MicrometerQueryListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every statement of the {@code Repo} as Micrometer timers ({@code ecto4j.query.total},
 * {@code .queue}, {@code .query}, {@code .decode}, {@code .idle}, tagged by source and outcome),
 * when the application has a {@link MeterRegistry} and {@code ecto4j-telemetry-micrometer}; the
 * listener is a bean, so the auto-configured Repo adds it as it adds every {@code QueryListener}
 * (a Repo bean of the application's own must add it itself).
 * Off with {@code ecto4j.telemetry.metrics=false}.
 */
// by name: an application may have a MeterRegistry of its own without Boot's metrics module
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MicrometerQueryListener.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "ecto4j.telemetry.metrics", matchIfMissing = true)
public class EctoMetricsAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  public MicrometerQueryListener ecto4jMicrometerQueryListener(MeterRegistry registry) {
    return new MicrometerQueryListener(registry);
  }
}
