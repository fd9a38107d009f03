package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;

/**
 * One line of {@code mix ecto.migrations}: a version, whether it is applied, and what it is.
 *
 * @param known whether a migration of this version exists here; false for a version applied by
 *     someone else's code (Ecto's {@code ** FILE NOT FOUND **})
 * @param script the class or SQL file, e.g. {@code db.migration.V1__CreatePosts} or {@code V2__add_views.sql}
 */
public record MigrationStatus(String version, String description, State state, boolean known, String script) {
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
  }

  /** The table {@code mix ecto.migrations} prints, one line per status. */
  static String table(List<MigrationStatus> statuses) {
    StringBuilder table = new StringBuilder();
    table.append(String.format("%n  %-8s  %-16s  %s%n", "Status", "Migration ID", "Migration Name"));
    table.append("-".repeat(60)).append(System.lineSeparator());
    for (MigrationStatus status : statuses) {
      String name = status.known() ? status.description() : "** FILE NOT FOUND **";
      table.append(String.format("  %-8s  %-16s  %s%n", status.state().name().toLowerCase(java.util.Locale.ROOT),
          status.version(), name));
    }
    return table.toString();
  }
}
