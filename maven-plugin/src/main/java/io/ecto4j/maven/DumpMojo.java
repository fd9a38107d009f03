package io.ecto4j.maven;

import io.ecto4j.migration.Storage;
import io.ecto4j.migration.Structure;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the database's structure and migration history to one SQL file, {@code mix ecto.dump}:
 * {@code pg_dump --schema-only} and the history's rows (PostgreSQL's client tools on the PATH).
 */
@Mojo(name = "dump", threadSafe = true)
public final class DumpMojo extends AbstractStructureMojo {
  @Override
  void run() {
    Structure.dump(url, user, password, dumpPath.toPath(), historyTable);
    say("The structure for " + Storage.database(url) + " has been dumped to " + dumpPath);
  }
}
