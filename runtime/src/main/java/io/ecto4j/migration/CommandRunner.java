package io.ecto4j.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;

/**
 * Runs commands on one connection: prints each one's log line, sends its statements one by one
 * under a {@code lock_timeout} (and, for a migrator with a prefix, with that schema as the
 * {@code search_path}, as Flyway sets it going up), and turns a failure into a
 * {@link MigrationException} that names the statement.
 */
final class CommandRunner {
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final Connection connection;
  private final Consumer<String> output;
  private final Duration lockTimeout;
  private final Map<String, String> settings = new LinkedHashMap<>();

  CommandRunner(Connection connection, Consumer<String> output, Duration lockTimeout) {
    this(connection, output, lockTimeout, Optional.empty());
  }

  CommandRunner(Connection connection, Consumer<String> output, Duration lockTimeout, Optional<String> schema) {
    this.connection = connection;
    this.output = output;
    this.lockTimeout = lockTimeout;
    settings.put("lock_timeout", Long.toString(lockTimeout.toMillis()));
    schema.ifPresent(name -> settings.put("search_path", Sql.quote(name)));
  }

  /** Runs {@code commands} of {@code migration}; {@code inTransaction} says whether a transaction is open. */
  void run(String migration, List<Command> commands, boolean inTransaction) throws SQLException {
    Map<String, String> previous = inTransaction ? Map.of() : current(settings.keySet());
    apply(settings, inTransaction);
    try {
      for (Command command : commands) {
        output.accept(command.describe());
        for (String sql : command.sql()) {
          execute(migration, command, sql);
        }
      }
    } finally {
      apply(previous, false);
    }
  }

  /** Runs one script (an undo file) as a whole. */
  void runScript(String migration, String script, boolean inTransaction) throws SQLException {
    apply(settings, inTransaction);
    execute(migration, new Execute(script, java.util.Optional.empty()), script);
  }

  private void execute(String migration, Command command, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
      printNotices(statement.getWarnings());
    } catch (SQLException e) {
      throw new MigrationException(failure(migration, command, sql, e), e);
    }
  }

  /**
   * The notices PostgreSQL raised ({@code table "posts" does not exist, skipping}), printed after the
   * command's line as Ecto logs them; silenced with the rest of the output.
   */
  private void printNotices(SQLWarning notice) {
    for (SQLWarning next = notice; next != null; next = next.getNextWarning()) {
      output.accept(message(next));
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
    if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
      return psql.getServerErrorMessage().getMessage();
    }
    if (e instanceof PSQLWarning warning && warning.getServerErrorMessage() != null) {
      return warning.getServerErrorMessage().getMessage();
    }
    return e.getMessage();
  }

  private static String indent(String sql) {
    return "    " + sql.strip().replace("\n", "\n    ");
  }

  /** The session's values of {@code names}, to restore after running outside a transaction. */
  private Map<String, String> current(Iterable<String> names) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : names) {
      try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
        statement.setString(1, name);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          values.put(name, row.getString(1));
        }
      }
    }
    return values;
  }

  /** Sets each setting for the transaction ({@code local}) or the session. */
  private void apply(Map<String, String> values, boolean local) throws SQLException {
    for (Map.Entry<String, String> setting : values.entrySet()) {
      try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, ?)")) {
        statement.setString(1, setting.getKey());
        statement.setString(2, setting.getValue());
        statement.setBoolean(3, local);
        statement.execute();
      }
    }
  }
}
