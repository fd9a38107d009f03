package io.ecto4j.repo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One statement of a transaction in a savepoint of its own, at no extra round trip: what lets a
 * write whose changeset declares constraints fail inside a transaction, come back as
 * {@code Err(changeset)}, and leave the transaction usable (in plain PostgreSQL, and in Ecto, the
 * failed statement aborts it).
 *
 * <p>The statement is sent as {@code SAVEPOINT ecto4j_statement; <statement>; RELEASE SAVEPOINT
 * ecto4j_statement}: pgjdbc sends the three as one batch of extended-protocol messages with one
 * {@code Sync}, so they cost the round trip the statement costs alone (a separate {@code SAVEPOINT}
 * and {@code RELEASE} were two more). When the statement fails, PostgreSQL skips the
 * {@code RELEASE}, and {@link #undo} sends {@code ROLLBACK TO SAVEPOINT ecto4j_statement; RELEASE
 * SAVEPOINT ecto4j_statement}, one more round trip, only then. The text of each wrapped statement
 * is the same on every call, so pgjdbc prepares it once per connection as it does the statement.
 */
final class StatementSavepoint {
  static final String NAME = "ecto4j_statement";
  private static final String BEFORE = "SAVEPOINT " + NAME + "; ";
  private static final String AFTER = "; RELEASE SAVEPOINT " + NAME;
  private static final String UNDO = "ROLLBACK TO SAVEPOINT " + NAME + "; RELEASE SAVEPOINT " + NAME;
  /** Past this many statements, the wrapped text is built each time (a repo's write shapes are few). */
  private static final int MAX_KEPT = 4096;
  private static final Map<String, String> WRAPPED = new ConcurrentHashMap<>();

  private StatementSavepoint() {}

  /** {@code sql} between its savepoint and the savepoint's release, as one text. */
  static String around(String sql) {
    String known = WRAPPED.get(sql);
    if (known != null) {
      return known;
    }
    String wrapped = BEFORE + sql + AFTER;
    if (WRAPPED.size() < MAX_KEPT) {
      WRAPPED.put(sql, wrapped);
    }
    return wrapped;
  }

  /**
   * Runs {@code statement}, prepared from {@link #around}, and returns the rows of the statement
   * inside; a failure is undone (see {@link #undo}) before it is thrown.
   */
  static ResultSet execute(Connection connection, PreparedStatement statement) throws SQLException {
    boolean rows;
    try {
      rows = statement.execute();
    } catch (SQLException e) {
      undo(connection, e);
      throw e;
    }
    // The SAVEPOINT's result comes first, then the statement's rows.
    while (!rows && statement.getUpdateCount() != -1) {
      rows = statement.getMoreResults();
    }
    if (!rows) {
      // Not the statement's toString: pgjdbc's shows the bound values, redacted ones included.
      throw new SQLException("the statement between SAVEPOINT and RELEASE returned no rows");
    }
    return statement.getResultSet();
  }

  /**
   * Rolls back to the savepoint and releases it, after {@code failure}; a failure to do so is
   * attached to it. Nothing is sent when the savepoint was never made (the transaction was
   * aborted already, SQLSTATE 25P02) or the connection is gone.
   */
  static void undo(Connection connection, SQLException failure) {
    String state = failure.getSQLState();
    if ("25P02".equals(state) || Failures.connectionFailed(state)) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(UNDO);
    } catch (SQLException e) {
      failure.addSuppressed(Failures.of(UNDO, e));
    }
  }
}
