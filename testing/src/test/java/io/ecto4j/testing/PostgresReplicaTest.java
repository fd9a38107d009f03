package io.ecto4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Streaming replicas of a {@link PostgresProcess}: they replay the primary's writes, refuse writes, and promote. */
class PostgresReplicaTest {

  private static long count(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM items")) {
      row.next();
      return row.getLong(1);
    }
  }

  @Test
  void aReplicaReplaysThePrimaryRefusesWritesAndCanBePromoted() throws Exception {
    try (PostgresProcess primary = PostgresProcess.create()) {
      primary.createDatabase("shop");
      primary.execute("shop", "CREATE TABLE items (id int PRIMARY KEY)");
      try (PostgresProcess replica = primary.replica()) {
        assertThat(replica.port()).isNotEqualTo(primary.port());
        assertThat(replica.isReplica()).isTrue();
        assertThat(primary.isReplica()).isFalse();
        Path directory = replica.logFile().getParent();

        primary.execute("shop", "INSERT INTO items SELECT generate_series(1, 100)");
        primary.awaitReplayed(replica, Duration.ofSeconds(30));
        assertThat(count(replica.jdbcUrl("shop"))).isEqualTo(100);

        assertThatThrownBy(() -> replica.execute("shop", "INSERT INTO items VALUES (101)"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("read-only transaction");

        replica.promote();
        assertThat(replica.isReplica()).isFalse();
        replica.execute("shop", "INSERT INTO items VALUES (101)");
        assertThat(count(replica.jdbcUrl("shop"))).isEqualTo(101);
        assertThat(count(primary.jdbcUrl("shop"))).as("the old primary no longer hears of it").isEqualTo(100);
        replica.close();
        assertThat(Files.exists(directory)).isFalse();
      }
    }
  }
}
