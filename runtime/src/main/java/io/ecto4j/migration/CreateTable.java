package io.ecto4j.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@code CREATE TABLE}, Ecto's {@code create table(:posts) do ... end}; reversed by dropping it. */
public record CreateTable(TableSpec table, List<Column> columns, boolean ifNotExists) implements Command {
  public CreateTable {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
  }

  /** The implicit key, if any, then the declared columns. */
  List<Column> allColumns() {
    List<Column> all = new ArrayList<>();
    table.primaryKey().ifPresent(all::add);
    all.addAll(columns);
    return all;
  }

  @Override
  public List<String> sql() {
    List<Column> all = allColumns();
    List<String> lines = new ArrayList<>();
    all.forEach(column -> lines.add(column.sql(table.name())));
    List<String> keys = all.stream().filter(c -> c.definition().isPrimaryKey()).map(Column::name).toList();
    if (!keys.isEmpty()) {
      lines.add("PRIMARY KEY (" + Sql.quoteAll(keys) + ")");
    }
    for (Column column : all) {
      column.definition().references().filter(Reference::needsTableConstraint)
          .ifPresent(ref -> lines.add(ref.tableConstraintSql(table.name(), column.name())));
    }
    List<String> statements = new ArrayList<>();
    statements.add("CREATE " + table.modifiers().map(words -> words + " ").orElse("") + "TABLE "
        + (ifNotExists ? "IF NOT EXISTS " : "") + table.qualifiedName() + " (\n  "
        + lines.stream().collect(Collectors.joining(",\n  ")) + "\n)" + table.options().map(sql -> " " + sql).orElse(""));
    table.comment().ifPresent(text -> statements.add(Comment.onTable(table.prefix(), table.name(), text).sql().get(0)));
    for (Column column : all) {
      column.definition().comment()
          .ifPresent(text -> statements.add(Comment.onColumn(table.prefix(), table.name(), column.name(), text).sql().get(0)));
    }
    return statements;
  }

  @Override
  public String describe() {
    return "create table " + (ifNotExists ? "if not exists " : "") + table.displayName();
  }

  @Override
  public boolean reversible() {
    return true;
  }

  @Override
  public List<Command> reverse() {
    return List.of(new DropTable(table.name(), java.util.Optional.of(this), ifNotExists, DropMode.RESTRICT,
        table.prefix()));
  }
}
