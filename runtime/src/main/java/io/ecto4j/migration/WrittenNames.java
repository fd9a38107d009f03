package io.ecto4j.migration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationInfo;

/**
 * A migration's name as its author wrote it, after the version: {@code CreatePosts} for the class
 * {@code db.migration.V1__CreatePosts}, {@code create_tags} for {@code V4__create_tags.sql}. Ecto
 * shows this name (the file's) in {@code mix ecto.migrations}, where Flyway shows its
 * description ({@code create tags}).
 */
final class WrittenNames {
  private WrittenNames() {}

  /** The name in {@code script}: a class name (nested or not) or a SQL file's path. */
  static String of(String script) {
    String file = script.substring(script.lastIndexOf('/') + 1);
    file = file.endsWith(".sql") ? file.substring(0, file.length() - ".sql".length())
        : file.substring(Math.max(file.lastIndexOf('.'), file.lastIndexOf('$')) + 1);
    int separator = file.indexOf("__");
    return separator < 0 ? file : file.substring(separator + 2);
  }

  /**
   * Refuses {@code migrations} (those about to run) when two have one name, Ecto's "migrations
   * can't be executed, migration name hello is duplicated". Names are compared as words, so
   * {@code CreatePosts} and {@code create_posts} are one name.
   */
  static void requireUnique(List<MigrationInfo> migrations) {
    Map<String, MigrationInfo> byName = new HashMap<>();
    for (MigrationInfo migration : migrations) {
      String name = of(migration.getScript());
      MigrationInfo other = byName.putIfAbsent(MigrationName.words(name), migration);
      if (other != null) {
        throw new MigrationException("migrations can't be executed, migration name " + name + " is duplicated: "
            + other.getScript() + " (version " + other.getVersion() + ") and " + migration.getScript()
            + " (version " + migration.getVersion() + "); rename one of them");
      }
    }
  }
}
