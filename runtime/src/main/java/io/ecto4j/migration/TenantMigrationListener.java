package io.ecto4j.migration;

import java.util.List;
import java.util.function.Consumer;

/**
 * Hears the {@link TenantMigrator}'s progress, tenant by tenant: started, each migration applied,
 * done or failed. With {@code parallelism} above 1 it is called from several threads at once.
 */
public interface TenantMigrationListener {
  /** Tenant {@code tenant}, the {@code position}-th (from 1) of {@code total}, is being migrated. */
  default void started(String tenant, int position, int total) {}

  /** A migration was applied to {@code tenant} (committed, with its history row). */
  default void applied(String tenant, MigrationRun run) {}

  /** {@code tenant} is up to date; {@code runs} are the migrations this run applied (none: it already was). */
  default void done(String tenant, List<MigrationRun> runs) {}

  /** {@code tenant} failed; the migrator stops before the tenants after it. */
  default void failed(String tenant, TenantMigrationException failure) {}

  /**
   * A console progress bar, one line per tenant finished, for the Maven goal and command-line tools:
   * {@code [#######-------------] 1/3 acme: 2 migrations applied}.
   */
  static TenantMigrationListener progressBar(Consumer<String> out) {
    return new ProgressBar(out);
  }
}
