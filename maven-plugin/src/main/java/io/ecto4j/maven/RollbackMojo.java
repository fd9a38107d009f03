package io.ecto4j.maven;

import io.ecto4j.migration.Migrator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rolls back migrations, {@code mix ecto.rollback}: the last one, the last {@code -Decto4j.step=N},
 * down to and including {@code -Decto4j.to=V}, down to but not including
 * {@code -Decto4j.toExclusive=V}, or {@code -Decto4j.all}.
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class RollbackMojo extends AbstractMigratorMojo {
  /** How many of the last applied migrations to roll back. */
  @Parameter(property = "ecto4j.step", defaultValue = "1")
  int step;

  /** Roll back every migration at or above this version. */
  @Parameter(property = "ecto4j.to")
  String to;

  /** Roll back every migration above this version, Ecto's {@code --to-exclusive}; it stays applied. */
  @Parameter(property = "ecto4j.toExclusive")
  String toExclusive;

  /** Roll back every applied migration. */
  @Parameter(property = "ecto4j.all", defaultValue = "false")
  boolean all;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    boolean hasTo = given(to);
    boolean hasToExclusive = given(toExclusive);
    if ((all ? 1 : 0) + (hasTo ? 1 : 0) + (hasToExclusive ? 1 : 0) > 1) {
      throw new MojoFailureException("more than one of ecto4j.all, ecto4j.to and ecto4j.toExclusive given; "
          + "choose one");
    }
    Migrator migrator = migrator();
    if (all) {
      migrator.rollbackAll();
    } else if (hasTo) {
      migrator.rollbackTo(to);
    } else if (hasToExclusive) {
      migrator.rollbackToExclusive(toExclusive);
    } else {
      migrator.rollback(step);
    }
  }
}
