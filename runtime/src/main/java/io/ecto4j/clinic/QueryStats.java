package io.ecto4j.clinic;

import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.QueryListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranks statement shapes (the SQL with its {@code ?} placeholders, already normalised) by count,
 * total time and percentiles: step 1 of the runbook, "log and rank top slow queries by frequency and
 * p95 duration".
 *
 * <pre>{@code
 * QueryStats stats = new QueryStats();
 * Repo observed = repo.withListener(stats);
 * ... run the workload on observed ...
 * System.out.println(QueryStats.table(stats.ranking(), 10));
 * }</pre>
 *
 * <p>Trade-off: this sees this JVM's statements with call sites and decode times; {@link PgStatStatements}
 * sees every client of the server, but needs the extension loaded.
 */
public final class QueryStats implements QueryListener {
  /**
   * One ranked shape; times in milliseconds. {@code sampleParameters} are the last values the shape
   * ran with (empty if unknown), so that {@link IndexCheck} can EXPLAIN it.
   */
  public record Shape(String sql, String source, long count, double totalMs, double p50Ms, double p95Ms,
      double p99Ms, long rows, List<Object> sampleParameters) {}

  private final Map<String, Samples> shapes = new ConcurrentHashMap<>();

  @Override
  public void onQuery(QueryEvent event) {
    shapes.computeIfAbsent(event.sql(), sql -> new Samples(event.source())).add(event);
  }

  /** The shapes, by total time (count × mean), the first costing most. */
  public List<Shape> ranking() {
    List<Shape> ranked = new ArrayList<>();
    shapes.forEach((sql, samples) -> ranked.add(samples.shape(sql)));
    ranked.sort(Comparator.comparingDouble(Shape::totalMs).reversed().thenComparing(Shape::sql));
    return ranked;
  }

  /** The ranking by p95, for "slow" rather than "expensive overall". */
  public List<Shape> rankingByP95() {
    List<Shape> ranked = new ArrayList<>(ranking());
    ranked.sort(Comparator.comparingDouble(Shape::p95Ms).reversed().thenComparing(Shape::sql));
    return ranked;
  }

  public void reset() {
    shapes.clear();
  }

  /** A fixed-width table of the first {@code limit} shapes. */
  public static String table(List<Shape> ranking, int limit) {
    StringBuilder out = new StringBuilder(String.format("%6s %10s %9s %9s %9s %9s  %-24s %s%n",
        "count", "total ms", "p50 ms", "p95 ms", "p99 ms", "rows", "source", "sql"));
    ranking.stream().limit(limit).forEach(s -> out.append(String.format("%6d %10.2f %9.2f %9.2f %9.2f %9d  %-24s %s%n",
        s.count(), s.totalMs(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.rows(), s.source(), abbreviate(s.sql()))));
    return out.toString();
  }

  private static String abbreviate(String sql) {
    String line = sql.replaceAll("\\s+", " ");
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }

  /** The durations of one shape; synchronized because statements of many threads arrive. */
  private static final class Samples {
    private final String source;
    private long[] nanos = new long[16];
    private int count;
    private long rows;
    private List<Object> sample = List.of();

    Samples(String source) {
      this.source = source;
    }

    synchronized void add(QueryEvent event) {
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = event.total().toNanos();
      rows += Math.max(0, event.rows());
      sample = event.parameters().isEmpty() ? sample : event.parameters();
    }

    synchronized Shape shape(String sql) {
      long[] sorted = Arrays.copyOf(nanos, count);
      Arrays.sort(sorted);
      long total = Arrays.stream(sorted).sum();
      return new Shape(sql, source, count, ms(total), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
          ms(percentile(sorted, 99)), rows, sample);
    }

    private static long percentile(long[] sorted, int p) {
      return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
    }

    private static double ms(long nanos) {
      return nanos / 1_000_000.0;
    }
  }
}
