package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code ALTER TABLE ... ADD CONSTRAINT}, Ecto's {@code create constraint(...)}; reversed by dropping it. */
public record CreateConstraint(Constraint constraint) implements Command {
  public CreateConstraint {
    Objects.requireNonNull(constraint, "constraint");
  }

  @Override
  public List<String> sql() {
    String create = "ALTER TABLE " + constraint.qualifiedTable() + " ADD CONSTRAINT " + Sql.quote(constraint.name())
        + " " + constraint.definitionSql();
    return constraint.comment().map(text -> List.of(create, "COMMENT ON CONSTRAINT " + Sql.quote(constraint.name())
        + " ON " + constraint.qualifiedTable() + " IS " + Sql.literal(text))).orElse(List.of(create));
  }

  @Override
  public String describe() {
    return "create " + (constraint.kind() == Constraint.Kind.CHECK ? "check" : "exclusion") + " constraint "
        + constraint.name() + " on table " + Sql.shown(constraint.prefix(), constraint.table());
  }

  @Override
  public boolean reversible() {
    return true;
  }

  @Override
  public List<Command> reverse() {
    return List.of(DropConstraint.of(constraint, false, DropMode.RESTRICT));
  }
}
