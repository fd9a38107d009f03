package io.ecto4j.migration;

import java.util.List;

/**
 * One step of a migration, as the DSL records it: {@code createTable(...)} records a
 * {@link CreateTable}. A migration is the list of its commands; the runner prints each one's
 * {@link #describe()} line and runs its {@link #sql()}.
 *
 * <p>Commands recorded by {@code change()} are undone by running, in reverse order, each one's
 * {@link #reverse()}. A command that cannot know how to undo itself (a {@code DROP TABLE} without
 * the columns, raw SQL without its down part) says so through {@link #reversible()} and
 * {@link #howToReverse()}, and rolling back such a migration fails naming it.
 */
public sealed interface Command
    permits AlterTable, Comment, CreateConstraint, CreateIndex, CreateTable, DropConstraint, DropIndex, DropTable,
        Execute, RenameColumn, RenameIndex, RenameTable, ValidateConstraint {

  /** The statements, in order; each is sent to PostgreSQL on its own. */
  List<String> sql();

  /** One line for the log, Ecto's: {@code create table posts}. */
  String describe();

  /** Whether {@link #reverse()} knows how to undo this command. */
  boolean reversible();

  /** The commands undoing this one, in order; empty when there is nothing to undo. Only when {@link #reversible()}. */
  List<Command> reverse();

  /** What to write instead so that this command can be undone; shown when rolling back fails. */
  default String howToReverse() {
    return "write up() and down() instead of change()";
  }

  /** {@link #reverse()}, failing with {@link #howToReverse()} when the command is not reversible. */
  default List<Command> reverseOrThrow() {
    if (!reversible()) {
      throw new IllegalStateException(describe() + " is not reversible; " + howToReverse());
    }
    return reverse();
  }
}
