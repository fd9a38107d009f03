package io.ecto4j.repo;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.Set;

/**
 * The one home of how a driver failure is read: which exception type it becomes, whether the
 * connection broke, and whether a transaction that met it may simply run again.
 */
final class Failures {
  /** Serialization failure and deadlock: the whole transaction may simply be tried again. */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

  /** Operator intervention that ends the session: terminated, crash shutdown, not accepting yet. */
  private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03");

  private Failures() {}

  /** The exception for {@code sql} failing with {@code cause}. */
  static QueryException of(String sql, SQLException cause) {
    if (timedOut(cause)) {
      return new ClientTimeoutException(sql, cause);
    }
    return new QueryException(sql, cause);
  }

  /**
   * The exception for a write that commits by itself ({@code COMMIT}, or a write outside a
   * transaction) failing with {@code cause}: when the connection broke, nobody knows whether the
   * server committed before it did.
   */
  static QueryException ofCommit(String sql, SQLException cause) {
    String state = cause.getSQLState();
    // No SQLSTATE: the driver failed without the server's word, so it cannot say what the server did.
    return state == null || connectionFailed(state) ? new CommitOutcomeUnknownException(sql, cause) : of(sql, cause);
  }

  static boolean connectionFailed(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || SESSION_ENDED.contains(sqlState));
  }

  /**
   * SQLSTATE 21000, cardinality violation: a scalar subquery returned more than one row. The key
   * condition of a write by primary key fails so when the key is on several rows.
   */
  static boolean cardinalityViolation(QueryException failure) {
    return "21000".equals(failure.sqlState());
  }

  static boolean retryable(QueryException failure) {
    return RETRYABLE.contains(failure.sqlState());
  }

  /** pgjdbc reports a socket timeout as an I/O error (08006) caused by {@link SocketTimeoutException}. */
  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
