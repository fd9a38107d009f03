package io.ecto4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.QueryListener;
import io.ecto4j.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Repo bean: built on Spring's DataSource, backing off for the application's own, configured by properties. */
class RepoAutoConfigurationTest {
  private static TestDatabase database;

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
          DataSourceTransactionManagerAutoConfiguration.class, EctoAutoConfiguration.class))
      .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
          "spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password());

  @BeforeAll
  static void createDatabase() throws Exception {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Test
  void theRepoRunsOnTheApplicationsDataSource() {
    context.run(app -> {
      Repo repo = app.getBean(Repo.class);
      assertThat(repo.dataSource()).isSameAs(app.getBean(javax.sql.DataSource.class));
      assertThat(repo.query("SELECT 41 + 1", List.of(), row -> row.getInt(1))).containsExactly(42);
    });
  }

  @Test
  void anApplicationsOwnRepoWins() {
    context.withUserConfiguration(OwnRepo.class).run(app ->
        assertThat(app.getBean(Repo.class)).isSameAs(app.getBean(OwnRepo.class).repo));
  }

  @Test
  void theRepoIsQualifiedWithTheConfiguredPrefix() throws Exception {
    database.execute("CREATE SCHEMA IF NOT EXISTS tenant_a; CREATE TABLE IF NOT EXISTS tenant_a.marker (id int)");
    context.withPropertyValues("ecto4j.prefix=tenant_a").run(app ->
        assertThat(app.getBean(Repo.class).tableExists("marker")).isTrue());
    context.run(app -> assertThat(app.getBean(Repo.class).tableExists("marker")).isFalse());
  }

  @Test
  void springsPoolGetsEctosTimeoutsUnlessItSetsItsOwn() {
    context.run(app -> {
      HikariDataSource pool = app.getBean(HikariDataSource.class);
      assertThat(pool.getDataSourceProperties()).containsEntry("socketTimeout", "60").containsEntry("connectTimeout", "10");
    });
    context.withPropertyValues("ecto4j.timeouts.socket=90s",
        "spring.datasource.hikari.data-source-properties.connectTimeout=3").run(app -> {
          HikariDataSource pool = app.getBean(HikariDataSource.class);
          assertThat(pool.getDataSourceProperties()).containsEntry("socketTimeout", "90").containsEntry("connectTimeout", "3");
        });
  }

  @Test
  void telemetryPropertiesReachEveryListenerBeansEvents() {
    context.withUserConfiguration(Recording.class)
        .withPropertyValues("ecto4j.telemetry.event-name=shop.db", "ecto4j.telemetry.stacktrace=true").run(app -> {
          app.getBean(Repo.class).query("SELECT 1", List.of(), row -> row.getInt(1));
          List<QueryEvent> events = app.getBean(Recording.class).events;
          assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.telemetry().eventName()).isEqualTo("shop.db");
            assertThat(event.telemetry().stacktrace()).isTrue();
            assertThat(event.stacktrace()).isNotEmpty();
          });
        });
  }

  @Test
  void aSlowQueryThresholdLogsSlowerStatementsAtWarn() {
    Logger log = (Logger) LoggerFactory.getLogger("io.ecto4j.query");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    log.addAppender(logged);
    try {
      context.withPropertyValues("ecto4j.telemetry.slow-query-threshold=1ns").run(app ->
          app.getBean(Repo.class).query("SELECT 41 + 1", List.of(), row -> row.getInt(1)));
      assertThat(logged.list).anySatisfy(event -> {
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getFormattedMessage()).startsWith("slow QUERY OK").contains("SELECT 41 + 1");
      });
    } finally {
      log.detachAppender(logged);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Recording {
    final List<QueryEvent> events = new CopyOnWriteArrayList<>();

    @Bean
    QueryListener recorder() {
      return events::add;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnRepo {
    final Repo repo = Repo.of(database.dataSource());

    @Bean
    Repo myRepo() {
      return repo;
    }
  }
}
