package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code DROP INDEX}; reversible when dropped by its definition ({@code dropIndex(index("posts",
 * "title"))}), not when dropped by name alone.
 */
public record DropIndex(String name, Optional<Index> definition, boolean ifExists, boolean concurrently,
    DropMode mode) implements Command {

  public DropIndex {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(mode, "mode");
  }

  /** Dropping {@code index} as defined (its prefix and concurrency included). */
  static DropIndex of(Index index, boolean ifExists, DropMode mode) {
    return new DropIndex(index.name(), Optional.of(index), ifExists, index.concurrent(), mode);
  }

  @Override
  public List<String> sql() {
    String target = definition.map(Index::qualifiedName).orElseGet(() -> Sql.quote(name));
    return List.of("DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + (ifExists ? "IF EXISTS " : "")
        + target + mode.clause());
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
