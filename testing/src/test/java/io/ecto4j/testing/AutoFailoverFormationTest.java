package io.ecto4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pg_auto_failover formation of a test's own: it settles, replicates synchronously, fails over and cleans up. */
class AutoFailoverFormationTest {

  @Test
  void aFormationSettlesFailsOverAndLeavesNothingBehind() throws Exception {
    assumeTrue(AutoFailoverFormation.installed(), AutoFailoverFormation.missing());
    AutoFailoverFormation closedLater;
    try (AutoFailoverFormation formation = AutoFailoverFormation.start()) {
      closedLater = formation;
      List<Integer> ports = formation.nodePorts();
      assertThat(formation.states()).isEqualTo(Map.of(ports.get(0), "primary", ports.get(1), "secondary"));
      String url = formation.createDatabase("shop");
      assertThat(url).contains("127.0.0.1:" + ports.get(0) + ",127.0.0.1:" + ports.get(1))
          .contains("targetServerType=primary");
      formation.execute("shop", "CREATE TABLE items (id int PRIMARY KEY)");
      formation.execute("shop", "INSERT INTO items VALUES (1)");
      assertThat(single(url, "SHOW synchronous_standby_names")).startsWith("ANY 1");

      formation.failover();

      assertThat(formation.primaryPort()).isEqualTo(ports.get(1));
      assertThat(single(url, "SELECT inet_server_port()")).isEqualTo(ports.get(1).toString());
      assertThat(single(url, "SELECT count(*) FROM items")).as("the commit survives the failover").isEqualTo("1");
    }
    closedLater.close();  // a second close does nothing
  }

  private static String single(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }
}
