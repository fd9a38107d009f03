package io.ecto4j.it.replicas;

import static org.awaitility.Awaitility.await;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
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

/**
 * Writers inserting authors through a repo while its primary changes: they write until each has
 * made {@code writesAfter} writes after {@link #failedOver()}, so the change always meets calls in
 * flight, and keep what the client saw acknowledged and what failed.
 */
final class WriteLoad {
  private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<QueryException> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger acknowledgedAfter = new AtomicInteger();
  private final AtomicBoolean failedOver = new AtomicBoolean();
  private final List<Future<?>> running = new ArrayList<>();
  private final ExecutorService writers;
  private final Duration bound;

  private WriteLoad(int writers, Duration bound) {
    this.writers = Executors.newFixedThreadPool(writers);
    this.bound = bound;
  }

  static WriteLoad start(Repo repo, int writers, int writesAfter, Duration bound) {
    WriteLoad load = new WriteLoad(writers, bound);
    long deadline = System.nanoTime() + bound.toNanos();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      load.running.add(load.writers.submit(() -> load.write(repo, writer, writesAfter, deadline)));
    }
    return load;
  }

  private void write(Repo repo, int writer, int writesAfter, long deadline) {
    int after = 0;
    for (int i = 0; after < writesAfter && System.nanoTime() < deadline; i++) {
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
        failures.add(e); // in flight at the change, or no primary yet: the next call tries again at once
      }
      done.incrementAndGet();
      after += afterFailover ? 1 : 0;
    }
  }

  static AuthorStruct author(String name) {
    return new AuthorStruct().withName(name).withBalance(1).withLockVersion(1);
  }

  /** Waits until the writers have made {@code writes} calls in all. */
  void awaitCalls(int writes) {
    await().atMost(bound).until(() -> done.get() >= writes);
  }

  /** The primary has changed: from now on the writers count their writes towards the end. */
  void failedOver() {
    failedOver.set(true);
  }

  /** Waits, within the bound, until every writer is done. */
  void finish() throws Exception {
    for (Future<?> writer : running) {
      writer.get(bound.toSeconds(), TimeUnit.SECONDS);
    }
    writers.shutdown();
  }

  /** The acknowledged writes missing from what {@code repo} reads now. */
  Set<String> lost(Repo repo) {
    Set<String> lost = new HashSet<>(acknowledged);
    repo.all(Authors.query()).forEach(row -> lost.remove(row.name()));
    return lost;
  }

  int acknowledgedAfterFailover() {
    return acknowledgedAfter.get();
  }

  List<QueryException> failures() {
    return List.copyOf(failures);
  }
}
