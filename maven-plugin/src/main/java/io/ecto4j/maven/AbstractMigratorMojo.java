package io.ecto4j.maven;

import io.ecto4j.migration.Migrator;
import java.time.Duration;
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

  /** A migrator of the project's migrations. */
  Migrator migrator(ClassLoader loader) throws MojoExecutionException {
    return Migrator.builder(url, user, password)
        .migrations(ProjectMigrations.load(loader))
        .locations(locations)
        .classLoader(loader)
        .historyTable(historyTable)
        .lockTimeout(Duration.ofSeconds(lockTimeout))
        .output(output())
        .build();
  }

  Migrator migrator() throws MojoExecutionException {
    return migrator(ProjectMigrations.classLoader(project));
  }
}
