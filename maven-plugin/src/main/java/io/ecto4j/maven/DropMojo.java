package io.ecto4j.maven;

import io.ecto4j.migration.Storage;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Drops the database, {@code mix ecto.drop}; says so when it does not exist. */
@Mojo(name = "drop", requiresProject = false, threadSafe = true)
public final class DropMojo extends AbstractEctoMojo {
  /** End the sessions still connected ({@code WITH (FORCE)}), Ecto's {@code --force-drop}. */
  @Parameter(property = "ecto4j.force", defaultValue = "false")
  boolean force;

  @Override
  void run() {
    String database = Storage.database(url);
    boolean dropped = Storage.drop(url, user, password, force);
    getLog().info("The database " + database + (dropped ? " has been dropped" : " does not exist"));
  }
}
