package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code DROP INDEX}; reversible when dropped by its definition ({@code dropIndex(index("posts",
 * "title"))}), not when dropped by name alone.
 */
public record DropIndex(String name, Optional<Index> definition, boolean ifExists, boolean concurrently)
    implements Command {

  public DropIndex {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
  }

  @Override
  public List<String> sql() {
    return List.of("DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + (ifExists ? "IF EXISTS " : "")
        + Sql.quote(name));
  }

  @Override
  public String describe() {
    return "drop index " + (ifExists ? "if exists " : "") + name;
  }

  @Override
  public boolean reversible() {
    return definition.isPresent();
  }

  @Override
  public List<Command> reverse() {
    return List.of(new CreateIndex(definition.orElseThrow(), ifExists));
  }

  @Override
  public String howToReverse() {
    return "drop it by its definition, dropIndex(index(\"<table>\", \"<column>\")), so that it can be created "
        + "again, or write up() and down()";
  }
}
