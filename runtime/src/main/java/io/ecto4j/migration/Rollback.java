package io.ecto4j.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Ecto's rollback on Flyway, whose community edition has no undo: each chosen version, latest
 * first, is undone by its migration's {@code down} commands (or a SQL migration's undo file) and
 * its history row deleted, in one transaction per migration. Every undo is worked out before
 * anything runs, so an irreversible migration fails the rollback without touching the database.
 */
final class Rollback {
  private final MigratorSettings settings;

  Rollback(MigratorSettings settings) {
    this.settings = settings;
  }

  /** Rolls back the versions {@code choose} picks from the applied ones, which it gets latest first. */
  List<MigrationRun> run(UnaryOperator<List<MigrationInfo>> choose) {
    List<MigrationInfo> chosen = choose.apply(applied());
    if (chosen.isEmpty()) {
      settings.output().accept("== Already down: no migration to roll back");
      return List.of();
    }
    WrittenNames.requireUnique(chosen);
    List<Step> steps = chosen.stream().map(this::plan).toList();
    List<MigrationRun> runs = new ArrayList<>();
    for (Step step : steps) {
      runs.add(execute(step));
    }
    return runs;
  }

  /**
   * The applied versions, the highest first, as Ecto orders a rollback (a migration applied out of
   * order is not the first rolled back); a failed one stops everything.
   */
  private List<MigrationInfo> applied() {
    MigrationInfo[] applied = Flyways.call(() -> settings.flyway(MigrationVersion.LATEST, null).info().applied());
    List<MigrationInfo> versions = Arrays.stream(applied)
        .filter(Migrator::versioned)
        .sorted(Comparator.comparing(MigrationInfo::getVersion).reversed())
        .toList();
    versions.forEach(info -> requireNotFailed(info, settings));
    return versions;
  }

  /** Refuses to go on past a migration recorded as failed, saying how to repair it. */
  static void requireNotFailed(MigrationInfo info, MigratorSettings settings) {
    if (info.getState().isFailed()) {
      throw new MigrationException("version " + info.getVersion() + " (" + info.getDescription() + ") is recorded as "
          + "failed: it ran outside a transaction and stopped half-way. Undo what it did by hand, then delete its row "
          + "from " + settings.qualifiedHistoryTable() + " (installed_rank " + info.getInstalledRank() + ")");
    }
  }

  private Step plan(MigrationInfo info) {
    FlywayJavaMigration java = settings.javaMigrations().get(info.getVersion());
    if (java != null && info.getType() == CoreMigrationType.JDBC) {
      List<Command> commands = java.rollbackCommands();
      return new Step(info, java.migration().inTransaction(), java.lockTimeout(),
          connection -> java.run(connection, "rollback of " + java.migration(), commands));
    }
    if (info.getType() == CoreMigrationType.SQL) {
      SqlUndo undo = new SqlUndo(settings.locations(), settings.classLoader());
      String sql = undo.find(info.getScript()).orElseThrow(() -> new MigrationException("cannot roll back "
          + label(info) + ": it is the SQL migration " + info.getScript() + ", and there is no undo file "
          + undo.searched(info.getScript()) + "; write one with the SQL that undoes it"));
      return new Step(info, true, settings.lockTimeout(),
          connection -> new CommandRunner(connection, settings.output(), settings.lockTimeout(), settings.prefix())
              .runScript("rollback of " + label(info), sql, true));
    }
    throw new MigrationException("cannot roll back " + label(info) + ": it is applied (" + info.getScript()
        + ") but no migration here has this version; roll it back where its migration exists");
  }

  private MigrationRun execute(Step step) {
    MigrationInfo info = step.info();
    settings.output().accept("== Rolling back " + info.getVersion() + " " + info.getDescription() + " ("
        + info.getScript() + ")");
    long started = System.nanoTime();
    try (Connection connection = settings.dataSource().getConnection()) {
      connection.setAutoCommit(!step.inTransaction());
      try {
        step.work().run(connection);
        deleteHistoryRow(connection, info.getInstalledRank());
        if (step.inTransaction()) {
          connection.commit();
        }
      } catch (SQLException | RuntimeException e) {
        if (step.inTransaction()) {
          connection.rollback();
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new MigrationException("rollback of " + label(info) + " failed: " + e.getMessage(), e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    settings.output().accept("== Rolled back " + info.getVersion() + " in " + ProgressCallback.seconds(took));
    return new MigrationRun(info.getVersion().getVersion(), info.getDescription(), took);
  }

  private void deleteHistoryRow(Connection connection, int installedRank) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM " + settings.qualifiedHistoryTable() + " WHERE installed_rank = ?")) {
      delete.setInt(1, installedRank);
      delete.executeUpdate();
    }
  }

  private static String label(MigrationInfo info) {
    return info.getVersion() + " (" + info.getDescription() + ")";
  }

  /** The undo of one applied migration, worked out before anything runs. */
  private record Step(MigrationInfo info, boolean inTransaction, Duration lockTimeout, Work work) {}

  @FunctionalInterface
  private interface Work {
    void run(Connection connection) throws SQLException;
  }
}
