package io.ecto4j.repo;

import io.ecto4j.Result;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The transactions of one repo: which connection this thread's transaction uses, nesting (an inner
 * call joins the outer transaction, and its failure dooms the whole), savepoints, options, and
 * retries of serialization failures and deadlocks. {@link LocalTransactions} keeps them itself;
 * {@link HostedTransactions} keeps them in an outer transaction manager's (Spring's), with the
 * same rules.
 *
 * <p>Nothing commits by accident: anything thrown out of a body, checked exceptions included (a
 * Kotlin or Scala lambda, Lombok's {@code @SneakyThrows}), rolls back before it propagates. The
 * first failure is what the caller sees; a failed rollback or clean-up on a broken connection is
 * attached to it as suppressed.
 */
abstract sealed class Transactions permits LocalTransactions, HostedTransactions {
  /** Room between a transaction's statement timeout and the client's socket timeout. */
  private static final long SOCKET_GRACE_MILLIS = 5_000;

  /** Signals {@code Repo.rollback(value)}: unwinds to the transaction, which returns {@code Err(value)}. */
  static final class Rollback extends RuntimeException {
    final transient Object value;

    Rollback(Object value) {
      super("rollback", null, false, false);
      this.value = value;
    }
  }

  /** Transactions the repo keeps itself, on connections borrowed from {@code dataSource}. */
  static Transactions local(DataSource dataSource) {
    return new LocalTransactions(dataSource);
  }

  /** Transactions {@code host} keeps, on connections of {@code dataSource}. */
  static Transactions hostedBy(DataSource dataSource, TransactionHost host) {
    return new HostedTransactions(dataSource, host);
  }

  /** The same transactions, whose {@code begin}, {@code commit} and {@code rollback} {@code probes} time. */
  abstract Transactions observedBy(Function<String, Probe> probes);

  /**
   * The connection of this thread's transaction (or checkout), or null outside one. A
   * transaction a nested one doomed runs no further statement, as Ecto's does not: each would be
   * rolled back at the end.
   */
  abstract Connection connection();

  /** Whether this thread's statements run on one connection held for them: a transaction's or a checkout's. */
  abstract boolean holdsConnection();

  /** Whether this thread is in a transaction. */
  abstract boolean active();

  /** Whether a body of this repo's transaction or savepoint runs on this thread: what {@code Repo.rollback} unwinds to. */
  abstract boolean bodyRunning();

  /**
   * Runs {@code work} with one connection held for all its statements, outside a transaction,
   * Ecto's {@code Repo.checkout/2}: session settings and temporary tables last across them, and
   * the pool is asked once. Inside a transaction or another checkout it just runs {@code work}.
   */
  abstract <T> T checkout(Supplier<T> work);

  /**
   * Runs {@code work} in a transaction. Returns {@code Ok(value)}, or {@code Err(v)} after a
   * rollback with {@code v}; anything thrown rolls back and propagates. Inside a transaction the
   * work joins it; a failure then dooms the outer transaction, whose end throws
   * {@link TransactionRolledBackException} instead of committing. A serialization failure or
   * deadlock runs the whole again, after a backoff, up to {@code options.retries()} times.
   */
  abstract <T, E> Result<T, E> run(TransactionOptions options, Supplier<T> work);

  /**
   * Runs {@code work} inside a savepoint of this thread's transaction (or in a new transaction
   * outside one): a rollback or an exception undoes only what {@code work} did, and the outer
   * transaction carries on.
   */
  abstract <T, E> Result<T, E> savepoint(Supplier<T> work);

  /** {@code attempt}, run again after a serialization failure or deadlock, up to {@code options.retries()} times. */
  static <R> R retrying(TransactionOptions options, Supplier<R> attempt) {
    for (int retry = 1; ; retry++) {
      try {
        return attempt.get();
      } catch (QueryException e) {
        if (retry > options.retries() || !Failures.retryable(e)) {
          throw e;
        }
        options.backoff().pause(retry, e);
      }
    }
  }

  /** {@code work} inside {@code SAVEPOINT name} on {@code connection}, undone alone when it fails. */
  static <T, E> Result<T, E> inSavepoint(Connection connection, String name, Supplier<T> work) {
    execute(connection, "SAVEPOINT " + name);
    try {
      T value = work.get();
      execute(connection, "RELEASE SAVEPOINT " + name);
      return Result.ok(value);
    } catch (Rollback rollback) {
      execute(connection, "ROLLBACK TO SAVEPOINT " + name);
      return Result.err(unchecked(rollback.value));
    } catch (Throwable e) {
      try {
        execute(connection, "ROLLBACK TO SAVEPOINT " + name);
      } catch (QueryException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** What ends a transaction: JDBC's {@code commit} or {@code rollback}, or a host's. */
  @FunctionalInterface
  interface Ending {
    void run() throws SQLException;
  }

  /**
   * Commits with {@code commit}, timed by {@code probe}; a driver failure is read as a commit's,
   * whose outcome is unknown when the connection broke.
   */
  static void commit(Ending commit, Probe probe) {
    probe.joined();
    try {
      commit.run();
    } catch (SQLException e) {
      QueryException failure = Failures.ofCommit("COMMIT", e);
      probe.failed(failure);
      throw failure;
    } catch (RuntimeException e) {
      probe.failed(e);
      throw e;
    }
    probe.finished(0);
  }

  /**
   * Rolls back with {@code rollback} after {@code cause}, which stays the failure the caller sees
   * (a failure to roll back is attached to it); whether it could (a broken connection cannot, nor
   * need it).
   */
  static boolean rollBack(Ending rollback, Throwable cause, Probe probe) {
    probe.joined();
    try {
      rollback.run();
      probe.finished(0);
      return true;
    } catch (SQLException e) {
      QueryException failure = Failures.of("ROLLBACK", e);
      probe.failed(failure);
      cause.addSuppressed(failure);
      return false;
    } catch (RuntimeException e) {
      probe.failed(e);
      cause.addSuppressed(e);
      return false;
    }
  }

  /** Runs a new transaction's set-up statements (isolation, read-only, timeouts) on its connection. */
  static void setUp(Connection connection, TransactionOptions options) {
    for (String statement : options.setUpStatements()) {
      execute(connection, statement);
    }
  }

  /**
   * Raises the connection's socket timeout above the transaction's statement timeout, so that a
   * long statement the caller allowed is ended by the server's timeout rather than the client's;
   * returns the timeout to put back, or -1 when it was left alone.
   */
  static int roomFor(Connection connection, Duration statementTimeout) throws SQLException {
    if (statementTimeout == null) {
      return -1;
    }
    int current = connection.getNetworkTimeout();
    long needed = TransactionOptions.millisRoundedUp(statementTimeout) + SOCKET_GRACE_MILLIS;
    if (current == 0 || current >= needed) {
      return -1;
    }
    connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, needed));
    return current;
  }

  /** A connection borrowed from {@code dataSource} for {@code forWhat}; the probe times the wait. */
  static Connection borrow(DataSource dataSource, String forWhat, Probe probe) {
    try {
      Connection connection = dataSource.getConnection();
      probe.connected(connection);
      return connection;
    } catch (NoTenantException e) {
      throw NoTenantException.during(forWhat);
    } catch (SQLException e) {
      NoConnectionException failure = new NoConnectionException(forWhat, e);
      probe.failed(failure);
      throw failure;
    }
  }

  /**
   * {@code work} on a connection borrowed from {@code dataSource} for it alone, given back after;
   * a failure to give it back is attached to the work's own failure, if any.
   */
  static <T> T onBorrowed(DataSource dataSource, Function<Connection, T> work) {
    Connection connection = borrow(dataSource, "checkout", Probe.NONE);
    Throwable failure = null;
    try {
      return work.apply(connection);
    } catch (Throwable e) {
      failure = e;
      throw e;
    } finally {
      close(connection, failure);
    }
  }

  private static void close(Connection connection, Throwable failure) {
    Probe.Idle.returned(connection);
    try {
      connection.close();
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(Failures.of("returning the checked-out connection to the pool", e));
      }
    }
  }

  static void execute(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw Failures.of(sql, e);
    }
  }

  @SuppressWarnings("unchecked")
  static <E> E unchecked(Object value) {
    return (E) value;
  }
}
