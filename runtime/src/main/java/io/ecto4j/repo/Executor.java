package io.ecto4j.repo;

import io.ecto4j.query.RowReader;
import io.ecto4j.query.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The one place every statement passes: runs it on the current transaction's connection, or on a
 * connection borrowed from the data source for just that statement, and turns driver errors into
 * {@link QueryException}s that carry the SQL. Every statement text passes through
 * {@link #qualified}, which applies the repo's default schema prefix.
 */
final class Executor {
  /** Binds a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private final DataSource dataSource;
  private final Transactions transactions;
  private final String prefix;
  private final Qualifier qualifier;

  Executor(DataSource dataSource) {
    this(dataSource, new Transactions(dataSource), null);
  }

  private Executor(DataSource dataSource, Transactions transactions, String prefix) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.prefix = prefix;
    this.qualifier = prefix == null ? null : new Qualifier(prefix);
  }

  /**
   * This executor with tables that name no schema read in {@code prefix} (null: none). It shares
   * the data source and the transactions, so a prefixed repo's statements join the same ones.
   */
  Executor withPrefix(String prefix) {
    return new Executor(dataSource, transactions, prefix);
  }

  /** The default schema prefix, or null. */
  String prefix() {
    return prefix;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** The transactions of this executor's repo; statements of a thread in one run on its connection. */
  Transactions transactions() {
    return transactions;
  }

  <R> R withConnection(String sql, SqlFunction<R> work) {
    Connection joined = transactions.connection();
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

  /** The statement as this executor runs it: for the repo's prefix, if it has one. */
  Sql qualified(Sql sql) {
    return sql.withDefaultPrefix(prefix);
  }

  /** Statement text from a schema's generated constants, qualified with the repo's prefix. */
  String qualified(String sql) {
    return qualifier == null ? sql : qualifier.qualify(sql);
  }

  <T> List<T> query(Sql sql, RowReader<T> reader) {
    Sql statement = qualified(sql);
    return run(statement.text(), statement::bind, reader);
  }

  <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
    return run(qualified(sql), binder, reader);
  }

  /** The number of rows a write changed. */
  long update(Sql sql) {
    Sql statement = qualified(sql);
    return withConnection(statement.text(), connection -> {
      try (PreparedStatement prepared = connection.prepareStatement(statement.text())) {
        statement.bind(prepared);
        return prepared.executeLargeUpdate();
      }
    });
  }

  /**
   * {@code work} applied to the query's rows as a lazy stream over a server-side cursor, which the
   * driver reads {@code fetchSize} rows at a time. A cursor lives in a transaction: this runs in the
   * thread's transaction of the repo, or in one of its own, so that statements {@code work} runs
   * meanwhile use the same connection. The stream is valid only within {@code work}.
   */
  <T, R> R stream(Sql sql, int fetchSize, RowReader<T> reader, Function<Stream<T>, R> work) {
    Sql statement = qualified(sql);
    Result<R, Object> result = transactions.run(TransactionOptions.defaults(), () ->
        withConnection(statement.text(), connection -> {
          try (PreparedStatement prepared = connection.prepareStatement(statement.text())) {
            prepared.setFetchSize(fetchSize);
            statement.bind(prepared);
            try (ResultSet rows = prepared.executeQuery()) {
              return Streams.over(rows, reader, statement.text(), work);
            }
          }
        }));
    return result.orElseThrow();
  }

  /** Runs any statement; a statement without a result (an INSERT without RETURNING) reads no rows. */
  <T> List<T> execute(String sql, Binder binder, RowReader<T> reader) {
    String text = qualified(sql);
    return withConnection(text, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(text)) {
        binder.bind(statement);
        List<T> results = new ArrayList<>();
        if (statement.execute()) {
          try (ResultSet rows = statement.getResultSet()) {
            while (rows.next()) {
              results.add(reader.read(rows));
            }
          }
        }
        return results;
      }
    });
  }

  private <T> List<T> run(String sql, Binder binder, RowReader<T> reader) {
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
