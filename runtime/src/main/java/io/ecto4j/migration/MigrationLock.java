package io.ecto4j.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A session-level advisory lock held for a whole migrate or rollback, on a connection of its own,
 * so that two migrators on one database take turns: the second finds the first one's migrations
 * applied. (Flyway also locks around each migration; this lock also covers creating the history
 * table and ecto4j's rollbacks.)
 */
final class MigrationLock implements AutoCloseable {
  private final Connection connection;
  private final long key;

  private MigrationLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  static MigrationLock acquire(DataSource dataSource, String historyTable, Consumer<String> output) {
    long key = key(historyTable);
    Connection connection = connect(dataSource);
    try {
      try {
        connection.setAutoCommit(true);
        if (!call(connection, "SELECT pg_try_advisory_lock(?)", key)) {
          output.accept("== Waiting for another migrator to finish (advisory lock " + key + ")");
          call(connection, "SELECT pg_advisory_lock(?) IS NOT NULL", key);
        }
        return new MigrationLock(connection, key);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new MigrationException("could not take the migration lock: " + e.getMessage(), e);
    }
  }

  /** A connection for the lock; failing to get one is no failure of the lock, and says so. */
  static Connection connect(DataSource dataSource) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new MigrationException("could not connect to the database: " + e.getMessage()
          + "; check the URL, the user and the password, and that PostgreSQL runs there", e);
    }
  }

  /** A key of ecto4j's own, derived from the history table's name. */
  static long key(String historyTable) {
    return 0x6563746F34L << 24 ^ ("ecto4j:" + historyTable).hashCode();
  }

  @Override
  public void close() {
    try (Connection c = connection) {
      call(c, "SELECT pg_advisory_unlock(?)", key);
    } catch (SQLException e) {
      // Closing the session releases the lock all the same.
    }
  }

  private static boolean call(Connection connection, String sql, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }
}
