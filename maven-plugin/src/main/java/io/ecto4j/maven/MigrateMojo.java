package io.ecto4j.maven;

import io.ecto4j.migration.Migrator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies the pending migrations, {@code mix ecto.migrate}: {@code -Decto4j.to=V} stops at version
 * V (a version beyond the last applies them all), {@code -Decto4j.toExclusive=V} stops below it,
 * {@code -Decto4j.step=N} applies the next N.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class MigrateMojo extends AbstractMigratorMojo {
  /** The last version to apply; every pending one when unset. */
  @Parameter(property = "ecto4j.to")
  String to;

  /** The version to stop below, Ecto's {@code --to-exclusive}; it stays pending. */
  @Parameter(property = "ecto4j.toExclusive")
  String toExclusive;

  /** How many pending migrations to apply, Ecto's {@code --step}; every pending one when unset. */
  @Parameter(property = "ecto4j.step")
  Integer step;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    boolean hasTo = given(to);
    boolean hasToExclusive = given(toExclusive);
    if ((hasTo ? 1 : 0) + (hasToExclusive ? 1 : 0) + (step != null ? 1 : 0) > 1) {
      throw new MojoFailureException("more than one of ecto4j.to, ecto4j.toExclusive and ecto4j.step given; "
          + "choose one");
    }
    Migrator migrator = migrator();
    if (hasTo) {
      migrator.migrateTo(to);
    } else if (hasToExclusive) {
      migrator.migrateToExclusive(toExclusive);
    } else if (step != null) {
      migrator.migrate(step);
    } else {
      migrator.migrate();
    }
  }
}
