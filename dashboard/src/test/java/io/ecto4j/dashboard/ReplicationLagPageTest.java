package io.ecto4j.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.PostgresProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Health page's replication section on a primary and a streaming replica of the test's own:
 * the primary lists its replica with its lag, the replica shows its own replay position; a paused
 * replay shows as bytes behind.
 */
class ReplicationLagPageTest {

  private static JsonNode replication(Repo repo) throws Exception {
    JsonNode page = new ObjectMapper().readTree(Dashboard.builder(repo, new QueryRecorder()).build().json("health"));
    for (JsonNode section : page.get("sections")) {
      if (section.get("id").asText().equals("replication")) {
        assertThat(section.has("error")).as(section.toString()).isFalse();
        return section;
      }
    }
    throw new AssertionError("no replication section in " + page);
  }

  /** The bytes the first replica has not replayed: the last column of its row. */
  private static long lagBytes(Repo repo) throws Exception {
    JsonNode row = replication(repo).get("rows").get(0);
    return row.get(row.size() - 1).asLong();
  }

  @Test
  void theHealthPageShowsEachReplicaAndItsLag() throws Exception {
    try (PostgresProcess primary = PostgresProcess.create()) {
      String url = primary.createDatabase("dash_repl");
      primary.execute("dash_repl", "CREATE TABLE dash_items (id int PRIMARY KEY)");
      try (PostgresProcess replica = primary.replica(Map.of("cluster_name", "dash_replica"));
          Repo onPrimary = Repo.connect(url);
          Repo onReplica = Repo.connect(replica.jdbcUrl("dash_repl"))) {
        primary.awaitReplayed(replica, Duration.ofSeconds(30));
        JsonNode listed = replication(onPrimary);
        assertThat(listed.get("rows").size()).as(listed.toString()).isEqualTo(1);
        assertThat(listed.toString()).contains("streaming");

        JsonNode own = replication(onReplica);
        assertThat(own.toString()).contains("this server");
        assertThat(own.get("rows").get(0).toString()).as(own.toString()).isNotEmpty();

        replica.execute("postgres", "SELECT pg_wal_replay_pause()");
        primary.execute("dash_repl", "INSERT INTO dash_items SELECT generate_series(1, 10000)");
        long behind = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> lagBytes(onPrimary), bytes -> bytes > 0);
        assertThat(behind).as("bytes the paused replica has not replayed").isPositive();
        replica.execute("postgres", "SELECT pg_wal_replay_resume()");
      }
    }
  }
}
