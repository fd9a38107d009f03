package io.ecto4j.maven;

import io.ecto4j.migration.Migrator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rolls back migrations, {@code mix ecto.rollback}: the last one, the last {@code -Decto4j.step=N},
 * down to and including {@code -Decto4j.to=V}, or {@code -Decto4j.all}.
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class RollbackMojo extends AbstractMigratorMojo {
  /** How many of the last applied migrations to roll back. */
  @Parameter(property = "ecto4j.step", defaultValue = "1")
  int step;

  /** Roll back every migration at or above this version. */
  @Parameter(property = "ecto4j.to")
  String to;

  /** Roll back every applied migration. */
  @Parameter(property = "ecto4j.all", defaultValue = "false")
  boolean all;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    boolean hasTo = to != null && !to.isBlank();
    if (all && hasTo) {
      throw new MojoFailureException("ecto4j.all and ecto4j.to both given; choose one");
    }
    Migrator migrator = migrator();
    if (all) {
      migrator.rollbackAll();
    } else if (hasTo) {
      migrator.rollbackTo(to);
    } else {
      migrator.rollback(step);
    }
  }
}
