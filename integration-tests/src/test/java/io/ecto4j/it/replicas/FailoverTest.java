package io.ecto4j.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.PostgresProcess;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
          assertThat(repo.insertOrThrow(author("before")).id()).isNotNull();

          ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
          ConcurrentLinkedQueue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
          AtomicInteger done = new AtomicInteger();
          AtomicInteger acknowledgedAfter = new AtomicInteger();
          java.util.concurrent.atomic.AtomicBoolean promoted = new java.util.concurrent.atomic.AtomicBoolean();
          ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
          List<Future<?>> running = new ArrayList<>();
          long deadline = System.nanoTime() + BOUND.toNanos();
          for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
              // Writers keep writing until the promotion is done, so the crash always meets calls in flight.
              int after = 0;
              for (int i = 0; after < WRITES_AFTER && System.nanoTime() < deadline; i++) {
                boolean afterPromotion = promoted.get();
                String name = "w" + writer + "-" + i;
                try {
                  Result<AuthorStruct, Changeset<AuthorStruct>> written = repo.insert(Changeset.change(author(name)));
                  written.ifOk(row -> {
                    acknowledged.add(name);
                    if (afterPromotion) {
                      acknowledgedAfter.incrementAndGet();
                    }
                  });
                } catch (QueryException e) {
                  failures.add(e); // the next call tries again at once: pgjdbc waits for a host itself
                }
                done.incrementAndGet();
                after += afterPromotion ? 1 : 0;
              }
            }));
          }
          await().atMost(BOUND).until(() -> done.get() >= WRITERS * WRITES_BEFORE);
          primary.stop(PostgresProcess.ShutdownMode.IMMEDIATE);
          standby.promote();
          promoted.set(true);
          for (Future<?> writer : running) {
            writer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
          }
          writers.shutdown();

          List<String> stored = repo.all(Authors.query()).stream().map(AuthorStruct::name).toList();
          Set<String> lost = new HashSet<>(acknowledged);
          lost.removeAll(stored);
          assertThat(lost).as("acknowledged writes missing on the new primary").isEmpty();
          assertThat(standby.isReplica()).isFalse();
          assertThat(repo.query("SELECT inet_server_port()", List.of(), row -> row.getInt(1)))
              .containsExactly(standby.port());
          assertThat(acknowledgedAfter.get()).as("writes resumed after the promotion").isPositive();
          assertThat(failures).as("the calls in flight at the crash fail, naming the server and the failover")
              .isNotEmpty()
              .allSatisfy(failure -> assertThat(failure).isInstanceOf(QueryException.class))
              .anySatisfy(failure -> assertThat(failure.getMessage()).contains("on 127.0.0.1:" + primary.port()
                  + "; a failover is under way or done: this repo's URL lists 2 hosts"));
        }
      }
    }
  }

  private static AuthorStruct author(String name) {
    return new AuthorStruct().withName(name).withBalance(1).withLockVersion(1);
  }
}
