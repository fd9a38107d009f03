package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ALTER TABLE ... DROP CONSTRAINT}, Ecto's {@code drop constraint(…)} and
 * {@code drop_if_exists constraint(…)}; reversible when dropped by its definition.
 *
 * @param mode {@link DropMode#CASCADE} to drop what depends on the constraint too, Ecto's {@code mode: :cascade}
 * @param prefix the table's PostgreSQL schema; empty for the {@code search_path}'s
 */
public record DropConstraint(String table, String name, Optional<Constraint> definition, boolean ifExists,
    DropMode mode, Optional<String> prefix) implements Command {

  public DropConstraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** Drops a constraint of a table in the {@code search_path}'s schema, restricted. */
  public DropConstraint(String table, String name, Optional<Constraint> definition, boolean ifExists) {
    this(table, name, definition, ifExists, DropMode.RESTRICT, Optional.empty());
  }

  /** Dropping {@code constraint} as defined (its prefix included), so that the reverse creates it again. */
  static DropConstraint of(Constraint constraint, boolean ifExists, DropMode mode) {
    return new DropConstraint(constraint.table(), constraint.name(), Optional.of(constraint), ifExists, mode,
        constraint.prefix());
  }

  @Override
  public List<String> sql() {
    return List.of("ALTER TABLE " + Sql.table(prefix, table) + " DROP CONSTRAINT " + (ifExists ? "IF EXISTS " : "")
        + Sql.quote(name) + mode.clause());
  }

  @Override
  public String describe() {
    return "drop constraint " + (ifExists ? "if exists " : "") + name + " from table " + Sql.shown(prefix, table)
        + mode.shown();
  }

  @Override
  public boolean reversible() {
    return definition.isPresent();
  }

  @Override
  public List<Command> reverse() {
    return List.of(new CreateConstraint(definition.orElseThrow()));
  }

  @Override
  public String howToReverse() {
    return "drop it by its definition, dropConstraint(check(\"" + table + "\", \"" + name + "\", \"...\")), or "
        + "write up() and down()";
  }
}
