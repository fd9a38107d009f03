package io.ecto4j.testing;

import static io.ecto4j.testing.LocalPostgres.strings;
import static io.ecto4j.testing.LocalPostgres.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.repo.Repo;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Each test runs in a transaction rolled back at its end; what @BeforeAll commits stays. */
@EctoTest(sandbox = true, schema = "CREATE TABLE items (name text)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxDataSourceTest {
  private final DataSource fromConstructor;

  SandboxDataSourceTest(DataSource dataSource, Repo repo) {
    this.fromConstructor = dataSource;
    assertThat(repo).isNotNull();
  }

  @BeforeAll
  static void seed(DataSource committed) throws SQLException {
    try (Connection connection = committed.getConnection()) {
      update(connection, "INSERT INTO items VALUES ('seed')");
    }
  }

  @Test
  @Order(1)
  void firstTestInserts(DataSource dataSource, TestDatabase db) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      update(connection, "INSERT INTO items VALUES ('first')");
    }

    assertThat(strings(dataSource, "SELECT name FROM items ORDER BY name"))
        .containsExactly("first", "seed");
    assertThat(strings(db.dataSource(), "SELECT name FROM items"))
        .as("other connections do not see the sandbox's uncommitted rows")
        .containsExactly("seed");
  }

  @Test
  @Order(2)
  void secondTestFindsItRolledBack(DataSource dataSource) throws SQLException {
    assertThat(strings(dataSource, "SELECT name FROM items")).containsExactly("seed");
  }

  @Test
  @Order(3)
  void everyConnectionOfATestIsTheSamePinnedOne(DataSource dataSource) throws SQLException {
    assertThat(dataSource).isSameAs(fromConstructor);
    try (Connection one = dataSource.getConnection();
        Connection two = fromConstructor.getConnection()) {
      assertThat(strings(one, "SELECT pg_backend_pid()::text"))
          .isEqualTo(strings(two, "SELECT pg_backend_pid()::text"));
    }
  }

  @Test
  @Order(4)
  void outsideATestTheSandboxHandsOutNothing(TestDatabase db) {
    DataSource idle = new SandboxDataSource(db.dataSource());

    assertThatThrownBy(idle::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("[SandboxOutsideTest]");
  }
}
