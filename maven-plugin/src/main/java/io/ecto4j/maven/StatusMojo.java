package io.ecto4j.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Prints each migration version as up or down, {@code mix ecto.migrations}. */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class StatusMojo extends AbstractMigratorMojo {
  @Override
  void run() throws MojoExecutionException {
    migrator().printStatus();
  }
}
