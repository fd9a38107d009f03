package io.ecto4j.migration;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One line of {@code mix ecto.migrations}: a version, whether it is applied, and what it is.
 *
 * @param description Flyway's description, e.g. {@code create posts}
 * @param known whether a migration of this version exists here; false for a version applied by
 *     someone else's code (Ecto's {@code ** FILE NOT FOUND **})
 * @param script the class or SQL file, e.g. {@code db.migration.V1__CreatePosts} or {@code V2__add_views.sql}
 * @param name the name as written after the version, e.g. {@code CreatePosts} or {@code add_views}:
 *     what Ecto shows as the migration name
 */
public record MigrationStatus(String version, String description, State state, boolean known, String script,
    String name) {
  /** Ecto's {@code up} and {@code down}, and Flyway's record of a failed non-transactional migration. */
  public enum State {
    UP,
    DOWN,
    FAILED
  }

  public MigrationStatus {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(name, "name");
  }

  /** A status whose name is read from its script. */
  public MigrationStatus(String version, String description, State state, boolean known, String script) {
    this(version, description, state, known, script, WrittenNames.of(script));
  }

  /**
   * The table {@code mix ecto.migrations} prints, column for column:
   *
   * <pre>
   *
   * Repo: blog_dev
   *
   *   Status    Migration ID    Migration Name
   * --------------------------------------------------
   *   up        1               CreatePosts
   *   down      2               add_views
   * </pre>
   */
  static String table(String repo, List<MigrationStatus> statuses) {
    String rows = statuses.stream()
        .map(status -> "  " + pad(status.state().name().toLowerCase(Locale.ROOT), 10) + pad(status.version(), 16)
            + (status.known() ? status.name() : "** FILE NOT FOUND **"))
        .collect(Collectors.joining("\n"));
    return "\nRepo: " + repo + "\n\n  Status    Migration ID    Migration Name\n" + "-".repeat(50) + "\n" + rows + "\n";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
