package io.ecto4j.spring.boot;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives Spring's HikariCP pool the pgjdbc timeouts ecto4j's own pool has ({@code ecto4j.timeouts.*}),
 * unless the application set them in {@code spring.datasource.hikari.data-source-properties} (or
 * in the JDBC URL, which pgjdbc reads first). Without them a PostgreSQL server that stops
 * answering holds a request for the operating system's TCP timeout.
 */
final class PoolTimeouts implements BeanPostProcessor {
  private final ObjectProvider<EctoProperties> properties;

  PoolTimeouts(ObjectProvider<EctoProperties> properties) {
    this.properties = properties;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
      EctoProperties.Timeouts timeouts = properties.getObject().getTimeouts();
      Properties set = pool.getDataSourceProperties();
      setUnlessGiven(pool, set, "connectTimeout", timeouts.getConnect());
      setUnlessGiven(pool, set, "socketTimeout", timeouts.getSocket());
    }
    return bean;
  }

  private static void setUnlessGiven(HikariDataSource pool, Properties set, String name, Duration timeout) {
    if (timeout != null && !set.containsKey(name)) {
      long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
      pool.addDataSourceProperty(name, String.valueOf(seconds));
    }
  }
}
