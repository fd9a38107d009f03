package io.ecto4j.it.faults;

import static io.ecto4j.it.faults.FaultServer.balance;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionOptions;
import io.ecto4j.testing.PostgresProcess;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eight threads move money between two accounts in opposite orders, the textbook deadlock. With
 * retries that back off with jitter, every transfer commits in the end. The server detects
 * deadlocks after 100 ms instead of its default second, so that the test takes seconds, not a
 * minute; docs/transactions.md has the figures for both, with and without the backoff.
 */
class DeadlockRetryTest {
  private static final int THREADS = 8;
  private static final int TRANSFERS_PER_THREAD = 5;
  private static final int OPENING_BALANCE = 1_000_000;

  @RegisterExtension
  static final FaultServer faults =
      new FaultServer(PostgresProcess.builder().setting("deadlock_timeout", "100ms"));

  @BeforeEach
  void accounts() throws SQLException {
    faults.accounts(OPENING_BALANCE);
  }

  @Test
  void transfersInOppositeOrdersAllCommitInTheEnd() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    TransactionOptions retried = TransactionOptions.defaults().retries(30);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (Repo repo = faults.repo(b -> b.maximumPoolSize(THREADS))) {
      List<Future<List<Result<Integer, Object>>>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        boolean aToB = t % 2 == 0;
        threads.add(pool.submit(() -> {
          List<Result<Integer, Object>> results = new ArrayList<>();
          for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
            results.add(repo.transaction(retried, tx -> {
              attempts.incrementAndGet();
              return transfer(repo, aToB ? "A" : "B", aToB ? "B" : "A");
            }));
          }
          return results;
        }));
      }
      for (Future<List<Result<Integer, Object>>> thread : threads) {
        assertThat(thread.get(120, TimeUnit.SECONDS)).allMatch(Result::isOk);
      }
      assertThat(balance(repo, "A") + balance(repo, "B")).isEqualTo(2 * OPENING_BALANCE);
      assertThat(balance(repo, "A")).as("as many transfers each way").isEqualTo(OPENING_BALANCE);
      assertThat(attempts.get()).as("deadlocks happened and were retried")
          .isGreaterThan(THREADS * TRANSFERS_PER_THREAD);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Takes the first row's lock, lets the other transfers take theirs, then wants the second. */
  private static int transfer(Repo repo, String from, String to) {
    repo.updateAll(Authors.query().where(Authors.NAME.eq(from)), Update.inc(Authors.BALANCE, -1));
    repo.query("SELECT pg_sleep(0.02)", List.of(), row -> 0);
    repo.updateAll(Authors.query().where(Authors.NAME.eq(to)), Update.inc(Authors.BALANCE, 1));
    return 1;
  }
}
