package io.ecto4j.repo;

import io.ecto4j.Result;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of one repo: which connection this thread's transaction uses, nesting (an inner
 * call joins the outer transaction, and its failure dooms the whole), savepoints, options, and
 * retries of serialization failures and deadlocks.
 *
 * <p>Nothing commits by accident: anything thrown out of a body, checked exceptions included (a
 * Kotlin or Scala lambda, Lombok's {@code @SneakyThrows}), rolls back before it propagates, and
 * the connection is never switched back to autocommit with the transaction still open (JDBC's
 * {@code setAutoCommit(true)} would commit it). The first failure is what the caller sees; a
 * failed rollback or clean-up on a broken connection is attached to it as suppressed.
 */
final class Transactions {
  /** Room between a transaction's statement timeout and the client's socket timeout. */
  private static final long SOCKET_GRACE_MILLIS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  private final DataSource dataSource;
  private final ThreadLocal<State> current;
  /** The connection a {@link #checkout} holds for this thread outside a transaction, if any. */
  private final ThreadLocal<Connection> checkedOut;
  /** Times {@code begin}, {@code commit} and {@code rollback} for the telemetry of the repo that asked. */
  private final Function<String, Probe> probes;

  Transactions(DataSource dataSource) {
    this(dataSource, new ThreadLocal<>(), new ThreadLocal<>(), sql -> Probe.NONE);
  }

  private Transactions(DataSource dataSource, ThreadLocal<State> current, ThreadLocal<Connection> checkedOut,
      Function<String, Probe> probes) {
    this.dataSource = dataSource;
    this.current = current;
    this.checkedOut = checkedOut;
    this.probes = probes;
  }

  /** The same transactions, whose {@code begin}, {@code commit} and {@code rollback} {@code probes} time. */
  Transactions observedBy(Function<String, Probe> probes) {
    return new Transactions(dataSource, current, checkedOut, probes);
  }

  /** This thread's transaction, if it is in one. */
  private static final class State {
    final Connection connection;
    /** Held by a checkout: it stays with the checkout when the transaction ends. */
    final boolean held;
    int savepoints;
    Object doomedBy;
    /** The socket timeout to put back when the transaction ends, or -1 when it was left alone. */
    int socketTimeoutToRestore = -1;
    /** Committed or rolled back: only then may the connection go back to autocommit. */
    boolean ended;

    State(Connection connection, boolean held) {
      this.connection = connection;
      this.held = held;
    }
  }

  /** Signals {@code Repo.rollback(value)}: unwinds to the transaction, which returns {@code Err(value)}. */
  static final class Rollback extends RuntimeException {
    final transient Object value;

    Rollback(Object value) {
      super("rollback", null, false, false);
      this.value = value;
    }
  }

  /**
   * The connection of this thread's transaction, or null outside one. A transaction a nested one
   * doomed runs no further statement, as Ecto's does not: each would be rolled back at the end.
   */
  Connection connection() {
    State state = current.get();
    if (state == null) {
      return checkedOut.get();
    }
    requireNotDoomed(state);
    return state.connection;
  }

  /** Whether this thread's statements run on one connection held for them: a transaction's or a checkout's. */
  boolean holdsConnection() {
    return current.get() != null || checkedOut.get() != null;
  }

  /**
   * Runs {@code work} with one connection held for all its statements, outside a transaction,
   * Ecto's {@code Repo.checkout/2}: session settings and temporary tables last across them, and
   * the pool is asked once. Inside a transaction or another checkout it just runs {@code work}.
   */
  <T> T checkout(Supplier<T> work) {
    if (holdsConnection()) {
      return work.get();
    }
    Connection connection = borrow("checkout", Probe.NONE);
    checkedOut.set(connection);
    Throwable failure = null;
    try {
      return work.get();
    } catch (Throwable e) {
      failure = e;
      throw e;
    } finally {
      checkedOut.remove();
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

  private static void requireNotDoomed(State state) {
    if (state.doomedBy != null) {
      throw TransactionRolledBackException.rollingBack(state.doomedBy);
    }
  }

  boolean active() {
    return current.get() != null;
  }

  /**
   * Runs {@code work} in a transaction. Returns {@code Ok(value)}, or {@code Err(v)} after a
   * rollback with {@code v}; anything thrown rolls back and propagates. Inside a transaction the
   * work joins it; a failure then dooms the outer transaction, whose end throws
   * {@link TransactionRolledBackException} instead of committing. A serialization failure or
   * deadlock runs the whole again, after a backoff, up to {@code options.retries()} times.
   */
  <T, E> Result<T, E> run(TransactionOptions options, Supplier<T> work) {
    State joined = current.get();
    if (joined != null) {
      return joined(joined, work);
    }
    for (int retry = 1; ; retry++) {
      try {
        return topLevel(options, work);
      } catch (QueryException e) {
        if (retry > options.retries() || !Failures.retryable(e)) {
          throw e;
        }
        options.backoff().pause(retry, e);
      }
    }
  }

  private static <T, E> Result<T, E> joined(State state, Supplier<T> work) {
    try {
      return Result.ok(work.get());
    } catch (Rollback rollback) {
      state.doomedBy = rollback.value;
      return Result.err(unchecked(rollback.value));
    } catch (Throwable e) {
      state.doomedBy = e;
      throw e;
    }
  }

  private <T, E> Result<T, E> topLevel(TransactionOptions options, Supplier<T> work) {
    Connection held = checkedOut.get();
    Probe begun = probes.apply("begin");
    Connection connection = held != null ? held : borrow("BEGIN", begun);
    State state = new State(connection, held != null);
    Throwable failure = null;
    current.set(state);
    try {
      begin(state, options, begun);
      T value = work.get();
      if (state.doomedBy != null) {
        throw new TransactionRolledBackException(state.doomedBy);
      }
      commit(connection, probes.apply("commit"));
      state.ended = true;
      return Result.ok(value);
    } catch (Rollback rollback) {
      // Rolled back for sure: a rollback that fails on a broken connection leaves nothing either.
      failure = rollback;
      state.ended = rollbackAfter(connection, rollback, probes.apply("rollback"));
      return Result.err(unchecked(rollback.value));
    } catch (Throwable e) {
      failure = e;
      state.ended = rollbackAfter(connection, e, probes.apply("rollback"));
      throw e;
    } finally {
      current.remove();
      release(state, failure);
    }
  }

  private Connection borrow(String forWhat, Probe probe) {
    try {
      Connection connection = dataSource.getConnection();
      probe.connected(connection);
      return connection;
    } catch (SQLException e) {
      NoConnectionException failure = new NoConnectionException(forWhat, e);
      probe.failed(failure);
      throw failure;
    }
  }

  /**
   * Raises the connection's socket timeout above the transaction's statement timeout, so that a
   * long statement the caller allowed is ended by the server's timeout rather than the client's;
   * returns the timeout to put back, or -1 when it was left alone.
   */
  private static int roomFor(Connection connection, Duration statementTimeout) throws SQLException {
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

  /**
   * Opens the transaction (pgjdbc sends {@code BEGIN} with the first statement) with its options;
   * the {@code begin} event times this, and the wait for the connection as its queue time.
   */
  private static void begin(State state, TransactionOptions options, Probe probe) {
    if (state.held) {
      probe.joined();
    }
    try {
      state.connection.setAutoCommit(false);
      state.socketTimeoutToRestore = roomFor(state.connection, options.statementTimeout());
      for (String statement : options.setUpStatements()) {
        execute(state.connection, statement);
      }
    } catch (SQLException e) {
      QueryException failure = Failures.of("BEGIN", e);
      probe.failed(failure);
      throw failure;
    } catch (RuntimeException e) {
      probe.failed(e);
      throw e;
    }
    probe.finished(0);
  }

  private static void commit(Connection connection, Probe probe) {
    probe.joined();
    try {
      connection.commit();
    } catch (SQLException e) {
      QueryException failure = Failures.ofCommit("COMMIT", e);
      probe.failed(failure);
      throw failure;
    }
    probe.finished(0);
  }

  /** Rolls back after {@code cause}; whether it could (a broken connection cannot, nor need it). */
  private static boolean rollbackAfter(Connection connection, Throwable cause, Probe probe) {
    probe.joined();
    try {
      connection.rollback();
      probe.finished(0);
      return true;
    } catch (SQLException e) {
      QueryException failure = Failures.of("ROLLBACK", e);
      probe.failed(failure);
      cause.addSuppressed(failure);
      return false;
    }
  }

  /**
   * Hands the connection back in autocommit mode, with its socket timeout as it was. Autocommit
   * is switched on only once the transaction has ended, since switching it on commits an open
   * one; a connection whose rollback failed is just closed (the server rolls back what a closed
   * session left open). On a broken connection these calls fail too: after a failure they are
   * attached to it; after a commit they cannot change the outcome, so they are only logged. The
   * pool learns from them that the connection is broken and never hands it out again.
   */
  private static void release(State state, Throwable failure) {
    Connection connection = state.connection;
    // A checkout keeps its connection, unless the transaction may still be open on it.
    boolean keep = state.held && state.ended;
    try {
      try {
        if (state.socketTimeoutToRestore >= 0) {
          connection.setNetworkTimeout(Runnable::run, state.socketTimeoutToRestore);
        }
        if (state.ended) {
          connection.setAutoCommit(true);
        }
      } finally {
        if (!keep) {
          Probe.Idle.returned(connection);
          connection.close();
        }
      }
    } catch (SQLException e) {
      QueryException cleanUp = Failures.of("returning the transaction's connection to the pool", e);
      if (failure != null) {
        failure.addSuppressed(cleanUp);
      } else {
        LOG.warn("The transaction committed, but its connection could not be reset; the pool discards it", cleanUp);
      }
    }
  }

  /**
   * Runs {@code work} inside a savepoint of this thread's transaction (or in a new transaction
   * outside one): a rollback or an exception undoes only what {@code work} did, and the outer
   * transaction carries on.
   */
  <T, E> Result<T, E> savepoint(Supplier<T> work) {
    State state = current.get();
    if (state == null) {
      return run(TransactionOptions.defaults(), work);
    }
    requireNotDoomed(state);
    String name = "ecto4j_savepoint_" + (++state.savepoints);
    execute(state.connection, "SAVEPOINT " + name);
    try {
      T value = work.get();
      execute(state.connection, "RELEASE SAVEPOINT " + name);
      return Result.ok(value);
    } catch (Rollback rollback) {
      execute(state.connection, "ROLLBACK TO SAVEPOINT " + name);
      return Result.err(unchecked(rollback.value));
    } catch (Throwable e) {
      try {
        execute(state.connection, "ROLLBACK TO SAVEPOINT " + name);
      } catch (QueryException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static void execute(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw Failures.of(sql, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E> E unchecked(Object value) {
    return (E) value;
  }
}
