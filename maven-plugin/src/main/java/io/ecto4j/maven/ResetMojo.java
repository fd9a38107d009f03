package io.ecto4j.maven;

import io.ecto4j.migration.Storage;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Drops the database (ending its sessions), creates it and migrates it, {@code mix ecto.reset}. */
@Mojo(name = "reset", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ResetMojo extends AbstractMigratorMojo {
  @Override
  void run() throws MojoExecutionException {
    String database = Storage.database(url);
    Storage.drop(url, user, password, true);
    getLog().info("The database " + database + " has been dropped");
    Storage.create(url, user, password);
    getLog().info("The database " + database + " has been created");
    migrator().migrate();
  }
}
