package io.ecto4j.spring.boot.actuate;

import io.ecto4j.clinic.MigrationLint;
import io.ecto4j.clinic.QueryStats;
import java.util.List;

/**
 * What the {@code ecto4j} endpoint answers: the slowest statement shapes by p95 since the start
 * (or the last reset), the N+1 findings with their call sites, and the pending migrations with
 * what the lint finds in them.
 */
public record ClinicReport(List<SlowQuery> slowQueries, List<NPlusOneFinding> nPlusOne,
    List<PendingMigration> pendingMigrations) {

  /**
   * One statement shape; times in milliseconds. The parameters {@code QueryStats} samples are left
   * out: they may be personal data, and this report may travel further than the logs.
   */
  public record SlowQuery(String sql, String source, long count, double totalMs, double p50Ms, double p95Ms,
      double p99Ms, long rows) {
    static SlowQuery of(QueryStats.Shape shape) {
      return new SlowQuery(shape.sql(), shape.source(), shape.count(), shape.totalMs(), shape.p50Ms(), shape.p95Ms(),
          shape.p99Ms(), shape.rows());
    }
  }

  /**
   * A migration not applied yet; {@code lint} is what {@link MigrationLint} finds unsafe in it for a
   * rolling deploy (always empty for a SQL migration, which the lint cannot read).
   */
  public record PendingMigration(String version, String name, String script, List<MigrationLint.Finding> lint) {}
}
