package io.ecto4j.maven;

import io.ecto4j.migration.Storage;
import org.apache.maven.plugins.annotations.Mojo;

/** Creates the database, {@code mix ecto.create}; says so when it exists already. */
@Mojo(name = "create", requiresProject = false, threadSafe = true)
public final class CreateMojo extends AbstractEctoMojo {
  @Override
  void run() {
    String database = Storage.database(url);
    boolean created = Storage.create(url, user, password);
    getLog().info("The database " + database + (created ? " has been created" : " already exists"));
  }
}
