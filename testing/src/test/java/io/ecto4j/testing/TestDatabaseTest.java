package io.ecto4j.testing;

import static io.ecto4j.testing.LocalPostgres.databaseExists;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {
  @Test
  void createsAFreshDatabaseAndDropsItOnClose() throws Exception {
    TestDatabase db = TestDatabase.create();
    assertThat(db.name()).matches("ecto4j_test_[0-9a-f]{16}");
    assertThat(databaseExists(db.name())).isTrue();

    db.close();

    assertThat(databaseExists(db.name())).isFalse();
  }

  @Test
  void everyDatabaseIsNew() throws Exception {
    try (TestDatabase first = TestDatabase.create();
        TestDatabase second = TestDatabase.create()) {
      assertThat(first.name()).isNotEqualTo(second.name());
    }
  }

  @Test
  void itsUrlAndUserConnect() throws Exception {
    try (TestDatabase db = TestDatabase.create();
        Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      assertThat(LocalPostgres.strings(connection, "SELECT current_database()"))
          .containsExactly(db.name());
    }
  }

  @Test
  void executeRunsSeveralStatementsAndCommits() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      db.execute("CREATE TABLE tags (name text); INSERT INTO tags VALUES ('a'), ('b')");

      assertThat(LocalPostgres.strings(db.dataSource(), "SELECT name FROM tags ORDER BY name"))
          .containsExactly("a", "b");
    }
  }

  @Test
  void closeDropsTheDatabaseEvenWhileSomeoneIsConnected() throws Exception {
    TestDatabase db = TestDatabase.create();
    try (Connection leaked = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      db.close();

      assertThat(databaseExists(db.name())).isFalse();
      assertThat(leaked.isValid(2)).isFalse();
    }
  }
}
