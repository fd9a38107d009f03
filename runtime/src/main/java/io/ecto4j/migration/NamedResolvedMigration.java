package io.ecto4j.migration;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.MigrationType;

/**
 * Flyway's resolved migration of a {@link FlywayJavaMigration} under another script name, so that
 * the history table's {@code script} column shows {@code db.migration.V1__CreatePosts} rather than
 * the adapter's class.
 */
final class NamedResolvedMigration implements ResolvedMigration {
  private final ResolvedMigration resolved;
  private final String script;

  NamedResolvedMigration(ResolvedMigration resolved, String script) {
    this.resolved = resolved;
    this.script = script;
  }

  @Override
  public MigrationVersion getVersion() {
    return resolved.getVersion();
  }

  @Override
  public String getDescription() {
    return resolved.getDescription();
  }

  @Override
  public String getScript() {
    return script;
  }

  @Override
  public Integer getChecksum() {
    return resolved.getChecksum();
  }

  @Override
  public MigrationType getType() {
    return resolved.getType();
  }

  @Override
  public String getPhysicalLocation() {
    return resolved.getPhysicalLocation();
  }

  @Override
  public MigrationExecutor getExecutor() {
    return resolved.getExecutor();
  }

  @Override
  public boolean checksumMatches(Integer checksum) {
    return resolved.checksumMatches(checksum);
  }

  @Override
  public boolean checksumMatchesWithoutBeingIdentical(Integer checksum) {
    return resolved.checksumMatchesWithoutBeingIdentical(checksum);
  }
}
