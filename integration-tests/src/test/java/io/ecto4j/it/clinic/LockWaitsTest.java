package io.ecto4j.it.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.LockWaits;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runbook step 2: a real lock wait between two connections. One holds a row lock in an open
 * transaction; the other waits for it, and the report names both.
 */
@EctoTest
class LockWaitsTest {
  private Connection blocker;
  private Connection waiter;
  private ExecutorService background;
  private int blockerPid;
  private int waiterPid;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, balance bigint NOT NULL);"
        + "INSERT INTO accounts VALUES (1, 100)");
  }

  @BeforeEach
  void connect(TestDatabase db) throws SQLException {
    blocker = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    waiter = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    blockerPid = pid(blocker);
    waiterPid = pid(waiter);
    blocker.setAutoCommit(false);
    try (Statement statement = blocker.createStatement()) {
      statement.execute("UPDATE accounts SET balance = balance - 10 WHERE id = 1");
    }
    background = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void cleanUp() throws Exception {
    blocker.rollback();
    blocker.close();
    background.shutdown();
    background.awaitTermination(30, TimeUnit.SECONDS);
    waiter.close();
  }

  @Test
  void reportsWhoBlocksWhom(TestDatabase db, Repo repo) throws Exception {
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> update(waiter), background);

    List<LockWaits.Wait> waits = awaitWaiter(repo, waiterPid);

    assertThat(waits).anySatisfy(wait -> {
      assertThat(wait.blockedPid()).isEqualTo(waiterPid);
      assertThat(wait.blockingPid()).isEqualTo(blockerPid);
      assertThat(wait.blockedQuery()).contains("UPDATE accounts");
      assertThat(wait.blockingQuery()).contains("UPDATE accounts");
      assertThat(wait.blockingState()).isEqualTo("idle in transaction");
      assertThat(wait.waitEvent()).startsWith("Lock:");
    });
    assertThat(LockWaits.describe(db.dataSource())).contains("pid " + waiterPid, "for pid " + blockerPid);
    blocker.rollback();
    waiting.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aLockTimeoutCarriesTheLockReport(TestDatabase db) throws SQLException {
    List<QueryEvent> events = new CopyOnWriteArrayList<>();
    Repo repo = Repo.of(db.dataSource()).withListener(events::add);

    assertThatThrownBy(() -> repo.<List<Integer>, Object>transaction(tx -> {
      repo.query("SET LOCAL lock_timeout = '50ms'", List.of(), row -> null);
      return repo.query("UPDATE accounts SET balance = balance + 1 WHERE id = ? RETURNING id", List.of(1L), row -> 1);
    })).isInstanceOf(QueryException.class).hasMessageContaining("lock");

    QueryEvent failed = events.stream().filter(e -> !e.succeeded()).findFirst().orElseThrow();
    assertThat(failed.lockWaits()).hasValueSatisfying(report ->
        assertThat(report).contains("open transactions holding locks", "pid " + blockerPid, "accounts"));
  }

  /** Polls pg_stat_activity (no sleeping) until the waiter shows as blocked. */
  private static List<LockWaits.Wait> awaitWaiter(Repo repo, int waiterPid) {
    for (int attempt = 0; attempt < 100_000; attempt++) {
      List<LockWaits.Wait> waits = LockWaits.current(repo.dataSource());
      if (waits.stream().anyMatch(w -> w.blockedPid() == waiterPid)) {
        return waits;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the waiter never showed as blocked in pg_stat_activity");
  }

  private static void update(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("UPDATE accounts SET balance = balance + 10 WHERE id = 1");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int pid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
