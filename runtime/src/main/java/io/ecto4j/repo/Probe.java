package io.ecto4j.repo;

import io.ecto4j.internal.CallSite;
import io.ecto4j.telemetry.LockWaits;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.QueryListener;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Times one statement for the repo's listeners: start → connected (queue time) → executed (query
 * time) → finished (decode time). {@link #NONE} does nothing, so a repo without listeners pays one
 * no-op call per mark and allocates nothing.
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

  private final List<QueryListener> listeners;
  private final DataSource dataSource;
  private final String sql;
  private final List<Object> parameters;
  private final long start;
  private long connected;
  private long executed;

  private Probe() {
    this.listeners = List.of();
    this.dataSource = null;
    this.sql = null;
    this.parameters = null;
    this.start = 0;
  }

  Probe(List<QueryListener> listeners, DataSource dataSource, String sql, List<Object> parameters) {
    this.listeners = listeners;
    this.dataSource = dataSource;
    this.sql = sql;
    this.parameters = parameters;
    this.start = System.nanoTime();
  }

  void connected() {
    if (this != NONE && connected == 0) {
      connected = System.nanoTime();
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
    QueryEvent event = new QueryEvent(sql, shape.source(), shape.parameterCount(),
        parameters == null ? List.of() : parameters, rows,
        Duration.ofNanos(connectedAt - start), Duration.ofNanos(executedAt - connectedAt),
        Duration.ofNanos(end - executedAt), Duration.ofNanos(end - start),
        CallSite.current(), failure, lockReport, Thread.currentThread().getId());
    for (QueryListener listener : listeners) {
      try {
        listener.onQuery(event);
      } catch (RuntimeException ignored) {
        // a broken listener must not fail the statement it observes
      }
    }
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
