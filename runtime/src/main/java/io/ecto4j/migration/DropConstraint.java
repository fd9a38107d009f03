package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code ALTER TABLE ... DROP CONSTRAINT}; reversible when dropped by its definition. */
public record DropConstraint(String table, String name, Optional<Constraint> definition, boolean ifExists)
    implements Command {

  public DropConstraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
  }

  @Override
  public List<String> sql() {
    return List.of("ALTER TABLE " + Sql.quote(table) + " DROP CONSTRAINT " + (ifExists ? "IF EXISTS " : "")
        + Sql.quote(name));
  }

  @Override
  public String describe() {
    return "drop constraint " + (ifExists ? "if exists " : "") + name + " from table " + table;
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
