package io.ecto4j.testing;

import static io.ecto4j.testing.LocalPostgres.strings;
import static io.ecto4j.testing.LocalPostgres.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** How the code under test's transactions become savepoints inside the test's transaction. */
@EctoTest(sandbox = true, schema = "CREATE TABLE t (v text)")
class SandboxConnectionTest {
  private static final String VALUES = "SELECT v FROM t ORDER BY v";

  @Test
  void closeGivesUpTheHandleOnly(DataSource dataSource) throws SQLException {
    Connection first = dataSource.getConnection();
    update(first, "INSERT INTO t VALUES ('a')");
    first.close();

    assertThat(first.isClosed()).isTrue();
    assertThatThrownBy(first::createStatement).hasMessageStartingWith("[SandboxClosed]");
    assertThat(strings(dataSource, VALUES)).containsExactly("a");
  }

  @Test
  void commitKeepsAndRollbackUndoes(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getAutoCommit()).isTrue();
      c.setAutoCommit(false);
      update(c, "INSERT INTO t VALUES ('committed')");
      c.commit();
      update(c, "INSERT INTO t VALUES ('rolled back')");
      c.rollback();
      c.setAutoCommit(true);

      assertThat(c.getAutoCommit()).isTrue();
      assertThat(strings(c, VALUES)).containsExactly("committed");
    }
  }

  @Test
  void aFailedStatementInAutocommitModeLeavesTheTestsTransactionUsable(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      update(c, "INSERT INTO t VALUES ('before')");
      assertThatThrownBy(() -> update(c, "INSERT INTO missing VALUES (1)")).isInstanceOf(SQLException.class)
          .hasMessageContaining("\"missing\" does not exist");
      update(c, "INSERT INTO t VALUES ('after')");
    }
    assertThat(strings(dataSource, VALUES)).containsExactly("after", "before");
  }

  @Test
  void aFailedStatementInsideATransactionAbortsItAsOnARealConnection(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      update(c, "INSERT INTO t VALUES ('rolled back')");
      assertThatThrownBy(() -> update(c, "INSERT INTO missing VALUES (1)")).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> update(c, "INSERT INTO t VALUES ('refused')")).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P02"));
      c.rollback();
      c.setAutoCommit(true);
      update(c, "INSERT INTO t VALUES ('after')");
    }
    assertThat(strings(dataSource, VALUES)).containsExactly("after");
  }

  @Test
  void rollingBackAnInnerLevelLeavesTheOuterOne(DataSource dataSource) throws SQLException {
    try (Connection outer = dataSource.getConnection()) {
      outer.setAutoCommit(false);
      update(outer, "INSERT INTO t VALUES ('outer')");
      try (Connection inner = dataSource.getConnection()) {
        inner.setAutoCommit(false);
        update(inner, "INSERT INTO t VALUES ('inner')");
        inner.rollback();
        inner.setAutoCommit(true);
      }
      outer.commit();
    }

    assertThat(strings(dataSource, VALUES)).containsExactly("outer");
  }

  @Test
  void rollingBackTheOuterLevelUndoesTheInnerCommit(DataSource dataSource) throws SQLException {
    try (Connection outer = dataSource.getConnection()) {
      outer.setAutoCommit(false);
      update(outer, "INSERT INTO t VALUES ('outer')");
      try (Connection inner = dataSource.getConnection()) {
        inner.setAutoCommit(false);
        update(inner, "INSERT INTO t VALUES ('inner')");
        inner.commit();
        assertThat(strings(inner, VALUES)).containsExactly("inner", "outer");
      }
      outer.rollback();
      outer.setAutoCommit(true);
    }

    assertThat(strings(dataSource, VALUES)).isEmpty();
  }

  @Test
  void closingWithALevelOpenRollsItBack(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      update(c, "INSERT INTO t VALUES ('never committed')");
    }

    assertThat(strings(dataSource, VALUES)).isEmpty();
  }

  @Test
  void aFailureInsideALevelCanBeRolledBack(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      update(c, "INSERT INTO t VALUES ('kept')");
      c.commit();
      assertThatThrownBy(() -> update(c, "INSERT INTO missing VALUES (1)"))
          .isInstanceOf(SQLException.class);
      c.rollback();
      c.setAutoCommit(true);

      assertThat(strings(c, VALUES)).containsExactly("kept");
    }
  }

  @Test
  void commitAndRollbackNeedAutoCommitOff(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      assertThatThrownBy(c::commit).hasMessageStartingWith("[SandboxAutoCommit] cannot commit");
      assertThatThrownBy(c::rollback).hasMessageStartingWith("[SandboxAutoCommit] cannot rollback");
    }
  }

  @Test
  void isolationAndReadOnlyAreRememberedNotSent(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      update(c, "INSERT INTO t VALUES ('x')");
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      c.setReadOnly(true);

      assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
      assertThat(c.isReadOnly()).isTrue();
      assertThat(strings(c, "SHOW transaction_isolation")).containsExactly("read committed");
    }
  }

  @Test
  void unwrapsToItselfOrTheDriversConnection(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.unwrap(SandboxConnection.class)).isSameAs(c);
      assertThat(c.isWrapperFor(PGConnection.class)).isTrue();
      assertThat(c.unwrap(PGConnection.class)).isNotNull();
    }
  }
}
