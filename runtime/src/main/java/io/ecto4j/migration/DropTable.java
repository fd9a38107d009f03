package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code DROP TABLE}; reversible only when it carries the table's definition
 * ({@code dropTable("posts", t -> ...)}), which the reverse creates again (without the rows).
 *
 * @param mode {@link DropMode#CASCADE} to drop what depends on the table too, Ecto's {@code mode: :cascade}
 * @param prefix the table's PostgreSQL schema; empty for the {@code search_path}'s
 */
public record DropTable(String table, Optional<CreateTable> definition, boolean ifExists, DropMode mode,
    Optional<String> prefix) implements Command {
  public DropTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** {@code DROP TABLE} restricted to a table nothing depends on, in the {@code search_path}'s schema. */
  public DropTable(String table, Optional<CreateTable> definition, boolean ifExists) {
    this(table, definition, ifExists, DropMode.RESTRICT, Optional.empty());
  }

  @Override
  public List<String> sql() {
    return List.of("DROP TABLE " + (ifExists ? "IF EXISTS " : "") + Sql.table(prefix, table) + mode.clause());
  }

  @Override
  public String describe() {
    return "drop table " + (ifExists ? "if exists " : "") + Sql.shown(prefix, table)
        + mode.shown();
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
