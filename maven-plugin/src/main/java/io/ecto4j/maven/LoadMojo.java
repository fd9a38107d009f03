package io.ecto4j.maven;

import io.ecto4j.migration.Storage;
import io.ecto4j.migration.Structure;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Loads a structure file written by {@code ecto4j:dump} into the database, {@code mix ecto.load}:
 * {@code psql} in one transaction, stopping at the first error.
 */
@Mojo(name = "load", threadSafe = true)
public final class LoadMojo extends AbstractStructureMojo {
  /** Do nothing when the database has its history table already, Ecto's {@code --skip-if-loaded}. */
  @Parameter(property = "ecto4j.skipIfLoaded", defaultValue = "false")
  boolean skipIfLoaded;

  @Override
  void run() {
    String database = Storage.database(url);
    if (skipIfLoaded && Structure.hasTable(url, user, password, historyTable)) {
      say("The structure for " + database + " is loaded already (it has " + historyTable + "); skipped");
      return;
    }
    Structure.load(url, user, password, dumpPath.toPath());
    say("The structure for " + database + " has been loaded from " + dumpPath);
  }
}
