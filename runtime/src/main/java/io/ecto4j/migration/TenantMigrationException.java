package io.ecto4j.migration;

import java.util.List;
import java.util.Optional;

/**
 * Migrating a tenant failed. The tenants migrated before it stay migrated (each migration commits
 * with its history row in its own transaction), the failed migration left nothing behind, and the
 * tenants after it were not started. Fix the cause and run the migrator again: tenants already up
 * to date are no-ops, so it resumes where it stopped; {@link #remaining()} names the tenants left,
 * for {@link TenantMigrator#migrate(java.util.Collection)}.
 */
public final class TenantMigrationException extends MigrationException {
  private final String tenant;
  private final String version;
  private final List<String> migrated;
  private final List<String> remaining;

  TenantMigrationException(String tenant, String version, List<String> migrated, List<String> remaining,
      RuntimeException cause) {
    super("tenant " + tenant + " failed" + (version == null ? "" : " at migration " + version) + ": "
        + cause.getMessage() + "\n  migrated before it: " + shown(migrated)
        + "\n  not migrated: " + shown(remaining) + "; fix the cause and run the migrator again to resume", cause);
    this.tenant = tenant;
    this.version = version;
    this.migrated = List.copyOf(migrated);
    this.remaining = List.copyOf(remaining);
  }

  private static String shown(List<String> tenants) {
    return tenants.isEmpty() ? "none" : String.join(", ", tenants);
  }

  /** The tenant that failed. */
  public String tenant() {
    return tenant;
  }

  /** The version of the migration that failed; empty when the tenant failed before any ran (its database is down). */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** The tenants this run migrated completely, in order. */
  public List<String> migrated() {
    return migrated;
  }

  /** The failed tenant and those this run did not finish, in order: what a rerun has left to do. */
  public List<String> remaining() {
    return remaining;
  }
}
