package io.ecto4j.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One test's pinned connection, inside a transaction rolled back when the test ends, and the
 * stack of savepoints that stand for the transactions the code under test opened on it.
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
    return new Sandbox(connection);
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
    return level;
  }

  /** "Commits" a level: releases it, and with it every level opened after it. */
  void release(Savepoint level) throws SQLException {
    if (levels.contains(level)) {
      connection().releaseSavepoint(level);
      popAbove(level);
      levels.pop();
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
    } finally {
      connection.close();
    }
  }

  private void popAbove(Savepoint level) {
    while (levels.peek() != level) {
      levels.pop();
    }
  }
}
