package io.ecto4j.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;

/**
 * A {@link Migration} as Flyway runs it. Flyway keeps the history, the order and the lock; this
 * adapter gives it the version, a checksum of the SQL (so an edited Java migration is caught like
 * an edited SQL file), and runs the commands under the lock timeout.
 */
final class FlywayJavaMigration implements JavaMigration {
  private final Migration migration;
  private final Consumer<String> output;
  private final Duration lockTimeout;
  private final MigrationDefaults defaults;
  private final Optional<String> prefix;

  /** {@code prefix} is the migrator's: the schema the migration's commands go to unless they name it. */
  FlywayJavaMigration(Migration migration, Consumer<String> output, Duration defaultLockTimeout,
      MigrationDefaults defaults, Optional<String> prefix) {
    this.migration = migration;
    this.output = output;
    this.lockTimeout = migration.ownLockTimeout().orElse(defaultLockTimeout);
    this.defaults = defaults;
    this.prefix = prefix;
  }

  Migration migration() {
    return migration;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(migration.version());
  }

  @Override
  public String getDescription() {
    return migration.description();
  }

  /** A CRC32 of every statement {@code up()} runs, as Flyway computes one for SQL files. */
  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    for (Command command : defaults.bind(prefix, migration::upCommands)) {
      for (String sql : command.sql()) {
        crc.update(sql.getBytes(StandardCharsets.UTF_8));
        crc.update('\n');
      }
    }
    return (int) crc.getValue();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return migration.inTransaction();
  }

  @Override
  public void migrate(Context context) throws Exception {
    run(context.getConnection(), migration.toString(),
        defaults.bind(prefix, () -> withCallbacks(migration.upCommands(), false)));
  }

  /** What a rollback runs, worked out before anything runs: {@code down()} between the callbacks. */
  List<Command> rollbackCommands() {
    return defaults.bind(prefix, () -> withCallbacks(migration.downCommands(), true));
  }

  /**
   * {@code body} between {@link Migration#afterBegin()} and {@link Migration#beforeCommit()}, as
   * Ecto's runner does inside a transaction only. A rollback of a {@code change()} migration runs
   * the callbacks backward, as Ecto's runner does.
   */
  private List<Command> withCallbacks(List<Command> body, boolean rollback) {
    if (!migration.inTransaction()) {
      return body;
    }
    boolean backward = rollback && migration.definesChange();
    Migration.Direction way = rollback ? Migration.Direction.DOWN : Migration.Direction.UP;
    List<Command> commands = new ArrayList<>(callback(Migration::afterBegin, "afterBegin()", way, backward));
    commands.addAll(body);
    commands.addAll(callback(Migration::beforeCommit, "beforeCommit()", way, backward));
    return commands;
  }

  private List<Command> callback(Consumer<Migration> callback, String name, Migration.Direction way,
      boolean backward) {
    List<Command> forward = migration.callbackCommands(callback, way);
    if (!backward) {
      return forward;
    }
    List<Command> reversed = new ArrayList<>();
    for (int i = forward.size() - 1; i >= 0; i--) {
      Command command = forward.get(i);
      if (!command.reversible()) {
        throw IrreversibleMigrationException.of(command, migration, name);
      }
      reversed.addAll(command.reverse());
    }
    return reversed;
  }

  /** Runs {@code commands} of this migration on {@code connection}, naming them {@code label} in a failure. */
  void run(Connection connection, String label, List<Command> commands) throws java.sql.SQLException {
    new CommandRunner(connection, output, lockTimeout, prefix).run(label, commands, migration.inTransaction());
  }

  Duration lockTimeout() {
    return lockTimeout;
  }

  /** Flyway's resolved migration, recording the migration's own class (not this adapter) as the script. */
  @Override
  public ResolvedMigration getResolvedMigration(Configuration config, StatementInterceptor statementInterceptor) {
    return new NamedResolvedMigration(JavaMigration.super.getResolvedMigration(config, statementInterceptor),
        migration.getClass().getName());
  }
}
