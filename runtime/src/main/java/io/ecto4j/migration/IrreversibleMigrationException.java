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

  /**
   * Ecto's wording, {@code cannot reverse migration command: …}, with Java names, then how to
   * make {@code command} reversible; {@code where} is the method of {@code migration} holding it.
   */
  static IrreversibleMigrationException of(Command command, Migration migration, String where) {
    return new IrreversibleMigrationException("cannot reverse migration command: " + command.describe()
        + ". You will need to explicitly define up() and down() in your migration " + migration + "; or, to keep "
        + where + ": " + command.howToReverse());
  }
}
