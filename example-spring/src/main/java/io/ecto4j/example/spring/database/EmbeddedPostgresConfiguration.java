package io.ecto4j.example.spring.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code DATABASE_URL}, the service runs on an embedded PostgreSQL (zonky) started with the
 * application and stopped with it, as the first example's demo does: its data lasts as long as the
 * process. Spring Boot's own pool connects to it through {@link JdbcConnectionDetails}, the hook its
 * auto-configuration reads before {@code spring.datasource.*}, so every {@code spring.datasource.hikari.*}
 * setting still applies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrl.class)
class EmbeddedPostgresConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
  private static final String USER = "postgres";

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    EmbeddedPostgres server = EmbeddedPostgres.builder().start();
    LOG.info("No DATABASE_URL (nor {}) is set: started an embedded PostgreSQL on port {}; its data is gone when the service stops",
        NoDatabaseUrl.URL_PROPERTY, server.getPort());
    return server;
  }

  @Bean
  JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres server) {
    String url = server.getJdbcUrl(USER, USER);
    return new JdbcConnectionDetails() {
      @Override
      public String getJdbcUrl() {
        return url;
      }

      @Override
      public String getUsername() {
        return USER;
      }

      @Override
      public String getPassword() {
        return null;
      }
    };
  }
}
