package io.ecto4j.repo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The transactions of one repo: which connection this thread's transaction uses, nesting (an inner
 * call joins the outer transaction, and its failure dooms the whole), savepoints, options, and
 * retries of serialization failures and deadlocks.
 */
final class Transactions {
  /** Serialization failure and deadlock: the whole transaction may simply be tried again. */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

  private final DataSource dataSource;
  private final ThreadLocal<State> current = new ThreadLocal<>();

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** This thread's transaction, if it is in one. */
  private static final class State {
    final Connection connection;
    int savepoints;
    Object doomedBy;

    State(Connection connection) {
      this.connection = connection;
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

  /** The connection of this thread's transaction, or null outside one. */
  Connection connection() {
    State state = current.get();
    return state == null ? null : state.connection;
  }

  boolean active() {
    return current.get() != null;
  }

  /**
   * Runs {@code work} in a transaction. Returns {@code Ok(value)}, or {@code Err(v)} after a
   * rollback with {@code v}; an exception rolls back and propagates. Inside a transaction the work
   * joins it; a failure then dooms the outer transaction, whose end throws
   * {@link TransactionRolledBackException} instead of committing.
   */
  <T, E> Result<T, E> run(TransactionOptions options, Supplier<T> work) {
    State joined = current.get();
    if (joined != null) {
      return joined(joined, work);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return topLevel(options, work);
      } catch (QueryException e) {
        if (attempt > options.retries() || !RETRYABLE.contains(e.sqlState())) {
          throw e;
        }
      }
    }
  }

  private static <T, E> Result<T, E> joined(State state, Supplier<T> work) {
    try {
      return Result.ok(work.get());
    } catch (Rollback rollback) {
      state.doomedBy = rollback.value;
      return Result.err(unchecked(rollback.value));
    } catch (RuntimeException | Error e) {
      state.doomedBy = e;
      throw e;
    }
  }

  private <T, E> Result<T, E> topLevel(TransactionOptions options, Supplier<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      State state = new State(connection);
      current.set(state);
      try {
        begin(connection, options);
        T value = work.get();
        if (state.doomedBy != null) {
          connection.rollback();
          throw new TransactionRolledBackException(state.doomedBy);
        }
        commit(connection);
        return Result.ok(value);
      } catch (Rollback rollback) {
        connection.rollback();
        return Result.err(unchecked(rollback.value));
      } catch (RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        current.remove();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new QueryException("BEGIN/ROLLBACK", e);
    }
  }

  private static void begin(Connection connection, TransactionOptions options) throws SQLException {
    for (String statement : options.setUpStatements()) {
      try (Statement s = connection.createStatement()) {
        s.execute(statement);
      } catch (SQLException e) {
        throw new QueryException(statement, e);
      }
    }
  }

  private static void commit(Connection connection) {
    try {
      connection.commit();
    } catch (SQLException e) {
      throw new QueryException("COMMIT", e);
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
    String name = "ecto4j_savepoint_" + (++state.savepoints);
    execute(state.connection, "SAVEPOINT " + name);
    try {
      T value = work.get();
      execute(state.connection, "RELEASE SAVEPOINT " + name);
      return Result.ok(value);
    } catch (Rollback rollback) {
      execute(state.connection, "ROLLBACK TO SAVEPOINT " + name);
      return Result.err(unchecked(rollback.value));
    } catch (RuntimeException | Error e) {
      try {
        execute(state.connection, "ROLLBACK TO SAVEPOINT " + name);
      } catch (QueryException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Runs a write whose failure the caller wants to survive: inside a transaction, in a savepoint so
   * that a failed statement does not abort the transaction; outside one, as it is.
   */
  <T> T guarded(Supplier<T> write) {
    if (!active()) {
      return write.get();
    }
    Result<T, Object> result = savepoint(write);
    return result.orElseThrow();
  }

  private static void execute(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new QueryException(sql, e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E> E unchecked(Object value) {
    return (E) value;
  }
}
