package io.ecto4j.it.faults;

import static io.ecto4j.it.faults.FaultServer.backendPid;
import static io.ecto4j.it.schemas.LibrarySchema.author;
import static io.ecto4j.it.schemas.LibrarySchema.authors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.repo.CommitOutcomeUnknownException;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.telemetry.QueryEvent;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backend terminated ({@code pg_terminate_backend}, SQLSTATE 57P01) at every point of a
 * transaction's life: nothing of the transaction persists, the caller gets the failure that
 * happened first, naming the statement and its SQLSTATE, and the pool never hands the dead
 * connection out again. Outside a transaction, a read on a connection killed while idle is run
 * once more; a write is not.
 */
class TerminatedBackendTest {
  @RegisterExtension
  static final FaultServer faults = new FaultServer();

  private Repo repo;

  @BeforeEach
  void empty() throws SQLException {
    faults.empty();
  }

  private Repo repo(int poolSize) {
    repo = faults.repo(b -> b.maximumPoolSize(poolSize));
    return repo;
  }

  @org.junit.jupiter.api.AfterEach
  void closeRepo() {
    if (repo != null) {
      repo.close();
    }
  }

  @Test
  void duringAStatement() throws Exception {
    Repo repo = repo(2);
    AtomicInteger pid = new AtomicInteger();
    CompletableFuture<Void> killer = new CompletableFuture<>();
    assertThatThrownBy(() -> repo.transaction(tx -> {
      pid.set(backendPid(repo));
      repo.insertOrThrow(author("Written before the statement"));
      CompletableFuture.runAsync(() -> {
        try {
          faults.server.awaitStatement(pid.get(), "SELECT pg_sleep", Duration.ofSeconds(10));
          faults.terminate(pid.get());
          killer.complete(null);
        } catch (Throwable e) {
          killer.completeExceptionally(e);
        }
      });
      return repo.query("SELECT pg_sleep(30)", List.of(), row -> row.getString(1));
    })).isInstanceOfSatisfying(QueryException.class, e -> {
      assertThat(e).isNotInstanceOf(CommitOutcomeUnknownException.class);
      assertThat(e.sqlState()).isEqualTo("57P01");
      assertThat(e.sql()).isEqualTo("SELECT pg_sleep(30)");
      assertThat(e).hasMessageContaining("terminating connection due to administrator command");
      assertThat(e.getSuppressed()).as("the rollback that failed on the dead connection comes second")
          .anySatisfy(later -> assertThat(later).hasMessageContaining("in: ROLLBACK"));
    });
    killer.get(15, TimeUnit.SECONDS);
    assertThat(authors(repo)).isZero();
    assertNeverHandedOutAgain(repo, pid.get());
  }

  @Test
  void idleBeforeCommit() {
    Repo repo = repo(2);
    AtomicInteger pid = new AtomicInteger();
    assertThatThrownBy(() -> repo.transaction(tx -> {
      pid.set(backendPid(repo));
      repo.insertOrThrow(author("Never committed"));
      faults.terminate(pid.get());
      return "commit now";
    })).isInstanceOfSatisfying(CommitOutcomeUnknownException.class, e -> {
      assertThat(e.sqlState()).isEqualTo("57P01");
      assertThat(e.sql()).isEqualTo("COMMIT");
      assertThat(e).hasMessageContaining("whether it committed is unknown");
    });
    assertThat(authors(repo)).isZero();
    assertNeverHandedOutAgain(repo, pid.get());
  }

  @Test
  void betweenMultiSteps() {
    Repo repo = repo(2);
    AtomicInteger pid = new AtomicInteger();
    Multi multi = Multi.create()
        .insert(Key.named("first"), Changeset.change(author("First")))
        .run(Key.named("killed"), (r, changes) -> {
          pid.set(backendPid(r));
          faults.terminate(pid.get());
          return Result.ok("the next step meets a dead connection");
        })
        .insert(Key.named("second"), Changeset.change(author("Second")));
    assertThatThrownBy(() -> repo.transaction(multi)).isInstanceOfSatisfying(QueryException.class, e -> {
      assertThat(e.sqlState()).isEqualTo("57P01");
      assertThat(e.sql()).startsWith("INSERT INTO \"authors\"");
    });
    assertThat(authors(repo)).isZero();
    assertNeverHandedOutAgain(repo, pid.get());
  }

  @Test
  void midStream() {
    Repo repo = repo(2);
    List<AuthorStruct> existing = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      existing.add(author("Existing " + i));
    }
    repo.insertAll(Authors.SCHEMA, existing, WriteOptions.defaults().timestamps());
    AtomicInteger pid = new AtomicInteger();
    AtomicInteger read = new AtomicInteger();
    assertThatThrownBy(() -> repo.stream(Authors.query(), 10, rows -> rows.peek(row -> {
      if (read.incrementAndGet() == 50) {
        pid.set(backendPid(repo));
        repo.insertOrThrow(author("Written during the stream"));
        faults.terminate(pid.get());
      }
    }).count())).isInstanceOfSatisfying(QueryException.class, e -> {
      assertThat(e.sqlState()).isEqualTo("57P01");
      assertThat(e.sql()).startsWith("SELECT");
    });
    assertThat(read.get()).isBetween(50, 60);
    assertThat(authors(repo)).isEqualTo(300);
    assertNeverHandedOutAgain(repo, pid.get());
  }

  /**
   * HikariCP checks a connection before handing it out only if it was idle for more than half a
   * second; one killed just after use is handed out as it is. A read then runs once more on a
   * fresh connection and succeeds; a write is never run twice, and says its outcome is unknown.
   * On a slow machine the kill may take longer than that half second, and the pool then replaces
   * the dead connection itself; each case is tried (a bounded number of times) until the pool did
   * hand the dead connection out, which the statement events show.
   */
  @Test
  void aConnectionKilledWhileIdleCostsAReadNothingAndFailsAWriteClearly() {
    List<QueryEvent> events = new CopyOnWriteArrayList<>();
    repo = faults.repo(b -> b.maximumPoolSize(1).listener(events::add));
    repo.insertOrThrow(author("Ada"));
    boolean readMetADeadConnection = false;
    for (int attempt = 0; attempt < 5 && !readMetADeadConnection; attempt++) {
      faults.terminate(backendPid(repo));
      events.clear();
      assertThat(repo.all(Authors.query())).extracting(AuthorStruct::name).containsExactly("Ada");
      readMetADeadConnection = events.stream().anyMatch(event -> !event.succeeded());
      if (readMetADeadConnection) {
        assertThat(events).as("the failed read, then the same read on a fresh connection").hasSize(2);
        assertThat(events.get(0).failure()).isInstanceOfSatisfying(QueryException.class,
            e -> assertThat(e.sqlState()).isEqualTo("57P01"));
        assertThat(events.get(1).succeeded()).isTrue();
      }
    }
    assertThat(readMetADeadConnection).as("the pool handed out the killed connection to a read").isTrue();

    int dead = 0;
    for (int attempt = 0; attempt < 5 && dead == 0; attempt++) {
      int pid = backendPid(repo);
      faults.terminate(pid);
      try {
        repo.insert(author("Grace " + attempt));
      } catch (CommitOutcomeUnknownException e) {
        assertThat(e.sqlState()).isEqualTo("57P01");
        assertThat(e.sql()).startsWith("INSERT INTO \"authors\"");
        assertThat(repo.getBy(Authors.NAME, "Grace " + attempt)).as("the write was not run again").isEmpty();
        dead = pid;
      }
    }
    assertThat(dead).as("the pool handed out the killed connection to a write").isNotZero();
    assertNeverHandedOutAgain(repo, dead);
  }

  private static void assertNeverHandedOutAgain(Repo repo, int deadPid) {
    for (int i = 0; i < 10; i++) {
      assertThat(backendPid(repo)).isNotEqualTo(deadPid);
    }
    assertThat(repo.transaction(tx -> backendPid(repo)).orElseThrow()).isNotEqualTo(deadPid);
  }
}
