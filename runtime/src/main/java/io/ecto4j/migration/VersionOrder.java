package io.ecto4j.migration;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Ecto's check of a migration older than the newest applied one (a branch merged late): it runs
 * with Ecto's warning, the text users search for, or, under {@code strictVersionOrder}, the run is
 * refused before anything runs.
 */
final class VersionOrder {
  private VersionOrder() {}

  /** Warns about, or refuses, each of {@code chosen} below the newest applied version of {@code all}. */
  static void check(List<MigrationInfo> chosen, MigrationInfo[] all, MigratorSettings settings) {
    Arrays.stream(all).filter(info -> Migrator.versioned(info) && info.getState().isApplied())
        .map(MigrationInfo::getVersion).max(Comparator.naturalOrder())
        .ifPresent(latest -> chosen.stream().filter(info -> info.getVersion().compareTo(latest) < 0).forEach(info -> {
          String message = message(info.getVersion(), latest);
          if (settings.strictVersionOrder()) {
            throw new MigrationException(message + "\nNothing was run: strictVersionOrder is on.");
          }
          settings.warnings().accept(message);
        }));
  }

  static String message(MigrationVersion version, MigrationVersion latest) {
    return "You are running migration " + version + " but an older migration with version " + latest
        + " has already run.\n\nThis can be an issue if you have already ran " + latest + " in production because a "
        + "new deployment may migrate " + version + " but a rollback command would revert " + latest + " instead of "
        + version + ".\n\nIf this can be an issue, we recommend to rollback " + version + " and change it to a "
        + "version later than " + latest + ".";
  }
}
