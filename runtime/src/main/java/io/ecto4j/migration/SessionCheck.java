package io.ecto4j.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Refuses a transaction pooler (PgBouncer's {@code pool_mode = transaction}) in front of the
 * database before a migrate or rollback begins: the migrator's advisory lock is a session's, and
 * a transaction pooler would leave it on a server connection that nobody unlocks, blocking every
 * later migrator.
 *
 * <p>How it tells: a connection reads its server backend ({@code pg_backend_pid()}), a second
 * connection holds a transaction open meanwhile, and the first reads its backend again. On a direct
 * or session-pooled connection the backend is the session's and stays; a transaction pooler gives
 * the first connection's server connection, idle between its statements, to the second (PgBouncer
 * reuses the one released last), so the first then runs on another. A pooler that happens to give
 * the second connection a different server connection goes unnoticed: the check never refuses a
 * direct connection, and catches a transaction pooler in the usual case, at the cost of three
 * short statements.
 */
final class SessionCheck {
  private SessionCheck() {}

  static void requireSessions(DataSource dataSource) {
    try (Connection first = MigrationLock.connect(dataSource); Connection second = MigrationLock.connect(dataSource)) {
      int before = backend(first);
      boolean autoCommit = second.getAutoCommit();
      second.setAutoCommit(false);
      int after;
      try {
        backend(second);
        after = backend(first);
      } finally {
        second.rollback();
        second.setAutoCommit(autoCommit);
      }
      if (after != before) {
        throw new MigrationException(transactionPooler(before, after));
      }
    } catch (SQLException e) {
      throw new MigrationException("could not check that the migrator's connections keep their sessions: "
          + e.getMessage(), e);
    }
  }

  static String transactionPooler(int before, int after) {
    return "[TransactionPooler] migrations need a direct or session-pooled connection, and this data source is a"
        + " transaction pooler (PgBouncer's pool_mode = transaction, or the like): one connection's statements ran"
        + " on server backend " + before + ", then on " + after + ". The migrator holds a session-level advisory"
        + " lock for its whole run, which a transaction pooler would leave on a server connection nobody unlocks."
        + " Point the migrator (ecto4j:migrate, Migrator, the starter's ecto4j.migrations) at the server itself or"
        + " at a pool in session mode; the application's repo may stay behind the transaction pooler";
  }

  private static int backend(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }
}
