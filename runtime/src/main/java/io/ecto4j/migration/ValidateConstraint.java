package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ALTER TABLE ... VALIDATE CONSTRAINT}: checks the existing rows against a constraint added
 * {@code NOT VALID}, without blocking writes. Undoing it needs nothing: the constraint's own
 * reverse drops it.
 */
public record ValidateConstraint(String table, String name, Optional<String> prefix) implements Command {
  public ValidateConstraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** Validates a constraint of a table in the {@code search_path}'s schema. */
  public ValidateConstraint(String table, String name) {
    this(table, name, Optional.empty());
  }

  @Override
  public List<String> sql() {
    return List.of("ALTER TABLE " + Sql.table(prefix, table) + " VALIDATE CONSTRAINT " + Sql.quote(name));
  }

  @Override
  public String describe() {
    return "validate constraint " + name + " on table " + Sql.shown(prefix, table);
  }

  @Override
  public boolean reversible() {
    return true;
  }

  @Override
  public List<Command> reverse() {
    return List.of();
  }
}
