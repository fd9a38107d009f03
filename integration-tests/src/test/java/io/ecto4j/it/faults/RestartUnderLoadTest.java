package io.ecto4j.it.faults;

import static io.ecto4j.it.faults.FaultServer.balance;
import static io.ecto4j.it.schemas.LibrarySchema.author;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.CommitOutcomeUnknownException;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.PostgresProcess.ShutdownMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server restarts ({@code -m fast}: every session is terminated; {@code -m immediate}: a
 * crash) while eight threads insert through changesets and move money between two accounts in
 * transactions and Multis. Afterwards: every call that succeeded is in the database, every call
 * that failed for sure is not, no transfer is half-applied, every failure names its cause, and the
 * same repo works again without being rebuilt.
 */
class RestartUnderLoadTest {
  private static final int THREADS = 8;
  private static final int OPENING_BALANCE = 1_000_000;
  /** Bounds of the load: calls per thread, and time. */
  private static final int MAX_CALLS_PER_THREAD = 3_000;
  private static final Duration MAX_LOAD_TIME = Duration.ofSeconds(60);
  private static final int SUCCESSES_BEFORE_AND_AFTER = 100;

  @RegisterExtension
  static final FaultServer faults = new FaultServer();


  /** What the clients saw: the outcome of every call. */
  private static final class Ledger {
    final Set<String> insertedNames = ConcurrentHashMap.newKeySet();
    final Set<String> notInsertedNames = ConcurrentHashMap.newKeySet();
    final Set<String> unknownNames = ConcurrentHashMap.newKeySet();
    final AtomicInteger transfers = new AtomicInteger();
    final AtomicInteger transfersNotApplied = new AtomicInteger();
    final AtomicInteger transfersUnknown = new AtomicInteger();
    final AtomicInteger successes = new AtomicInteger();
    /** A permit per success, for the main thread to wait on. */
    final Semaphore successPermits = new Semaphore(0);
    final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

    void succeeded() {
      successes.incrementAndGet();
      successPermits.release();
    }
  }

  @ParameterizedTest
  @EnumSource(value = ShutdownMode.class, names = {"FAST", "IMMEDIATE"})
  void noConfirmedWriteIsLostAndNoTransferIsHalfApplied(ShutdownMode mode) throws Exception {
    faults.accounts(OPENING_BALANCE);
    Ledger ledger = new Ledger();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (Repo repo = faults.repo(b -> b.maximumPoolSize(THREADS))) {
      long deadline = System.nanoTime() + MAX_LOAD_TIME.toNanos();
      List<Future<?>> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        threads.add(pool.submit(() -> {
          for (int call = 0; call < MAX_CALLS_PER_THREAD && running.get() && System.nanoTime() < deadline; call++) {
            oneCall(repo, ledger, thread, call);
          }
        }));
      }
      awaitSuccesses(ledger, SUCCESSES_BEFORE_AND_AFTER);
      faults.server.restart(mode);
      ledger.successPermits.drainPermits();
      awaitSuccesses(ledger, SUCCESSES_BEFORE_AND_AFTER);
      running.set(false);
      for (Future<?> thread : threads) {
        thread.get(30, TimeUnit.SECONDS);
      }

      assertThat(ledger.unexpected).as("every failure is a QueryException naming its cause").isEmpty();
      assertThat(ledger.failures).as("the restart failed the calls in flight").isNotEmpty();
      assertThat(ledger.failures).allSatisfy(failure -> {
        QueryException e = (QueryException) failure;
        assertThat(e.sqlState()).as("SQLSTATE of %s", e).isNotNull();
        assertThat(e.sql()).isNotBlank();
        assertThat(e.getMessage()).contains("SQLSTATE " + e.sqlState()).contains("in: " + e.sql());
      });

      Set<String> stored = new HashSet<>();
      repo.all(Authors.query()).forEach(a -> stored.add(a.name()));
      assertThat(stored).as("every insert the client saw succeed").containsAll(ledger.insertedNames);
      assertThat(ledger.notInsertedNames).as("no insert that failed for sure").noneMatch(stored::contains);

      int a = balance(repo, "A");
      int b = balance(repo, "B");
      assertThat(a + b).as("no transfer is half-applied").isEqualTo(2 * OPENING_BALANCE);
      int moved = OPENING_BALANCE - a;
      System.out.printf("%s restart: %d successes, %d inserts (%d failed, %d unknown), %d transfers (%d failed,"
          + " %d unknown, %d of those applied)%n", mode, ledger.successes.get(), ledger.insertedNames.size(),
          ledger.notInsertedNames.size(), ledger.unknownNames.size(), ledger.transfers.get(),
          ledger.transfersNotApplied.get(), ledger.transfersUnknown.get(), moved - ledger.transfers.get());
      assertThat(moved).as("every confirmed transfer applied, no failed one, some of the unknown ones")
          .isBetween(ledger.transfers.get(), ledger.transfers.get() + ledger.transfersUnknown.get());

      AuthorStruct after = repo.insertOrThrow(author("After the " + mode + " restart"));
      assertThat(repo.getOrThrow(Authors.SCHEMA, after.id())).isEqualTo(after);
    } finally {
      running.set(false);
      pool.shutdownNow();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  /** Waits, at most 30 s, until the clients have seen {@code count} more successful calls. */
  private static void awaitSuccesses(Ledger ledger, int count) throws InterruptedException {
    assertThat(ledger.successPermits.tryAcquire(count, 30, TimeUnit.SECONDS))
        .as("%s successful calls within 30 s; failures: %s", count, ledger.failures).isTrue();
  }

  /** An insert, a transfer in a transaction, or a transfer in a Multi, by turns. */
  private static void oneCall(Repo repo, Ledger ledger, int thread, int call) {
    switch (call % 3) {
      case 0 -> insert(repo, ledger, "t" + thread + "-" + call);
      case 1 -> transfer(ledger, () -> repo.transaction(tx -> {
        debitAndCredit(repo);
        return "moved";
      }));
      default -> transfer(ledger, () -> repo.transaction(Multi.create()
          .updateAll(Key.named("debit"), account("A"), Update.inc(Authors.BALANCE, -1))
          .updateAll(Key.named("credit"), account("B"), Update.inc(Authors.BALANCE, 1))));
    }
  }

  private static void insert(Repo repo, Ledger ledger, String name) {
    try {
      Result<AuthorStruct, Changeset<AuthorStruct>> result =
          repo.insert(Changeset.change(author(name)).uniqueConstraint(Authors.NAME));
      if (result.isOk()) {
        ledger.insertedNames.add(name);
        ledger.succeeded();
      } else {
        ledger.unexpected.add(new AssertionError("insert of " + name + " returned " + result));
      }
    } catch (RuntimeException e) {
      record(ledger, e, ledger.unknownNames, ledger.notInsertedNames, name);
    }
  }

  private static void transfer(Ledger ledger, Supplier<Result<?, ?>> call) {
    try {
      Result<?, ?> result = call.get();
      if (result.isOk()) {
        ledger.transfers.incrementAndGet();
        ledger.succeeded();
      } else {
        ledger.unexpected.add(new AssertionError("a transfer returned " + result));
      }
    } catch (CommitOutcomeUnknownException e) {
      ledger.failures.add(e);
      ledger.transfersUnknown.incrementAndGet();
    } catch (QueryException e) {
      ledger.failures.add(e);
      ledger.transfersNotApplied.incrementAndGet();
    } catch (RuntimeException e) {
      ledger.unexpected.add(e);
    }
  }

  private static void record(Ledger ledger, RuntimeException e, Set<String> unknown, Set<String> failed, String name) {
    if (e instanceof CommitOutcomeUnknownException) {
      ledger.failures.add(e);
      unknown.add(name);
    } else if (e instanceof QueryException) {
      ledger.failures.add(e);
      failed.add(name);
    } else {
      ledger.unexpected.add(e);
    }
  }

  private static void debitAndCredit(Repo repo) {
    repo.updateAll(account("A"), Update.inc(Authors.BALANCE, -1));
    repo.updateAll(account("B"), Update.inc(Authors.BALANCE, 1));
  }

  private static Query<AuthorStruct> account(String name) {
    return Authors.query().where(Authors.NAME.eq(name));
  }
}
