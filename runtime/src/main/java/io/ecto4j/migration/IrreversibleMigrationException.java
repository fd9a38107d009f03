package io.ecto4j.migration;

/**
 * Rolling back a migration failed before running anything: its {@code change()} holds a command
 * that cannot be undone (named in the message, with what to write instead), or it defines
 * {@code up()} without {@code down()}.
 */
public final class IrreversibleMigrationException extends MigrationException {
  public IrreversibleMigrationException(String message) {
    super(message);
  }
}
