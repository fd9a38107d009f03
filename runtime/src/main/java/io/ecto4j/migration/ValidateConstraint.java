package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;

/**
 * {@code ALTER TABLE ... VALIDATE CONSTRAINT}: checks the existing rows against a constraint added
 * {@code NOT VALID}, without blocking writes. Undoing it needs nothing: the constraint's own
 * reverse drops it.
 */
public record ValidateConstraint(String table, String name) implements Command {
  public ValidateConstraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public List<String> sql() {
    return List.of("ALTER TABLE " + Sql.quote(table) + " VALIDATE CONSTRAINT " + Sql.quote(name));
  }

  @Override
  public String describe() {
    return "validate constraint " + name + " on table " + table;
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
