package io.ecto4j.spring.boot.actuate;

import io.ecto4j.clinic.MigrationLint;
import io.ecto4j.clinic.QueryStats;
import io.ecto4j.migration.MigrationStatus;
import io.ecto4j.migration.Migrator;
import io.ecto4j.spring.boot.migration.ApplicationMigrations;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The production clinic as the Actuator endpoint {@code ecto4j}: {@code GET} reads the
 * {@link ClinicReport}, {@code DELETE} forgets the statistics and findings gathered so far (after a
 * deploy, to measure the new version alone). Like every endpoint but {@code health}, it is not
 * exposed over HTTP until {@code management.endpoints.web.exposure.include} names it: it shows
 * SQL and class names.
 */
@Endpoint(id = "ecto4j")
public class EctoEndpoint {
  private final QueryStats stats;
  private final NPlusOneMonitor nPlusOne;
  private final Migrator migrator;
  private final ApplicationMigrations migrations;
  private final int slowQueries;

  /** {@code migrator} and {@code migrations} may be null, for an application without ecto4j's migrations. */
  public EctoEndpoint(QueryStats stats, NPlusOneMonitor nPlusOne, Migrator migrator, ApplicationMigrations migrations,
      int slowQueries) {
    this.stats = stats;
    this.nPlusOne = nPlusOne;
    this.migrator = migrator;
    this.migrations = migrations;
    this.slowQueries = slowQueries;
  }

  @ReadOperation
  public ClinicReport report() {
    List<ClinicReport.SlowQuery> slowest = stats.rankingByP95().stream().limit(slowQueries)
        .map(ClinicReport.SlowQuery::of).toList();
    return new ClinicReport(slowest, nPlusOne.findings(), pendingMigrations());
  }

  @DeleteOperation
  public void reset() {
    stats.reset();
    nPlusOne.reset();
  }

  private List<ClinicReport.PendingMigration> pendingMigrations() {
    if (migrator == null) {
      return List.of();
    }
    MigrationLint lint = MigrationLint.forClassPath();
    return migrator.status().stream()
        .filter(status -> status.state() == MigrationStatus.State.DOWN)
        .map(status -> new ClinicReport.PendingMigration(status.version(), status.name(), status.script(),
            migrations == null ? List.of()
                : migrations.version(status.version()).map(lint::check).orElse(List.of())))
        .toList();
  }
}
