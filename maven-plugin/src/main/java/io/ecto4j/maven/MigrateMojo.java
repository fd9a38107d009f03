package io.ecto4j.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Applies the pending migrations, {@code mix ecto.migrate}; {@code -Decto4j.to=V} stops at version V. */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class MigrateMojo extends AbstractMigratorMojo {
  /** The last version to apply; every pending one when unset. */
  @Parameter(property = "ecto4j.to")
  String to;

  @Override
  void run() throws MojoExecutionException {
    if (to == null || to.isBlank()) {
      migrator().migrate();
    } else {
      migrator().migrateTo(to);
    }
  }
}
