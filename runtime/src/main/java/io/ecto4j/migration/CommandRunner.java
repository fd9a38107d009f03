package io.ecto4j.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.postgresql.util.PSQLException;

/**
 * Runs commands on one connection: prints each one's log line, sends its statements one by one
 * under a {@code lock_timeout}, and turns a failure into a {@link MigrationException} that names
 * the statement.
 */
final class CommandRunner {
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final Connection connection;
  private final Consumer<String> output;
  private final Duration lockTimeout;

  CommandRunner(Connection connection, Consumer<String> output, Duration lockTimeout) {
    this.connection = connection;
    this.output = output;
    this.lockTimeout = lockTimeout;
  }

  /** Runs {@code commands} of {@code migration}; {@code inTransaction} says whether a transaction is open. */
  void run(String migration, List<Command> commands, boolean inTransaction) throws SQLException {
    String previous = inTransaction ? null : currentLockTimeout();
    setLockTimeout(Long.toString(lockTimeout.toMillis()), inTransaction);
    try {
      for (Command command : commands) {
        output.accept(command.describe());
        for (String sql : command.sql()) {
          execute(migration, command, sql);
        }
      }
    } finally {
      if (previous != null) {
        setLockTimeout(previous, false);
      }
    }
  }

  /** Runs one script (an undo file) as a whole. */
  void runScript(String migration, String script, boolean inTransaction) throws SQLException {
    setLockTimeout(Long.toString(lockTimeout.toMillis()), inTransaction);
    execute(migration, new Execute(script, java.util.Optional.empty()), script);
  }

  private void execute(String migration, Command command, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new MigrationException(failure(migration, command, sql, e), e);
    }
  }

  private String failure(String migration, Command command, String sql, SQLException e) {
    String why = LOCK_NOT_AVAILABLE.equals(e.getSQLState())
        ? "it waited longer than the lock_timeout of " + lockTimeout.toMillis() + " ms for a lock another "
            + "transaction holds; retry when that transaction ends, or raise the timeout "
            + "(Migrator.Builder.lockTimeout, or override lockTimeout() in the migration)"
        : message(e) + " (SQLSTATE " + e.getSQLState() + ")";
    return "migration " + migration + " failed at `" + command.describe() + "`:\n" + indent(sql) + "\n" + why;
  }

  /** PostgreSQL's message alone, without the driver's {@code ERROR:} prefix and position line. */
  private static String message(SQLException e) {
    return e instanceof PSQLException psql && psql.getServerErrorMessage() != null
        ? psql.getServerErrorMessage().getMessage() : e.getMessage();
  }

  private static String indent(String sql) {
    return "    " + sql.strip().replace("\n", "\n    ");
  }

  private String currentLockTimeout() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_setting('lock_timeout')")) {
      row.next();
      return row.getString(1);
    }
  }

  private void setLockTimeout(String value, boolean local) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('lock_timeout', ?, ?)")) {
      statement.setString(1, value);
      statement.setBoolean(2, local);
      statement.execute();
    }
  }
}
