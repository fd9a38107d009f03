package io.ecto4j.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ecto4j.it.schemas.Authors;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.AutoFailoverFormation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failover run by pg_auto_failover ({@code pg_autoctl perform failover}) under write load: the
 * monitor demotes the primary and promotes its synchronous secondary. A repo on the formation's
 * multi-host URL ({@code targetServerType=primary}) resumes writing on the new primary, no write
 * the client saw committed is lost, and the calls in flight fail saying a failover happened.
 */
class AutoFailoverTest {
  private static final String DATABASE = "auto_failover";
  private static final int WRITERS = 3;
  /** Writes the writers make before the failover starts, and each makes after it is done. */
  private static final int WRITES_BEFORE = 50;
  private static final int WRITES_AFTER = 30;
  private static final Duration BOUND = Duration.ofSeconds(120);

  @Test
  void writesResumeOnTheNewPrimaryAndNoAcknowledgedWriteIsLost() throws Exception {
    assumeTrue(AutoFailoverFormation.installed(), AutoFailoverFormation.missing());
    try (AutoFailoverFormation formation = AutoFailoverFormation.start()) {
      String url = formation.createDatabase(DATABASE);
      formation.execute(DATABASE, Authors.DDL);
      int oldPrimary = formation.primaryPort();
      try (Repo repo = Repo.builder().url(url).maximumPoolSize(WRITERS).connectTimeout(Duration.ofSeconds(2))
          .socketTimeout(Duration.ofSeconds(30)).checkoutTimeout(Duration.ofSeconds(5)).build()) {
        WriteLoad load = WriteLoad.start(repo, WRITERS, WRITES_AFTER, BOUND);
        load.awaitCalls(WRITERS * WRITES_BEFORE);
        formation.failover();
        load.failedOver();
        load.finish();

        int newPrimary = formation.primaryPort();
        assertThat(newPrimary).isNotEqualTo(oldPrimary);
        assertThat(repo.query("SELECT inet_server_port()", List.of(), row -> row.getInt(1)))
            .containsExactly(newPrimary);
        assertThat(load.lost(repo)).as("acknowledged writes missing on the new primary").isEmpty();
        assertThat(load.acknowledgedAfterFailover()).as("writes resumed after the failover").isPositive();
        assertThat(load.failures()).as("the calls in flight at the failover fail, naming the server and the failover")
            .isNotEmpty()
            .anySatisfy(failure -> assertThat(failure.getMessage()).contains("on 127.0.0.1:" + oldPrimary
                + "; a failover is under way or done: this repo's URL lists 2 hosts"));
      }
    }
  }
}
