package io.ecto4j.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.AutoFailoverFormation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger acknowledgedAfter = new AtomicInteger();
        AtomicBoolean failedOver = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          running.add(writers.submit(() -> {
            // Writers keep writing through the whole failover, so it always meets calls in flight.
            int after = 0;
            for (int i = 0; after < WRITES_AFTER && System.nanoTime() < deadline; i++) {
              boolean afterFailover = failedOver.get();
              String name = "w" + writer + "-" + i;
              try {
                Result<AuthorStruct, Changeset<AuthorStruct>> written = repo.insert(Changeset.change(author(name)));
                written.ifOk(row -> {
                  acknowledged.add(name);
                  if (afterFailover) {
                    acknowledgedAfter.incrementAndGet();
                  }
                });
              } catch (QueryException e) {
                failures.add(e); // in flight at the failover, or no primary yet: the next call tries again
              }
              done.incrementAndGet();
              after += afterFailover ? 1 : 0;
            }
          }));
        }
        await().atMost(BOUND).until(() -> done.get() >= WRITERS * WRITES_BEFORE);
        formation.failover();
        failedOver.set(true);
        for (Future<?> writer : running) {
          writer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
        writers.shutdown();

        int newPrimary = formation.primaryPort();
        assertThat(newPrimary).isNotEqualTo(oldPrimary);
        assertThat(repo.query("SELECT inet_server_port()", List.of(), row -> row.getInt(1)))
            .containsExactly(newPrimary);
        List<String> stored = repo.all(Authors.query()).stream().map(AuthorStruct::name).toList();
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertThat(lost).as("acknowledged writes missing on the new primary").isEmpty();
        assertThat(acknowledgedAfter.get()).as("writes resumed after the failover").isPositive();
        assertThat(failures).as("the calls in flight at the failover fail, naming the server and the failover")
            .isNotEmpty()
            .anySatisfy(failure -> assertThat(failure.getMessage()).contains("on 127.0.0.1:" + oldPrimary
                + "; a failover is under way or done: this repo's URL lists 2 hosts"));
      }
    }
  }

  private static AuthorStruct author(String name) {
    return new AuthorStruct().withName(name).withBalance(1).withLockVersion(1);
  }
}
