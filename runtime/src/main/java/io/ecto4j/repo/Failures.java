package io.ecto4j.repo;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.PgConnection;
import org.postgresql.util.HostSpec;

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
    return of(sql, cause, "");
  }

  /** {@link #of(String, SQLException)}, its message followed by {@code where} (see {@link #lostServer}). */
  static QueryException of(String sql, SQLException cause, String where) {
    if (timedOut(cause)) {
      return new ClientTimeoutException(sql, cause);
    }
    return where.isEmpty() ? new QueryException(sql, cause)
        : new QueryException(cause.getMessage() + " (SQLSTATE " + cause.getSQLState() + ")" + where, sql, cause);
  }

  /**
   * The exception for a write that commits by itself ({@code COMMIT}, or a write outside a
   * transaction) failing with {@code cause}: when the connection broke, nobody knows whether the
   * server committed before it did.
   */
  static QueryException ofCommit(String sql, SQLException cause) {
    String state = cause.getSQLState();
    // No SQLSTATE: the driver failed without the server's word, so it cannot say what the server did.
    return ofCommit(sql, cause, "");
  }

  /** {@link #ofCommit(String, SQLException)}, its message followed by {@code where} (see {@link #lostServer}). */
  static QueryException ofCommit(String sql, SQLException cause, String where) {
    String state = cause.getSQLState();
    return state == null || connectionFailed(state) ? new CommitOutcomeUnknownException(sql, cause, where)
        : of(sql, cause, where);
  }

  /**
   * How many hosts the URL of {@code connection} lists: more than one is pgjdbc's failover
   * ({@code targetServerType}); 1 for a connection that is not pgjdbc's.
   */
  static int hostCount(Connection connection) {
    try {
      return connection.isWrapperFor(PgConnection.class) ? hostCount(connection.unwrap(PgConnection.class).getURL()) : 1;
    } catch (SQLException | RuntimeException e) {
      return 1;
    }
  }

  /**
   * The server {@code connection} is on, read while it is healthy (a pool replaces a broken
   * connection's insides); null for a connection that is not pgjdbc's. Runs no statement.
   */
  static HostSpec hostOf(Connection connection) {
    try {
      return connection.isWrapperFor(BaseConnection.class)
          ? connection.unwrap(BaseConnection.class).getQueryExecutor().getHostSpec() : null;
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  /**
   * For the message of a broken connection of a repo whose URL lists {@code hosts} hosts: which
   * server it was on, that a failover is the likely cause, and what the next statement does.
   */
  static String lostServer(HostSpec host, int hosts) {
    return host == null ? "" : " on " + host.getHost() + ":" + host.getPort() + "; a failover is under way or done:"
        + " this repo's URL lists " + hosts + " hosts, and its next statement connects to whichever of them is the"
        + " primary then";
  }

  /** The hosts of {@code jdbc:postgresql://h1:p1,h2:p2/db?…}. */
  private static int hostCount(String url) {
    int start = url == null ? -1 : url.indexOf("//");
    if (start < 0) {
      return 1;
    }
    int end = url.indexOf('/', start + 2);
    String hosts = url.substring(start + 2, end < 0 ? url.length() : end);
    return hosts.split(",", -1).length;
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
