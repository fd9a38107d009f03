package io.ecto4j.maven;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.Migrator;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Goals working on migrations: the project's Java migrations (run {@code compile} first) and SQL
 * files in the locations, on Flyway's history table.
 */
abstract class AbstractMigratorMojo extends AbstractEctoMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Where SQL migrations are, as Flyway locations. */
  @Parameter(property = "ecto4j.locations", defaultValue = "classpath:db/migration")
  String[] locations;

  /** Flyway's history table. */
  @Parameter(property = "ecto4j.historyTable", defaultValue = "flyway_schema_history")
  String historyTable;

  /** How long a migration's statement may wait for a lock, in seconds; 0 for no limit. */
  @Parameter(property = "ecto4j.lockTimeout", defaultValue = "10")
  int lockTimeout;

  /**
   * Refuse a migration older than the newest applied one instead of running it with a warning,
   * Ecto's {@code strict_version_order}.
   */
  @Parameter(property = "ecto4j.strictVersionOrder", defaultValue = "false")
  boolean strictVersionOrder;

  /** Hold ecto4j's advisory lock for the whole run, Ecto's {@code migration_lock}. */
  @Parameter(property = "ecto4j.migrationLock", defaultValue = "true")
  boolean migrationLock;

  /**
   * The PostgreSQL schema to migrate, Ecto's {@code --prefix}: it keeps its own history, and what a
   * migration gives no prefix goes there.
   */
  @Parameter(property = "ecto4j.prefix")
  String prefix;

  /** What the DSL uses where a migration does not say (see {@link DefaultsOption}). */
  @Parameter(property = "ecto4j.migrationDefaults")
  String migrationDefaults;

  /**
   * A migrator of the project's migrations. Before anything runs, it refuses a class named like a
   * migration that is not one and, unless this goal creates the first migration, a location that
   * does not exist, as {@code mix ecto.migrate} refuses a missing migrations directory.
   */
  Migrator migrator(ClassLoader loader) throws MojoExecutionException {
    Migrator.Builder builder = configured(Migrator.builder(url, user, password), projectMigrations(loader), loader,
        output()).defaults(DefaultsOption.parse(migrationDefaults));
    if (given(prefix)) {
      builder.prefix(prefix);
    }
    return builder.build();
  }

  /** The project's migrations, checked as {@link #migrator(ClassLoader)} says. */
  List<Migration> projectMigrations(ClassLoader loader) throws MojoExecutionException {
    List<Migration> migrations = ProjectMigrations.load(loader);
    ProjectMigrations.requireOnlyMigrations(project, loader, migrations, locations);
    return migrations;
  }

  /**
   * {@code builder} with {@code migrations} and this goal's options but {@code migrationDefaults}
   * (parsed once by the caller), progress lines to {@code output}.
   */
  Migrator.Builder configured(Migrator.Builder builder, List<Migration> migrations, ClassLoader loader,
      java.util.function.Consumer<String> output) {
    return builder
        .migrations(migrations)
        .locations(locations)
        .classLoader(loader)
        .historyTable(historyTable)
        .lockTimeout(Duration.ofSeconds(lockTimeout))
        .strictVersionOrder(strictVersionOrder)
        .migrationLock(migrationLock)
        .failOnMissingLocations(requiresLocations())
        .output(output)
        .warnings(text -> text.lines().forEach(line -> getLog().warn(line)));
  }

  static boolean given(String option) {
    return option != null && !option.isBlank();
  }

  /** Whether a location that does not exist fails the goal; not for the goal writing the first migration. */
  boolean requiresLocations() {
    return true;
  }

  Migrator migrator() throws MojoExecutionException {
    return migrator(ProjectMigrations.classLoader(project));
  }
}
