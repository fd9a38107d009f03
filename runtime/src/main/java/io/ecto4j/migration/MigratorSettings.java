package io.ecto4j.migration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** What a {@link Migrator} was built with, and the Flyway configured from it. */
record MigratorSettings(
    DataSource dataSource,
    Map<MigrationVersion, FlywayJavaMigration> javaMigrations,
    List<String> locations,
    ClassLoader classLoader,
    String historyTable,
    Consumer<String> output,
    Consumer<String> warnings,
    Duration lockTimeout,
    boolean baselineOnMigrate,
    boolean strictVersionOrder,
    boolean migrationLock,
    boolean failOnMissingLocations,
    Optional<String> prefix,
    ProgressCallback.Steps steps) {

  MigratorSettings {
    javaMigrations = Map.copyOf(javaMigrations);
    locations = List.copyOf(locations);
  }

  /** The history table as a statement names it: {@code "tenant_a"."flyway_schema_history"} with a prefix. */
  String qualifiedHistoryTable() {
    return Sql.table(prefix, historyTable);
  }

  /**
   * A Flyway migrating up to {@code target}: the Java migrations are the registered ones only (its
   * class scanning is switched off), SQL files come from the locations. Flyway logs through SLF4J,
   * so its own lines go where the application's logging sends them; the progress ecto4j prints
   * goes to the output. Out of order is on, as in Ecto: a migration older than the newest applied
   * one runs (the {@link Migrator} warns, or refuses under {@code strictVersionOrder}). With a
   * prefix, Flyway keeps that schema's own history there (creating the schema if it is missing)
   * and sets it as the {@code search_path} while migrating.
   */
  Flyway flyway(MigrationVersion target, ProgressCallback progress) {
    FluentConfiguration config = Flyway.configure(classLoader)
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .failOnMissingLocations(false)
        .loggers("slf4j")
        .table(historyTable)
        .javaMigrations(javaMigrations.values().toArray(JavaMigration[]::new))
        .javaMigrationClassProvider(List::of)
        .baselineOnMigrate(baselineOnMigrate)
        .baselineVersion("0")
        .outOfOrder(true)
        .target(target);
    prefix.ifPresent(schema -> config.schemas(schema).defaultSchema(schema));
    // Session-level rather than transactional advisory locks: a transaction Flyway held open for its
    // lock would make CREATE INDEX CONCURRENTLY wait for it, that is for ever.
    config.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    if (progress != null) {
      config.callbacks(progress);
    }
    return config.load();
  }
}
