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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
  private static final Pattern MIGRATION_FILE = Pattern.compile("V\\d+(?:_\\d+)*__(\\w+)\\.java");

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
  boolean requiresLocations() {
    return false;
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    refuseExistingName();
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

  /**
   * Refuses a name a migration of the package already has, as {@code mix ecto.gen.migration}
   * does; names are compared without case and underscores ({@code add_views} is {@code AddViews}).
   */
  private void refuseExistingName() throws MojoExecutionException, MojoFailureException {
    Path directory = directory();
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      Optional<Path> existing = files.filter(file -> sameName(file.getFileName().toString())).findFirst();
      if (existing.isPresent()) {
        throw new MojoFailureException("migration can't be created, there is already a migration file with name "
            + name + ": " + existing.get() + "; choose another name");
      }
    } catch (IOException e) {
      throw new MojoExecutionException("could not list " + directory + ": " + e.getMessage(), e);
    }
  }

  private boolean sameName(String file) {
    Matcher matcher = MIGRATION_FILE.matcher(file);
    return matcher.matches() && comparable(matcher.group(1)).equals(comparable(name));
  }

  private static String comparable(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private Path directory() {
    return sourceDirectory.toPath().resolve(migrationPackage.replace('.', File.separatorChar));
  }

  private Path write(GeneratedMigration migration) throws MojoExecutionException {
    Path directory = directory();
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
