package io.ecto4j.spring.boot.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.repo.Repo;
import io.ecto4j.spring.boot.EctoAutoConfiguration;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Which repo the starter builds: on Spring's transactions when the one manager manages its DataSource, else its own. */
class RepoTransactionsAutoConfigurationTest {
  private static TestDatabase database;

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, EctoAutoConfiguration.class))
      .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
          "spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password());

  @BeforeAll
  static void createDatabase() throws SQLException {
    database = TestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    database.close();
  }

  @Test
  void withSpringsTransactionManagerTheRepoSharesItsTransactions() {
    context.withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class))
        .run(app -> assertThat(inSpringsTransaction(app.getBean(Repo.class), app.getBean(PlatformTransactionManager.class)))
            .isTrue());
  }

  @Test
  void withAManagerOfAnotherDataSourceTheRepoKeepsItsOwn() {
    context.withUserConfiguration(ElsewhereManager.class)
        .run(app -> assertThat(inSpringsTransaction(app.getBean(Repo.class), app.getBean(PlatformTransactionManager.class)))
            .isFalse());
  }

  @Test
  void withoutATransactionManagerTheRepoKeepsItsOwn() {
    context.run(app -> {
      Repo repo = app.getBean(Repo.class);
      assertThat(inSpringsTransaction(repo, new DataSourceTransactionManager(app.getBean(DataSource.class)))).isFalse();
      assertThat(repo.transaction(tx -> repo.inTransaction()).orElseThrow()).isTrue();
    });
  }

  private static boolean inSpringsTransaction(Repo repo, PlatformTransactionManager manager) {
    return Boolean.TRUE.equals(new TransactionTemplate(manager).execute(status -> repo.inTransaction()));
  }

  @Configuration(proxyBeanMethods = false)
  static class ElsewhereManager {
    @Bean
    PlatformTransactionManager elsewhere() {
      return new DataSourceTransactionManager(database.dataSource());   // the same database, another pool
    }
  }
}
