package io.ecto4j.repo;

import io.ecto4j.Result;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions a repo keeps itself, in a thread-local state per repo: the connection is
 * borrowed from the repo's data source at {@code BEGIN} and given back after {@code COMMIT} or
 * {@code ROLLBACK}. The connection is never switched back to autocommit with the transaction
 * still open (JDBC's {@code setAutoCommit(true)} would commit it).
 */
final class LocalTransactions extends Transactions {
  private static final Logger LOG = LoggerFactory.getLogger(LocalTransactions.class);

  private final DataSource dataSource;
  private final ThreadLocal<State> current;
  /** The connection a {@link #checkout} holds for this thread outside a transaction, if any. */
  private final ThreadLocal<Connection> checkedOut;
  /** Times {@code begin}, {@code commit} and {@code rollback} for the telemetry of the repo that asked. */
  private final Function<String, Probe> probes;

  LocalTransactions(DataSource dataSource) {
    this(dataSource, new ThreadLocal<>(), new ThreadLocal<>(), sql -> Probe.NONE);
  }

  private LocalTransactions(DataSource dataSource, ThreadLocal<State> current, ThreadLocal<Connection> checkedOut,
      Function<String, Probe> probes) {
    this.dataSource = dataSource;
    this.current = current;
    this.checkedOut = checkedOut;
    this.probes = probes;
  }

  @Override
  Transactions observedBy(Function<String, Probe> probes) {
    return new LocalTransactions(dataSource, current, checkedOut, probes);
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

  @Override
  Connection connection() {
    State state = current.get();
    if (state == null) {
      return checkedOut.get();
    }
    requireNotDoomed(state);
    return state.connection;
  }

  @Override
  boolean holdsConnection() {
    return current.get() != null || checkedOut.get() != null;
  }

  @Override
  <T> T checkout(Supplier<T> work) {
    if (holdsConnection()) {
      return work.get();
    }
    return onBorrowed(dataSource, connection -> {
      checkedOut.set(connection);
      try {
        return work.get();
      } finally {
        checkedOut.remove();
      }
    });
  }

  private static void requireNotDoomed(State state) {
    if (state.doomedBy != null) {
      throw TransactionRolledBackException.rollingBack(state.doomedBy);
    }
  }

  @Override
  boolean active() {
    return current.get() != null;
  }

  @Override
  boolean bodyRunning() {
    return active();
  }

  @Override
  <T, E> Result<T, E> run(TransactionOptions options, Supplier<T> work) {
    State joined = current.get();
    if (joined != null) {
      return joined(joined, work);
    }
    return retrying(options, () -> topLevel(options, work));
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
    Connection connection = held != null ? held : borrow(dataSource, "BEGIN", begun);
    State state = new State(connection, held != null);
    Deadline deadline = Deadline.arm(options.timeout(), connection);
    Throwable failure = null;
    current.set(state);
    try {
      begin(state, options, begun);
      T value = work.get();
      deadline.check();
      if (state.doomedBy != null) {
        throw new TransactionRolledBackException(state.doomedBy);
      }
      commit(connection::commit, probes.apply("commit"));
      state.ended = true;
      return Result.ok(value);
    } catch (Rollback rollback) {
      // Rolled back for sure: a rollback that fails on a broken connection leaves nothing either.
      failure = rollback;
      state.ended = rollBack(connection::rollback, rollback, probes.apply("rollback"));
      return Result.err(unchecked(rollback.value));
    } catch (Throwable e) {
      failure = deadline.explain(e);
      state.ended = rollBack(connection::rollback, failure, probes.apply("rollback"));
      throw rethrow(failure);
    } finally {
      deadline.disarm();
      current.remove();
      release(state, failure);
    }
  }

  /**
   * Throws {@code failure} as it is, checked or not: what the body threw (a Kotlin or Lombok body
   * may throw a checked exception undeclared), or the timeout that explains it.
   */
  @SuppressWarnings("unchecked")
  private static <X extends Throwable> RuntimeException rethrow(Throwable failure) throws X {
    throw (X) failure;
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
      setUp(state.connection, options);
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

  @Override
  <T, E> Result<T, E> savepoint(Supplier<T> work) {
    State state = current.get();
    if (state == null) {
      return run(TransactionOptions.defaults(), work);
    }
    requireNotDoomed(state);
    return inSavepoint(state.connection, "ecto4j_savepoint_" + (++state.savepoints), work);
  }
}
