package io.ecto4j.repo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A transaction's {@link TransactionOptions#timeout}: at the deadline the connection is aborted
 * ({@link Connection#abort}, which closes its socket from another thread), which stops a statement
 * that is running and makes PostgreSQL roll the transaction back. One daemon thread serves every
 * repo; it only closes sockets.
 */
final class Deadline {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "ecto4j-transaction-timeouts");
    thread.setDaemon(true);
    return thread;
  });
  private static final Deadline NONE = new Deadline(null, null);

  private final Duration timeout;
  private final ScheduledFuture<?> abort;
  private final AtomicBoolean fired = new AtomicBoolean();

  private Deadline(Duration timeout, Connection connection) {
    this.timeout = timeout;
    this.abort = connection == null ? null
        : TIMER.schedule(() -> abort(connection), timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The deadline of a transaction on {@code connection}; none when {@code timeout} is null. */
  static Deadline arm(Duration timeout, Connection connection) {
    return timeout == null ? NONE : new Deadline(timeout, connection);
  }

  private void abort(Connection connection) {
    fired.set(true);
    try {
      connection.abort(Runnable::run);
    } catch (SQLException | RuntimeException alreadyGone) {
      // A connection that cannot be aborted is closed or broken already: the transaction is over.
    }
  }

  /** {@code failure} as the timeout it was, when the deadline passed; else as it is. */
  <X extends Throwable> Throwable explain(X failure) {
    return fired.get() ? new TransactionTimeoutException(timeout, failure) : failure;
  }

  /** Throws {@link TransactionTimeoutException} when the deadline passed while the body ran. */
  void check() {
    if (fired.get()) {
      throw new TransactionTimeoutException(timeout, null);
    }
  }

  /** The transaction ended in time: nothing will be aborted. */
  void disarm() {
    if (abort != null) {
      abort.cancel(false);
    }
  }
}
