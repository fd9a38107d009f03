package io.ecto4j.repo;

import io.ecto4j.Result;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of a repo that a {@link TransactionHost} keeps: the repo holds no state of its
 * own about them, so that a transaction the host began for other code (a Spring
 * {@code @Transactional} method) is the repo's too, and the other way round. Each statement asks
 * the host for this thread's connection: inside a transaction the host suspended for another one
 * (Spring's {@code REQUIRES_NEW}), the statements run on the other one's.
 *
 * <p>The rules are {@link LocalTransactions}'s, expressed through the host: a nested transaction
 * joins the host's (without options or retries); its failure makes the host's transaction
 * rollback-only, which is ecto4j's doom: every further statement fails with
 * {@link TransactionRolledBackException}, and so does the transaction that began, instead of
 * committing. A rollback-only mark the host's own code set (a Spring participant that threw)
 * dooms it the same way.
 */
final class HostedTransactions extends Transactions {
  private static final Logger LOG = LoggerFactory.getLogger(HostedTransactions.class);

  /** Savepoint names, unique in the process: transactions this repo cannot see may hold some of their own. */
  private static final AtomicLong SAVEPOINTS = new AtomicLong();

  private final DataSource dataSource;
  private final TransactionHost host;
  /** How many bodies of this repo's transactions and savepoints run on this thread: what {@code rollback} unwinds to. */
  private final ThreadLocal<int[]> bodies;
  /** Times {@code begin}, {@code commit} and {@code rollback} for the telemetry of the repo that asked. */
  private final Function<String, Probe> probes;

  HostedTransactions(DataSource dataSource, TransactionHost host) {
    this(dataSource, host, ThreadLocal.withInitial(() -> new int[1]), sql -> Probe.NONE);
  }

  private HostedTransactions(DataSource dataSource, TransactionHost host, ThreadLocal<int[]> bodies,
      Function<String, Probe> probes) {
    this.dataSource = dataSource;
    this.host = host;
    this.bodies = bodies;
    this.probes = probes;
  }

  @Override
  Transactions observedBy(Function<String, Probe> probes) {
    return new HostedTransactions(dataSource, host, bodies, probes);
  }

  @Override
  Connection connection() {
    Connection held = host.connection();
    if (held != null) {
      Object doomedBy = host.rollbackOnly();
      if (doomedBy != null) {
        throw TransactionRolledBackException.rollingBack(doomedBy);
      }
    }
    return held;
  }

  @Override
  boolean holdsConnection() {
    return host.connection() != null;
  }

  /** In a transaction when the host holds a connection that is not in autocommit mode. */
  @Override
  boolean active() {
    Connection held = host.connection();
    return held != null && !autoCommit(held);
  }

  @Override
  boolean bodyRunning() {
    return bodies.get()[0] > 0;
  }

  @Override
  <T> T checkout(Supplier<T> work) {
    if (holdsConnection()) {
      return work.get();
    }
    return onBorrowed(dataSource, connection -> host.holding(connection, work));
  }

  /** Joins the host's transaction, or begins one, which alone applies the options and runs again after a serialization failure. */
  @Override
  <T, E> Result<T, E> run(TransactionOptions options, Supplier<T> work) {
    if (options.timeout() != null) {
      throw new IllegalArgumentException("TransactionOptions.timeout cannot bound a transaction the host's manager "
          + "runs (it owns the connection); use its own timeout (Spring: @Transactional(timeout = …)) and "
          + "statementTimeout");
    }
    if (active()) {
      TransactionOptions none = TransactionOptions.defaults();
      return inside(begin(none, Probe.NONE), none, Probe.NONE, work);
    }
    return retrying(options, () -> {
      Probe begun = probes.apply("begin");
      return inside(begin(options, begun), options, begun, work);
    });
  }

  private <T, E> Result<T, E> inside(TransactionHost.Begun transaction, TransactionOptions options, Probe begun,
      Supplier<T> work) {
    return transaction.isNew() ? topLevel(transaction, options, begun, work) : joined(transaction, work);
  }

  @Override
  <T, E> Result<T, E> savepoint(Supplier<T> work) {
    if (!active()) {
      return run(TransactionOptions.defaults(), work);
    }
    Connection connection = connection();
    return inBody(() -> inSavepoint(connection, "ecto4j_savepoint_" + SAVEPOINTS.incrementAndGet(), work));
  }

  /** A body inside the host's transaction: a failure makes it rollback-only, and is the caller's to see. Options do not apply. */
  private <T, E> Result<T, E> joined(TransactionHost.Begun joined, Supplier<T> work) {
    T value;
    try {
      value = inBody(work);
    } catch (Rollback rollback) {
      rollBack(() -> joined.rollback(rollback.value), rollback, Probe.NONE);
      return Result.err(unchecked(rollback.value));
    } catch (Throwable e) {
      rollBack(() -> joined.rollback(e), e, Probe.NONE);
      throw e;
    }
    commit(joined::commit, Probe.NONE);
    return Result.ok(value);
  }

  private <T, E> Result<T, E> topLevel(TransactionHost.Begun transaction, TransactionOptions options, Probe begun,
      Supplier<T> work) {
    Connection connection = host.connection();
    int socketTimeoutToRestore = -1;
    boolean ended = false;
    try {
      begun.connected(requireTransaction(connection));
      socketTimeoutToRestore = setUp(connection, options, begun);
      T value = inBody(work);
      Object doomedBy = host.rollbackOnly();
      if (doomedBy != null) {
        throw new TransactionRolledBackException(doomedBy);
      }
      restore(connection, socketTimeoutToRestore, null);
      ended = true;
      commit(transaction::commit, probes.apply("commit"));
      return Result.ok(value);
    } catch (Rollback rollback) {
      rollBackAfter(transaction, connection, socketTimeoutToRestore, rollback.value, rollback);
      return Result.err(unchecked(rollback.value));
    } catch (Throwable e) {
      if (!ended) {   // a commit that failed has ended the transaction in the host already
        rollBackAfter(transaction, connection, socketTimeoutToRestore, e, e);
      }
      throw e;
    }
  }

  private TransactionHost.Begun begin(TransactionOptions options, Probe probe) {
    try {
      return host.begin(options.isolationLevel(), options.isReadOnly());
    } catch (RuntimeException e) {
      probe.failed(e);
      throw e;
    }
  }

  /** A host that began a transaction on another data source hands out this one's connections in autocommit mode. */
  private static Connection requireTransaction(Connection connection) {
    if (connection == null || autoCommit(connection)) {
      throw new IllegalStateException("the transaction host began a transaction, but holds no connection in it for"
          + " the repo's data source: its transaction manager manages another data source");
    }
    return connection;
  }

  /**
   * The new transaction's set-up statements, then room for its statement timeout (undone before
   * it ends, since the host gives the connection back as it ends it); the socket timeout to put
   * back, or -1.
   */
  private static int setUp(Connection connection, TransactionOptions options, Probe probe) {
    try {
      setUp(connection, options);
      int socketTimeoutToRestore = roomFor(connection, options.statementTimeout());
      probe.finished(0);
      return socketTimeoutToRestore;
    } catch (SQLException e) {
      QueryException failure = Failures.of("BEGIN", e);
      probe.failed(failure);
      throw failure;
    } catch (RuntimeException e) {
      probe.failed(e);
      throw e;
    }
  }

  private void rollBackAfter(TransactionHost.Begun transaction, Connection connection, int socketTimeoutToRestore,
      Object reason, Throwable cause) {
    restore(connection, socketTimeoutToRestore, cause);
    rollBack(() -> transaction.rollback(reason), cause, probes.apply("rollback"));
  }

  /** Puts the socket timeout back; a failure is the pool's to notice, attached to the body's if there is one. */
  private static void restore(Connection connection, int socketTimeout, Throwable failure) {
    if (socketTimeout < 0) {
      return;
    }
    try {
      connection.setNetworkTimeout(Runnable::run, socketTimeout);
    } catch (SQLException e) {
      QueryException cleanUp = Failures.of("restoring the connection's socket timeout", e);
      if (failure != null) {
        failure.addSuppressed(cleanUp);
      } else {
        LOG.warn("Could not restore the socket timeout of the transaction's connection", cleanUp);
      }
    }
  }

  private <R> R inBody(Supplier<R> work) {
    int[] running = bodies.get();
    running[0]++;
    try {
      return work.get();
    } finally {
      running[0]--;
    }
  }

  private static boolean autoCommit(Connection connection) {
    try {
      return connection.getAutoCommit();
    } catch (SQLException e) {
      throw Failures.of("getAutoCommit", e);
    }
  }
}
