package io.ecto4j.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;

/**
 * One test's pinned connection, inside a transaction rolled back when the test ends, and the
 * stack of savepoints that stand for the transactions the code under test opened on it.
 *
 * <p>Outside those transactions each statement runs in a savepoint of its own (pgjdbc's autosave),
 * as Ecto's sandbox does with Postgrex's {@code mode: :savepoint}: a statement that fails in
 * autocommit mode, such as an insert whose unique violation becomes a changeset error, leaves the
 * test's transaction usable, as it would leave a real connection. Inside an opened transaction a
 * failure aborts it, as on a real connection.
 */
final class Sandbox {
  private final Connection connection;
  private final Deque<Savepoint> levels = new ArrayDeque<>();
  private int opened;
  private boolean ended;

  private Sandbox(Connection connection) {
    this.connection = connection;
  }

  /** Pins {@code connection}; with autoCommit off the driver sends BEGIN before the first query. */
  static Sandbox begin(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    Sandbox sandbox = new Sandbox(connection);
    sandbox.statementsAtomic(true);
    return sandbox;
  }

  Connection connection() throws SQLException {
    if (ended) {
      throw new SQLException(Messages.sandboxOutsideTest(), "08003");
    }
    return connection;
  }

  boolean ended() {
    return ended;
  }

  /** A nested "transaction": a savepoint on top of the stack. */
  Savepoint open() throws SQLException {
    Savepoint level = connection().setSavepoint("ecto4j_sandbox_" + ++opened);
    levels.push(level);
    statementsAtomic(false);
    return level;
  }

  /** "Commits" a level: releases it, and with it every level opened after it. */
  void release(Savepoint level) throws SQLException {
    if (levels.contains(level)) {
      connection().releaseSavepoint(level);
      popAbove(level);
      levels.pop();
      statementsAtomic(levels.isEmpty());
    }
  }

  /** Undoes a level's work; the level stays open, as a transaction does after rollback(). */
  void rollbackTo(Savepoint level) throws SQLException {
    if (levels.contains(level)) {
      connection().rollback(level);
      popAbove(level);
    }
  }

  /** Rolls back everything the test did and returns the connection to its pool. */
  void end() throws SQLException {
    ended = true;
    levels.clear();
    try {
      connection.rollback();
      statementsAtomic(false);
    } finally {
      connection.close();
    }
  }

  /** Whether each statement gets a savepoint of its own: only while no transaction is open. */
  private void statementsAtomic(boolean atomic) throws SQLException {
    if (connection.isWrapperFor(PGConnection.class)) {
      connection.unwrap(PGConnection.class).setAutosave(atomic ? AutoSave.ALWAYS : AutoSave.NEVER);
    }
  }

  private void popAbove(Savepoint level) {
    while (levels.peek() != level) {
      levels.pop();
    }
  }
}
