package io.ecto4j.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/** What {@code ecto4j:dump} and {@code ecto4j:load} share: the structure file, the history table, quiet. */
abstract class AbstractStructureMojo extends AbstractEctoMojo {
  /** The structure file, Ecto's {@code --dump-path}; {@code priv/repo/structure.sql} in Ecto. */
  @Parameter(property = "ecto4j.dumpPath", defaultValue = "${project.basedir}/src/main/resources/db/structure.sql")
  File dumpPath;

  /** Flyway's history table, whose rows the dump carries and whose presence means "loaded". */
  @Parameter(property = "ecto4j.historyTable", defaultValue = "flyway_schema_history")
  String historyTable;

  /** No line saying what was done, Ecto's {@code --quiet}. */
  @Parameter(property = "ecto4j.quiet", defaultValue = "false")
  boolean quiet;

  void say(String line) {
    if (!quiet) {
      getLog().info(line);
    }
  }
}
