package io.ecto4j.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.ecto4j.repo.ConstraintException;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionOptions;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.transaction.annotation.Transactional;

/** The whole application in the sandbox: its commits are seen by the test, and by nobody else, ever. */
@SpringBootTest
@EctoSandbox(schema = Entry.TABLE)
class SandboxedSpringBootTest {
  private static Outside outside;

  @Autowired Journal journal;
  @Autowired Repo repo;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;

  @BeforeEach
  void lookFromOutside() {
    outside = Outside.of(environment);
  }

  // The two tests below run in either order: each starts empty whatever the other committed.

  @Test
  void whatTheApplicationCommitsStaysInTheTestsSandbox() throws SQLException {
    assertThat(journal.bodies()).isEmpty();
    journal.write("a: Spring's commit");
    journal.writeTwice("b: ecto4j's commit", "c: JdbcTemplate's write in it");
    assertThat(journal.bodies()).containsExactly("a: Spring's commit", "b: ecto4j's commit", "c: JdbcTemplate's write in it");
    assertThat(outside.committedEntries()).isZero();
  }

  @Test
  void anotherTestStartsEmptyToo() throws SQLException {
    assertThat(journal.bodies()).isEmpty();
    journal.write("a: Spring's commit");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM entries", Long.class)).isEqualTo(1);
    assertThat(outside.committedEntries()).isZero();
  }

  @Test
  void theRepoJdbcTemplateAndTheApplicationWorkOnTheTestsConnection() {
    String session = "SELECT pg_backend_pid() || '/' || txid_current()";
    String repos = repo.query(session, List.of(), row -> row.getString(1)).get(0);
    assertThat(jdbc.queryForObject(session, String.class)).isEqualTo(repos);
    assertThat(repo.transaction(tx -> jdbc.queryForObject(session, String.class)).orElseThrow()).isEqualTo(repos);
  }

  @Test
  void aFailedApplicationTransactionLeavesTheTestUsable() {
    journal.write("once");
    assertThatThrownBy(() -> journal.write("once")).isInstanceOf(ConstraintException.class);
    journal.write("twice");
    assertThat(journal.bodies()).containsExactly("once", "twice");
  }

  @Test
  @Transactional
  void aTransactionalTestRunsItsTransactionInsideTheSandbox() throws SQLException {
    assertThat(TestTransaction.isActive()).isTrue();
    journal.writeTwice("in the test's transaction", "and in the sandbox");
    assertThat(journal.bodies()).hasSize(2);
    assertThat(outside.committedEntries()).isZero();
  }

  @Test
  void aRepoTransactionWithAnIsolationLevelCannotRunInTheSandbox() {
    journal.write("a query has run in the test's transaction");
    TransactionOptions serializable = TransactionOptions.defaults().isolation(TransactionOptions.Isolation.SERIALIZABLE);
    assertThatThrownBy(() -> repo.transaction(serializable, tx -> journal.bodies()))
        .isInstanceOf(QueryException.class).hasMessageContaining("SET TRANSACTION ISOLATION LEVEL");
  }

  @Test
  void theApplicationsDataSourceKeepsItsType() {
    assertThat(dataSource).isInstanceOf(HikariDataSource.class);
    assertThat(repo.dataSource()).isSameAs(dataSource);
  }

  @AfterAll
  static void nothingWasEverCommitted() throws SQLException {
    assertThat(outside.committedEntries()).isZero();
  }
}
