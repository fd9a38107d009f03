package io.ecto4j.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.Authors;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.PostgresProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A promotion under write load, on servers of the test's own: a primary that commits only once its
 * standby has the commit ({@code synchronous_standby_names}), crashed, and its replica promoted
 * ({@code pg_ctl promote}). A repo on a multi-host URL with {@code targetServerType=primary} resumes
 * writing on the new primary, and no write the client saw committed is lost.
 */
class FailoverTest {
  private static final String DATABASE = "failover";
  private static final int WRITERS = 3;
  /** Writes each writer makes before the crash is allowed, and after the promotion. */
  private static final int WRITES_BEFORE = 50;
  private static final int WRITES_AFTER = 30;
  private static final Duration BOUND = Duration.ofSeconds(90);

  @Test
  void writesResumeOnThePromotedReplicaAndNoAcknowledgedWriteIsLost() throws Exception {
    try (PostgresProcess primary = PostgresProcess.create()) {
      primary.createDatabase(DATABASE);
      primary.execute(DATABASE, Authors.DDL);
      try (PostgresProcess standby = primary.replica(Map.of("cluster_name", "standby"))) {
        // From now on a commit waits until the standby has it: what the client sees committed survives.
        primary.execute("postgres", "ALTER SYSTEM SET synchronous_standby_names = '*'");
        primary.execute("postgres", "SELECT pg_reload_conf()");
        String url = "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port() + "/" + DATABASE
            + "?user=postgres&targetServerType=primary";
        try (Repo repo = Repo.builder().url(url).maximumPoolSize(WRITERS).connectTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(20)).checkoutTimeout(Duration.ofSeconds(5)).build()) {
          assertThat(repo.insertOrThrow(WriteLoad.author("before")).id()).isNotNull();

          WriteLoad load = WriteLoad.start(repo, WRITERS, WRITES_AFTER, BOUND);
          load.awaitCalls(WRITERS * WRITES_BEFORE);
          primary.stop(PostgresProcess.ShutdownMode.IMMEDIATE);
          standby.promote();
          load.failedOver();
          load.finish();

          assertThat(load.lost(repo)).as("acknowledged writes missing on the new primary").isEmpty();
          assertThat(standby.isReplica()).isFalse();
          assertThat(repo.query("SELECT inet_server_port()", List.of(), row -> row.getInt(1)))
              .containsExactly(standby.port());
          assertThat(load.acknowledgedAfterFailover()).as("writes resumed after the promotion").isPositive();
          assertThat(load.failures()).as("the calls in flight at the crash fail, naming the server and the failover")
              .isNotEmpty()
              .anySatisfy(failure -> assertThat(failure.getMessage()).contains("on 127.0.0.1:" + primary.port()
                  + "; a failover is under way or done: this repo's URL lists 2 hosts"));
        }
      }
    }
  }
}
