package io.ecto4j.repo;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before running a transaction again after a serialization failure or deadlock:
 * exponential from {@code initial}, capped at {@code max}, with jitter. Without the wait, two
 * transactions that deadlocked start again together and deadlock again; the jitter spreads them.
 *
 * @param initial the wait before the first retry, at most (the jitter takes off up to half)
 * @param max the cap on any one wait
 */
record Backoff(Duration initial, Duration max) {
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1));

  Backoff {
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("a retry backoff needs 0 <= initial <= max, got initial " + initial
          + " and max " + max);
    }
  }

  /** The wait before retry number {@code retry} (1 for the first): a random time in [d/2, d]. */
  long millisBefore(int retry) {
    long cap = max.toMillis();
    long doubled = initial.toMillis() << Math.min(retry - 1, 30);
    long delay = doubled < 0 ? cap : Math.min(cap, doubled);
    return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
  }

  /**
   * Waits before retry number {@code retry}. An interrupt ends the retries: the failure that
   * caused them is thrown, with the thread's interrupt status kept.
   */
  void pause(int retry, QueryException failure) {
    try {
      Thread.sleep(millisBefore(retry));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      throw failure;
    }
  }
}
