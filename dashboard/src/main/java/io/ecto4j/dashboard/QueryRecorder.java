package io.ecto4j.dashboard;

import io.ecto4j.clinic.NPlusOne;
import io.ecto4j.dashboard.internal.Histogram;
import io.ecto4j.meta.Table;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.QueryListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the dashboard knows that the server does not: every statement this JVM's repos ran, with
 * the code that ran it. Add it to the repo as a listener, then give it to {@link Dashboard}:
 *
 * <pre>{@code
 * QueryRecorder recorder = new QueryRecorder();
 * Repo repo = Repo.builder().url(url).listener(recorder).build();
 * Dashboard dashboard = Dashboard.builder(repo, recorder).tables(Posts.SCHEMA, Users.SCHEMA).build();
 * }</pre>
 *
 * <p>It keeps three things, all bounded, since it lives as long as the service: the statements of
 * each time bucket (throughput and percentiles over the last {@code buckets}), each statement
 * shape's totals with its call sites (at most {@code maxShapes}; later shapes count in the series
 * only), and the N+1 findings of each unit of work. A unit of work is a transaction (from its
 * {@code begin} to its {@code commit} or {@code rollback}, on its thread) or what {@link #unit()}
 * opens, an HTTP request say; the rule is the clinic's own ({@link NPlusOne}). Statements the
 * dashboard itself runs are silent and never recorded.
 */
public final class QueryRecorder implements QueryListener {
  private static final int MAX_CALL_SITES = 5;
  private static final int MAX_FINDINGS = 100;

  private final Clock clock;
  private final long bucketMillis;
  private final int buckets;
  private final int maxShapes;
  private final int nPlusOneThreshold;
  private final ConcurrentSkipListMap<Long, Histogram> series = new ConcurrentSkipListMap<>();
  private final Map<String, ShapeStats> shapes = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final ThreadLocal<Unit> currentUnit = new ThreadLocal<>();
  private final Map<String, Finding> findings = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Finding> eldest) {
      return size() > MAX_FINDINGS;
    }
  };
  private volatile long firstBucket = Long.MAX_VALUE;
  private volatile Repo repo;
  private volatile List<Table<?>> tables = List.of();

  /** Ten-second buckets for an hour, 1000 shapes, N+1 above 10 runs of a shape in one unit of work. */
  public QueryRecorder() {
    this(Duration.ofSeconds(10), 360, 1000, 10, Clock.systemUTC());
  }

  /**
   * A recorder with buckets of {@code bucket} (whole milliseconds), keeping the last {@code buckets}
   * of them, at most {@code maxShapes} shapes, and reporting a shape run more than
   * {@code nPlusOneThreshold} times in one unit of work.
   */
  public QueryRecorder(Duration bucket, int buckets, int maxShapes, int nPlusOneThreshold, Clock clock) {
    if (bucket.toMillis() < 1 || buckets < 1 || maxShapes < 1 || nPlusOneThreshold < 1) {
      throw new IllegalArgumentException("QueryRecorder needs a bucket of at least 1 ms and positive counts, got bucket "
          + bucket + ", buckets " + buckets + ", maxShapes " + maxShapes + ", nPlusOneThreshold " + nPlusOneThreshold);
    }
    this.bucketMillis = bucket.toMillis();
    this.buckets = buckets;
    this.maxShapes = maxShapes;
    this.nPlusOneThreshold = nPlusOneThreshold;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The repo the N+1 scopes run on and the tables whose associations name the preloads; set by {@link Dashboard}. */
  void attach(Repo repo, List<Table<?>> tables) {
    this.repo = repo;
    this.tables = List.copyOf(tables);
  }

  @Override
  public void onQuery(QueryEvent event) {
    long now = clock.millis();
    String sql = event.sql();
    if (isTransactionControl(sql)) {
      transaction(sql);
      return;
    }
    long bucket = now / bucketMillis;
    Histogram histogram = series.get(bucket);
    if (histogram == null) {   // a new bucket: forget those that fell out of the window
      histogram = series.computeIfAbsent(bucket, b -> new Histogram());
      series.headMap(bucket - buckets + 1).clear();
      firstBucket = Math.min(firstBucket, bucket);
    }
    histogram.add(event.total().toNanos());
    ShapeStats stats = shapes.get(sql);
    if (stats == null && shapes.size() < maxShapes) {
      stats = shapes.computeIfAbsent(sql, s -> new ShapeStats(nextId.getAndIncrement(), event.source()));
    }
    if (stats != null) {
      stats.add(event, now);
    }
    Unit unit = currentUnit.get();
    if (unit != null) {
      unit.scope.onQuery(event);
    }
  }

  /**
   * Opens a unit of work on this thread (an HTTP request, a job); closing it records its N+1
   * findings. A unit open already on the thread, or a transaction's, contains this one: the
   * returned handle then does nothing.
   */
  public UnitOfWork unit() {
    Unit opened = open(false);
    return opened == null ? () -> { } : () -> close(opened);
  }

  /** Forgets everything recorded, after a deploy say, to look at the new version alone. */
  public void reset() {
    series.clear();
    firstBucket = Long.MAX_VALUE;
    shapes.clear();
    synchronized (findings) {
      findings.clear();
    }
  }

  /** A unit of work, closed when it ends. */
  @FunctionalInterface
  public interface UnitOfWork extends AutoCloseable {
    @Override
    void close();
  }

  // ---- what the pages read

  /** One time bucket: its start, statements, and percentiles in milliseconds. */
  record Point(long startMillis, long count, double p50Ms, double p95Ms, double p99Ms) {}

  /** One statement shape's totals since the start or the last reset. */
  record Shape(long id, String sql, String source, List<String> callSites, long count, double totalMs,
      double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs, long rows, long lastSeenMillis,
      List<Object> lastParameters) {}

  /** One N+1 shape: the largest count in one unit, how many units showed it, and the preload that removes it. */
  record Finding(String sql, String source, String callSite, String association, int maxRuns, long units,
      long lastSeenMillis) {}

  long bucketMillis() {
    return bucketMillis;
  }

  int nPlusOneThreshold() {
    return nPlusOneThreshold;
  }

  /**
   * The buckets of the window, from the first statement recorded (or the window's start) to now,
   * empty ones included, so a chart shows the quiet too.
   */
  List<Point> series() {
    List<Point> points = new ArrayList<>();
    if (firstBucket == Long.MAX_VALUE) {
      return points;
    }
    long last = clock.millis() / bucketMillis;
    long first = Math.max(firstBucket, last - buckets + 1);
    for (long b = first; b <= last; b++) {
      Histogram h = series.get(b);
      points.add(h == null ? new Point(b * bucketMillis, 0, 0, 0, 0)
          : new Point(b * bucketMillis, h.count(), h.percentileMs(50), h.percentileMs(95), h.percentileMs(99)));
    }
    return points;
  }

  List<Shape> shapes(Comparator<Shape> order) {
    List<Shape> all = new ArrayList<>();
    shapes.forEach((sql, stats) -> all.add(stats.shape(sql)));
    all.sort(order.thenComparing(Shape::sql));
    return all;
  }

  java.util.Optional<Shape> shape(long id) {
    return shapes.entrySet().stream().filter(e -> e.getValue().id == id).findFirst()
        .map(e -> e.getValue().shape(e.getKey()));
  }

  List<Finding> findings() {
    synchronized (findings) {
      List<Finding> all = new ArrayList<>(findings.values());
      all.sort(Comparator.comparingInt(Finding::maxRuns).reversed().thenComparing(Finding::sql));
      return all;
    }
  }

  // ---- units of work

  private static boolean isTransactionControl(String sql) {
    return sql.equals("begin") || sql.equals("commit") || sql.equals("rollback");
  }

  private void transaction(String sql) {
    if (sql.equals("begin")) {
      Unit stale = currentUnit.get();
      if (stale != null && stale.transaction) {   // a nested transaction sends no begin: this one's end was not seen
        close(stale);
      }
      open(true);
    } else {
      Unit unit = currentUnit.get();
      if (unit != null && unit.transaction) {
        close(unit);
      }
    }
  }

  private Unit open(boolean transaction) {
    Repo on = repo;
    if (on == null || currentUnit.get() != null) {
      return null;
    }
    Unit unit = new Unit(NPlusOne.reporting(on, nPlusOneThreshold, this::record, tables.toArray(Table<?>[]::new)),
        transaction);
    currentUnit.set(unit);
    return unit;
  }

  private void close(Unit unit) {
    if (currentUnit.get() == unit) {
      currentUnit.remove();
    }
    unit.scope.close();
  }

  private void record(List<NPlusOne.Finding> found) {
    long now = clock.millis();
    synchronized (findings) {
      for (NPlusOne.Finding f : found) {
        findings.merge(f.sql() + "\n" + f.callSite(),
            new Finding(f.sql(), f.source(), f.callSite(), f.association().orElse(null), f.count(), 1, now),
            (old, next) -> new Finding(old.sql(), old.source(), old.callSite(), next.association(),
                Math.max(old.maxRuns(), next.maxRuns()), old.units() + 1, now));
      }
    }
  }

  private record Unit(NPlusOne.Scope scope, boolean transaction) {}

  /** One shape's histogram, call sites and last parameters. */
  private static final class ShapeStats {
    final long id;
    final String source;
    final Histogram durations = new Histogram();
    final Set<String> callSites = new LinkedHashSet<>();
    long rows;
    long lastSeen;
    List<Object> lastParameters = List.of();

    ShapeStats(long id, String source) {
      this.id = id;
      this.source = source;
    }

    synchronized void add(QueryEvent event, long now) {
      durations.add(event.total().toNanos());
      rows += Math.max(0, event.rows());
      lastSeen = now;
      if (event.callSite() != null && callSites.size() < MAX_CALL_SITES) {
        callSites.add(event.callSite());
      }
      if (!event.castParameters().isEmpty()) {
        lastParameters = event.castParameters();
      }
    }

    synchronized Shape shape(String sql) {
      long count = durations.count();
      double total = durations.totalMs();
      return new Shape(id, sql, source, List.copyOf(callSites), count, total, count == 0 ? 0 : total / count,
          durations.percentileMs(50), durations.percentileMs(95), durations.percentileMs(99), durations.maxMs(), rows,
          lastSeen, lastParameters);
    }
  }
}
