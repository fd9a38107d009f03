package io.ecto4j.example.spring.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** The service's database when none is configured: an embedded server behind Spring Boot's own pool. */
class EmbeddedPostgresConfigurationTest {
  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(EmbeddedPostgresConfiguration.class)
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

  @Test
  void withoutAUrlSpringsPoolRunsOnAnEmbeddedServer() {
    context.withPropertyValues("spring.datasource.url=").run(app -> {
      assertThat(app).hasSingleBean(EmbeddedPostgres.class);
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      assertThat(jdbc.queryForObject("SELECT current_setting('port')::int", Integer.class))
          .isEqualTo(app.getBean(EmbeddedPostgres.class).getPort());
    });
  }

  @Test
  void aConfiguredUrlStartsNothing() {
    context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/blog")
        .run(app -> assertThat(app).doesNotHaveBean(EmbeddedPostgres.class));
  }
}
