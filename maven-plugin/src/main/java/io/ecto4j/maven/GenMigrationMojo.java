package io.ecto4j.maven;

import io.ecto4j.migration.MigrationStatus;
import io.ecto4j.migration.generator.MigrationGenerator;
import io.ecto4j.migration.generator.MigrationGenerator.GeneratedMigration;
import io.ecto4j.migration.generator.SchemaDescription;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Writes the next migration from the difference between the compiled schemas and the database,
 * in the Java DSL with a reversible {@code change()}: {@code mvn compile ecto4j:gen-migration
 * -Decto4j.name=add_view_count}. Without a difference it writes an empty template and says so.
 * The database must be migrated first.
 */
@Mojo(name = "gen-migration", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class GenMigrationMojo extends AbstractMigratorMojo {
  /** The migration's name, e.g. {@code add_view_count}: the class becomes {@code V<timestamp>__AddViewCount}. */
  @Parameter(property = "ecto4j.name", required = true)
  String name;

  /** The package of the new migration. */
  @Parameter(property = "ecto4j.package", defaultValue = "db.migration")
  String migrationPackage;

  /** The source root the migration is written under. */
  @Parameter(property = "ecto4j.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
  File sourceDirectory;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    ClassLoader loader = ProjectMigrations.classLoader(project);
    List<MigrationStatus> statuses = migrator(loader).status();
    List<String> pending = statuses.stream().filter(s -> s.state() != MigrationStatus.State.UP)
        .map(MigrationStatus::version).toList();
    if (!pending.isEmpty()) {
      throw new MojoFailureException("the database is not migrated (pending: " + String.join(", ", pending)
          + "); run ecto4j:migrate first, or the new migration would repeat them");
    }
    GeneratedMigration migration = MigrationGenerator.of(SchemaDescription.load(loader))
        .withHistoryTable(historyTable)
        .generate(dataSource(), migrationPackage, name, statuses.stream().map(MigrationStatus::version).toList());
    Path file = write(migration);
    migration.notes().forEach(note -> getLog().info("Left alone: " + note));
    if (migration.isEmpty()) {
      getLog().info("Nothing differs between the schemas and the database; wrote an empty migration " + file);
    } else {
      migration.commands().forEach(command -> getLog().info("  " + command.describe()));
      getLog().info("Wrote " + file + "; review it, then run ecto4j:migrate");
    }
  }

  private Path write(GeneratedMigration migration) throws MojoExecutionException {
    Path directory = sourceDirectory.toPath().resolve(migrationPackage.replace('.', File.separatorChar));
    Path file = directory.resolve(migration.className() + ".java");
    try {
      Files.createDirectories(directory);
      Files.writeString(file, migration.source());
      return file;
    } catch (IOException e) {
      throw new MojoExecutionException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private PGSimpleDataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    if (user != null) {
      dataSource.setUser(user);
    }
    if (password != null) {
      dataSource.setPassword(password);
    }
    return dataSource;
  }

}
