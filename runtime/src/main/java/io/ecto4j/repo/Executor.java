package io.ecto4j.repo;

import io.ecto4j.query.RowReader;
import io.ecto4j.query.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The one place every statement passes: runs it on the current transaction's connection, or on a
 * connection borrowed from the data source for just that statement, and turns driver errors into
 * {@link QueryException}s that carry the SQL.
 */
final class Executor {
  /** Binds a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private final DataSource dataSource;
  /** The connection of the transaction this thread is in, if any. */
  private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

  Executor(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  DataSource dataSource() {
    return dataSource;
  }

  <R> R withConnection(String sql, SqlFunction<R> work) {
    Connection joined = transaction.get();
    try {
      if (joined != null) {
        return work.apply(joined);
      }
      try (Connection connection = dataSource.getConnection()) {
        return work.apply(connection);
      }
    } catch (SQLException e) {
      throw new QueryException(sql, e);
    }
  }

  /** Whether this thread is inside a transaction of this executor. */
  boolean inTransaction() {
    return transaction.get() != null;
  }

  /**
   * Runs {@code work} in one transaction on one connection; every statement this thread runs
   * through this executor meanwhile joins it. Commits when {@code commit} accepts the result, rolls
   * back otherwise or when {@code work} throws (the exception propagates). A call made inside a
   * transaction joins it and leaves the outcome to the outermost call.
   */
  <R> R transaction(Supplier<R> work, Predicate<? super R> commit) {
    if (transaction.get() != null) {
      return work.get();
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      transaction.set(connection);
      try {
        R result = work.get();
        if (commit.test(result)) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return result;
      } catch (RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        transaction.remove();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new QueryException("BEGIN/COMMIT", e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  <T> List<T> query(Sql sql, RowReader<T> reader) {
    return query(sql.text(), sql::bind, reader);
  }

  <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
    return withConnection(sql, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        binder.bind(statement);
        try (ResultSet rows = statement.executeQuery()) {
          List<T> results = new ArrayList<>();
          while (rows.next()) {
            results.add(reader.read(rows));
          }
          return results;
        }
      }
    });
  }
}
