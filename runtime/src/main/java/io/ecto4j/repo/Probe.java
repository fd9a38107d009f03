package io.ecto4j.repo;

import io.ecto4j.internal.CallSite;
import io.ecto4j.telemetry.LockWaits;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.QueryListener;
import io.ecto4j.telemetry.TelemetryOptions;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Times one statement for the repo's listeners: start → connected (queue time) → executed (query
 * time) → finished (decode time), and how long the connection had been idle. {@link #NONE} does
 * nothing, so a repo without listeners pays one no-op call per mark and allocates nothing.
 */
class Probe {
  static final Probe NONE = new Probe();

  /** Source and placeholder count per statement text: shapes are few, so each is parsed once. */
  private static final Map<String, Shape> SHAPES = new ConcurrentHashMap<>();
  private static final int MAX_SHAPES = 10_000;

  private record Shape(String source, int parameterCount) {
    static Shape of(String sql) {
      Shape known = SHAPES.get(sql);
      if (known != null) {
        return known;
      }
      Shape shape = new Shape(QueryEvent.sourceOf(sql), QueryEvent.parameterCount(sql));
      if (SHAPES.size() < MAX_SHAPES) {
        SHAPES.put(sql, shape);
      }
      return shape;
    }
  }

  /** A statement's values as given and as cast to the types that bind them. */
  record Parameters(List<Object> given, List<Object> cast) {
    static final Parameters NONE = new Parameters(List.of(), List.of());

    /** Values that are bound as they are given: a query's, typed when it was written. */
    static Parameters bound(List<Object> values) {
      return new Parameters(values, values);
    }
  }

  /**
   * When ecto4j last gave each physical connection back to its pool, which HikariCP does not tell:
   * the idle time of the next checkout is measured from it (Ecto's {@code idle_time}). Keyed by the
   * driver's connection ({@code unwrap}), by identity (a connection's own {@code hashCode} may be
   * anything, even throw) and weakly, so that a connection the pool retires is forgotten. A
   * connection ecto4j never gave back (new, or used only by other code) has no idle time; one that
   * other code used since is counted idle for that time too. Nothing here may fail a statement.
   */
  static final class Idle {
    private static final Map<Key, long[]> RETURNED = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Connection> RETIRED = new ReferenceQueue<>();

    /** A connection compared by identity, held weakly. */
    private static final class Key extends WeakReference<Connection> {
      private final int hash;

      Key(Connection connection, ReferenceQueue<Connection> queue) {
        super(connection, queue);
        this.hash = System.identityHashCode(connection);
      }

      @Override
      public int hashCode() {
        return hash;
      }

      @Override
      public boolean equals(Object other) {
        if (other == this) {
          return true;
        }
        Connection mine = get();
        return other instanceof Key key && key.hash == hash && mine != null && key.get() == mine;
      }
    }

    /**
     * Whether any repo in this process has a listener: until one does, returning a connection
     * costs nothing (no lookup, no allocation), and idle time is unknown, as it is for a connection
     * never given back through ecto4j.
     */
    private static volatile boolean tracking;

    private Idle() {}

    /** Starts noting when connections go back to the pool, once a repo with listeners exists. */
    static void track() {
      tracking = true;
    }

    /** Notes that {@code connection} goes back to the pool now; call it before closing it. */
    static void returned(Connection connection) {
      if (!tracking) {
        return;
      }
      Connection physical = physical(connection);
      if (physical != null) {
        for (Reference<?> gone = RETIRED.poll(); gone != null; gone = RETIRED.poll()) {
          RETURNED.remove(gone);
        }
        long now = System.nanoTime();
        RETURNED.computeIfAbsent(new Key(physical, RETIRED), k -> new long[1])[0] = now;
      }
    }

    /** How long {@code connection} sat in the pool since ecto4j gave it back; null if it never did. */
    static Duration since(Connection connection, long now) {
      Connection physical = physical(connection);
      long[] returned = physical == null ? null : RETURNED.get(new Key(physical, null));
      return returned == null ? null : Duration.ofNanos(Math.max(0, now - returned[0]));
    }

    private static Connection physical(Connection connection) {
      try {
        return connection.unwrap(Connection.class);
      } catch (SQLException | RuntimeException e) {
        return null;   // a closed or foreign connection: no idle time, rather than a failed statement
      }
    }
  }

  private final List<QueryListener> listeners;
  private final TelemetryOptions telemetry;
  private final DataSource dataSource;
  private final String sql;
  private final Parameters parameters;
  private final long start;
  private long connected;
  private long executed;
  private Duration idle;

  private Probe() {
    this.listeners = List.of();
    this.telemetry = null;
    this.dataSource = null;
    this.sql = null;
    this.parameters = null;
    this.start = 0;
  }

  Probe(List<QueryListener> listeners, TelemetryOptions telemetry, DataSource dataSource, String sql,
      Parameters parameters) {
    this.listeners = listeners;
    this.telemetry = telemetry;
    this.dataSource = dataSource;
    this.sql = sql;
    this.parameters = parameters == null ? Parameters.NONE : parameters;
    this.start = System.nanoTime();
  }

  /** The server that ran the statement, for its event: the primary unless {@link #ranOn} said otherwise. */
  private String server = ReadRouting.PRIMARY;

  /** The statement runs on the server named {@code server} (a replica's name), not the primary. */
  void ranOn(String server) {
    if (this != NONE) {
      this.server = server;
    }
  }

  /** The statement has a connection borrowed from the pool for it: the wait so far is queue time. */
  void connected(Connection borrowed) {
    if (this != NONE && connected == 0) {
      connected = System.nanoTime();
      idle = Idle.since(borrowed, connected);
    }
  }

  /**
   * The statement runs on the connection its transaction or checkout holds: it waited for no
   * pool, so queue and idle time are zero, as documented.
   */
  void joined() {
    if (this != NONE && connected == 0) {
      connected = start;
      idle = Duration.ZERO;
    }
  }

  void executed() {
    if (this != NONE && executed == 0) {
      executed = System.nanoTime();
    }
  }

  void finished(long rows) {
    if (this != NONE) {
      publish(rows, null, null);
    }
  }

  void failed(RuntimeException failure) {
    if (this == NONE) {
      return;
    }
    String lockReport = isLockTimeout(failure) ? LockWaits.describe(dataSource) : null;
    publish(-1, failure, lockReport);
  }

  private void publish(long rows, RuntimeException failure, String lockReport) {
    long end = System.nanoTime();
    long connectedAt = connected == 0 ? end : connected;
    long executedAt = executed == 0 ? end : executed;
    Shape shape = Shape.of(sql);
    List<StackTraceElement> stack = telemetry.stacktrace() ? stacktrace() : List.of();
    QueryEvent event = new QueryEvent(sql, shape.source(), shape.parameterCount(), parameters.given(),
        parameters.cast(), rows, Duration.ofNanos(connectedAt - start), Duration.ofNanos(executedAt - connectedAt),
        Duration.ofNanos(end - executedAt), Duration.ofNanos(end - start), idle,
        CallSite.current(), failure, lockReport, Thread.currentThread().getId(), telemetry, stack, server);
    for (QueryListener listener : listeners) {
      try {
        listener.onQuery(event);
      } catch (RuntimeException ignored) {
        // a broken listener must not fail the statement it observes
      }
    }
  }

  /** The running thread's stack from the repo call down, without the probe's own frames. */
  private static List<StackTraceElement> stacktrace() {
    return StackWalker.getInstance().walk(frames -> frames
        .dropWhile(f -> f.getClassName().equals(Probe.class.getName()))
        .map(StackWalker.StackFrame::toStackTraceElement)
        .toList());
  }

  private static boolean isLockTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
