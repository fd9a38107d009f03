package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code DROP TABLE}; reversible only when it carries the table's definition
 * ({@code dropTable("posts", t -> ...)}), which the reverse creates again (without the rows).
 */
public record DropTable(String table, Optional<CreateTable> definition, boolean ifExists) implements Command {
  public DropTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(definition, "definition");
  }

  @Override
  public List<String> sql() {
    return List.of("DROP TABLE " + (ifExists ? "IF EXISTS " : "") + Sql.quote(table));
  }

  @Override
  public String describe() {
    return "drop table " + (ifExists ? "if exists " : "") + table;
  }

  @Override
  public boolean reversible() {
    return definition.isPresent();
  }

  @Override
  public List<Command> reverse() {
    CreateTable create = definition.orElseThrow();
    return List.of(new CreateTable(create.table(), create.columns(), ifExists));
  }

  @Override
  public String howToReverse() {
    return "give the columns, dropTable(\"" + table + "\", t -> t.add(...)), so that the table can be created "
        + "again, or write up() and down()";
  }
}
