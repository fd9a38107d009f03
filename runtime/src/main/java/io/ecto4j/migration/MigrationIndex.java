package io.ecto4j.migration;

import java.util.List;

/**
 * A package's migrations, listed at compile time: the processor writes one {@code Migrations}
 * class per package with migrations, implementing this, and registers it as a service so that the
 * tools that run a project's migrations from outside it (the Maven goals, the Spring starter,
 * {@code @EctoTest(migrate = true)}) find every package's as services and take their migrations
 * through {@link MigrationIndexes#migrations}.
 * An application's own code calls the generated {@code Migrations.all()} directly.
 */
public interface MigrationIndex {
  /** A new instance of every migration of the package, in version order. */
  List<Migration> migrations();
}
