package io.ecto4j.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.PostgresProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Queries page's pg_stat_statements part, on a server of the test's own started with the
 * extension preloaded (the shared server's settings are never changed).
 */
class PgStatStatementsPageTest {
  @Test
  void listsTheServersOutliersWhenTheExtensionIsLoaded() throws Exception {
    try (PostgresProcess server = PostgresProcess.builder()
        .setting("shared_preload_libraries", "pg_stat_statements").create()) {
      String url = server.createDatabase("dash_pgss");
      server.execute("dash_pgss", "CREATE EXTENSION pg_stat_statements");
      server.execute("dash_pgss", "CREATE TABLE dash_items (id int PRIMARY KEY, name text)");
      server.execute("dash_pgss", "INSERT INTO dash_items SELECT g, 'item ' || g FROM generate_series(1, 500) g");
      QueryRecorder recorder = new QueryRecorder();
      try (Repo base = Repo.connect(url)) {
        Repo repo = base.withListener(recorder);
        for (int i = 1; i <= 50; i++) {
          repo.query("SELECT name FROM dash_items WHERE id = ?", List.of(i), r -> r.getString(1));
        }
        Dashboard dashboard = Dashboard.builder(repo, recorder).build();

        JsonNode pgss = new ObjectMapper().readTree(dashboard.json("queries")).get("pgStatStatements");

        assertThat(pgss.get("available").asBoolean()).as(pgss.toString()).isTrue();
        JsonNode statement = null;
        for (JsonNode s : pgss.get("statements")) {
          if (s.get("sql").asText().contains("FROM dash_items WHERE id = ?")) {
            statement = s;
          }
        }
        assertThat(statement).as(pgss.toString()).isNotNull();
        assertThat(statement.get("calls").asLong()).isEqualTo(50);
        assertThat(statement.get("totalMs").asDouble()).isPositive();
        assertThat(statement.get("shareOfTotal").asDouble()).isBetween(0.0, 1.0);
      }
    }
  }
}
