package io.ecto4j.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;

/**
 * The migrations of the generated {@link MigrationIndex}es a tool found, for the tools that run a
 * project's migrations from outside it: the Maven goals, the Spring starter and
 * {@code @EctoTest(migrate = true)}. The processor registers each index in {@link #RESOURCE}; the
 * tool discovers them as Java services, through the project's class loader, and
 * hands them here. The runtime itself discovers nothing: an application names its
 * {@code Migrations.all()}.
 */
public final class MigrationIndexes {
  /** The service registration the processor writes, one generated index class a line. */
  public static final String RESOURCE = "META-INF/services/" + MigrationIndex.class.getName();

  private MigrationIndexes() {}

  /**
   * A new instance of every migration of every index of {@code indexes}, index by index.
   *
   * @throws MigrationException when a registered index cannot be loaded or created, naming it and
   *     how to fix the build
   */
  public static List<Migration> migrations(Iterable<MigrationIndex> indexes) {
    List<Migration> migrations = new ArrayList<>();
    try {
      for (MigrationIndex index : indexes) {
        migrations.addAll(index.migrations());
      }
    } catch (ServiceConfigurationError e) {
      throw new MigrationException("a migration index registered in " + RESOURCE + " cannot be loaded ("
          + e.getMessage() + "); compile the project again with ecto4j-processor on the annotation processor "
          + "path, then run this after compile", e);
    }
    return migrations;
  }
}
