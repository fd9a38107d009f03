package io.ecto4j.clinic;

import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import java.util.List;

/**
 * The {@link QueryStats} ranking read from the server's {@code pg_stat_statements}, which sees every
 * client, not only this JVM. The extension must be in {@code shared_preload_libraries} and created
 * in the database; {@link #availability} says which of the two is missing.
 *
 * <pre>{@code
 * PgStatStatements.Availability a = PgStatStatements.availability(repo);
 * if (a.available()) System.out.println(QueryStats.table(PgStatStatements.ranking(repo, 20), 20));
 * else System.out.println(a.reason());
 * }</pre>
 *
 * <p>The extension keeps no percentiles: p50 is the mean, p95 and p99 are estimated from the mean and
 * standard deviation (capped at the maximum), so prefer {@link QueryStats} for tails.
 */
public final class PgStatStatements {
  /** Whether the ranking can be read, and if not, why and how to fix it. */
  public record Availability(boolean available, String reason) {}

  private static final String RANKING = """
      SELECT regexp_replace(query, '\\$[0-9]+', '?', 'g'), calls, total_exec_time, mean_exec_time,
             least(max_exec_time, mean_exec_time + 1.645 * stddev_exec_time),
             least(max_exec_time, mean_exec_time + 2.326 * stddev_exec_time), rows
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY total_exec_time DESC LIMIT ?""";

  private PgStatStatements() {}

  public static Availability availability(Repo repo) {
    boolean created = !repo.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'", List.of(),
        row -> 1).isEmpty();
    if (!created) {
      return new Availability(false, "pg_stat_statements is not installed in this database: run "
          + "CREATE EXTENSION pg_stat_statements (after adding it to shared_preload_libraries and restarting)");
    }
    try {
      repo.query("SELECT 1 FROM pg_stat_statements LIMIT 1", List.of(), row -> 1);
      return new Availability(true, "pg_stat_statements is available");
    } catch (QueryException e) {
      return new Availability(false, "pg_stat_statements is installed but not loaded: add it to "
          + "shared_preload_libraries in postgresql.conf and restart the server (" + e.getMessage() + ")");
    }
  }

  /** The {@code limit} statements costing most in total; {@link IllegalStateException} with the reason if unavailable. */
  public static List<QueryStats.Shape> ranking(Repo repo, int limit) {
    Availability availability = availability(repo);
    if (!availability.available()) {
      throw new IllegalStateException(availability.reason());
    }
    return repo.query(RANKING, List.of(limit), row -> new QueryStats.Shape(row.getString(1), "pg_stat_statements",
        row.getLong(2), row.getDouble(3), row.getDouble(4), row.getDouble(5), row.getDouble(6), row.getLong(7), List.of()));
  }
}
