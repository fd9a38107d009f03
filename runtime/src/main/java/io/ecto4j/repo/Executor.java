package io.ecto4j.repo;

import io.ecto4j.Result;
import io.ecto4j.query.RowReader;
import io.ecto4j.query.Sql;
import io.ecto4j.telemetry.QueryListener;
import io.ecto4j.telemetry.Slf4jQueryLogger;
import io.ecto4j.telemetry.TelemetryOptions;
import io.ecto4j.type.UnpairedSurrogateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.HostSpec;

/**
 * The one place every statement passes: runs it on the current transaction's connection, or on a
 * connection borrowed from the data source for just that statement, and turns driver errors into
 * {@link QueryException}s that carry the SQL. A statement rendered from a query is rendered for
 * the repo's default schema prefix ({@link #qualified}); a table's statements come rendered for it
 * ({@code TableStatements}); hand-written SQL runs as written.
 *
 * <p>When a connection turns out to be broken (its backend was terminated, the server restarted)
 * outside a transaction, a read runs once more on another connection, since reading twice changes
 * nothing; a write never does, and its failure says that whether it committed is unknown. The
 * pool's other idle connections are then discarded too, since whatever broke one (a restart, a
 * failover) has usually broken them all; see docs/transactions.md, "When things fail".
 */
final class Executor {
  /** Whether a statement only reads (and may run again) or may write (and must not). */
  private enum Kind {
    READ,
    WRITE
  }

  /** Binds a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private final DataSource dataSource;
  private final Transactions transactions;
  private final String prefix;
  private final List<QueryListener> listeners;
  /** The listeners and the default DEBUG log, for when {@code io.ecto4j.query} logs at DEBUG. */
  private final List<QueryListener> listenersAndLog;
  private final TelemetryOptions telemetry;
  /** Where reads outside a transaction go when the repo has replicas; null when it has none. */
  private final ReadRouting routing;
  private final ReadRouting.Route route;
  /** Whether the data source is a transaction pooler, which keeps no session between transactions. */
  private final boolean pooled;
  /** How many hosts the primary's URL lists, read from the first connection: 0 until then. */
  private volatile int primaryHosts;

  Executor(DataSource dataSource) {
    this(dataSource, Transactions.local(dataSource), null, List.of(), TelemetryOptions.defaults(), null,
        ReadRouting.Route.AUTO, false);
  }

  /** An executor whose transactions {@code host} keeps (see {@link Repo#hostedBy}). */
  Executor(DataSource dataSource, TransactionHost host) {
    this(dataSource, Transactions.hostedBy(dataSource, host), null, List.of(), TelemetryOptions.defaults(), null,
        ReadRouting.Route.AUTO, false);
  }

  /**
   * The transactions are a view of the shared ones that reports this executor's {@code begin},
   * {@code commit} and {@code rollback} to its own listeners.
   */
  private Executor(DataSource dataSource, Transactions transactions, String prefix, List<QueryListener> listeners,
      TelemetryOptions telemetry, ReadRouting routing, ReadRouting.Route route, boolean pooled) {
    this.dataSource = dataSource;
    this.transactions = transactions.observedBy(sql -> probe(sql, Probe.Parameters.NONE));
    this.prefix = prefix;
    this.listeners = listeners;
    this.listenersAndLog = withDefaultLog(listeners);
    if (!listeners.isEmpty()) {
      Probe.Idle.track();
    }
    this.telemetry = telemetry;
    this.routing = routing;
    this.route = route;
    this.pooled = pooled;
  }

  /** This executor, also telling {@code listener} about every statement; shares the transactions. */
  Executor withListener(QueryListener listener) {
    List<QueryListener> all = new ArrayList<>(listeners);
    all.add(listener);
    return new Executor(dataSource, transactions, prefix, List.copyOf(all), telemetry, routing, route, pooled);
  }

  /** This executor with {@code telemetry} on its events; shares the transactions. */
  Executor withTelemetry(TelemetryOptions telemetry) {
    return new Executor(dataSource, transactions, prefix, listeners, telemetry, routing, route, pooled);
  }

  /**
   * This executor with tables that name no schema read in {@code prefix} (null: none). It shares
   * the data source and the transactions, so a prefixed repo's statements join the same ones.
   */
  Executor withPrefix(String prefix) {
    return new Executor(dataSource, transactions, prefix, listeners, telemetry, routing, route, pooled);
  }

  /** This executor reading from {@code replicas} as their rules say; shares the transactions. */
  Executor withReplicas(Replicas replicas, java.time.Clock clock) {
    return new Executor(dataSource, transactions, prefix, listeners, telemetry,
        new ReadRouting(dataSource, replicas, clock), ReadRouting.Route.AUTO, pooled);
  }

  /** This executor with its reads pinned to the primary or to a replica; shares everything else. */
  Executor routed(ReadRouting.Route route) {
    return new Executor(dataSource, transactions, prefix, listeners, telemetry, routing, route, pooled);
  }

  /** This executor marked as behind a transaction pooler (see {@code Repo.Builder#transactionPooler}). */
  Executor behindTransactionPooler() {
    return new Executor(dataSource, transactions, prefix, listeners, telemetry, routing, route, true);
  }

  boolean behindPooler() {
    return pooled;
  }

  /** The routing of reads, or null when the repo has no replicas. */
  ReadRouting routing() {
    return routing;
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

  /**
   * Runs {@code work} on the connection held for this thread (a transaction's or a checkout's), or
   * on one borrowed for it alone. The probe
   * times the wait for a connection and reports a failure; {@link Probe#NONE} costs nothing.
   */
  private <R> R withConnection(String sql, Kind kind, Probe probe, SqlFunction<R> work) {
    Connection joined = transactions.connection();
    ReadRouting.Target target = joined != null || routing == null ? null
        : kind == Kind.READ ? routing.forRead(sql, route) : routing.primaryTarget();
    return withConnection(sql, kind, probe, joined, target, work);
  }

  /** {@link #withConnection(String, Kind, Probe, SqlFunction)} on the thread's {@code joined} connection, or {@code target}'s. */
  private <R> R withConnection(String sql, Kind kind, Probe probe, Connection joined, ReadRouting.Target target,
      SqlFunction<R> work) {
    ReadSession session = joined == null && kind == Kind.READ ? ReadSession.of(dataSource) : null;
    Connection connection = null;
    // reused: the session's connection, borrowed by an earlier read; held: kept by the session after this one
    Connection shared = session == null ? null : session.connectionFor(target);
    boolean reused = shared != null;
    boolean held = reused;
    if (reused) {
      connection = shared;
      target = session.target();
    } else if (joined == null) {
      try {
        connection = borrow(sql, probe, target);
      } catch (NoConnectionException replicaDown) {
        if (target == null || target.isPrimary()) {
          throw replicaDown;
        }
        routing.failed(target, replicaDown);
        target = routing.primaryTarget();
        connection = borrow(sql, probe, target);
      }
      held = session != null && session.keep(connection, target);
    } else {
      connection = joined;
    }
    RuntimeException failure = null;
    // With several hosts (pgjdbc failover), which one this connection is on, for a failure's message.
    boolean onPrimary = target == null || target.isPrimary();
    HostSpec server = onPrimary && failsOver(connection) ? Failures.hostOf(connection) : null;
    try {
      if (joined != null || reused) {
        probe.joined();
      } else {
        probe.connected(connection);
      }
      if (target != null) {
        probe.ranOn(target.name());
      }
      R result = work.apply(connection);
      if (routing != null) {
        afterStatement(kind, target, connection);
      }
      return result;
    } catch (SQLException e) {
      // A write outside a transaction commits by itself: a broken connection leaves it unknown.
      String where = Failures.connectionFailed(e.getSQLState()) ? Failures.lostServer(server, primaryHosts) : "";
      QueryException refused = kind == Kind.WRITE && !transactions.active() ? Failures.ofCommit(sql, e, where)
          : Failures.of(sql, e, where);
      if (refused.connectionFailed()) {
        if (target != null && !target.isPrimary()) {
          routing.failed(target, refused);
        } else {
          ConnectionPools.discardIdle(dataSource);
        }
      }
      failure = refused;
      throw refused;
    } catch (UnpairedSurrogateException e) {
      failure = e.inStatement(sql);
      throw failure;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      if (failure != null) {
        probe.failed(failure);
      }
      if (joined == null && !held) {
        giveBack(connection, failure);
      } else if (held && failure != null) {
        session.release(failure);
      }
    }
  }

  /** Whether {@code connection} is the primary's and its URL lists several hosts; asked of the URL once. */
  private boolean failsOver(Connection connection) {
    int hosts = primaryHosts;
    if (hosts == 0) {
      hosts = Failures.hostCount(connection);
      primaryHosts = hosts;
    }
    return hosts > 1;
  }

  /**
   * Read-your-writes bookkeeping: a write (in a transaction or not) sends the thread's next read
   * to the primary, and that read asks the primary, on its own connection, how far the WAL is.
   */
  private void afterStatement(Kind kind, ReadRouting.Target target, Connection connection) throws SQLException {
    if (kind == Kind.WRITE) {
      routing.wrote();
    } else if (target != null && target.isPrimary() && routing.wantsPosition()) {
      routing.learnPosition(connection);
    }
  }

  private Connection borrow(String sql, Probe probe, ReadRouting.Target target) {
    try {
      return (target == null ? dataSource : target.dataSource()).getConnection();
    } catch (NoTenantException e) {
      throw NoTenantException.during(sql);
    } catch (SQLException e) {
      NoConnectionException failure = new NoConnectionException(sql, e);
      if (target == null || target.isPrimary()) {
        probe.failed(failure);
      }
      throw failure;
    }
  }

  /**
   * Returns a borrowed connection to the pool. Its statement is done: a failure to return it is
   * attached to the statement's own failure, or, after a success, left to the pool, which
   * discards a connection it cannot reset.
   */
  static void giveBack(Connection connection, RuntimeException failure) {
    Probe.Idle.returned(connection);
    try {
      connection.close();
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }

  /**
   * A read outside a transaction whose connection broke runs once more; the first failure wins.
   * A client timeout is not retried (the socket timeout is the caller's bound on the whole call),
   * nor a failure to get a connection at all (the pool has waited its checkout timeout already).
   */
  private <R> R retryingRead(String sql, Probe probe, SqlFunction<R> work) {
    try {
      return withConnection(sql, Kind.READ, probe, work);
    } catch (QueryException first) {
      if (!first.connectionFailed() || first instanceof ClientTimeoutException || first instanceof NoConnectionException
          || transactions.holdsConnection()) {
        throw first;
      }
      try {
        return withConnection(sql, Kind.READ, probe, work);
      } catch (RuntimeException again) {
        first.addSuppressed(again);
        throw first;
      }
    }
  }

  private Probe probe(String sql, Probe.Parameters parameters) {
    List<QueryListener> hearing = hearing();
    return heard(hearing) ? new Probe(hearing, telemetry, dataSource, sql, parameters) : Probe.NONE;
  }

  /** {@link #probe(String, Probe.Parameters)} with the values made only when someone hears the statement. */
  private Probe probe(String sql, Supplier<Probe.Parameters> parameters) {
    List<QueryListener> hearing = hearing();
    return heard(hearing) ? new Probe(hearing, telemetry, dataSource, sql, parameters.get()) : Probe.NONE;
  }

  /**
   * The probe of a rendered statement: its values are copied for the telemetry only when someone
   * hears it, so a repo without listeners allocates nothing for them.
   */
  private Probe probe(Sql statement) {
    List<QueryListener> hearing = hearing();
    return heard(hearing)
        ? new Probe(hearing, telemetry, dataSource, statement.text(), Probe.Parameters.bound(statement.values()))
        : Probe.NONE;
  }

  /** Whether a statement is timed and reported: someone hears it, and telemetry is on. */
  private boolean heard(List<QueryListener> hearing) {
    return !hearing.isEmpty() && telemetry.dispatched();
  }

  /**
   * Who hears a statement: the listeners, and the default log while {@code io.ecto4j.query} logs
   * at DEBUG (Ecto's logger at debug), unless a listener logs through SLF4J already. With DEBUG
   * off, asking costs one level check, and a repo without listeners times nothing.
   */
  private List<QueryListener> hearing() {
    return Slf4jQueryLogger.debugEnabled() ? listenersAndLog : listeners;
  }

  private static List<QueryListener> withDefaultLog(List<QueryListener> listeners) {
    if (listeners.stream().anyMatch(Slf4jQueryLogger.class::isInstance)) {
      return listeners;
    }
    List<QueryListener> all = new ArrayList<>(listeners);
    all.add(Slf4jQueryLogger.debugLog());
    return List.copyOf(all);
  }

  /** The statement as this executor runs it: for the repo's prefix, if it has one. */
  Sql qualified(Sql sql) {
    return sql.withDefaultPrefix(prefix);
  }


  /**
   * Runs {@code work} with its reads outside a transaction on one connection ({@link ReadSession}):
   * a preload's statements, which JDBC code would run on one connection too.
   */
  <T> T readSession(Supplier<T> work) {
    return transactions.holdsConnection() ? work.get() : ReadSession.run(dataSource, work);
  }

  /** The rows of a statement that only reads (a query); it may run twice, see the class comment. */
  <T> List<T> read(Sql sql, RowReader<T> reader) {
    Sql statement = qualified(sql);
    return run(statement.text(), Kind.READ, statement::bind, reader,
        probe(statement));
  }

  /**
   * A hand-written read; {@code parameters} gives its values as given and as cast for the
   * telemetry, and is asked only when a listener will see them.
   */
  <T> List<T> read(String sql, Supplier<Probe.Parameters> parameters, Binder binder, RowReader<T> reader) {
    return run(sql, Kind.READ, binder, reader, probe(sql, parameters));
  }

  /** The rows a write returns ({@code RETURNING}); it runs once, whatever happens. */
  <T> List<T> write(Sql sql, RowReader<T> reader) {
    return write(sql, reader, false);
  }

  /**
   * {@link #write(Sql, RowReader)}; when {@code guarded}, a failure inside a transaction undoes
   * this statement alone, and the transaction goes on ({@link StatementSavepoint}).
   */
  <T> List<T> write(Sql sql, RowReader<T> reader, boolean guarded) {
    Sql statement = qualified(sql);
    return run(statement.text(), Kind.WRITE, statement::bind, reader,
        probe(statement), guarded);
  }

  /**
   * A write that {@code binder} binds; {@code parameters} gives its values for the telemetry, and
   * is asked only when a listener will see them.
   */
  <T> List<T> write(String sql, Supplier<Probe.Parameters> parameters, Binder binder, RowReader<T> reader) {
    return write(sql, parameters, binder, reader, false);
  }

  /** {@link #write(String, Supplier, Binder, RowReader)}, {@code guarded} as in {@link #write(Sql, RowReader, boolean)}. */
  <T> List<T> write(String sql, Supplier<Probe.Parameters> parameters, Binder binder, RowReader<T> reader,
      boolean guarded) {
    return run(sql, Kind.WRITE, binder, reader, probe(sql, parameters), guarded);
  }

  /** The number of rows a write changed. */
  long update(Sql sql) {
    Sql statement = qualified(sql);
    Probe probe = probe(statement);
    long count = withConnection(statement.text(), Kind.WRITE, probe, connection -> {
      try (PreparedStatement prepared = connection.prepareStatement(statement.text())) {
        statement.bind(prepared);
        return prepared.executeLargeUpdate();
      }
    });
    probe.executed();
    probe.finished(count);
    return count;
  }

  /**
   * {@code work} applied to the query's rows as a lazy stream over a server-side cursor, which the
   * driver reads {@code fetchSize} rows at a time. A cursor lives in a transaction: this runs in the
   * thread's transaction of the repo, or in one of its own, so that statements {@code work} runs
   * meanwhile use the same connection. The stream is valid only within {@code work}.
   */
  <T, R> R stream(Sql sql, int fetchSize, RowReader<T> reader, Function<Stream<T>, R> work) {
    Sql statement = qualified(sql);
    Probe probe = probe(statement);
    SqlFunction<R> cursor = connection -> {
      try (PreparedStatement prepared = connection.prepareStatement(statement.text())) {
        prepared.setFetchSize(fetchSize);
        statement.bind(prepared);
        try (ResultSet rows = prepared.executeQuery()) {
          probe.executed();
          return Streams.over(rows, reader, statement.text(), work);
        }
      }
    };
    ReadRouting.Target replica = routing == null || transactions.connection() != null ? null
        : routing.forRead(statement.text(), route);
    if (replica != null && !replica.isPrimary()) {
      R read = withConnection(statement.text(), Kind.READ, probe, null, replica, connection -> inReadTransaction(connection, cursor));
      probe.finished(-1);
      return read;
    }
    // The cursor's own transaction is the stream's machinery, not the caller's: no begin/commit events.
    Result<R, Object> result = transactions.observedBy(begun -> Probe.NONE).run(TransactionOptions.defaults(), () ->
        withConnection(statement.text(), Kind.READ, probe, cursor));
    probe.finished(-1);
    return result.orElseThrow();
  }

  /**
   * {@code work} in a transaction of the borrowed {@code connection} alone, for a cursor on a
   * replica (which takes read-only transactions only); the thread's statements meanwhile are not in it.
   */
  private static <R> R inReadTransaction(Connection connection, SqlFunction<R> work) throws SQLException {
    connection.setAutoCommit(false);
    R read;
    try {
      read = work.apply(connection);
    } catch (SQLException | RuntimeException e) {
      try {
        endReadTransaction(connection);
      } catch (SQLException | RuntimeException cleanup) {
        e.addSuppressed(cleanup); // the connection broke, most likely: the pool discards it
      }
      throw e;
    }
    endReadTransaction(connection);
    return read;
  }

  private static void endReadTransaction(Connection connection) throws SQLException {
    connection.rollback(); // it only read: nothing to keep
    connection.setAutoCommit(true);
  }

  /** What a hand-written statement gave: {@code hasRows} when it returned a result set. */
  @FunctionalInterface
  interface Outcome<R> {
    R read(PreparedStatement statement, boolean hasRows) throws SQLException;
  }

  /**
   * Runs hand-written SQL as written, with {@code params} bound as {@link RawParams} binds them;
   * a statement without a result (an INSERT without RETURNING) reads no rows.
   */
  <T> List<T> execute(String sql, List<?> params, RowReader<T> reader) {
    return execute(sql, params, (statement, hasRows) -> {
      List<T> results = new ArrayList<>();
      if (hasRows) {
        try (ResultSet rows = statement.getResultSet()) {
          while (rows.next()) {
            results.add(reader.read(rows));
          }
        }
      }
      return results;
    }, List::size);
  }

  /** Runs hand-written SQL as written; {@code outcome} reads what it gave, {@code rows} counts it for the telemetry. */
  <R> R execute(String sql, List<?> params, Outcome<R> outcome, ToLongFunction<R> rows) {
    Probe probe = probe(sql, Probe.Parameters.bound(Collections.unmodifiableList(params)));
    R found = withConnection(sql, Kind.WRITE, probe, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        RawParams.bind(statement, params);
        boolean hasRows = statement.execute();
        probe.executed();
        return outcome.read(statement, hasRows);
      }
    });
    probe.finished(rows.applyAsLong(found));
    return found;
  }

  /** One COPY through pgjdbc's {@link CopyManager}; returns the rows it copied. */
  @FunctionalInterface
  interface Copy {
    long run(CopyManager manager) throws SQLException, IOException;
  }

  /**
   * Runs a {@code COPY} on the connection of this thread, as every statement of the repo: inside a
   * transaction or checkout it sees and writes what they do. The driver's stream failures become
   * {@link UncheckedIOException}s; PostgreSQL's become query exceptions naming the SQL.
   */
  long copy(String sql, Copy copy) {
    Probe probe = probe(sql, Probe.Parameters.bound(List.of()));
    long rows = withConnection(sql, Kind.WRITE, probe, connection -> {
      try {
        long copied = copy.run(connection.unwrap(PGConnection.class).getCopyAPI());
        probe.executed();
        return copied;
      } catch (IOException e) {
        throw new UncheckedIOException("COPY failed while streaming its data: " + sql, e);
      }
    });
    probe.finished(rows);
    return rows;
  }

  private <T> List<T> run(String sql, Kind kind, Binder binder, RowReader<T> reader, Probe probe) {
    return run(sql, kind, binder, reader, probe, false);
  }

  /**
   * Runs a statement and reads its rows; {@code guarded}, in a transaction, in a savepoint sent
   * with it. The probe and a failure name {@code sql} as written.
   */
  private <T> List<T> run(String sql, Kind kind, Binder binder, RowReader<T> reader, Probe probe, boolean guarded) {
    SqlFunction<List<T>> work = connection -> {
      boolean isolated = guarded && !connection.getAutoCommit();
      try (PreparedStatement statement = connection.prepareStatement(isolated ? StatementSavepoint.around(sql) : sql)) {
        binder.bind(statement);
        try (ResultSet rows = isolated ? StatementSavepoint.execute(connection, statement) : statement.executeQuery()) {
          probe.executed();
          List<T> results = new ArrayList<>();
          while (rows.next()) {
            results.add(reader.read(rows));
          }
          return results;
        }
      }
    };
    List<T> found = kind == Kind.READ ? retryingRead(sql, probe, work) : withConnection(sql, kind, probe, work);
    probe.finished(found.size());
    return found;
  }
}
