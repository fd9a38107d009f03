package io.ecto4j.spring.boot.actuate;

import io.ecto4j.migration.MigrationStatus;
import io.ecto4j.migration.Migrator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code ecto4j} health: the pool's usage (from its counters, no connection taken) and the
 * migrations. Pending migrations make it {@link Status#OUT_OF_SERVICE}: the instance works but
 * runs code newer than its schema, so it should take no traffic (a readiness concern), while
 * {@link Status#DOWN}, which liveness probes read as "restart me", would only restart it into the
 * same schema. A failed migration (one that ran outside a transaction and stopped half-way) is
 * {@code DOWN}: the schema is in a state no code version expects.
 *
 * <p>Reading the migrations' state costs Flyway's resolution of every migration, some 30 ms and two
 * log lines, too much for a probe every few seconds. Since an application's migrations are fixed
 * when it is built, a database found up to date stays so for this instance, and is not read again:
 * only a rollback from outside could make it pending, which this indicator then does not see.
 * While migrations are pending (a migration job still running), every check reads them again, so
 * the instance comes into service as soon as they are applied.
 */
public class EctoHealthIndicator extends AbstractHealthIndicator {
  private final DataSource dataSource;
  private final Migrator migrator;
  private volatile boolean upToDate;

  /** {@code migrator} may be null, for an application without ecto4j's migrations. */
  public EctoHealthIndicator(DataSource dataSource, Migrator migrator) {
    super("ecto4j health check failed");
    this.dataSource = dataSource;
    this.migrator = migrator;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up();
    PoolUsage.of(dataSource).ifPresent(pool -> builder.withDetail("pool", pool));
    if (migrator == null) {
      return;
    }
    if (upToDate) {
      builder.withDetail("pendingMigrations", List.of());
      return;
    }
    List<MigrationStatus> statuses = migrator.status();
    List<String> pending = versions(statuses, MigrationStatus.State.DOWN);
    List<String> failed = versions(statuses, MigrationStatus.State.FAILED);
    builder.withDetail("pendingMigrations", pending);
    if (!failed.isEmpty()) {
      builder.down().withDetail("failedMigrations", failed);
    } else if (!pending.isEmpty()) {
      builder.status(Status.OUT_OF_SERVICE);
    } else {
      upToDate = true;
    }
  }

  private static List<String> versions(List<MigrationStatus> statuses, MigrationStatus.State state) {
    return statuses.stream().filter(status -> status.state() == state)
        .map(status -> status.version() + " " + status.name()).toList();
  }
}
