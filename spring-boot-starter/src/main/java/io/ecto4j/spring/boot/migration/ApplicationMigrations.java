package io.ecto4j.spring.boot.migration;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationIndex;
import io.ecto4j.migration.MigrationIndexes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The Java migrations of the application: those the processor's generated {@code Migrations}
 * indexes list (registered as {@code io.ecto4j.migration.MigrationIndex} services on the class path),
 * and the {@link Migration} beans. A bean replaces the indexed instance of its class, so a
 * migration may be a bean to receive what it needs by injection.
 *
 * <p>The runtime never loads classes by name; this starter does, once at startup, as Spring itself
 * does for everything it configures: each index then creates its migrations directly.
 */
public final class ApplicationMigrations {
  private final List<Migration> migrations;

  private ApplicationMigrations(List<Migration> migrations) {
    this.migrations = List.copyOf(migrations);
  }

  /** The indexed migrations {@code loader} sees, with {@code beans} in place of the instances of their classes. */
  public static ApplicationMigrations load(ClassLoader loader, Collection<? extends Migration> beans) {
    Map<Class<?>, Migration> byClass = new LinkedHashMap<>();
    indexed(loader).forEach(migration -> byClass.put(migration.getClass(), migration));
    beans.forEach(migration -> byClass.put(migration.getClass(), migration));
    return new ApplicationMigrations(new ArrayList<>(byClass.values()));
  }

  /** Every Java migration, indexed ones first. */
  public List<Migration> all() {
    return migrations;
  }

  /** The Java migration of {@code version}; empty for a SQL one or an unknown version. */
  public Optional<Migration> version(String version) {
    return migrations.stream().filter(migration -> migration.version().equals(version)).findFirst();
  }

  private static List<Migration> indexed(ClassLoader loader) {
    return MigrationIndexes.migrations(ServiceLoader.load(MigrationIndex.class, loader));
  }
}
