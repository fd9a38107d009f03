package io.ecto4j.repo;

import io.ecto4j.query.RowReader;
import io.ecto4j.query.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs statements on a connection borrowed from the data source for just that statement, and turns
 * driver errors into {@link QueryException}s that carry the SQL.
 */
final class Executor {
  /** Binds a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private final DataSource dataSource;

  Executor(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <R> R withConnection(String sql, SqlFunction<R> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new QueryException(sql, e);
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
